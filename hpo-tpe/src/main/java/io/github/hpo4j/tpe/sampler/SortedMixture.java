package io.github.hpo4j.tpe.sampler;

/**
 * A one-parameter Gaussian mixture that can be evaluated at points without visiting every
 * kernel: direct kernels plus Hermite-expanded boxes, and a cheap lower bound (the larger term
 * of the two kernels nearest the point) that decides what is far enough to skip.
 */
abstract class SortedMixture {

    /** Kernels and boxes whose best term is this far (in log) below a known term add under e^-40 each. */
    static final double CUT = 40;

    private final DirectKernels direct;
    private final HermiteBoxes boxes;

    SortedMixture(DirectKernels direct, HermiteBoxes boxes) {
        this.direct = direct;
        this.boxes = boxes;
    }

    /**
     * @param t a point
     * @return a term of the sum (a lower bound of {@link #logSum}); the larger of the two kernels nearest t
     */
    abstract double largestNearTerm(double t);

    /**
     * @param t a point
     * @return log Σ w_i exp(−(t − μ_i)² / (2σ_i²)) over every kernel
     */
    final double logSum(double t) {
        return logSum(t, largestNearTerm(t));
    }

    /**
     * @param t     a point
     * @param known {@link #largestNearTerm}(t), or any term of the sum at t
     * @return log Σ w_i exp(−(t − μ_i)² / (2σ_i²)) over every kernel
     */
    final double logSum(double t, double known) {
        double skipBelow = known - CUT;
        double logDirect = direct.logSum(t, skipBelow);
        double expanded = boxes.sum(t, skipBelow);
        if (!(expanded > 0)) {
            return logDirect;
        }
        double logExpanded = Math.log(expanded);
        if (logDirect == Double.NEGATIVE_INFINITY) {
            return logExpanded;
        }
        double top = Math.max(logDirect, logExpanded);
        return top + Math.log(Gaussian.fastExp(logDirect - top) + Gaussian.fastExp(logExpanded - top));
    }

    /** @return how many boxes carry a Hermite expansion (for tests) */
    final int expandedBoxes() {
        return boxes.size();
    }
}
