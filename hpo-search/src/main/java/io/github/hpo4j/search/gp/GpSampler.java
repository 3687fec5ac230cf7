package io.github.hpo4j.search.gp;

import io.github.hpo4j.core.sampler.IntersectionSearchSpace;
import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.sampler.Sampler;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.study.Direction;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bayesian optimisation with a Gaussian process, for expensive trials and budgets of tens to a
 * few hundred: after {@code startupTrials} random trials, each trial's parameters (those every
 * completed trial shares) maximise the log expected improvement of a Matérn-5/2 GP fitted to the
 * completed trials, times the probability that every constraint holds when the study reports
 * constraints. Trials other workers are running count as observations at the model's own
 * prediction (the kriging believer), so parallel workers spread out. Parameters outside the
 * shared space, and studies with several objectives, are sampled at random.
 *
 * <pre>{@code
 * Study study = Study.builder().sampler(GpSampler.builder().seed(7).build()).minimize("loss").build();
 * study.optimize(t -> train(t.suggestFloat("lr", 1e-5, 1e-1, true), t.suggestInt("layers", 1, 6)), 60);
 * }</pre>
 *
 * <p>How it proposes: inputs in the unit cube (log parameters in log space; ints and stepped
 * floats over their grid, proposed on it; a categorical by equality), values standardised;
 * hyperparameters by maximum likelihood with weak priors, warm-started from the previous fit; a
 * seeded Sobol set of candidates scored, the best few improved by a box-constrained quasi-Newton
 * search over the continuous dimensions and a search over each grid and category. Same seed, same
 * trials. Thread-safe (proposals are made one at a time). Stability: evolving.
 */
public final class GpSampler implements Sampler {

    private static final Logger LOG = LoggerFactory.getLogger(GpSampler.class);

    private final long seed;
    private final int startupTrials;
    private final int candidates;
    private final int localSearches;
    private final int maxFitPoints;
    private final RandomSampler independent;
    private final Object lock = new Object();
    private List<String> warmNames;
    private double[] warmRaw;
    /** Proposals this sampler made for trials not yet finished, by study and trial number. */
    private final Map<String, Map<Integer, Map<String, Double>>> pending = new HashMap<>();
    private boolean warnedMulti;

    private GpSampler(Builder b) {
        this.seed = b.seed;
        this.startupTrials = b.startupTrials;
        this.candidates = b.candidates;
        this.localSearches = b.localSearches;
        this.maxFitPoints = b.maxFitPoints;
        this.independent = new RandomSampler(b.seed);
    }

    /** The parameters every COMPLETE trial shares, kept from ask to ask (guarded by itself). */
    private final IntersectionSearchSpace space = new IntersectionSearchSpace(false, java.util.List.of());

    /** @return a builder with Optuna's defaults (10 random startup trials, 2,048 candidates, 10 local searches) */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public double sampleIndependent(Study study, TrialRecord trial, String name, Distribution distribution) {
        return independent.sampleIndependent(study, trial, name, distribution);
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(Study study, TrialRecord trial) {
        synchronized (space) {
            return space.calculate(study);
        }
    }

    @Override
    public Map<String, Double> sampleRelative(Study study, TrialRecord trial, Map<String, Distribution> searchSpace) {
        if (searchSpace.isEmpty()) {
            return Map.of();
        }
        if (study.isMultiObjective()) {
            synchronized (lock) {
                if (!warnedMulti) {
                    warnedMulti = true;
                    LOG.info("GP sampler: study '{}' has several objectives; its parameters are sampled at random",
                            study.name());
                }
            }
            return Map.of();
        }
        synchronized (lock) {
            Map<String, Double> out = propose(study, trial, searchSpace);
            if (!out.isEmpty()) {
                pending.computeIfAbsent(study.name(), k -> new HashMap<>()).put(trial.number(), out);
            }
            return out;
        }
    }

    @Override
    public void afterTrial(Study study, TrialRecord trial) {
        synchronized (lock) {
            Map<Integer, Map<String, Double>> p = pending.get(study.name());
            if (p != null) {
                p.remove(trial.number());
            }
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private Map<String, Double> propose(Study study, TrialRecord trial, Map<String, Distribution> space) {
        Encoding enc = new Encoding(space);
        int dims = enc.dims();
        if (dims == 0) {
            return Map.of();
        }
        List<TrialRecord> all = study.trials();
        List<TrialRecord> complete = new ArrayList<>();
        for (TrialRecord t : all) {
            if (t.state() == TrialState.COMPLETE && t.values().size() == 1 && t.params().keySet().containsAll(enc.names)) {
                complete.add(t);
            }
        }
        if (complete.size() < startupTrials) {
            return Map.of();
        }
        int n = complete.size();
        double[] x = new double[n * dims];
        double[] y = new double[n];
        double sign = study.directions().get(0) == Direction.MINIMIZE ? -1 : 1;
        for (int i = 0; i < n; i++) {
            TrialRecord t = complete.get(i);
            for (int d = 0; d < dims; d++) {
                x[i * dims + d] = enc.encode(d, t.internalParam(enc.names.get(d)));
            }
            y[i] = sign * t.values().get(0);
        }
        standardise(y);
        GpModel model = GpModel.fit(x, y, n, dims, enc.categorical,
                enc.names.equals(warmNames) ? warmRaw : null, maxFitPoints);
        warmNames = List.copyOf(enc.names);
        warmRaw = model.raw();

        // other workers' running trials, and this sampler's proposals not yet in the storage
        Map<Integer, double[]> believed = new LinkedHashMap<>();
        for (TrialRecord t : all) {
            if (t.state() == TrialState.RUNNING && t.number() != trial.number() && t.params().keySet().containsAll(enc.names)) {
                double[] p = new double[dims];
                for (int d = 0; d < dims; d++) {
                    p[d] = enc.encode(d, t.internalParam(enc.names.get(d)));
                }
                believed.put(t.number(), p);
            }
        }
        Map<Integer, Map<String, Double>> mine = pending.getOrDefault(study.name(), Map.of());
        java.util.Set<Integer> finished = new java.util.HashSet<>();
        for (TrialRecord t : all) {
            if (t.state().isFinished()) {
                finished.add(t.number());
            }
        }
        for (Map.Entry<Integer, Map<String, Double>> e : mine.entrySet()) {
            if (!finished.contains(e.getKey()) && !believed.containsKey(e.getKey())
                    && e.getValue().keySet().containsAll(enc.names)) {
                double[] p = new double[dims];
                for (int d = 0; d < dims; d++) {
                    p[d] = enc.encode(d, e.getValue().get(enc.names.get(d)));
                }
                believed.put(e.getKey(), p);
            }
        }
        double[] running = new double[believed.size() * dims];
        int m = 0;
        for (double[] p : believed.values()) {
            System.arraycopy(p, 0, running, m++ * dims, dims);
        }
        GpModel objective = model.believing(running, m);

        // constraints: a GP per constraint, over the trials that report them
        int nc = 0;
        for (TrialRecord t : complete) {
            nc = Math.max(nc, t.constraints().size());
        }
        GpModel[] cModels = new GpModel[nc];
        double[] cThresholds = new double[nc];
        double threshold = Double.NEGATIVE_INFINITY;
        boolean anyFeasible = false;
        for (int i = 0; i < n; i++) {
            if (complete.get(i).isFeasible()) {
                anyFeasible = true;
                threshold = Math.max(threshold, y[i]);
            }
        }
        for (int c = 0; c < nc; c++) {
            double[] cy = new double[n];
            for (int i = 0; i < n; i++) {
                List<Double> cs = complete.get(i).constraints();
                cy[i] = c < cs.size() ? cs.get(c) : 0;
            }
            double[] ms = standardise(cy);
            cThresholds[c] = (0 - ms[0]) / ms[1];
            cModels[c] = GpModel.fit(x, cy, n, dims, enc.categorical, null, maxFitPoints).believing(running, m);
        }
        Acquisition acq = new Acquisition(objective, anyFeasible ? threshold : Double.NaN, cModels, cThresholds);
        // configurations already tried or running: never proposed again while another exists
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            taken.add(key(enc, x, i * dims));
        }
        for (int j = 0; j < m; j++) {
            taken.add(key(enc, running, j * dims));
        }
        double[] best = maximise(acq, enc, x, y, complete, trial.number(), taken);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int d = 0; d < dims; d++) {
            out.put(enc.names.get(d), enc.decode(d, best[d]));
        }
        return out;
    }

    /** Standardises in place (non-finite values clipped to the finite range); returns {mean, std}. */
    static double[] standardise(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (Double.isFinite(x)) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 0;
        }
        double mean = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.isNaN(v[i]) ? lo : Math.max(lo, Math.min(hi, v[i]));
            mean += v[i];
        }
        mean /= v.length;
        double var = 0;
        for (double x : v) {
            var += (x - mean) * (x - mean);
        }
        double std = Math.max(1e-10, Math.sqrt(var / v.length));
        for (int i = 0; i < v.length; i++) {
            v[i] = (v[i] - mean) / std;
        }
        return new double[] {mean, std};
    }

    /** A configuration as the values it would be stored with. */
    private static String key(Encoding enc, double[] points, int offset) {
        StringBuilder b = new StringBuilder();
        for (int d = 0; d < enc.dims(); d++) {
            b.append(enc.decode(d, points[offset + d])).append(',');
        }
        return b.toString();
    }

    private double[] maximise(Acquisition acq, Encoding enc, double[] x, double[] y, List<TrialRecord> complete, int number,
                              java.util.Set<String> taken) {
        int dims = enc.dims();
        int n = complete.size();
        // fewer candidates for big studies: each costs O(n²)
        int count = n <= 300 ? candidates : Math.max(256, (int) ((long) candidates * 300 / n));
        double[] pts = Sobol.points(count, dims, true, mix(seed * 0x9E3779B97F4A7C15L + number));
        double[] p = new double[dims];
        double[] scores = new double[count];
        for (int i = 0; i < count; i++) {
            for (int d = 0; d < dims; d++) {
                p[d] = enc.fromUniform(d, pts[i * dims + d]);
                pts[i * dims + d] = p[d];
            }
            scores[i] = acq.value(p);
        }
        // starts: the best observed point, then the best-scoring candidates
        List<double[]> starts = new ArrayList<>();
        int bestObserved = 0;
        for (int i = 1; i < n; i++) {
            if (y[i] > y[bestObserved] && complete.get(i).isFeasible()) {
                bestObserved = i;
            }
        }
        starts.add(java.util.Arrays.copyOfRange(x, bestObserved * dims, (bestObserved + 1) * dims));
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        for (int i = 0; i < count && starts.size() < localSearches; i++) {
            starts.add(java.util.Arrays.copyOfRange(pts, order[i] * dims, (order[i] + 1) * dims));
        }
        double[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (double[] s : starts) {
            double v = localSearch(acq, enc, s);
            if (!taken.contains(key(enc, s, 0)) && (v > bestValue || best == null)) {
                bestValue = v;
                best = s;
            }
        }
        if (best != null) {
            return best;
        }
        // every local optimum is a configuration already tried: the best candidate that is not
        for (int i = 0; i < count; i++) {
            if (!taken.contains(key(enc, pts, order[i] * dims))) {
                return java.util.Arrays.copyOfRange(pts, order[i] * dims, (order[i] + 1) * dims);
            }
        }
        return starts.get(0); // the space is exhausted
    }

    /** Improves a start in place: quasi-Newton over the continuous dimensions, then each grid and category in turn. */
    private static double localSearch(Acquisition acq, Encoding enc, double[] s) {
        int dims = enc.dims();
        int[] cont = java.util.stream.IntStream.range(0, dims).filter(d -> enc.kinds[d] == Encoding.Kind.CONTINUOUS).toArray();
        double value = acq.value(s);
        BoxLbfgs opt = new BoxLbfgs(10, 100, 1e-4);
        double[] full = new double[dims];
        double[] lo = new double[cont.length];
        double[] hi = new double[cont.length];
        java.util.Arrays.fill(hi, 1);
        for (int round = 0; round < 3; round++) {
            double before = value;
            if (cont.length > 0) {
                double[] z = new double[cont.length];
                for (int i = 0; i < cont.length; i++) {
                    z[i] = s[cont[i]];
                }
                System.arraycopy(s, 0, full, 0, dims);
                double[] fullGrad = new double[dims];
                double neg = opt.minimize((zz, g) -> {
                    for (int i = 0; i < cont.length; i++) {
                        full[cont[i]] = zz[i];
                    }
                    double a = acq.valueAndGradient(full, fullGrad);
                    for (int i = 0; i < cont.length; i++) {
                        g[i] = -fullGrad[cont[i]];
                    }
                    return -a;
                }, z, lo, hi);
                if (-neg > value) {
                    for (int i = 0; i < cont.length; i++) {
                        s[cont[i]] = z[i];
                    }
                    value = -neg;
                }
            }
            for (int d = 0; d < dims; d++) {
                if (enc.kinds[d] == Encoding.Kind.CONTINUOUS) {
                    continue;
                }
                double[] c = enc.choices[d];
                double keep = s[d];
                int at = java.util.Arrays.binarySearch(c, enc.nearestChoice(d, keep));
                int from = c.length <= 32 ? 0 : Math.max(0, at - 8);
                int to = c.length <= 32 ? c.length : Math.min(c.length, at + 9);
                double bestChoice = keep;
                for (int i = from; i < to; i++) {
                    s[d] = c[i];
                    double v = acq.value(s);
                    if (v > value) {
                        value = v;
                        bestChoice = c[i];
                    }
                }
                s[d] = bestChoice;
            }
            if (value <= before + 1e-12) {
                break;
            }
        }
        return value;
    }

    /** Configures a GP sampler; every method checks its argument at once. */
    public static final class Builder {
        private long seed;
        private int startupTrials = 10;
        private int candidates = 2048;
        private int localSearches = 10;
        private int maxFitPoints = 128;

        private Builder() {
        }

        /**
         * @param seed the seed every random choice flows from (default 0)
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param trials completed trials sampled at random before the GP takes over (default 10), {@code >= 1}
         * @return this builder
         * @throws IllegalArgumentException if trials {@code < 1}
         */
        public Builder startupTrials(int trials) {
            if (trials < 1) {
                throw new IllegalArgumentException("startupTrials (" + trials + ") must be >= 1");
            }
            this.startupTrials = trials;
            return this;
        }

        /**
         * @param count quasi-random candidates scored per proposal (default 2,048; fewer past 300 trials), {@code >= 16}
         * @return this builder
         * @throws IllegalArgumentException if count {@code < 16}
         */
        public Builder candidates(int count) {
            if (count < 16) {
                throw new IllegalArgumentException("candidates (" + count + ") must be >= 16");
            }
            this.candidates = count;
            return this;
        }

        /**
         * @param count starts of the local search per proposal (default 10), {@code >= 1}
         * @return this builder
         * @throws IllegalArgumentException if count {@code < 1}
         */
        public Builder localSearches(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("localSearches (" + count + ") must be >= 1");
            }
            this.localSearches = count;
            return this;
        }

        /**
         * @param points the most trials the hyperparameter fit uses (default 128: the best half and an even
         *               spread of the rest); the model itself uses every trial; {@code >= 16}
         * @return this builder
         * @throws IllegalArgumentException if points {@code < 16}
         */
        public Builder maxFitPoints(int points) {
            if (points < 16) {
                throw new IllegalArgumentException("maxFitPoints (" + points + ") must be >= 16");
            }
            this.maxFitPoints = points;
            return this;
        }

        /** @return the sampler */
        public GpSampler build() {
            return new GpSampler(this);
        }
    }
}
