package io.github.hpo4j.tpe.sampler;

/**
 * Boxes of equal-width Gaussian kernels, each summarised by its first {@value #TERMS} Hermite
 * moments about its centre c: with δ = σ√2, x = (t − c)/δ and y = (μ − c)/δ,
 * {@code exp(−(x − y)²) = Σ_n y^n / n! · e^{−x²} H_n(x)}, so a box costs one exponential and a
 * short recurrence at a point, however many kernels it holds (the fast Gauss transform of
 * Greengard and Strain). For |y| ≤ 1/2 the terms left out are below 1e-16 of the box's weight.
 */
final class HermiteBoxes {

    /** Hermite terms kept per box. */
    static final int TERMS = 24;
    /** 1/n!, to turn raw power sums into moments. */
    static final double[] INVERSE_FACTORIAL = new double[TERMS];
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
    private final double maxLogWeight;
    /** Where moments not yet computed come from, or null when all were given. */
    private final MomentSource source;
    private final boolean[] ready;

    /** Computes a box's moments on first use. */
    interface MomentSource {
        /**
         * @param box     a box
         * @param moments where to write its {@value HermiteBoxes#TERMS} moments
         * @param offset  from this index
         */
        void fill(int box, double[] moments, int offset);
    }

    /**
     * @param boxHv     the kernels' common 1/(2σ²)
     * @param lo        per box, a lower bound of its centres (for skipping), ascending
     * @param hi        per box, an upper bound of its centres, ascending
     * @param centre    per box, the expansion centre, within δ/2 of each of its kernels
     * @param logWeight per box, log of its kernels' total weight (−∞ for an empty box)
     * @param moments   per box, {@value #TERMS} moments {@code Σ w y^n / n!}
     */
    HermiteBoxes(double boxHv, double[] lo, double[] hi, double[] centre, double[] logWeight, double[] moments) {
        this(boxHv, lo, hi, centre, logWeight, moments, null);
    }

    /**
     * Boxes whose moments are computed when a point first comes within their reach.
     *
     * @param boxHv     the kernels' common 1/(2σ²)
     * @param lo        per box, a lower bound of its centres, ascending
     * @param hi        per box, an upper bound of its centres, ascending
     * @param centre    per box, the expansion centre
     * @param logWeight per box, log of its kernels' total weight
     * @param source    computes a box's moments
     */
    HermiteBoxes(double boxHv, double[] lo, double[] hi, double[] centre, double[] logWeight, MomentSource source) {
        this(boxHv, lo, hi, centre, logWeight, new double[centre.length * TERMS], source);
    }

    private HermiteBoxes(double boxHv, double[] lo, double[] hi, double[] centre, double[] logWeight, double[] moments,
                         MomentSource source) {
        this.source = source;
        this.ready = source == null ? null : new boolean[centre.length];
        double top = Double.NEGATIVE_INFINITY;
        for (double w : logWeight) {
            top = Math.max(top, w);
        }
        this.maxLogWeight = top;
        this.boxHv = boxHv;
        this.invDelta = Math.sqrt(boxHv);
        this.boxLo = lo;
        this.boxHi = hi;
        this.boxCentre = centre;
        this.boxLogWeight = logWeight;
        this.moments = moments;
        this.reach = new int[centre.length];
    }

    int size() {
        return boxCentre.length;
    }

    /**
     * @param t         a point
     * @param skipBelow boxes whose largest possible log term is below this are left out
     * @return Σ over the boxes of Σ w exp(−(t − μ)²/(2σ²)), linear
     */
    double sum(double t, double skipBelow) {
        // only boxes closer than the distance at which even the heaviest box falls below skipBelow
        double slack = maxLogWeight - skipBelow;
        if (!(slack >= 0)) {
            return 0;
        }
        double reachDistance = Math.sqrt(slack / boxHv);
        int from = DirectKernels.firstReaching(boxHi, t - reachDistance);
        int[] near = reach;
        int count = 0;
        for (int b = from; b < boxCentre.length && boxLo[b] <= t + reachDistance; b++) {
            double dist = t < boxLo[b] ? boxLo[b] - t : t > boxHi[b] ? t - boxHi[b] : 0;
            if (boxLogWeight[b] - boxHv * dist * dist >= skipBelow) {
                if (source != null && !ready[b]) {
                    source.fill(b, moments, b * TERMS);
                    ready[b] = true;
                }
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
        return expanded;
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

}
