package io.github.hpo4j.tpe.sampler;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A weighted mixture of product kernels, one kernel per observation plus a prior kernel, over one
 * or more parameters (Optuna's Parzen estimator). Numeric kernels are normals truncated to the
 * range (analytically: densities divide by the mass inside, samples invert the truncated CDF);
 * discrete numeric kernels give each grid point the mass of its half-step cell; categorical
 * kernels put {@code prior/(n+1)} on every choice and 1 more on the observed one.
 *
 * <p>All state is in primitive arrays: {@code [param][kernel]}.
 */
final class ParzenEstimator {

    private final ParamSpec[] specs;
    private final int kernels;
    private final double[] cumWeights;
    private final double[][] mu;
    private final double[][] sigma;
    /** Discrete numeric parameters: log of each kernel's mass inside the widened range; otherwise unused. */
    private final double[][] logNorm;
    /** Continuous parameters: 1 / (2σ²) per kernel, so that a kernel's log term is -(t - μ)² / (2σ²). */
    private final double[][] halfInvVar;
    /**
     * Per kernel: log of its normalised weight minus the log normalising constants of its
     * continuous factors (σ·√(2π)·mass inside the range, σ left out for unscaled kernels), so that
     * a candidate's log term is {@code base - Σ (t - μ)² / (2σ²)} plus its discrete and
     * categorical factors.
     */
    private final double[] base;
    /** Categorical: log probability [kernel * choices + choice]. */
    private final double[][] logProb;
    /** One continuous parameter: kernels sorted by centre, in blocks, to skip far kernels. */
    private final SortedMixture sorted;
    /** The kernel order by centre computed for the univariate bandwidths, reused by {@link SortedKernels}. */
    private int[] lastOrder;
    /**
     * Multivariate bandwidths: every observation's kernel has its parameter's one bandwidth, the
     * prior kernel (the last) its own; scoring then reads one 1/(2σ²) per parameter.
     */
    private final boolean sharedBandwidths;
    /**
     * Bound on how far each kernel's {@link #base} may be from its exact value: 0, or with coarse
     * masses what {@link Gaussian#COARSE_TAIL_ERROR} allows (see {@link #coarseMassError}).
     */
    private final double baseError;

    /**
     * @param specs        the parameters
     * @param observations transformed observations [param][obs], in trial-number order
     * @param weights      unnormalised weight per observation
     * @param params       estimator settings
     */
    ParzenEstimator(ParamSpec[] specs, double[][] observations, double[] weights, TpeParameters params) {
        this(specs, observations, weights, params, null);
    }

    /** Scoring only: one continuous parameter's mixture kept elsewhere (see {@link IncrementalMixture}). */
    private ParzenEstimator(ParamSpec spec, SortedMixture mixture) {
        this.specs = new ParamSpec[] {spec};
        this.kernels = 0;
        this.cumWeights = null;
        this.mu = null;
        this.sigma = null;
        this.logNorm = null;
        this.halfInvVar = null;
        this.base = null;
        this.logProb = null;
        this.sorted = mixture;
        this.sharedBandwidths = false;
        this.baseError = 0;
    }

    /**
     * @param spec    a continuous parameter
     * @param mixture its mixture
     * @return an estimator that scores candidates ({@link #logPdf}, {@link #bestRatio}) but cannot sample
     */
    static ParzenEstimator scoring(ParamSpec spec, SortedMixture mixture) {
        return new ParzenEstimator(spec, mixture);
    }

    /**
     * @param specs             the parameters
     * @param observations      transformed observations [param][obs], in trial-number order
     * @param weights           unnormalised weight per observation
     * @param params            estimator settings
     * @param observationOrder  for one parameter, the observations' indices in ascending order of
     *                          value if already known (see {@link SortedObservations}), else null
     */
    ParzenEstimator(ParamSpec[] specs, double[][] observations, double[] weights, TpeParameters params,
                    int[] observationOrder) {
        this(specs, observations, weights, weights.length, params, observationOrder, null, false, null, 0);
    }

    /**
     * @param specs             the parameters
     * @param observations      transformed observations [param][obs], in trial-number order; the
     *                          first {@code n} of each are read
     * @param weights           unnormalised weight per observation; the first {@code n} are read
     * @param n                 how many observations
     * @param params            estimator settings
     * @param observationOrder  for one parameter, the observations' indices in ascending order of
     *                          value if already known (see {@link SortedObservations}), else null
     * @param scratch           arrays to build in, for an estimator used only until the next one is
     *                          built in them (the bad set's, one per ask); null to allocate. One
     *                          continuous parameter always allocates (its sorted kernels keep them).
     * @param coarseMasses      several parameters: whether the continuous kernels' masses inside
     *                          the range may be computed to within {@link Gaussian#COARSE_TAIL_ERROR}
     *                          per tail (cheaper); {@link #bestRatio} then answers -1 when that
     *                          leaves the choice open, and an exact estimator must decide
     * @param given             with coarse masses, several parameters, all continuous and every
     *                          observation inside its range: the observation kernels' mass products
     *                          computed elsewhere ({@link CarriedMasses}), else null
     * @param givenLogError     a bound on the error in the log of each given product
     */
    ParzenEstimator(ParamSpec[] specs, double[][] observations, double[] weights, int n, TpeParameters params,
                    int[] observationOrder, ScratchArrays scratch, boolean coarseMasses, double[] given,
                    double givenLogError) {
        this.specs = specs;
        int d = specs.length;
        this.kernels = n + 1;
        this.sharedBandwidths = params.multivariate();
        boolean oneContinuous = d == 1 && !specs[0].categorical && !specs[0].discrete();
        ScratchArrays buf = oneContinuous ? null : scratch;
        boolean coarse = coarseMasses && !oneContinuous;
        int coarseFactors = 0;
        double[] w = array(buf, 0, kernels);
        double total = 0;
        if (n == 0) {
            w[0] = 1;
            total = 1;
        } else {
            for (int k = 0; k < n; k++) {
                w[k] = weights[k];
                total += weights[k];
            }
            w[n] = params.priorWeight();
            total += params.priorWeight();
        }
        cumWeights = array(buf, 1, kernels);
        double acc = 0;
        double invTotal = 1 / total;
        for (int k = 0; k < kernels; k++) {
            w[k] *= invTotal;
            acc += w[k];
            cumWeights[k] = acc;
        }
        cumWeights[kernels - 1] = 1;
        // continuous factors: the product of the kernels' masses inside the range (each at least
        // Φ(1) - 1/2 for a centre inside the range and σ <= range, so d factors cannot underflow
        // for any realistic d; a log is taken every 64 factors anyway) and the sum of log σ·√(2π)
        double[] massProduct = array(buf, 2, kernels);
        Arrays.fill(massProduct, 0, kernels, 1);
        double[] logSum = array(buf, 3, kernels);
        Arrays.fill(logSum, 0, kernels, 0);
        int continuousSinceLog = 0;
        SortedKernels sk = null;
        double givenLogSum = 0;
        mu = new double[d][];
        sigma = new double[d][];
        logNorm = new double[d][];
        logProb = new double[d][];
        halfInvVar = new double[d][];
        for (int j = 0; j < d; j++) {
            ParamSpec s = specs[j];
            if (s.categorical) {
                logProb[j] = categoricalKernels(s.choices, observations[j], n, params.priorWeight(),
                        array(buf, 5 + 4 * j + 3, kernels * s.choices));
                continue;
            }
            double[] m = array(buf, 5 + 4 * j, kernels);
            System.arraycopy(observations[j], 0, m, 0, n);
            m[n] = 0.5 * (s.lowT + s.highT);
            double[] sg = params.multivariate()
                    ? multivariateSigmas(s, n, d, params, array(buf, 5 + 4 * j + 1, kernels))
                    : univariateSigmas(s, observations[j], n, params, d == 1 ? observationOrder : null);
            sg[n] = s.highT - s.lowT;
            mu[j] = m;
            sigma[j] = sg;
            if (s.discrete()) {
                double[] ln = array(buf, 5 + 4 * j + 3, kernels);
                for (int k = 0; k < kernels; k++) {
                    ln[k] = Gaussian.logMass((s.lowT - m[k]) / sg[k], (s.highT - m[k]) / sg[k]);
                }
                logNorm[j] = ln;
                continue;
            }
            double[] hv = array(buf, 5 + 4 * j + 2, kernels);
            if (given != null) {
                // the observations' kernels share σ and their mass products are given: only the
                // prior kernel (the last) is computed per kernel
                double inv = 1 / sg[0];
                Arrays.fill(hv, 0, n, 0.5 * inv * inv);
                givenLogSum += logNormaliser(sg[0], params);
                double priorInv = 1 / sg[n];
                hv[n] = 0.5 * priorInv * priorInv;
                double a = (s.lowT - m[n]) * priorInv;
                double b = (s.highT - m[n]) * priorInv;
                massProduct[n] *= coarse ? Gaussian.coarseCentredMass(a, b) : Gaussian.centredMass(a, b);
                logSum[n] += logNormaliser(sg[n], params);
                halfInvVar[j] = hv;
                if (coarse) {
                    coarseFactors++;
                }
                continue;
            }
            double lastSigma = Double.NaN;
            double lastInv = 0;
            double lastLog = 0;
            for (int k = 0; k < kernels; k++) {
                if (sg[k] != lastSigma) {
                    // bandwidths repeat (one per dimension in multivariate mode, the clip floor
                    // in univariate mode): one division and one log per distinct value
                    lastSigma = sg[k];
                    lastInv = 1 / sg[k];
                    lastLog = logNormaliser(sg[k], params);
                }
                hv[k] = 0.5 * lastInv * lastInv;
                double a = (s.lowT - m[k]) * lastInv;
                double b = (s.highT - m[k]) * lastInv;
                if (a <= 0 && b >= 0) {
                    massProduct[k] *= coarse ? Gaussian.coarseCentredMass(a, b) : Gaussian.centredMass(a, b);
                    logSum[k] += lastLog;
                } else {
                    logSum[k] += lastLog + Gaussian.logMass(a, b);
                }
            }
            halfInvVar[j] = hv;
            if (coarse) {
                coarseFactors++;
            }
            if (++continuousSinceLog == 64) {
                continuousSinceLog = 0;
                for (int k = 0; k < kernels; k++) {
                    logSum[k] += Math.log(massProduct[k]);
                    massProduct[k] = 1;
                }
            }
        }
        if (given != null) {
            // the observations' kernels: the given products and the sum of log σ·√(2π), added in
            // parameter order as the loop adds them per kernel
            base = array(buf, 4, kernels);
            for (int k = 0; k < n; k++) {
                base[k] = Math.log(w[k] / given[k]) - givenLogSum;
            }
            base[n] = Math.log(w[n] / massProduct[n]) - logSum[n];
        } else if (d == 1 && !specs[0].categorical && !specs[0].discrete()) {
            // one continuous parameter: linear weights, no log per kernel (the constants repeat)
            double[] linear = new double[kernels];
            double lastLogSum = Double.NaN;
            double factor = 0;
            for (int k = 0; k < kernels; k++) {
                if (logSum[k] != lastLogSum) {
                    lastLogSum = logSum[k];
                    factor = Math.exp(-lastLogSum);
                }
                linear[k] = w[k] / massProduct[k] * factor;
            }
            sk = new SortedKernels(mu[0], halfInvVar[0], linear, lastOrder);
            base = null;
        } else {
            base = array(buf, 4, kernels);
            for (int k = 0; k < kernels; k++) {
                base[k] = Math.log(w[k] / massProduct[k]) - logSum[k];
            }
        }
        sorted = sk;
        baseError = Math.max(coarseFactors * coarseMassError(), given != null ? givenLogError : 0);
    }

    /** @return the bound on each kernel's log term's error (0 unless built with coarse masses) */
    double baseError() {
        return baseError;
    }

    /**
     * Bound on the error in the log of one coarse mass factor: two tails, each off by at most
     * {@link Gaussian#COARSE_TAIL_ERROR}.
     */
    static double coarseMassError() {
        return Gaussian.massLogError(2 * Gaussian.COARSE_TAIL_ERROR);
    }

    /** log(σ·√(2π)), σ left out for unscaled kernels: a continuous factor's normalising constant. */
    private static double logNormaliser(double sigma, TpeParameters params) {
        return (params.unscaledKernels() ? 0 : Math.log(sigma)) + Gaussian.LOG_SQRT_2PI;
    }

    /** A new array, or the scratch slot's when building in scratch arrays. */
    private static double[] array(ScratchArrays scratch, int slot, int length) {
        return scratch == null ? new double[length] : scratch.doubles(slot, length);
    }

    private double[] categoricalKernels(int c, double[] obs, int n, double prior, double[] lp) {
        double base = prior / kernels;
        for (int k = 0; k < kernels; k++) {
            boolean observed = k < n;
            double rowSum = base * c + (observed ? 1 : 0);
            double logBase = Math.log(base / rowSum);
            for (int x = 0; x < c; x++) {
                lp[k * c + x] = logBase;
            }
            if (observed) {
                lp[k * c + (int) obs[k]] = Math.log((base + 1) / rowSum);
            }
        }
        return lp;
    }

    private double[] multivariateSigmas(ParamSpec s, int n, int d, TpeParameters params, double[] out) {
        Arrays.fill(out, 0, kernels, multivariateSigma(s, n, d, params));
        return out;
    }

    /** The one bandwidth of n observations' kernels of a parameter among d in multivariate mode. */
    static double multivariateSigma(ParamSpec s, int n, int d, TpeParameters params) {
        double range = s.highT - s.lowT;
        double sg = 0.2 * Math.pow(Math.max(n, 1), -1.0 / (d + 4)) * range;
        return clip(sg, range, n, params);
    }

    private double[] univariateSigmas(ParamSpec s, double[] obs, int n, TpeParameters params, int[] known) {
        double range = s.highT - s.lowT;
        double prior = 0.5 * (s.lowT + s.highT);
        int m = n + 1;
        // sort observations with the prior centre, remembering where each came from
        double[] values = new double[m];
        for (int k = 0; k < m; k++) {
            values[k] = k < n ? obs[k] : prior;
        }
        int[] idx;
        if (known != null && known.length == n) {
            // the prior centre goes after every observation not above it
            idx = new int[m];
            int at = 0;
            while (at < n && obs[known[at]] <= prior) {
                idx[at] = known[at];
                at++;
            }
            idx[at] = n;
            System.arraycopy(known, at, idx, at + 1, n - at);
        } else {
            idx = sortedOrderPacked(values);
        }
        lastOrder = idx;
        double[] sorted = new double[m + 2];
        sorted[0] = s.lowT;
        for (int i = 0; i < m; i++) {
            sorted[i + 1] = values[idx[i]];
        }
        sorted[m + 1] = s.highT;
        double[] out = new double[kernels];
        for (int i = 0; i < m; i++) {
            if (idx[i] < n) {
                double gap = neighbourGap(sorted[i], sorted[i + 1], sorted[i + 2], i, m, params.considerEndpoints());
                out[idx[i]] = clip(gap, range, n, params);
            }
        }
        return out;
    }

    /**
     * Optuna's univariate bandwidth before clipping: the larger gap from a centre to its sorted
     * neighbours (the bounds being the outer ones); without {@code considerEndpoints} the first
     * and last of two or more centres take their inner gap.
     *
     * @param left   the neighbour below (or the lower bound)
     * @param v      the centre
     * @param right  the neighbour above (or the upper bound)
     * @param index  the centre's index in sorted order
     * @param count  how many centres, the prior's included
     * @param considerEndpoints whether the outer gaps count for the first and last
     * @return the gap
     */
    static double neighbourGap(double left, double v, double right, int index, int count, boolean considerEndpoints) {
        if (!considerEndpoints && count >= 2) {
            if (index == 0) {
                return right - v;
            }
            if (index == count - 1) {
                return v - left;
            }
        }
        return Math.max(v - left, right - v);
    }

    /** A bandwidth clipped to [{@link #minSigma}, range]. */
    static double clip(double sg, double range, int n, TpeParameters params) {
        return Math.min(range, Math.max(minSigma(range, n, params), sg));
    }

    /** The bandwidth floor for n observations: range / min(100, n + 2) with the magic clip, else 1e-12. */
    static double minSigma(double range, int n, TpeParameters params) {
        return params.considerMagicClip() ? range / Math.min(100.0, 1.0 + (n + 1)) : 1e-12;
    }

    /**
     * Indices of {@code values} in ascending order, by sorting longs that hold the value's
     * order-preserving bits in their high 44 bits and the index in the low 20: ties closer than
     * 2^-32 relative may come out in either order, which changes no neighbour gap by more than
     * that. Falls back to {@link #sortedOrder} past 2^20 values.
     */
    static int[] sortedOrderPacked(double[] values) {
        int m = values.length;
        if (m >= (1 << 20)) {
            return sortedOrder(values);
        }
        long[] keys = new long[m];
        for (int i = 0; i < m; i++) {
            keys[i] = SortedObservations.key(values[i], i);
        }
        java.util.Arrays.sort(keys);
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) {
            idx[i] = (int) (keys[i] & 0xFFFFF);
        }
        return idx;
    }

    /** Indices of {@code values} in ascending order of value (stable), without boxing. */
    static int[] sortedOrder(double[] values) {
        int m = values.length;
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) {
            idx[i] = i;
        }
        int[] tmp = new int[m];
        mergeSort(values, idx, tmp, 0, m);
        return idx;
    }

    private static void mergeSort(double[] v, int[] a, int[] tmp, int lo, int hi) {
        if (hi - lo < 24) {
            for (int i = lo + 1; i < hi; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= lo && v[a[j]] > v[x]) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(v, a, tmp, lo, mid);
        mergeSort(v, a, tmp, mid, hi);
        if (v[a[mid - 1]] <= v[a[mid]]) {
            return;
        }
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (j >= hi || (i < mid && v[tmp[i]] <= v[tmp[j]])) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }

    /**
     * Draws candidates from the mixture.
     *
     * @param rng   randomness
     * @param count how many
     * @return internal values [candidate][param], admissible for each distribution
     */
    double[][] sample(RandomGenerator rng, int count) {
        return sample(rng, count, new ScratchArrays());
    }

    /**
     * {@link #sample(RandomGenerator, int)} in reused arrays.
     *
     * @param scratch where the candidates are written; the next call overwrites them
     * @return internal values [candidate][param]
     */
    double[][] sample(RandomGenerator rng, int count, ScratchArrays scratch) {
        // in Optuna's order of draws: every candidate's kernel first, then parameter by parameter
        int d = specs.length;
        int[] kernel = scratch.ints(0, count);
        for (int c = 0; c < count; c++) {
            double u = rng.nextDouble();
            int k = Arrays.binarySearch(cumWeights, 0, kernels, u);
            kernel[c] = k >= 0 ? Math.min(k + 1, kernels - 1) : Math.min(-k - 1, kernels - 1);
        }
        double[][] out = scratch.matrix(0, count, d);
        for (int j = 0; j < d; j++) {
            ParamSpec s = specs[j];
            for (int c = 0; c < count; c++) {
                int k = kernel[c];
                if (s.categorical) {
                    // the number of cumulative probabilities below the draw
                    double r = rng.nextDouble();
                    double acc = 0;
                    int x = 0;
                    for (; x < s.choices - 1; x++) {
                        acc += Math.exp(logProb[j][k * s.choices + x]);
                        if (!(acc < r)) {
                            break;
                        }
                    }
                    out[c][j] = x;
                } else {
                    double m = mu[j][k];
                    double sg = sigma[j][k];
                    double z = Gaussian.truncatedQuantile(rng.nextDouble(), (s.lowT - m) / sg, (s.highT - m) / sg);
                    out[c][j] = s.untransform(m + sg * z);
                }
            }
        }
        return out;
    }

    /**
     * Log density (log probability for discrete and categorical parameters) of each candidate,
     * in the transformed space.
     *
     * @param candidates internal values [candidate][param]
     * @return one log density per candidate
     */
    double[] logPdf(double[][] candidates) {
        return logPdf(candidates, new ScratchArrays());
    }

    /**
     * {@link #logPdf(double[][])} in reused arrays.
     *
     * @param scratch where the densities are written; the next call overwrites them
     * @return one log density per candidate, in the first {@code candidates.length} entries
     */
    double[] logPdf(double[][] candidates, ScratchArrays scratch) {
        double[] out = scratch.doubles(0, candidates.length);
        if (sorted != null) {
            for (int c = 0; c < candidates.length; c++) {
                out[c] = sorted.logSum(specs[0].transform(candidates[c][0]));
            }
            return out;
        }
        double[] terms = scratch.doubles(1, kernels);
        for (int c = 0; c < candidates.length; c++) {
            out[c] = logSumExp(terms, accumulate(candidates[c], terms));
        }
        return out;
    }

    /**
     * The candidate maximising {@code logL[c] − log g(c)}, g being this mixture, the lowest index
     * on ties: exactly what scoring every candidate in full would pick, found with less work.
     * Several parameters: each candidate's score is first computed to within a bracket of its
     * exact value by {@link ArrayExp} (and masses, if built coarse); only when other candidates'
     * brackets reach the best one's are those candidates summed exactly. One parameter: a
     * candidate whose bound ({@code logL[c]} minus a lower bound of log g) cannot beat the best
     * exact score found so far is never summed.
     *
     * @param candidates internal values [candidate][param]
     * @param logL       the other mixture's log density at each candidate
     * @return the index of the best candidate, or -1 when this estimator was built with coarse
     *     masses and they leave the choice open (an exact estimator then decides)
     */
    int bestRatio(double[][] candidates, double[] logL) {
        return bestRatio(candidates, logL, new ScratchArrays());
    }

    /**
     * {@link #bestRatio(double[][], double[])} with its working arrays reused.
     *
     * @param scratch working arrays; may be the one {@link #sample} and {@link #logPdf} wrote the
     *                candidates and logL in (this uses other slots)
     * @return the index of the best candidate, or -1 as {@link #bestRatio(double[][], double[])}
     */
    int bestRatio(double[][] candidates, double[] logL, ScratchArrays scratch) {
        return sorted != null
                ? bestRatioSorted(candidates, logL, scratch)
                : bestRatioBracketed(candidates, logL, scratch);
    }

    /**
     * Brackets each candidate's score, then sums in full only the candidates whose bracket reaches
     * the best lower end. The brackets hold up to a shift common to all candidates, which does not
     * change the choice: with coarse masses every kernel's log term is off by some δ_k, |δ_k| <= E
     * ({@link #baseError}), the same for every candidate; taking the prior kernel's δ as the common
     * shift, what is left moves a candidate's log g by at most −log(1 − (1 − π)(1 − e^−2E)),
     * about (1 − π)·2E, π being the prior kernel's share of its density (its other terms move by
     * e^(δ_prior − δ_k), between e^−2E and e^2E). Far from every observation π is close to 1,
     * which is where the scores are close.
     */
    private int bestRatioBracketed(double[][] candidates, double[] logL, ScratchArrays scratch) {
        int count = candidates.length;
        // one row for every candidate's terms, overwritten by their exponentials (it stays in cache);
        // the few candidates summed exactly have their terms computed again
        double[] terms = scratch.doubles(5, kernels);
        double[] lowScore = scratch.doubles(2, count);
        double[] highScore = scratch.doubles(4, count);
        int prior = kernels - 1;
        // all parameters continuous with shared bandwidths: the terms by the expanded square
        ExpandedTerms expanded = sharedBandwidths && allContinuous() && kernels > 1
                ? new ExpandedTerms(specs, mu, halfInvVar, base, kernels, scratch) : null;
        double termError = expanded == null ? 0 : expanded.error();
        double bestLow = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < count; c++) {
            double top = expanded != null ? expanded.fill(candidates[c], terms) : accumulate(candidates[c], terms);
            ArrayExp.shiftedExp(terms, kernels, top, terms);
            double priorTerm = terms[prior];
            double sum = ArrayExp.sum(terms, kernels);
            double priorShare = priorTerm / sum;
            double spread = baseError == 0 ? 0 : -Math.log1p(-(1 - priorShare) * -Math.expm1(-2 * baseError));
            double slack = spread + termError + arithmeticSlack(logL[c], top);
            double score = logL[c] - (top + Math.log(sum));
            lowScore[c] = score - slack;
            highScore[c] = score + slack;
            bestLow = Math.max(bestLow, lowScore[c]);
        }
        // the best candidate's score is at least bestLow; only a candidate whose bracket reaches
        // it can be the best, and when only one does, it is
        int contenders = 0;
        int only = -1;
        for (int c = 0; c < count; c++) {
            if (highScore[c] >= bestLow) {
                contenders++;
                only = c;
            }
        }
        if (contenders == 1) {
            return only;
        }
        if (baseError > 0) {
            return -1; // the exact terms are needed, which coarse masses do not give
        }
        double best = Double.NEGATIVE_INFINITY;
        int bestIndex = 0;
        for (int c = 0; c < count; c++) {
            if (highScore[c] < bestLow) {
                continue;
            }
            double score = logL[c] - logSumExp(terms, accumulate(candidates[c], terms));
            if (score > best) {
                best = score;
                bestIndex = c;
            }
        }
        return bestIndex;
    }

    /**
     * What a score is widened by on each side for arithmetic alone, between it and the full sum
     * of {@link #logSumExp}: {@link ArrayExp}'s and {@link Gaussian#fastExp}'s relative errors
     * (under 1e-11 and 1e-14), the terms more than 40 below the largest that the full sum leaves
     * out and those more than 64 below that {@link ArrayExp} raises to e^-64 (under 4e-18 each),
     * rounding in sums of n terms (under n · 1.2e-16 relative each), and in the logarithm and the
     * two subtractions (a few units in the last place of the magnitudes involved).
     */
    private double arithmeticSlack(double logL, double top) {
        return 2 * ArrayExp.RELATIVE_ERROR + 1e-12 + kernels * 3e-16 + 1e-15 * (Math.abs(logL) + Math.abs(top));
    }

    private int bestRatioSorted(double[][] candidates, double[] logL, ScratchArrays scratch) {
        int count = candidates.length;
        double[] bound = scratch.doubles(2, count);
        double[] max = scratch.doubles(3, count);
        for (int c = 0; c < count; c++) {
            max[c] = sorted.lowerBound(specs[0].transform(candidates[c][0]));
            bound[c] = logL[c] - max[c];
        }
        // insertion sort by bound, highest first (a couple of dozen candidates)
        int[] byBound = scratch.ints(1, count);
        for (int c = 0; c < count; c++) {
            int at = c;
            while (at > 0 && bound[byBound[at - 1]] < bound[c]) {
                byBound[at] = byBound[at - 1];
                at--;
            }
            byBound[at] = c;
        }
        double best = Double.NEGATIVE_INFINITY;
        int bestIndex = 0;
        for (int i = 0; i < count; i++) {
            int c = byBound[i];
            if (bound[c] < best) {
                break; // every later bound is lower still
            }
            double score = logL[c] - sorted.logSum(specs[0].transform(candidates[c][0]), max[c]);
            if (score > best || (score == best && c < bestIndex)) {
                best = score;
                bestIndex = c;
            }
        }
        return bestIndex;
    }

    /** Fills each kernel's log term for one candidate; returns the largest. */
    private double accumulate(double[] candidate, double[] terms) {
        int d = specs.length;
        // the first pass reads the base terms and writes the candidate's (no copy first)
        double[] from = base;
        int j = 0;
        while (j < d) {
            if (sharedBandwidths && continuous(j)) {
                int run = 1;
                while (run < 4 && j + run < d && continuous(j + run)) {
                    run++;
                }
                sharedPass(candidate, j, run, from, terms);
                from = terms;
                j += run;
                continue;
            }
            if (from != terms) {
                System.arraycopy(from, 0, terms, 0, kernels);
                from = terms;
            }
            ParamSpec s = specs[j];
            double v = candidate[j];
            if (s.categorical) {
                int x = (int) v;
                double[] lp = logProb[j];
                for (int k = 0; k < kernels; k++) {
                    terms[k] += lp[k * s.choices + x];
                }
            } else if (s.discrete()) {
                double lo = Math.max(s.lowT, s.transform(v - s.step / 2));
                double hi = Math.min(s.highT, s.transform(v + s.step / 2));
                double[] m = mu[j];
                double[] sg = sigma[j];
                double[] ln = logNorm[j];
                for (int k = 0; k < kernels; k++) {
                    terms[k] += Gaussian.logMass((lo - m[k]) / sg[k], (hi - m[k]) / sg[k]) - ln[k];
                }
            } else {
                double t = s.transform(v);
                double[] m = mu[j];
                double[] hv = halfInvVar[j];
                for (int k = 0; k < kernels; k++) {
                    double z = t - m[k];
                    terms[k] -= hv[k] * z * z;
                }
            }
            j++;
        }
        if (from != terms) {
            System.arraycopy(from, 0, terms, 0, kernels);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < kernels; k++) {
            if (terms[k] > max) {
                max = terms[k];
            }
        }
        return max;
    }

    /** For tests: the direct form's terms at a candidate; returns the largest. */
    double directTerms(double[] candidate, double[] terms) {
        return accumulate(candidate, terms);
    }

    /** For tests: the expanded square's terms at a candidate (all parameters continuous); returns the largest. */
    double expandedTerms(ScratchArrays scratch, double[] candidate, double[] terms) {
        return new ExpandedTerms(specs, mu, halfInvVar, base, kernels, scratch).fill(candidate, terms);
    }

    /** For tests: the expanded square's error bound. */
    double expandedTermError(ScratchArrays scratch) {
        return new ExpandedTerms(specs, mu, halfInvVar, base, kernels, scratch).error();
    }

    private boolean allContinuous() {
        for (int j = 0; j < specs.length; j++) {
            if (!continuous(j)) {
                return false;
            }
        }
        return true;
    }

    private boolean continuous(int j) {
        return !specs[j].categorical && !specs[j].discrete();
    }

    /**
     * Subtracts (t − μ)²/(2σ²) for {@code run} (1 to 4) consecutive continuous parameters from
     * j on, in one pass over the kernels: {@code terms[k] = from[k] − h₀z₀² − h₁z₁² − …}, which
     * Java evaluates left to right, so each term is the one a pass per parameter would give
     * (the same operations in the same order), in a fraction of the memory traffic. Every kernel
     * but the prior's (the last) has its parameter's one 1/(2σ²).
     */
    private void sharedPass(double[] candidate, int j, int run, double[] from, double[] terms) {
        int own = kernels - 1;
        double t0 = specs[j].transform(candidate[j]);
        double h0 = halfInvVar[j][0];
        double[] m0 = mu[j];
        if (run == 1) {
            for (int k = 0; k < own; k++) {
                double z0 = t0 - m0[k];
                terms[k] = from[k] - h0 * z0 * z0;
            }
        } else {
            double t1 = specs[j + 1].transform(candidate[j + 1]);
            double h1 = halfInvVar[j + 1][0];
            double[] m1 = mu[j + 1];
            if (run == 2) {
                for (int k = 0; k < own; k++) {
                    double z0 = t0 - m0[k];
                    double z1 = t1 - m1[k];
                    terms[k] = from[k] - h0 * z0 * z0 - h1 * z1 * z1;
                }
            } else {
                double t2 = specs[j + 2].transform(candidate[j + 2]);
                double h2 = halfInvVar[j + 2][0];
                double[] m2 = mu[j + 2];
                if (run == 3) {
                    for (int k = 0; k < own; k++) {
                        double z0 = t0 - m0[k];
                        double z1 = t1 - m1[k];
                        double z2 = t2 - m2[k];
                        terms[k] = from[k] - h0 * z0 * z0 - h1 * z1 * z1 - h2 * z2 * z2;
                    }
                } else {
                    double t3 = specs[j + 3].transform(candidate[j + 3]);
                    double h3 = halfInvVar[j + 3][0];
                    double[] m3 = mu[j + 3];
                    for (int k = 0; k < own; k++) {
                        double z0 = t0 - m0[k];
                        double z1 = t1 - m1[k];
                        double z2 = t2 - m2[k];
                        double z3 = t3 - m3[k];
                        terms[k] = from[k] - h0 * z0 * z0 - h1 * z1 * z1 - h2 * z2 * z2 - h3 * z3 * z3;
                    }
                }
            }
        }
        // the prior kernel, with its own bandwidths, in the same order
        double acc = from[own];
        for (int r = 0; r < run; r++) {
            double z = specs[j + r].transform(candidate[j + r]) - mu[j + r][own];
            acc -= halfInvVar[j + r][own] * z * z;
        }
        terms[own] = acc;
    }

    /** log Σ e^terms given their largest; terms more than 40 below it add under 4e-18 each and are skipped. */
    private double logSumExp(double[] terms, double max) {
        double cut = max - 40;
        double sum = 0;
        for (int k = 0; k < kernels; k++) {
            double t = terms[k];
            if (t > cut) {
                sum += Gaussian.fastExp(t - max);
            }
        }
        return max + Math.log(sum);
    }
}
