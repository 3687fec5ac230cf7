package io.github.hpo4j.tpe.sampler;

import java.util.Arrays;

/**
 * A one-parameter mixture {@code Σ w_i exp(−(t − μ_i)² / (2σ_i²))} built from scratch for one
 * ask: kernels sorted by centre; those of the common, narrowest width (the bandwidth floor, where
 * most of a long history's kernels sit) gathered in boxes at most {@code δ = σ√2} wide and, when
 * a box holds enough of them, summarised by expansion coefficients ({@link ExpandedBoxes}); every other
 * kernel summed directly ({@link DirectKernels}).
 */
final class SortedKernels extends SortedMixture {

    /** Smallest box worth an expansion: fewer kernels are cheaper to sum one by one. */
    private static final int MIN_BOX = 12;
    private static final int TERMS = ExpandedBoxes.TERMS;

    /** All kernels, sorted by centre (for the nearest-kernel bound). */
    private final double[] mu;
    private final double[] halfInvVar;
    private final double[] linear;

    private record Parts(double[] mu, double[] hv, double[] linear, DirectKernels direct, ExpandedBoxes boxes,
                         double wideMu, double wideHv, double wideLogWeight) {
    }

    /**
     * @param m            centres
     * @param hv           1/(2σ²) per kernel
     * @param kernelWeight positive weight per kernel (mixture weight over its normalising constant)
     * @param knownOrder   the kernels' order by centre if already known, else null
     */
    SortedKernels(double[] m, double[] hv, double[] kernelWeight, int[] knownOrder) {
        this(build(m, hv, kernelWeight, knownOrder));
    }

    private SortedKernels(Parts p) {
        super(p.direct(), p.boxes(), p.wideMu(), p.wideHv(), p.wideLogWeight());
        this.mu = p.mu();
        this.halfInvVar = p.hv();
        this.linear = p.linear();
    }

    private static Parts build(double[] m, double[] hv, double[] kernelWeight, int[] knownOrder) {
        int k = m.length;
        int[] order = knownOrder != null && knownOrder.length == k ? knownOrder : ParzenEstimator.sortedOrderPacked(m);
        double[] mu = new double[k];
        double[] halfInvVar = new double[k];
        double[] linear = new double[k];
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
        double invDelta = 1 / delta;
        double[] boxLo = Arrays.copyOf(lo, boxes);
        double[] boxHi = Arrays.copyOf(hi, boxes);
        double[] boxCentre = new double[boxes];
        double[] boxLogWeight = new double[boxes];
        double[] coefficients = new double[boxes * TERMS];
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
                    double y = (mu[q] - c) * invDelta;
                    ys[count] = y;
                    ws[count] = linear[q] * Gaussian.fastExp(-y * y);
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
            // power sums Σ w e^{−y²} y^n, four kernels at a time (four independent multiplication chains)
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
                    coefficients[off + n] += (p0 + p1) + (p2 + p3);
                    p0 *= y0;
                    p1 *= y1;
                    p2 *= y2;
                    p3 *= y3;
                }
            }
            for (int n = 0; n < TERMS; n++) {
                coefficients[off + n] *= ExpandedBoxes.SCALE[n];
            }
            boxLogWeight[b] = Math.log(weight);
        }
        // the widest kernel (the prior, in TPE) is kept apart: it would stretch its block's reach
        int wideIndex = -1;
        int direct = 0;
        for (int q = 0; q < k; q++) {
            if (!boxed[q]) {
                direct++;
                if (wideIndex < 0 || halfInvVar[q] < halfInvVar[wideIndex]) {
                    wideIndex = q;
                }
            }
        }
        if (wideIndex >= 0) {
            direct--;
        }
        double[] dMu = new double[direct];
        double[] dHv = new double[direct];
        double[] dLog = new double[direct];
        int at = 0;
        for (int q = 0; q < k; q++) {
            if (!boxed[q] && q != wideIndex) {
                dMu[at] = mu[q];
                dHv[at] = halfInvVar[q];
                dLog[at] = Math.log(linear[q]);
                at++;
            }
        }
        return new Parts(mu, halfInvVar, linear, new DirectKernels(dMu, dHv, dLog),
                new ExpandedBoxes(widest, boxLo, boxHi, boxCentre, boxLogWeight, coefficients),
                wideIndex < 0 ? 0 : mu[wideIndex], wideIndex < 0 ? 0 : halfInvVar[wideIndex],
                wideIndex < 0 ? Double.NEGATIVE_INFINITY : Math.log(linear[wideIndex]));
    }

    @Override
    double lowerBound(double t) {
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
        return Math.max(floor, priorTerm(t));
    }
}
