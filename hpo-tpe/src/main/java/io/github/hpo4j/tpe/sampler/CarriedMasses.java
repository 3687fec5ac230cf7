package io.github.hpo4j.tpe.sampler;

/**
 * The bad set's kernel masses inside the range, carried from ask to ask (multivariate mode, every
 * parameter continuous). A kernel's mass on one parameter, m = Φ(b) − Φ(a) with a = (low − μ)/σ
 * and b = (high − μ)/σ, changes between asks only through the shared bandwidth σ, which shrinks
 * by about 1/(14n) per trial with ten parameters. So each mass is computed once, with its
 * derivative g = dm/d(log σ) = aφ(a) − bφ(b), at a reference bandwidth σ₀, and each ask takes
 * m₀ + g·log(σ/σ₀): what that leaves out is at most ½·0.7·log(σ/σ₀)² (|d²m/d(log σ)²| is
 * |u(1 − u²)φ(u)| < 0.35 per tail). When log(σ/σ₀) passes {@link #MAX_DRIFT} the masses are
 * computed again at the new σ; kernels new to the set are computed at σ₀ as they come.
 *
 * <p>The products are only bracketed ({@link ParzenEstimator#bestRatio} decides or declines), so
 * the masses themselves are {@link Gaussian#coarseLowerTail} values; {@link #logError} bounds what
 * all of it does to the log of a kernel's product.
 */
final class CarriedMasses {

    /** How far log σ may move from the reference before the masses are computed again. */
    static final double MAX_DRIFT = 5e-4;

    private final GatheredObservations key = new GatheredObservations();
    private double[][] mass = new double[0][];
    private double[][] slope = new double[0][];
    private double[] reference = new double[0];
    private double logError;

    /** @return whether every parameter is continuous (the masses are carried for those only) */
    static boolean applies(ParamSpec[] specs) {
        for (ParamSpec s : specs) {
            if (s.categorical || s.discrete()) {
                return false;
            }
        }
        return true;
    }

    /** Whether observations [from, n) of each parameter are inside its range. */
    private static boolean inside(ParamSpec[] specs, double[][] obs, int from, int n) {
        for (int j = 0; j < specs.length; j++) {
            double[] o = obs[j];
            double lo = specs[j].lowT;
            double hi = specs[j].highT;
            for (int i = from; i < n; i++) {
                if (!(o[i] >= lo && o[i] <= hi)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The product over parameters of each observation kernel's mass, now.
     *
     * @param cols      the parameters' columns (the carried masses belong to these)
     * @param specs     the parameters, all continuous
     * @param obs       the observations [param][i], as gathered (the first n of each)
     * @param positions the observations' history positions, the first n
     * @param n         how many observations
     * @param sigmas    each parameter's bandwidth now
     * @param out       where the products go (the first n)
     * @return false, computing nothing, when an observation is outside its range (its kernel's
     *     mass is not of the form carried here); the observations kept from the last call were
     *     checked then
     */
    boolean products(Object[] cols, ParamSpec[] specs, double[][] obs, int[] positions, int n, double[] sigmas,
                     double[] out) {
        int d = specs.length;
        int from = key.keptPrefix(cols, obs, positions, n);
        if (!inside(specs, obs, from, n)) {
            key.forget();
            return false;
        }
        boolean drifted = reference.length != d;
        for (int j = 0; !drifted && j < d; j++) {
            drifted = Math.abs(Math.log(sigmas[j] / reference[j])) > MAX_DRIFT;
        }
        if (drifted) {
            from = 0;
            reference = sigmas.clone();
        }
        if (mass.length != d) {
            mass = new double[d][];
            slope = new double[d][];
        }
        for (int j = 0; j < d; j++) {
            if (mass[j] == null || mass[j].length < n) {
                int length = Math.max(n, mass[j] == null ? 0 : mass[j].length * 3 / 2);
                mass[j] = mass[j] == null ? new double[length] : java.util.Arrays.copyOf(mass[j], length);
                slope[j] = slope[j] == null ? new double[length] : java.util.Arrays.copyOf(slope[j], length);
            }
            double lo = specs[j].lowT;
            double hi = specs[j].highT;
            double inv = 1 / reference[j];
            double[] m = mass[j];
            double[] g = slope[j];
            double[] o = obs[j];
            for (int i = from; i < n; i++) {
                double a = (lo - o[i]) * inv;
                double b = (hi - o[i]) * inv;
                m[i] = Gaussian.coarseCentredMass(a, b);
                g[i] = a * Gaussian.fastDensity(a) - b * Gaussian.fastDensity(b);
            }
        }
        key.gathered(cols, obs, positions, n);
        java.util.Arrays.fill(out, 0, n, 1);
        double error = 0;
        for (int j = 0; j < d; j++) {
            double drift = Math.log(sigmas[j] / reference[j]);
            double[] m = mass[j];
            double[] g = slope[j];
            for (int i = 0; i < n; i++) {
                out[i] *= m[i] + g[i] * drift;
            }
            // the two coarse tails, the second-order term left out, and rounding in the slope
            double absolute = 2 * Gaussian.COARSE_TAIL_ERROR + 0.35 * drift * drift + 1e-13;
            error += Gaussian.massLogError(absolute);
        }
        logError = error;
        return true;
    }

    /**
     * @return a bound on how far the log of each product last returned is from the log of the
     *     exact product: {@link Gaussian#massLogError} summed over parameters
     */
    double logError() {
        return logError;
    }
}
