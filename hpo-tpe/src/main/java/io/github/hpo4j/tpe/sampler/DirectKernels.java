package io.github.hpo4j.tpe.sampler;

/**
 * Gaussian kernels summed one by one, sorted by centre and grouped in blocks of 16 with each
 * block's centre range, widest bandwidth and largest log weight, so that blocks out of reach of
 * a point are skipped whole.
 */
final class DirectKernels {

    private static final int BLOCK = 16;
    /** How many kernels, and blocks; the arrays may be longer (reused from an earlier ask). */
    private final int n;
    private final int blocks;
    private final double[] mu;
    private final double[] hv;
    private final double[] logWeight;
    private final double[] blockLo;
    private final double[] blockHi;
    private final double[] blockHv;
    private final double[] blockBase;
    private final double maxBase;
    private final double minHv;

    /**
     * @param mu        centres, ascending
     * @param hv        1/(2σ²) per kernel
     * @param logWeight log weight per kernel
     */
    DirectKernels(double[] mu, double[] hv, double[] logWeight) {
        this(mu, hv, logWeight, mu.length, null);
    }

    /**
     * @param mu        centres, ascending: the first n
     * @param hv        1/(2σ²) per kernel
     * @param logWeight log weight per kernel
     * @param n         how many kernels
     * @param scratch   where to keep the per-block arrays (slots 0–3), reused by the next ask;
     *                  null to allocate them
     */
    DirectKernels(double[] mu, double[] hv, double[] logWeight, int n, ScratchArrays scratch) {
        this.mu = mu;
        this.hv = hv;
        this.logWeight = logWeight;
        this.n = n;
        int blocks = (n + BLOCK - 1) / BLOCK;
        this.blocks = blocks;
        blockLo = scratch == null ? new double[blocks] : scratch.doubles(0, blocks);
        blockHi = scratch == null ? new double[blocks] : scratch.doubles(1, blocks);
        blockHv = scratch == null ? new double[blocks] : scratch.doubles(2, blocks);
        blockBase = scratch == null ? new double[blocks] : scratch.doubles(3, blocks);
        for (int b = 0; b < blocks; b++) {
            int from = b * BLOCK;
            int to = Math.min(n, from + BLOCK);
            double minHv = Double.POSITIVE_INFINITY;
            double maxBase = Double.NEGATIVE_INFINITY;
            for (int q = from; q < to; q++) {
                minHv = Math.min(minHv, hv[q]);
                maxBase = Math.max(maxBase, logWeight[q]);
            }
            blockLo[b] = mu[from];
            blockHi[b] = mu[to - 1];
            blockHv[b] = minHv;
            blockBase[b] = maxBase;
        }
        double top = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < blocks; b++) {
            top = Math.max(top, blockBase[b]);
        }
        this.maxBase = top;
        double narrowest = Double.POSITIVE_INFINITY;
        for (int b = 0; b < blocks; b++) {
            narrowest = Math.min(narrowest, blockHv[b]);
        }
        this.minHv = narrowest;
    }

    /** The first index whose (ascending) upper end is at least {@code key}. */
    static int firstReaching(double[] hi, double key) {
        return firstReaching(hi, hi.length, key);
    }

    /** {@link #firstReaching(double[], double)} over the first {@code length} entries. */
    static int firstReaching(double[] hi, int length, double key) {
        int from = java.util.Arrays.binarySearch(hi, 0, length, key);
        from = from >= 0 ? from : -from - 1;
        while (from > 0 && hi[from - 1] >= key) {
            from--;
        }
        return from;
    }

    /**
     * @param t         a point
     * @param skipBelow kernels and blocks whose log term is (at best) below this are left out
     * @param reference a log term near the sum's, so that e^(term − reference) neither
     *                  overflows nor loses the terms that matter
     * @return Σ w exp(−(t − μ)²/(2σ²)) / e^reference over the kernels in reach
     */
    double sumRelative(double t, double skipBelow, double reference) {
        return scan(t, skipBelow, reference, true);
    }

    /**
     * @param t         a point
     * @param skipBelow blocks whose largest possible log term is below this are left out
     * @return log Σ w exp(−(t − μ)²/(2σ²)) over the kernels in reach; −∞ if none
     */
    double logSum(double t, double skipBelow) {
        double max = scan(t, skipBelow, 0, false);
        return max == Double.NEGATIVE_INFINITY ? max : max + Math.log(scan(t, skipBelow, max, true));
    }

    /** Over the kernels in reach with a log term above skipBelow: Σ e^(term − reference), or the largest term. */
    private double scan(double t, double skipBelow, double reference, boolean sum) {
        double slack = maxBase - skipBelow;
        if (!(slack >= 0)) {
            return sum ? 0 : Double.NEGATIVE_INFINITY;
        }
        // the widest kernel's reach bounds every block's
        double reachDistance = Math.sqrt(slack / minHv);
        int from = firstReaching(blockHi, blocks, t - reachDistance);
        double acc = sum ? 0 : Double.NEGATIVE_INFINITY;
        for (int b = from; b < blocks && blockLo[b] <= t + reachDistance; b++) {
            double dist = t < blockLo[b] ? blockLo[b] - t : t > blockHi[b] ? t - blockHi[b] : 0;
            if (blockBase[b] - blockHv[b] * dist * dist < skipBelow) {
                continue;
            }
            int to = Math.min(n, (b + 1) * BLOCK);
            for (int q = b * BLOCK; q < to; q++) {
                double z = t - mu[q];
                double x = logWeight[q] - hv[q] * z * z;
                if (x > skipBelow) {
                    acc = sum ? acc + Gaussian.fastExp(x - reference) : Math.max(acc, x);
                }
            }
        }
        return acc;
    }
}
