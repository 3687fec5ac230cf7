package io.github.hpo4j.metrics.sweep;

/**
 * Gathers distinct scores in an open-addressing hash table (linear probing), each slot's key,
 * count and positive and negative weight interleaved in one {@code long[]} so that an update
 * touches one cache line; then sorts only the distinct values. Returns null, so that the caller
 * sorts instead, when the scores look mostly distinct: more than half distinct in a strided
 * sample of 65,536, or more than an eighth of all samples once past 65,536 distinct values.
 */
final class HashedScores {

    private static final long EMPTY = Long.MIN_VALUE; // the bits of -0.0, which is stored as +0.0
    private static final int SAMPLE = 1 << 16;

    private HashedScores() {
    }

    private static int hash(long bits, int mask) {
        return (int) ((bits * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }

    /** Whether a strided sample of the scores is more than half distinct. */
    private static boolean looksDistinct(double[] scores) {
        int n = scores.length;
        if (n < 4 * SAMPLE) {
            return false;
        }
        long step = n / SAMPLE;
        long[] keys = new long[SAMPLE * 2];
        java.util.Arrays.fill(keys, EMPTY);
        int mask = keys.length - 1;
        int distinct = 0;
        for (int k = 0; k < SAMPLE; k++) {
            double s = scores[(int) (k * step)];
            long bits = Double.doubleToRawLongBits(s + 0.0);
            int h = hash(bits, mask);
            while (keys[h] != EMPTY && keys[h] != bits) {
                h = (h + 1) & mask;
            }
            if (keys[h] == EMPTY) {
                keys[h] = bits;
                distinct++;
            }
        }
        return distinct > SAMPLE / 2;
    }

    static ScoreTable build(double[] scores, boolean[] labels, double[] weights) {
        if (looksDistinct(scores)) {
            return null;
        }
        if (weights == null) {
            return buildCounts(scores, labels);
        }
        int n = scores.length;
        int cap = 1024;
        // slot i: [4i] key bits, [4i+1] count, [4i+2] positive weight bits, [4i+3] negative weight bits;
        // without weights [4i+2] counts positives and [4i+3] is unused
        long[] table = newTable(cap);
        int size = 0;
        int mask = cap - 1;
        int grow = cap * 3 / 4;
        int limit = Math.max(SAMPLE, n >>> 3);
        boolean weighted = weights != null;
        for (int i = 0; i < n; i++) {
            double s = scores[i];
            if (!(s - s == 0)) {
                throw Inputs.badScore(i, s);
            }
            long bits = Double.doubleToRawLongBits(s + 0.0);
            int h = hash(bits, mask);
            int at;
            while (true) {
                at = h << 2;
                long k = table[at];
                if (k == bits) {
                    break;
                }
                if (k == EMPTY) {
                    table[at] = bits;
                    size++;
                    break;
                }
                h = (h + 1) & mask;
            }
            table[at + 1]++;
            if (weighted) {
                double w = weights[i];
                if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
                    throw Inputs.badWeight(i, w);
                }
                int slot = labels[i] ? at + 2 : at + 3;
                table[slot] = Double.doubleToRawLongBits(Double.longBitsToDouble(table[slot]) + w);
            } else if (labels[i]) {
                table[at + 2]++;
            }
            if (size > grow) {
                if (size > limit) {
                    // mostly distinct after all: finish the checks, then let the caller sort a copy
                    for (int j = i + 1; j < n; j++) {
                        if (!(scores[j] - scores[j] == 0)) {
                            throw Inputs.badScore(j, scores[j]);
                        }
                        if (weighted && (!(weights[j] >= 0) || weights[j] == Double.POSITIVE_INFINITY)) {
                            throw Inputs.badWeight(j, weights[j]);
                        }
                    }
                    return null;
                }
                cap <<= 1;
                mask = cap - 1;
                grow = cap * 3 / 4;
                long[] next = newTable(cap);
                for (int j = 0; j < table.length; j += 4) {
                    if (table[j] != EMPTY) {
                        int g = hash(table[j], mask);
                        while (next[g << 2] != EMPTY) {
                            g = (g + 1) & mask;
                        }
                        System.arraycopy(table, j, next, g << 2, 4);
                    }
                }
                table = next;
            }
        }
        long[] sortable = new long[size];
        int[] slot = new int[size];
        int k = 0;
        for (int j = 0; j < table.length; j += 4) {
            if (table[j] != EMPTY) {
                sortable[k] = SortedScores.descendingKey(Double.longBitsToDouble(table[j]));
                slot[k++] = j;
            }
        }
        int[] order = SortedScores.radixOrder(sortable);
        double[] s = new double[size];
        double[] p = new double[size];
        double[] q = new double[size];
        long[] c = new long[size];
        for (int i = 0; i < size; i++) {
            int j = slot[order[i]];
            s[i] = Double.longBitsToDouble(table[j]);
            c[i] = table[j + 1];
            if (weighted) {
                p[i] = Double.longBitsToDouble(table[j + 2]);
                q[i] = Double.longBitsToDouble(table[j + 3]);
            } else {
                p[i] = table[j + 2];
                q[i] = c[i] - table[j + 2];
            }
        }
        return new ScoreTable(s, p, q, c);
    }

    private static long[] newTable(int cap) {
        long[] t = new long[cap * 4];
        for (int j = 0; j < t.length; j += 4) {
            t[j] = EMPTY;
        }
        return t;
    }

    /**
     * The unweighted build: slots of two longs, the key and (count << 32 | positives), so the
     * table of ~10,000 distinct scores stays in the L2 cache and an update is one add.
     */
    private static ScoreTable buildCounts(double[] scores, boolean[] labels) {
        int n = scores.length;
        int cap = 1024;
        long[] table = newCountTable(cap);
        int size = 0;
        int mask = cap - 1;
        int grow = cap * 3 / 4;
        int limit = Math.max(SAMPLE, n >>> 3);
        for (int i = 0; i < n; i++) {
            double s = scores[i];
            if (!(s - s == 0)) {
                throw Inputs.badScore(i, s);
            }
            long bits = Double.doubleToRawLongBits(s + 0.0);
            int h = hash(bits, mask);
            int at;
            while (true) {
                at = h << 1;
                long k = table[at];
                if (k == bits) {
                    break;
                }
                if (k == EMPTY) {
                    table[at] = bits;
                    size++;
                    break;
                }
                h = (h + 1) & mask;
            }
            table[at + 1] += labels[i] ? (1L << 32) + 1 : (1L << 32);
            if (size > grow) {
                if (size > limit) {
                    for (int j = i + 1; j < n; j++) {
                        if (!(scores[j] - scores[j] == 0)) {
                            throw Inputs.badScore(j, scores[j]);
                        }
                    }
                    return null;
                }
                cap <<= 1;
                mask = cap - 1;
                grow = cap * 3 / 4;
                long[] next = newCountTable(cap);
                for (int j = 0; j < table.length; j += 2) {
                    if (table[j] != EMPTY) {
                        int g = hash(table[j], mask);
                        while (next[g << 1] != EMPTY) {
                            g = (g + 1) & mask;
                        }
                        next[g << 1] = table[j];
                        next[(g << 1) + 1] = table[j + 1];
                    }
                }
                table = next;
            }
        }
        long[] sortable = new long[size];
        int[] slot = new int[size];
        int k = 0;
        for (int j = 0; j < table.length; j += 2) {
            if (table[j] != EMPTY) {
                sortable[k] = SortedScores.descendingKey(Double.longBitsToDouble(table[j]));
                slot[k++] = j;
            }
        }
        int[] order = SortedScores.radixOrder(sortable);
        double[] sc = new double[size];
        double[] p = new double[size];
        double[] q = new double[size];
        long[] c = new long[size];
        for (int i = 0; i < size; i++) {
            int j = slot[order[i]];
            sc[i] = Double.longBitsToDouble(table[j]);
            long packed = table[j + 1];
            c[i] = packed >>> 32;
            p[i] = packed & 0xFFFFFFFFL;
            q[i] = c[i] - p[i];
        }
        return new ScoreTable(sc, p, q, c);
    }

    private static long[] newCountTable(int cap) {
        long[] t = new long[cap * 2];
        for (int j = 0; j < t.length; j += 2) {
            t[j] = EMPTY;
        }
        return t;
    }
}
