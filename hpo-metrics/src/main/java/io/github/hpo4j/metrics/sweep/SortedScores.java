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

    /** The permutation that sorts {@code keys} ascending as unsigned longs (stable). */
    static int[] radixOrder(long[] keys) {
        int n = keys.length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        long[] k = keys.clone();
        long[] k2 = new long[n];
        int[] i2 = new int[n];
        int[] count = new int[1 << 16];
        for (int shift = 0; shift < 64; shift += 16) {
            java.util.Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) (k[i] >>> shift) & 0xFFFF]++;
            }
            if (count[(int) (k[0] >>> shift) & 0xFFFF] == n) {
                continue; // every key has the same digit: nothing to move
            }
            int sum = 0;
            for (int d = 0; d < count.length; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int d = (int) (k[i] >>> shift) & 0xFFFF;
                int at = count[d]++;
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

    static ScoreTable build(double[] scores, boolean[] labels, double[] weights) {
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
}
