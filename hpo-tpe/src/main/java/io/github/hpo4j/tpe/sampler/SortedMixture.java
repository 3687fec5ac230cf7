package io.github.hpo4j.tpe.sampler;

/**
 * A one-parameter Gaussian mixture that can be evaluated at points without visiting every
 * kernel: direct kernels plus expanded boxes, and a cheap lower bound (the larger term
 * of the two kernels nearest the point) that decides what is far enough to skip.
 */
abstract class SortedMixture {

    /** Kernels and boxes whose best term is this far (in log) below a known term add under e^-40 each. */
    static final double CUT = 40;

    private final DirectKernels direct;
    private final ExpandedBoxes boxes;
    /** One wide kernel (the prior) kept out of the blocks, whose reach it would stretch; −∞ weight if none. */
    private final double priorMu;
    private final double priorHv;
    private final double priorLogWeight;

    SortedMixture(DirectKernels direct, ExpandedBoxes boxes) {
        this(direct, boxes, 0, 0, Double.NEGATIVE_INFINITY);
    }

    SortedMixture(DirectKernels direct, ExpandedBoxes boxes, double priorMu, double priorHv, double priorLogWeight) {
        this.direct = direct;
        this.boxes = boxes;
        this.priorMu = priorMu;
        this.priorHv = priorHv;
        this.priorLogWeight = priorLogWeight;
    }

    /**
     * @param t a point
     * @return the prior kernel's log term at t (−∞ without one)
     */
    final double priorTerm(double t) {
        double z = t - priorMu;
        return priorLogWeight - priorHv * z * z;
    }

    /**
     * @param t a point
     * @return a lower bound of {@link #logSum}(t), as tight as is cheap
     */
    abstract double lowerBound(double t);

    /**
     * @param t a point
     * @return log Σ w_i exp(−(t − μ_i)² / (2σ_i²)) over every kernel
     */
    final double logSum(double t) {
        return logSum(t, lowerBound(t));
    }

    /**
     * @param t     a point
     * @param known {@link #lowerBound}(t), or any term of the sum at t
     * @return log Σ w_i exp(−(t − μ_i)² / (2σ_i²)) over every kernel
     */
    final double logSum(double t, double known) {
        // every part summed relative to one reference term, one log at the end; the prior's
        // term keeps the reference within a few dozen of the largest (its weight and width
        // bound every other kernel's lead over it)
        double prior = priorTerm(t);
        double reference = Math.max(known, prior);
        double skipBelow = known - CUT;
        double sum = direct.sumRelative(t, skipBelow, reference);
        if (priorLogWeight > Double.NEGATIVE_INFINITY) {
            sum += Gaussian.fastExp(prior - reference);
        }
        double expanded = boxes.sum(t, skipBelow);
        if (expanded != 0) {
            sum += expanded * Math.exp(-reference);
        }
        if (sum > 0 && sum < 1e300) {
            return reference + Math.log(sum);
        }
        return logSumByParts(t, skipBelow);
    }

    /** The same sum with each part in log space: for mixtures without a wide prior kernel. */
    private double logSumByParts(double t, double skipBelow) {
        double logDirect = direct.logSum(t, skipBelow);
        if (priorLogWeight > Double.NEGATIVE_INFINITY) {
            double p = priorTerm(t);
            double top = Math.max(logDirect, p);
            logDirect = top + Math.log(Gaussian.fastExp(logDirect - top) + Gaussian.fastExp(p - top));
        }
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

    /** @return how many boxes carry an expansion (for tests) */
    final int expandedBoxes() {
        return boxes.size();
    }
}
