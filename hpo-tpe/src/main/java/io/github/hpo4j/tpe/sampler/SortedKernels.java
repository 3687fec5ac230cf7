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
    private static final double[] INVERSE_FACTORIAL = new double[TERMS];
    /** 2n, for the Hermite recurrence H_{n+1} = 2x H_n − 2n H_{n−1}. */
    private static final double[] TWO_N = new double[TERMS];

    static {
        double f = 1;
        for (int n = 0; n < TERMS; n++) {
            f *= Math.max(1, n);
            INVERSE_FACTORIAL[n] = 1 / f;
            TWO_N[n] = 2.0 * n;
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
        // scratch: one box's boxed kernels, padded with zero weights to a multiple of four
        double[] ys = new double[k + 4];
        double[] ws = new double[k + 4];
        for (int b = 0; b < boxes; b++) {
            double c = 0.5 * (boxLo[b] + boxHi[b]);
            boxCentre[b] = c;
            int count = 0;
            double weight = 0;
            for (int q = firstOf[b]; q < firstOf[b + 1]; q++) {
                if (boxed[q]) {
                    ys[count] = (mu[q] - c) * invDelta;
                    ws[count] = linear[q];
                    weight += linear[q];
                    count++;
                }
            }
            while ((count & 3) != 0) {
                ys[count] = 0;
                ws[count] = 0;
                count++;
            }
            int off = b * TERMS;
            // raw power sums Σ w y^n, four kernels at a time (four independent multiplication chains)
            for (int q = 0; q < count; q += 4) {
                double p0 = ws[q];
                double p1 = ws[q + 1];
                double p2 = ws[q + 2];
                double p3 = ws[q + 3];
                double y0 = ys[q];
                double y1 = ys[q + 1];
                double y2 = ys[q + 2];
                double y3 = ys[q + 3];
                for (int n = 0; n < TERMS; n++) {
                    moments[off + n] += (p0 + p1) + (p2 + p3);
                    p0 *= y0;
                    p1 *= y1;
                    p2 *= y2;
                    p3 *= y3;
                }
            }
            for (int n = 0; n < TERMS; n++) {
                moments[off + n] *= INVERSE_FACTORIAL[n];
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

    /** One box's Hermite series at t. */
    private double expansion(double t, int b) {
        int off = b * TERMS;
        double x = (t - boxCentre[b]) * invDelta;
        double u = 2 * x;
        double h0 = 1;
        double h1 = u;
        double s = moments[off] + moments[off + 1] * h1;
        for (int n = 1; n < TERMS - 1; n++) {
            double h2 = u * h1 - TWO_N[n] * h0;
            s += moments[off + n + 1] * h2;
            h0 = h1;
            h1 = h2;
        }
        return Gaussian.fastExp(-x * x) * s;
    }

    /** Four boxes' Hermite series at t, interleaved so the four recurrences overlap. */
    private double expansions4(double t, int b0, int b1, int b2, int b3) {
        int o0 = b0 * TERMS;
        int o1 = b1 * TERMS;
        int o2 = b2 * TERMS;
        int o3 = b3 * TERMS;
        double x0 = (t - boxCentre[b0]) * invDelta;
        double x1 = (t - boxCentre[b1]) * invDelta;
        double x2 = (t - boxCentre[b2]) * invDelta;
        double x3 = (t - boxCentre[b3]) * invDelta;
        double u0 = 2 * x0;
        double u1 = 2 * x1;
        double u2 = 2 * x2;
        double u3 = 2 * x3;
        double a0 = 1;
        double c0 = 1;
        double d0 = 1;
        double e0 = 1;
        double a1 = u0;
        double c1 = u1;
        double d1 = u2;
        double e1 = u3;
        double s0 = moments[o0] + moments[o0 + 1] * a1;
        double s1 = moments[o1] + moments[o1 + 1] * c1;
        double s2 = moments[o2] + moments[o2 + 1] * d1;
        double s3 = moments[o3] + moments[o3 + 1] * e1;
        for (int n = 1; n < TERMS - 1; n++) {
            double k = TWO_N[n];
            double a2 = u0 * a1 - k * a0;
            double c2 = u1 * c1 - k * c0;
            double d2 = u2 * d1 - k * d0;
            double e2 = u3 * e1 - k * e0;
            s0 += moments[o0 + n + 1] * a2;
            s1 += moments[o1 + n + 1] * c2;
            s2 += moments[o2 + n + 1] * d2;
            s3 += moments[o3 + n + 1] * e2;
            a0 = a1;
            a1 = a2;
            c0 = c1;
            c1 = c2;
            d0 = d1;
            d1 = d2;
            e0 = e1;
            e1 = e2;
        }
        return Gaussian.fastExp(-x0 * x0) * s0 + Gaussian.fastExp(-x1 * x1) * s1
                + Gaussian.fastExp(-x2 * x2) * s2 + Gaussian.fastExp(-x3 * x3) * s3;
    }

    private static double distance(double t, double lo, double hi) {
        return t < lo ? lo - t : t > hi ? t - hi : 0;
    }

    /**
     * @param t a point
     * @return the larger term of the two kernels nearest t: a lower bound of {@link #logSum}
     */
    double largestNearTerm(double t) {
        int k = mu.length;
        int p = Arrays.binarySearch(mu, t);
        p = p >= 0 ? p : -p - 1;
        double floor = Double.NEGATIVE_INFINITY;
        if (p < k) {
            double z = t - mu[p];
            floor = Math.log(linear[p]) - halfInvVar[p] * z * z;
        }
        if (p > 0) {
            double z = t - mu[p - 1];
            floor = Math.max(floor, Math.log(linear[p - 1]) - halfInvVar[p - 1] * z * z);
        }
        return floor;
    }

    /**
     * @param t a point
     * @return log Σ exp(base_i − (t − μ_i)² / (2σ_i²))
     */
    double logSum(double t) {
        // a term certainly in the sum, the yardstick for skipping
        double floor = largestNearTerm(t);
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
        // boxes within reach, then their expansions four at a time (independent recurrences)
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
        for (; q + 3 < count; q += 4) {
            expanded += expansions4(t, near[q], near[q + 1], near[q + 2], near[q + 3]);
        }
        for (; q < count; q++) {
            expanded += expansion(t, near[q]);
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
