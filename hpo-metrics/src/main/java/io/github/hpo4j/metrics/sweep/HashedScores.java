package io.github.hpo4j.metrics.sweep;

/**
 * Gathers distinct scores in an open-addressing hash table (linear probing over primitive
 * arrays), then sorts only the distinct values. Gives up (returns null) when the scores are
 * mostly distinct, so that the caller sorts instead.
 */
final class HashedScores {

    private static final long EMPTY = Long.MIN_VALUE; // the bits of -0.0, which is stored as +0.0

    private HashedScores() {
    }

    static ScoreTable build(double[] scores, boolean[] labels, double[] weights) {
        int n = scores.length;
        int cap = 1024;
        long[] keys = new long[cap];
        java.util.Arrays.fill(keys, EMPTY);
        double[] pos = new double[cap];
        double[] neg = new double[cap];
        long[] cnt = new long[cap];
        int size = 0;
        int mask = cap - 1;
        int limit = Math.max(1 << 16, n >>> 3);
        for (int i = 0; i < n; i++) {
            double s = scores[i];
            if (!(s - s == 0)) {
                throw Inputs.badScore(i, s);
            }
            double w = 1;
            if (weights != null) {
                w = weights[i];
                if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
                    throw Inputs.badWeight(i, w);
                }
            }
            long bits = Double.doubleToRawLongBits(s + 0.0);
            int h = (int) ((bits * 0x9E3779B97F4A7C15L) >>> 32) & mask;
            while (true) {
                long k = keys[h];
                if (k == bits) {
                    break;
                }
                if (k == EMPTY) {
                    keys[h] = bits;
                    size++;
                    break;
                }
                h = (h + 1) & mask;
            }
            if (labels[i]) {
                pos[h] += w;
            } else {
                neg[h] += w;
            }
            cnt[h]++;
            if (size > (cap >>> 1)) {
                if (size > limit) {
                    // mostly distinct: finish the checks, then let the caller sort a copy
                    for (int j = i + 1; j < n; j++) {
                        if (!(scores[j] - scores[j] == 0)) {
                            throw Inputs.badScore(j, scores[j]);
                        }
                        if (weights != null && (!(weights[j] >= 0) || weights[j] == Double.POSITIVE_INFINITY)) {
                            throw Inputs.badWeight(j, weights[j]);
                        }
                    }
                    return null;
                }
                cap <<= 1;
                mask = cap - 1;
                long[] nk = new long[cap];
                java.util.Arrays.fill(nk, EMPTY);
                double[] np = new double[cap];
                double[] nq = new double[cap];
                long[] nc = new long[cap];
                for (int j = 0; j < keys.length; j++) {
                    if (keys[j] != EMPTY) {
                        int g = (int) ((keys[j] * 0x9E3779B97F4A7C15L) >>> 32) & mask;
                        while (nk[g] != EMPTY) {
                            g = (g + 1) & mask;
                        }
                        nk[g] = keys[j];
                        np[g] = pos[j];
                        nq[g] = neg[j];
                        nc[g] = cnt[j];
                    }
                }
                keys = nk;
                pos = np;
                neg = nq;
                cnt = nc;
            }
        }
        // the distinct scores, descending, with their weights
        long[] sortable = new long[size];
        int[] slot = new int[size];
        int k = 0;
        for (int j = 0; j < keys.length; j++) {
            if (keys[j] != EMPTY) {
                sortable[k] = SortedScores.descendingKey(Double.longBitsToDouble(keys[j]));
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
            s[i] = Double.longBitsToDouble(keys[j]);
            p[i] = pos[j];
            q[i] = neg[j];
            c[i] = cnt[j];
        }
        return new ScoreTable(s, p, q, c);
    }
}
