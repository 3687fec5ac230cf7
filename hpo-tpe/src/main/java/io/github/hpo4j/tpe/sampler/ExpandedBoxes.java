package io.github.hpo4j.tpe.sampler;

/**
 * Boxes of equal-width Gaussian kernels, each summarised by {@value #TERMS} coefficients about
 * its centre c: with δ = σ√2, x = (t − c)/δ and y = (μ − c)/δ,
 * {@code exp(−(x − y)²) = e^{−x²} · e^{−y²} · e^{2xy}}, and the last factor's Taylor series
 * gives {@code Σ w exp(−(x − y)²) = e^{−x²} Σ_k c_k x^k} with
 * {@code c_k = 2^k / k! · Σ w e^{−y²} y^k}. A point then costs one exponential and a Horner
 * evaluation per box, however many kernels the box holds (in the spirit of the fast Gauss
 * transform of Greengard and Strain). For |y| ≤ 1/2 the terms left out are below 1e-16 of the
 * box's weight at any x, and the rounding of the sum stays within a few units of that weight.
 */
final class ExpandedBoxes {

    /** Coefficients kept per box. */
    static final int TERMS = 24;
    /** 2^k / k!, to turn power sums into coefficients. */
    static final double[] SCALE = new double[TERMS];

    static {
        double f = 1;
        for (int k = 0; k < TERMS; k++) {
            SCALE[k] = f;
            f *= 2.0 / (k + 1);
        }
    }

    private final double boxHv;
    private final double invDelta;
    private final double[] boxLo;
    private final double[] boxHi;
    private final double[] boxCentre;
    private final double[] boxLogWeight;
    /** [box * TERMS + k]: c_k of the box. */
    private final double[] coefficients;
    /** Scratch: the boxes within reach of the point being evaluated (instances serve one thread). */
    private final int[] reach;
    private final double maxLogWeight;
    /** Where coefficients not yet computed come from, or null when all were given. */
    private final CoefficientSource source;
    private final boolean[] ready;

    /** Computes a box's coefficients on first use. */
    interface CoefficientSource {
        /**
         * @param box     a box
         * @param coefficients where to write its {@value ExpandedBoxes#TERMS} coefficients
         * @param offset  from this index
         */
        void fill(int box, double[] coefficients, int offset);
    }

    /**
     * @param boxHv     the kernels' common 1/(2σ²)
     * @param lo        per box, a lower bound of its centres (for skipping), ascending
     * @param hi        per box, an upper bound of its centres, ascending
     * @param centre    per box, the expansion centre, within δ/2 of each of its kernels
     * @param logWeight per box, an upper bound of the log of its kernels' total weight (−∞ if empty)
     * @param coefficients   per box, {@value #TERMS} coefficients
     */
    ExpandedBoxes(double boxHv, double[] lo, double[] hi, double[] centre, double[] logWeight, double[] coefficients) {
        this(boxHv, lo, hi, centre, logWeight, coefficients, null, null, new int[centre.length]);
    }

    /**
     * Boxes whose coefficients are computed when a point first comes within their reach.
     *
     * @param boxHv     the kernels' common 1/(2σ²)
     * @param lo        per box, a lower bound of its centres, ascending
     * @param hi        per box, an upper bound of its centres, ascending
     * @param centre    per box, the expansion centre
     * @param logWeight per box, an upper bound of the log of its kernels' total weight
     * @param source    computes a box's coefficients
     */
    ExpandedBoxes(double boxHv, double[] lo, double[] hi, double[] centre, double[] logWeight, CoefficientSource source) {
        this(boxHv, lo, hi, centre, logWeight, new double[centre.length * TERMS], source, new boolean[centre.length],
                new int[centre.length]);
    }

    /**
     * As {@link #ExpandedBoxes(double, double[], double[], double[], double[], CoefficientSource)} on
     * scratch arrays owned by the caller and reused from one evaluation round to the next.
     *
     * @param coefficients room for the coefficients
     * @param ready   one flag per box, all false
     * @param reach   one slot per box
     */
    ExpandedBoxes(double boxHv, double[] lo, double[] hi, double[] centre, double[] logWeight, CoefficientSource source,
                  double[] coefficients, boolean[] ready, int[] reach) {
        this(boxHv, lo, hi, centre, logWeight, coefficients, source, ready, reach);
    }

    private ExpandedBoxes(double boxHv, double[] lo, double[] hi, double[] centre, double[] logWeight, double[] coefficients,
                         CoefficientSource source, boolean[] ready, int[] reach) {
        this.source = source;
        this.ready = ready;
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
        this.coefficients = coefficients;
        this.reach = reach;
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
                    source.fill(b, coefficients, b * TERMS);
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

    /** One box's expansion at t. */
    private double expansion(double t, int b) {
        int off = b * TERMS;
        double x = (t - boxCentre[b]) * invDelta;
        double s = coefficients[off + TERMS - 1];
        for (int k = TERMS - 2; k >= 0; k--) {
            s = s * x + coefficients[off + k];
        }
        return Gaussian.fastExp(-x * x) * s;
    }

    /** Four boxes' expansions at t, interleaved so the four Horner chains overlap. */
    private double expansions4(double t, int b0, int b1, int b2, int b3) {
        int o0 = b0 * TERMS;
        int o1 = b1 * TERMS;
        int o2 = b2 * TERMS;
        int o3 = b3 * TERMS;
        double x0 = (t - boxCentre[b0]) * invDelta;
        double x1 = (t - boxCentre[b1]) * invDelta;
        double x2 = (t - boxCentre[b2]) * invDelta;
        double x3 = (t - boxCentre[b3]) * invDelta;
        int last = TERMS - 1;
        double s0 = coefficients[o0 + last];
        double s1 = coefficients[o1 + last];
        double s2 = coefficients[o2 + last];
        double s3 = coefficients[o3 + last];
        for (int k = last - 1; k >= 0; k--) {
            s0 = s0 * x0 + coefficients[o0 + k];
            s1 = s1 * x1 + coefficients[o1 + k];
            s2 = s2 * x2 + coefficients[o2 + k];
            s3 = s3 * x3 + coefficients[o3 + k];
        }
        return Gaussian.fastExp(-x0 * x0) * s0 + Gaussian.fastExp(-x1 * x1) * s1
                + Gaussian.fastExp(-x2 * x2) * s2 + Gaussian.fastExp(-x3 * x3) * s3;
    }
}
