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
        // slot i: [4i] key bits, [4i+1] count, [4i+2] positive weight bits, [4i+3] negative weight bits
        long[] table = newTable(cap, 4);
        int size = 0;
        int limit = Math.max(SAMPLE, n >>> 3);
        for (int i = 0; i < n; i++) {
            double s = scores[i];
            if (!(s - s == 0)) {
                throw Inputs.badScore(i, s);
            }
            double w = weights[i];
            if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
                throw Inputs.badWeight(i, w);
            }
            long bits = Double.doubleToRawLongBits(s + 0.0);
            int at = probe(table, bits, cap - 1, 2);
            if (table[at] == EMPTY) {
                table[at] = bits;
                size++;
            }
            table[at + 1]++;
            int slot = labels[i] ? at + 2 : at + 3;
            table[slot] = Double.doubleToRawLongBits(Double.longBitsToDouble(table[slot]) + w);
            if (size > cap * 3 / 4) {
                if (size > limit) {
                    checkRest(scores, weights, i + 1);
                    return null;
                }
                cap <<= 1;
                table = rehash(table, cap, 2);
            }
        }
        int[] slots = slotsByDescendingScore(table, size, 4);
        double[] sc = new double[size];
        double[] p = new double[size];
        double[] q = new double[size];
        long[] c = new long[size];
        for (int i = 0; i < size; i++) {
            int j = slots[i];
            sc[i] = Double.longBitsToDouble(table[j]);
            c[i] = table[j + 1];
            p[i] = Double.longBitsToDouble(table[j + 2]);
            q[i] = Double.longBitsToDouble(table[j + 3]);
        }
        return new ScoreTable(sc, p, q, c);
    }

    /**
     * The unweighted build: slots of two longs, the key and (count << 32 | positives), so the
     * table of ~10,000 distinct scores stays in the L2 cache and an update is one add.
     */
    private static ScoreTable buildCounts(double[] scores, boolean[] labels) {
        int n = scores.length;
        int cap = 1024;
        long[] table = newTable(cap, 2);
        int size = 0;
        int limit = Math.max(SAMPLE, n >>> 3);
        for (int i = 0; i < n; i++) {
            double s = scores[i];
            if (!(s - s == 0)) {
                throw Inputs.badScore(i, s);
            }
            long bits = Double.doubleToRawLongBits(s + 0.0);
            int at = probe(table, bits, cap - 1, 1);
            if (table[at] == EMPTY) {
                table[at] = bits;
                size++;
            }
            table[at + 1] += labels[i] ? (1L << 32) + 1 : (1L << 32);
            if (size > cap * 3 / 4) {
                if (size > limit) {
                    checkRest(scores, null, i + 1);
                    return null;
                }
                cap <<= 1;
                table = rehash(table, cap, 1);
            }
        }
        int[] slots = slotsByDescendingScore(table, size, 2);
        double[] sc = new double[size];
        double[] p = new double[size];
        double[] q = new double[size];
        long[] c = new long[size];
        for (int i = 0; i < size; i++) {
            int j = slots[i];
            sc[i] = Double.longBitsToDouble(table[j]);
            long packed = table[j + 1];
            c[i] = packed >>> 32;
            p[i] = packed & 0xFFFFFFFFL;
            q[i] = c[i] - p[i];
        }
        return new ScoreTable(sc, p, q, c);
    }

    /** A table of {@code cap} empty slots of {@code stride} longs each (the key first). */
    private static long[] newTable(int cap, int stride) {
        long[] t = new long[cap * stride];
        for (int j = 0; j < t.length; j += stride) {
            t[j] = EMPTY;
        }
        return t;
    }

    /** Linear probing: the index of the slot holding {@code bits}, or of the empty slot where it goes. */
    private static int probe(long[] table, long bits, int mask, int shift) {
        int h = hash(bits, mask);
        while (true) {
            int at = h << shift;
            long k = table[at];
            if (k == bits || k == EMPTY) {
                return at;
            }
            h = (h + 1) & mask;
        }
    }

    /** The same slots in a table of {@code cap} slots. */
    private static long[] rehash(long[] table, int cap, int shift) {
        int stride = 1 << shift;
        long[] next = newTable(cap, stride);
        for (int j = 0; j < table.length; j += stride) {
            if (table[j] != EMPTY) {
                System.arraycopy(table, j, next, probe(next, table[j], cap - 1, shift), stride);
            }
        }
        return next;
    }

    /** The occupied slots' indices, by descending score (a radix sort of the distinct keys only). */
    private static int[] slotsByDescendingScore(long[] table, int size, int stride) {
        long[] sortable = new long[size];
        int[] slot = new int[size];
        int k = 0;
        for (int j = 0; j < table.length; j += stride) {
            if (table[j] != EMPTY) {
                sortable[k] = SortedScores.descendingKey(Double.longBitsToDouble(table[j]));
                slot[k++] = j;
            }
        }
        int[] order = SortedScores.radixOrder(sortable);
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = slot[order[i]];
        }
        return out;
    }

    /** Checks the rest of the input before handing it to the sort-based build. */
    private static void checkRest(double[] scores, double[] weights, int from) {
        for (int j = from; j < scores.length; j++) {
            if (!(scores[j] - scores[j] == 0)) {
                throw Inputs.badScore(j, scores[j]);
            }
            if (weights != null && (!(weights[j] >= 0) || weights[j] == Double.POSITIVE_INFINITY)) {
                throw Inputs.badWeight(j, weights[j]);
            }
        }
    }
}
