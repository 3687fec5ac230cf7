package io.github.hpo4j.tpe.sampler;

import java.util.Arrays;

/**
 * The log of a one-parameter mixture {@code Σ w_i exp(−(t − μ_i)² / (2σ_i²))} at many points t,
 * without visiting every kernel for every point.
 *
 * <p>Kernels are sorted by centre. Those of the common, narrowest width (the bandwidth floor,
 * where most of a long history's kernels sit) are gathered in boxes at most one
 * {@code δ = σ√2} wide; a box with enough kernels is summarised by its first {@value #TERMS}
 * Hermite moments about its centre c, since
 * {@code exp(−(x − y)²) = Σ_n y^n / n! · e^{−x²} H_n(x)} with x = (t − c)/δ and y = (μ − c)/δ:
 * a point then costs one exponential and a short recurrence per box instead of one exponential per
 * kernel (the fast Gauss transform of Greengard and Strain). With |y| ≤ 1/2 the terms left out
 * are below 1e-16 of the box's weight. Every other kernel is summed directly, in blocks of 16.
 * Boxes and blocks whose largest possible term is 40 below a term already known to be in the sum
 * are skipped: they add less than e^-40 each.
 */
final class SortedKernels {

    private static final int BLOCK = 16;
    private static final double CUT = 40;
    /** Hermite terms kept per box. */
    static final int TERMS = 24;
    /** Smallest box worth an expansion: fewer kernels are cheaper to sum one by one. */
    private static final int MIN_BOX = 12;
    private static final double[] RECIPROCAL = new double[TERMS + 1];

    static {
        for (int i = 1; i <= TERMS; i++) {
            RECIPROCAL[i] = 1.0 / i;
        }
    }

    /** All kernels, sorted by centre (for the nearest-kernel bound). */
    private final double[] mu;
    private final double[] halfInvVar;
    private final double[] linear;
    /** Kernels summed directly, sorted, and their blocks. */
    private final double[] dMu;
    private final double[] dHv;
    private final double[] dBase;
    private final double[] blockLo;
    private final double[] blockHi;
    private final double[] blockHv;
    private final double[] blockBase;
    /** Expanded boxes: their kernels' common 1/(2σ²) and 1/δ. */
    private final double boxHv;
    private final double invDelta;
    private final double[] boxLo;
    private final double[] boxHi;
    private final double[] boxCentre;
    private final double[] boxLogWeight;
    /** [box * TERMS + n]: Σ w_i y_i^n / n!. */
    private final double[] moments;
    /** Scratch: the boxes within reach of the point being evaluated (instances serve one thread). */
    private final int[] reach;

    /**
     * @param m          centres
     * @param hv         1/(2σ²) per kernel
     * @param kernelWeight positive weight per kernel (mixture weight over its normalising constant)
     * @param knownOrder the kernels' order by centre if already known, else null
     */
    SortedKernels(double[] m, double[] hv, double[] kernelWeight, int[] knownOrder) {
        int k = m.length;
        int[] order = knownOrder != null && knownOrder.length == k ? knownOrder : ParzenEstimator.sortedOrderPacked(m);
        mu = new double[k];
        halfInvVar = new double[k];
        linear = new double[k];
        double widest = 0;
        for (int i = 0; i < k; i++) {
            int o = order[i];
            mu[i] = m[o];
            halfInvVar[i] = hv[o];
            linear[i] = kernelWeight[o];
            widest = Math.max(widest, hv[o]);
        }
        // the narrowest kernels (largest 1/(2σ²)) go into boxes when there are enough of them
        boolean[] boxed = new boolean[k];
        double[] lo = new double[k];
        double[] hi = new double[k];
        int[] firstOf = new int[k + 1];
        int boxes = 0;
        double delta = 1 / Math.sqrt(widest);
        int i = 0;
        while (i < k) {
            if (halfInvVar[i] != widest) {
                i++;
                continue;
            }
            // a run of narrowest kernels spanning at most δ (others inside it stay direct)
            int from = i;
            int count = 0;
            int j = i;
            while (j < k && mu[j] - mu[from] <= delta) {
                if (halfInvVar[j] == widest) {
                    count++;
                }
                j++;
            }
            if (count >= MIN_BOX) {
                for (int q = from; q < j; q++) {
                    boxed[q] = halfInvVar[q] == widest;
                }
                lo[boxes] = mu[from];
                hi[boxes] = mu[j - 1];
                firstOf[boxes] = from;
                firstOf[boxes + 1] = j;
                boxes++;
                i = j;
            } else {
                i++;
            }
        }
        boxHv = widest;
        invDelta = 1 / delta;
        boxLo = Arrays.copyOf(lo, boxes);
        boxHi = Arrays.copyOf(hi, boxes);
        boxCentre = new double[boxes];
        boxLogWeight = new double[boxes];
        moments = new double[boxes * TERMS];
        reach = new int[boxes];
        for (int b = 0; b < boxes; b++) {
            double c = 0.5 * (boxLo[b] + boxHi[b]);
            boxCentre[b] = c;
            double weight = 0;
            int off = b * TERMS;
            // powers of four kernels at a time: four independent multiplication chains
            int[] members = new int[firstOf[b + 1] - firstOf[b]];
            int count = 0;
            for (int q = firstOf[b]; q < firstOf[b + 1]; q++) {
                if (boxed[q]) {
                    members[count++] = q;
                }
            }
            int q = 0;
            for (; q < count; q += 4) {
                double p0 = 0;
                double p1 = 0;
                double p2 = 0;
                double p3 = 0;
                double y0 = 0;
                double y1 = 0;
                double y2 = 0;
                double y3 = 0;
                for (int r = 0; r < 4 && q + r < count; r++) {
                    int at = members[q + r];
                    double w = linear[at];
                    weight += w;
                    double y = (mu[at] - c) * invDelta;
                    switch (r) {
                        case 0 -> { p0 = w; y0 = y; }
                        case 1 -> { p1 = w; y1 = y; }
                        case 2 -> { p2 = w; y2 = y; }
                        default -> { p3 = w; y3 = y; }
                    }
                }
                for (int n = 0; n < TERMS; n++) {
                    moments[off + n] += (p0 + p1) + (p2 + p3);
                    double f = RECIPROCAL[n + 1];
                    p0 *= y0 * f;
                    p1 *= y1 * f;
                    p2 *= y2 * f;
                    p3 *= y3 * f;
                }
            }
            boxLogWeight[b] = Math.log(weight);
        }
        int direct = 0;
        for (int q = 0; q < k; q++) {
            if (!boxed[q]) {
                direct++;
            }
        }
        dMu = new double[direct];
        dHv = new double[direct];
        dBase = new double[direct];
        int at = 0;
        for (int q = 0; q < k; q++) {
            if (!boxed[q]) {
                dMu[at] = mu[q];
                dHv[at] = halfInvVar[q];
                dBase[at] = Math.log(linear[q]);
                at++;
            }
        }
        int blocks = (direct + BLOCK - 1) / BLOCK;
        blockLo = new double[blocks];
        blockHi = new double[blocks];
        blockHv = new double[blocks];
        blockBase = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            int from = b * BLOCK;
            int to = Math.min(direct, from + BLOCK);
            double minHv = Double.POSITIVE_INFINITY;
            double maxBase = Double.NEGATIVE_INFINITY;
            for (int q = from; q < to; q++) {
                minHv = Math.min(minHv, dHv[q]);
                maxBase = Math.max(maxBase, dBase[q]);
            }
            blockLo[b] = dMu[from];
            blockHi[b] = dMu[to - 1];
            blockHv[b] = minHv;
            blockBase[b] = maxBase;
        }
    }

    /** @return how many boxes carry a Hermite expansion (for tests) */
    int expandedBoxes() {
        return boxCentre.length;
    }

    private static double distance(double t, double lo, double hi) {
        return t < lo ? lo - t : t > hi ? t - hi : 0;
    }

    /**
     * @param t a point
     * @return log Σ exp(base_i − (t − μ_i)² / (2σ_i²))
     */
    double logSum(double t) {
        int k = mu.length;
        int p = Arrays.binarySearch(mu, t);
        p = p >= 0 ? p : -p - 1;
        // a term certainly in the sum, the yardstick for skipping
        double floor = Double.NEGATIVE_INFINITY;
        if (p < k) {
            double z = t - mu[p];
            floor = Math.log(linear[p]) - halfInvVar[p] * z * z;
        }
        if (p > 0) {
            double z = t - mu[p - 1];
            floor = Math.max(floor, Math.log(linear[p - 1]) - halfInvVar[p - 1] * z * z);
        }
        double skipBelow = floor - CUT;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int b = 0; b < blockLo.length; b++) {
            double dist = distance(t, blockLo[b], blockHi[b]);
            if (blockBase[b] - blockHv[b] * dist * dist < skipBelow) {
                continue;
            }
            int to = Math.min(dMu.length, (b + 1) * BLOCK);
            for (int q = b * BLOCK; q < to; q++) {
                double z = t - dMu[q];
                double x = dBase[q] - dHv[q] * z * z;
                if (x > max) {
                    sum = sum * Gaussian.fastExp(max - x) + 1;
                    max = x;
                } else if (x > max - CUT) {
                    sum += Gaussian.fastExp(x - max);
                }
            }
        }
        // boxes within reach, then their expansions two at a time (independent recurrences)
        int[] near = reach;
        int count = 0;
        for (int b = 0; b < boxCentre.length; b++) {
            double dist = distance(t, boxLo[b], boxHi[b]);
            if (boxLogWeight[b] - boxHv * dist * dist >= skipBelow) {
                near[count++] = b;
            }
        }
        double expanded = 0;
        int q = 0;
        for (; q + 1 < count; q += 2) {
            int offA = near[q] * TERMS;
            int offB = near[q + 1] * TERMS;
            double xa = (t - boxCentre[near[q]]) * invDelta;
            double xb = (t - boxCentre[near[q + 1]]) * invDelta;
            double a0 = 1;
            double a1 = 2 * xa;
            double b0 = 1;
            double b1 = 2 * xb;
            double sa = moments[offA] + moments[offA + 1] * a1;
            double sb = moments[offB] + moments[offB + 1] * b1;
            for (int n = 1; n < TERMS - 1; n++) {
                double a2 = 2 * (xa * a1 - n * a0);
                double b2 = 2 * (xb * b1 - n * b0);
                sa += moments[offA + n + 1] * a2;
                sb += moments[offB + n + 1] * b2;
                a0 = a1;
                a1 = a2;
                b0 = b1;
                b1 = b2;
            }
            expanded += Gaussian.fastExp(-xa * xa) * sa + Gaussian.fastExp(-xb * xb) * sb;
        }
        if (q < count) {
            int off = near[q] * TERMS;
            double x = (t - boxCentre[near[q]]) * invDelta;
            double h0 = 1;
            double h1 = 2 * x;
            double s = moments[off] + moments[off + 1] * h1;
            for (int n = 1; n < TERMS - 1; n++) {
                double h2 = 2 * (x * h1 - n * h0);
                s += moments[off + n + 1] * h2;
                h0 = h1;
                h1 = h2;
            }
            expanded += Gaussian.fastExp(-x * x) * s;
        }
        if (!(expanded > 0)) {
            return max + Math.log(sum);
        }
        double logExpanded = Math.log(expanded);
        if (sum == 0) {
            return logExpanded;
        }
        double top = Math.max(max, logExpanded);
        return top + Math.log(sum * Gaussian.fastExp(max - top) + Gaussian.fastExp(logExpanded - top));
    }
}
