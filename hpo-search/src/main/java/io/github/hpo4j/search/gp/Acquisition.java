package io.github.hpo4j.search.gp;

/**
 * Log expected improvement over the best feasible value, plus the log probability that every
 * constraint is satisfied ({@code c <= 0}), each constraint with its own GP: the sum Optuna's
 * constrained GP sampler maximises. Without a feasible trial yet, the probability of feasibility
 * alone. Holds its scratch arrays: scoring a candidate allocates nothing.
 */
final class Acquisition {

    private final GpModel objective;
    private final double threshold;
    private final GpModel[] constraints;
    private final double[] constraintThresholds;
    private final int dims;
    private final double[] out = new double[2];
    private final double[] k;
    private final double[] v;
    private final double[] gMean;
    private final double[] gVar;

    /**
     * @param objective            the objective's model (larger is better, standardised)
     * @param threshold            the best feasible standardised value, or NaN when none is feasible
     * @param constraints          the constraints' models (standardised values), possibly empty
     * @param constraintThresholds each constraint's 0 in its standardised units
     */
    Acquisition(GpModel objective, double threshold, GpModel[] constraints, double[] constraintThresholds) {
        this.objective = objective;
        this.threshold = threshold;
        this.constraints = constraints;
        this.constraintThresholds = constraintThresholds;
        this.dims = objective.dims;
        int n = objective.n;
        for (GpModel c : constraints) {
            n = Math.max(n, c.n);
        }
        this.k = new double[n];
        this.v = new double[n];
        this.gMean = new double[dims];
        this.gVar = new double[dims];
    }

    /** @return the acquisition at p */
    double value(double[] p) {
        return valueAndGradient(p, null);
    }

    /**
     * @param p    the point
     * @param grad receives the gradient over p's dimensions (0 for categorical ones), or null
     * @return the acquisition at p
     */
    double valueAndGradient(double[] p, double[] grad) {
        if (grad != null) {
            java.util.Arrays.fill(grad, 0);
        }
        double a = 0;
        if (!Double.isNaN(threshold)) {
            objective.posterior(p, out, grad == null ? null : gMean, grad == null ? null : gVar, k, v);
            double sigma = Math.sqrt(out[1]);
            double z = (out[0] - threshold) / sigma;
            a += Math.log(sigma) + Normal.logH(z);
            if (grad != null) {
                double dz = Normal.dLogH(z);
                double dMu = dz / sigma;
                double dSigma = (1 - z * dz) / sigma;
                for (int d = 0; d < dims; d++) {
                    grad[d] += dMu * gMean[d] + dSigma * gVar[d] / (2 * sigma);
                }
            }
        }
        for (int c = 0; c < constraints.length; c++) {
            constraints[c].posterior(p, out, grad == null ? null : gMean, grad == null ? null : gVar, k, v);
            double sigma = Math.sqrt(out[1]);
            double w = (constraintThresholds[c] - out[0]) / sigma;
            a += Normal.logCdf(w);
            if (grad != null) {
                double ratio = Normal.dLogCdf(w);
                for (int d = 0; d < dims; d++) {
                    double dw = -gMean[d] / sigma - w * gVar[d] / (2 * out[1]);
                    grad[d] += ratio * dw;
                }
            }
        }
        return a;
    }
}
