package io.github.hpo4j.metrics.sweep;

/**
 * The sort-based build: a least-significant-digit radix sort (four 16-bit passes) of the
 * scores' order-preserving bits, carrying each sample's index, then one pass that merges equal
 * scores.
 */
final class SortedScores {

    private SortedScores() {
    }

    /** A long whose unsigned order is the descending order of the (non-NaN) double. */
    static long descendingKey(double s) {
        long bits = Double.doubleToRawLongBits(s + 0.0);
        // ascending unsigned key: flip all bits of negatives, only the sign of positives
        long asc = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
        return ~asc;
    }

    private static final int BITS = 11;
    private static final int RADIX = 1 << BITS;

    /**
     * The permutation that sorts {@code keys} ascending as unsigned longs (stable): six LSD
     * passes of 11 bits, skipping a pass when every key has the same digit.
     */
    static int[] radixOrder(long[] keys) {
        int n = keys.length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        if (n < 2) {
            return idx;
        }
        long[] k = keys.clone();
        long[] k2 = new long[n];
        int[] i2 = new int[n];
        int[] count = new int[RADIX];
        for (int shift = 0; shift < 64; shift += BITS) {
            if (!digitOffsets(k, shift, count)) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                int at = count[(int) (k[i] >>> shift) & (RADIX - 1)]++;
                k2[at] = k[i];
                i2[at] = idx[i];
            }
            long[] tk = k;
            k = k2;
            k2 = tk;
            int[] ti = idx;
            idx = i2;
            i2 = ti;
        }
        return idx;
    }

    /**
     * Fills {@code count} with each digit's first output position for one pass.
     *
     * @return false when every key has the same digit (the pass would move nothing)
     */
    private static boolean digitOffsets(long[] k, int shift, int[] count) {
        int n = k.length;
        java.util.Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) {
            count[(int) (k[i] >>> shift) & (RADIX - 1)]++;
        }
        if (count[(int) (k[0] >>> shift) & (RADIX - 1)] == n) {
            return false;
        }
        int sum = 0;
        for (int d = 0; d < RADIX; d++) {
            int c = count[d];
            count[d] = sum;
            sum += c;
        }
        return true;
    }

    /** Sorts keys ascending (unsigned) carrying one label bit each: no index array needed. */
    private static void radixSortWithLabels(long[] keys, boolean[] labels) {
        long[] k = keys;
        boolean[] y = labels;
        int n = k.length;
        long[] k2 = new long[n];
        boolean[] y2 = new boolean[n];
        int[] count = new int[RADIX];
        for (int shift = 0; shift < 64; shift += BITS) {
            if (!digitOffsets(k, shift, count)) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                int at = count[(int) (k[i] >>> shift) & (RADIX - 1)]++;
                k2[at] = k[i];
                y2[at] = y[i];
            }
            long[] tk = k;
            k = k2;
            k2 = tk;
            boolean[] ty = y;
            y = y2;
            y2 = ty;
        }
        if (k != keys) {
            System.arraycopy(k, 0, keys, 0, n);
            System.arraycopy(y, 0, labels, 0, n);
        }
    }

    static ScoreTable build(double[] scores, boolean[] labels, double[] weights) {
        if (weights == null) {
            return buildUnweighted(scores, labels);
        }
        int n = scores.length;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            double s = scores[i];
            if (!(s - s == 0)) {
                throw Inputs.badScore(i, s);
            }
            if (weights != null && (!(weights[i] >= 0) || weights[i] == Double.POSITIVE_INFINITY)) {
                throw Inputs.badWeight(i, weights[i]);
            }
            keys[i] = descendingKey(s);
        }
        int[] order = radixOrder(keys);
        double[] sc = new double[n];
        double[] p = new double[n];
        double[] q = new double[n];
        long[] c = new long[n];
        int k = -1;
        long last = 0;
        for (int r = 0; r < n; r++) {
            int i = order[r];
            long key = keys[i];
            if (k < 0 || key != last) {
                k++;
                sc[k] = scores[i] + 0.0;
                last = key;
            }
            double w = weights == null ? 1 : weights[i];
            if (labels[i]) {
                p[k] += w;
            } else {
                q[k] += w;
            }
            c[k]++;
        }
        int size = k + 1;
        return new ScoreTable(java.util.Arrays.copyOf(sc, size), java.util.Arrays.copyOf(p, size),
                java.util.Arrays.copyOf(q, size), java.util.Arrays.copyOf(c, size));
    }

    private static ScoreTable buildUnweighted(double[] scores, boolean[] labels) {
        int n = scores.length;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            double s = scores[i];
            if (!(s - s == 0)) {
                throw Inputs.badScore(i, s);
            }
            keys[i] = descendingKey(s);
        }
        boolean[] y = labels.clone();
        radixSortWithLabels(keys, y);
        int distinct = n == 0 ? 0 : 1;
        for (int i = 1; i < n; i++) {
            if (keys[i] != keys[i - 1]) {
                distinct++;
            }
        }
        double[] sc = new double[distinct];
        double[] p = new double[distinct];
        double[] q = new double[distinct];
        long[] c = new long[distinct];
        int k = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                k++;
                sc[k] = fromDescendingKey(keys[i]);
            }
            c[k]++;
            if (y[i]) {
                p[k]++;
            }
        }
        for (int i = 0; i < distinct; i++) {
            q[i] = c[i] - p[i];
        }
        return new ScoreTable(sc, p, q, c);
    }

    /** Inverse of {@link #descendingKey}. */
    static double fromDescendingKey(long key) {
        long asc = ~key;
        long bits = asc < 0 ? asc ^ Long.MIN_VALUE : ~asc;
        return Double.longBitsToDouble(bits);
    }
}
