package io.github.hpo4j.search.gp;

import java.util.SplittableRandom;

/**
 * A Sobol' sequence in up to 21 dimensions (Joe and Kuo's direction numbers, new-joe-kuo-6.21201,
 * BSD licence, © 2008 Frances Y. Kuo and Stephen Joe), scrambled by a seeded digital shift; further
 * dimensions are filled from the same seeded stream. The unscrambled points equal SciPy's
 * {@code qmc.Sobol(scramble=False)} (a test checks the first 16 in 5 dimensions).
 */
final class Sobol {

    /** s, a, m_1..m_s for dimensions 2..21 (dimension 1 is the van der Corput sequence). */
    private static final int[][] TABLE = {
        {1, 0, 1}, {2, 1, 1, 3}, {3, 1, 1, 3, 1}, {3, 2, 1, 1, 1}, {4, 1, 1, 1, 3, 3}, {4, 4, 1, 3, 5, 13},
        {5, 2, 1, 1, 5, 5, 17}, {5, 4, 1, 1, 5, 5, 5}, {5, 7, 1, 1, 7, 11, 19}, {5, 11, 1, 1, 5, 1, 1},
        {5, 13, 1, 1, 1, 3, 11}, {5, 14, 1, 3, 5, 5, 31}, {6, 1, 1, 3, 3, 9, 7, 49}, {6, 13, 1, 1, 1, 15, 21, 21},
        {6, 16, 1, 3, 1, 13, 27, 49}, {6, 19, 1, 1, 1, 15, 7, 5}, {6, 22, 1, 3, 1, 15, 13, 25},
        {6, 25, 1, 1, 5, 5, 19, 61}, {7, 1, 1, 3, 7, 11, 23, 15, 103}, {7, 4, 1, 3, 7, 13, 13, 15, 69}};

    static final int MAX_DIMENSIONS = TABLE.length + 1;
    private static final int BITS = 32;

    private Sobol() {
    }

    /** The direction numbers v[d][k] (k = 0..31) of the first {@code dims} dimensions, scaled to 32 bits. */
    private static long[][] directions(int dims) {
        long[][] v = new long[dims][BITS];
        for (int k = 0; k < BITS; k++) {
            v[0][k] = 1L << (BITS - 1 - k);
        }
        for (int d = 1; d < dims; d++) {
            int[] row = TABLE[d - 1];
            int s = row[0];
            int a = row[1];
            for (int k = 0; k < s && k < BITS; k++) {
                v[d][k] = ((long) row[2 + k]) << (BITS - 1 - k);
            }
            for (int k = s; k < BITS; k++) {
                long x = v[d][k - s] ^ (v[d][k - s] >>> s);
                for (int j = 1; j < s; j++) {
                    if (((a >>> (s - 1 - j)) & 1) != 0) {
                        x ^= v[d][k - j];
                    }
                }
                v[d][k] = x;
            }
        }
        return v;
    }

    /**
     * {@code n} points of the sequence in {@code dims} dimensions, row-major; scrambled by a
     * digital shift drawn from {@code seed} unless {@code scramble} is false.
     */
    static double[] points(int n, int dims, boolean scramble, long seed) {
        int sobolDims = Math.min(dims, MAX_DIMENSIONS);
        long[][] v = directions(Math.max(1, sobolDims));
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] shift = new long[sobolDims];
        for (int d = 0; d < sobolDims; d++) {
            shift[d] = scramble ? rnd.nextLong() & 0xFFFFFFFFL : 0;
        }
        double[] out = new double[n * dims];
        long[] x = new long[sobolDims];
        double scale = 1.0 / (1L << BITS);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                // Gray code: flip the direction of the lowest zero bit of i − 1
                int c = Long.numberOfTrailingZeros(~(long) (i - 1));
                for (int d = 0; d < sobolDims; d++) {
                    x[d] ^= v[d][c];
                }
            }
            for (int d = 0; d < sobolDims; d++) {
                out[i * dims + d] = ((x[d] ^ shift[d]) & 0xFFFFFFFFL) * scale;
            }
            for (int d = sobolDims; d < dims; d++) {
                out[i * dims + d] = rnd.nextDouble();
            }
        }
        return out;
    }
}
