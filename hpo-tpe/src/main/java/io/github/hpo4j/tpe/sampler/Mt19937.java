package io.github.hpo4j.tpe.sampler;

import java.util.random.RandomGenerator;

/**
 * The Mersenne Twister MT19937 as numpy's legacy {@code RandomState(seed)} runs it: seeded by
 * {@code init_genrand} for seeds in [0, 2^32) (by {@code init_by_array} of the seed's two 32-bit
 * halves otherwise), doubles of 53 bits from two draws. With it the TPE sampler draws the very
 * numbers Optuna's {@code TPESampler(seed=…)} draws, so that the two can be compared seed for seed.
 *
 * <p>Not thread-safe; the sampler serialises its use.
 */
final class Mt19937 implements RandomGenerator {

    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int index = N + 1;

    Mt19937(long seed) {
        seed(seed);
    }

    /** Starts the stream again from a seed, as a new generator of that seed would. */
    void seed(long seed) {
        if (seed >= 0 && seed < (1L << 32)) {
            initGenrand((int) seed);
        } else {
            initByArray(new int[] {(int) seed, (int) (seed >>> 32)});
        }
    }

    private void initGenrand(int s) {
        mt[0] = s;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    private void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
        index = N;
    }

    /** @return the next 32 random bits, as numpy's {@code genrand_int32} */
    int next32() {
        if (index >= N) {
            int k = 0;
            for (; k < N - M; k++) {
                int y = (mt[k] & 0x80000000) | (mt[k + 1] & 0x7fffffff);
                mt[k] = mt[k + M] ^ (y >>> 1) ^ ((y & 1) * 0x9908b0df);
            }
            for (; k < N - 1; k++) {
                int y = (mt[k] & 0x80000000) | (mt[k + 1] & 0x7fffffff);
                mt[k] = mt[k + (M - N)] ^ (y >>> 1) ^ ((y & 1) * 0x9908b0df);
            }
            int y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
            mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) * 0x9908b0df);
            index = 0;
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /** @return a double in [0, 1) from 53 random bits, as numpy's {@code random_sample} */
    @Override
    public double nextDouble() {
        long a = (next32() & 0xffffffffL) >>> 5;
        long b = (next32() & 0xffffffffL) >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    @Override
    public long nextLong() {
        return ((next32() & 0xffffffffL) << 32) | (next32() & 0xffffffffL);
    }
}
