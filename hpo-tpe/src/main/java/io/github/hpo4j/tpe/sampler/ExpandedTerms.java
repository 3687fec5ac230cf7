package io.github.hpo4j.tpe.sampler;

/**
 * A mixture's log terms at a candidate by the expanded square, for mixtures whose parameters
 * are all continuous with one bandwidth each shared by the observations' kernels (multivariate
 * mode): base − Σ h(t − μ)² = q + Σ (2h·t′)·μ′ − Σ h·t′², with t′ and μ′ measured from the
 * middle of each range and q = base − Σ h·μ′² computed once per mixture. That is one multiply-add
 * per parameter and kernel instead of a subtraction and two multiplications; the terms differ
 * from the direct form's by rounding alone, bounded by {@link #error()}, which is what a bracket
 * needs ({@link ParzenEstimator#bestRatio}); exact scores still use the direct form.
 */
final class ExpandedTerms {

    private final ParamSpec[] specs;
    private final double[][] mu;
    private final double[][] halfInvVar;
    private final double[] base;
    private final int kernels;
    /** Centres measured from the middle of each range [param][kernel], the prior's (the last) left out. */
    private final double[][] centred;
    private final double[] q;
    private final double[] middle;
    /** Per candidate: 2h·t′ by parameter (reused). */
    private final double[] slopes;
    private final double error;

    /**
     * @param specs      the parameters, all continuous
     * @param mu         the kernels' centres [param][kernel]
     * @param halfInvVar 1/(2σ²) [param][kernel], the same for every kernel but the last
     * @param base       each kernel's base term
     * @param kernels    how many kernels (the last is the prior's)
     * @param scratch    arrays to work in: rows slot 2 and doubles slot 6 are taken
     */
    ExpandedTerms(ParamSpec[] specs, double[][] mu, double[][] halfInvVar, double[] base, int kernels,
                  ScratchArrays scratch) {
        this.specs = specs;
        this.mu = mu;
        this.halfInvVar = halfInvVar;
        this.base = base;
        this.kernels = kernels;
        int d = specs.length;
        int own = kernels - 1;
        centred = scratch.rowsAtLeast(2, d, own);
        q = scratch.doubles(6, own);
        middle = new double[d];
        slopes = new double[d];
        System.arraycopy(base, 0, q, 0, own);
        double largestBase = 0;
        for (int k = 0; k < own; k++) {
            largestBase = Math.max(largestBase, Math.abs(base[k]));
        }
        double magnitude = largestBase;
        for (int j = 0; j < d; j++) {
            middle[j] = 0.5 * (specs[j].lowT + specs[j].highT);
            double c = middle[j];
            double h = halfInvVar[j][0];
            double[] m = mu[j];
            double[] out = centred[j];
            double far = 0.5 * (specs[j].highT - specs[j].lowT); // how far a candidate can be from the middle
            double farCentre = 0;
            for (int k = 0; k < own; k++) {
                double v = m[k] - c;
                out[k] = v;
                q[k] -= h * v * v;
                farCentre = Math.max(farCentre, Math.abs(v));
            }
            magnitude += h * (far + farCentre) * (far + farCentre);
        }
        // each form adds at most 3d + 6 rounded operations on values no larger than the magnitude
        // (|base| + Σ h(|t′| + |μ′|)²): the two differ by at most twice (3d + 6)·u·magnitude
        this.error = 2 * (3 * d + 6) * 1.2e-16 * magnitude;
    }

    /** @return a bound on |expanded − direct| for every term {@link #fill} writes */
    double error() {
        return error;
    }

    /**
     * Writes the candidate's log term for every kernel.
     *
     * @param candidate internal values by parameter
     * @param terms     where the terms go
     * @return the largest term
     */
    double fill(double[] candidate, double[] terms) {
        int d = specs.length;
        int own = kernels - 1;
        double constant = 0;
        double[] a = slopes;
        for (int j = 0; j < d; j++) {
            double t = specs[j].transform(candidate[j]) - middle[j];
            double h = halfInvVar[j][0];
            a[j] = 2 * h * t;
            constant -= h * t * t;
        }
        double[] from = q;
        for (int j = 0; j < d; j += 4) {
            int run = Math.min(4, d - j);
            pass(a, j, run, from, j == 0 ? constant : 0, terms, own);
            from = terms;
        }
        // the prior kernel, with its own bandwidths, in the direct form
        double prior = base[own];
        for (int j = 0; j < d; j++) {
            double z = specs[j].transform(candidate[j]) - mu[j][own];
            prior -= halfInvVar[j][own] * z * z;
        }
        terms[own] = prior;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < kernels; k++) {
            max = Math.max(max, terms[k]);
        }
        return max;
    }

    private void pass(double[] a, int j, int run, double[] from, double add, double[] terms, int own) {
        double a0 = a[j];
        double[] m0 = centred[j];
        if (run == 1) {
            for (int k = 0; k < own; k++) {
                terms[k] = from[k] + add + a0 * m0[k];
            }
            return;
        }
        double a1 = a[j + 1];
        double[] m1 = centred[j + 1];
        if (run == 2) {
            for (int k = 0; k < own; k++) {
                terms[k] = from[k] + add + a0 * m0[k] + a1 * m1[k];
            }
            return;
        }
        double a2 = a[j + 2];
        double[] m2 = centred[j + 2];
        if (run == 3) {
            for (int k = 0; k < own; k++) {
                terms[k] = from[k] + add + a0 * m0[k] + a1 * m1[k] + a2 * m2[k];
            }
            return;
        }
        double a3 = a[j + 3];
        double[] m3 = centred[j + 3];
        for (int k = 0; k < own; k++) {
            terms[k] = from[k] + add + a0 * m0[k] + a1 * m1[k] + a2 * m2[k] + a3 * m3[k];
        }
    }
}
