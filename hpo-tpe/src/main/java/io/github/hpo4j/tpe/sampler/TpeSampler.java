package io.github.hpo4j.tpe.sampler;

import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.sampler.Sampler;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.study.Direction;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

/**
 * The Tree-structured Parzen Estimator: models the parameters of the best trials (l) and of the
 * rest (g) as Parzen mixtures and proposes the candidate that maximises l(x) / g(x). Optuna's
 * TPE is the reference for every step.
 *
 * <ul>
 *   <li>Random sampling until {@code nStartupTrials} trials have finished (FAIL never counts).</li>
 *   <li>The good set holds γ(n) = min(⌈0.1·n⌉, 25) trials: COMPLETE by value, then PRUNED by
 *       (furthest step, last value), then infeasible by violation. With the constant liar
 *       (default on) other workers' RUNNING trials join the bad set.</li>
 *   <li>Weights: 1 below 25 trials; beyond, a ramp from 1/n to 1 for older trials and 1 for the
 *       newest 25; plus a prior kernel of weight {@code priorWeight}.</li>
 *   <li>Kernels: truncated normals (log space for log ranges, half-step cells for discrete
 *       ranges), categorical kernels; univariate bandwidths from neighbour gaps, clipped to
 *       [range / min(100, n + 2), range]; multivariate bandwidths 0.2·n^(-1/(d+4))·range.</li>
 *   <li>Multivariate mode (default): a product kernel over the parameters every finished trial
 *       shares; other parameters fall back to univariate TPE.</li>
 *   <li>{@code nEiCandidates} (24) candidates from l, scored by log l − log g.</li>
 *   <li>Several objectives: the good set by non-domination rank.</li>
 * </ul>
 *
 * <pre>{@code
 * Study study = Study.builder()
 *     .sampler(TpeSampler.builder().seed(42).build())
 *     .minimize("loss")
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe: asks are serialised on the sampler, so the same seed gives the same trials
 * for the same sequence of asks. Stability: evolving.
 */
public final class TpeSampler implements Sampler {

    private final SplittableRandom rng;
    private final int nStartupTrials;
    private final int nEiCandidates;
    private final boolean multivariate;
    private final boolean constantLiar;
    private final IntUnaryOperator gamma;
    private final TpeParameters univariate;
    private final TpeParameters joint;
    private final List<TrialRecord> warmStart;

    private TpeSampler(Builder b) {
        this.rng = new SplittableRandom(b.seed);
        this.nStartupTrials = b.nStartupTrials;
        this.nEiCandidates = b.nEiCandidates;
        this.multivariate = b.multivariate;
        this.constantLiar = b.constantLiar;
        this.gamma = b.gamma;
        this.univariate = new TpeParameters(b.priorWeight, b.considerMagicClip, b.considerEndpoints, false);
        this.joint = new TpeParameters(b.priorWeight, b.considerMagicClip, b.considerEndpoints, true);
        this.warmStart = List.copyOf(b.warmStart);
    }

    /** @return a builder with Optuna's defaults, multivariate and constant liar on, seed 0 */
    public static Builder builder() {
        return new Builder();
    }

    /** What one ask sees: the trials to learn from and how many have finished. */
    private record History(List<GoodBadSplit.Observed> trials, int finished) {
    }

    private History history(Study study, TrialRecord current) {
        List<GoodBadSplit.Observed> out = new ArrayList<>();
        int order = 0;
        int finished = 0;
        for (TrialRecord t : warmStart) {
            if (t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED) {
                out.add(new GoodBadSplit.Observed(t, order++));
                finished++;
            }
        }
        for (TrialRecord t : study.trials()) {
            TrialState s = t.state();
            if (s == TrialState.COMPLETE || s == TrialState.PRUNED) {
                out.add(new GoodBadSplit.Observed(t, order++));
                finished++;
            } else if (s == TrialState.RUNNING && constantLiar && (current == null || t.number() != current.number())) {
                out.add(new GoodBadSplit.Observed(t, order++));
            }
        }
        return new History(out, finished);
    }

    @Override
    public double sampleIndependent(Study study, TrialRecord trial, String name, Distribution distribution) {
        synchronized (rng) {
            History h = history(study, trial);
            if (h.finished() < nStartupTrials) {
                return RandomSampler.draw(distribution, rng);
            }
            Map<String, Distribution> space = new LinkedHashMap<>();
            space.put(name, distribution);
            return sample(study, h, space, univariate).get(name);
        }
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(Study study, TrialRecord trial) {
        if (!multivariate) {
            return Map.of();
        }
        Map<String, Distribution> space = null;
        List<TrialRecord> finished = new ArrayList<>(warmStart);
        finished.addAll(study.trials(TrialState.COMPLETE, TrialState.PRUNED));
        for (TrialRecord t : finished) {
            if (t.state() != TrialState.COMPLETE && t.state() != TrialState.PRUNED) {
                continue;
            }
            if (space == null) {
                space = new LinkedHashMap<>(t.distributions());
            } else {
                space.entrySet().removeIf(e -> !e.getValue().equals(t.distributions().get(e.getKey())));
            }
        }
        if (space == null) {
            return Map.of();
        }
        space.entrySet().removeIf(e -> e.getValue().isSingle());
        return space;
    }

    @Override
    public Map<String, Double> sampleRelative(Study study, TrialRecord trial, Map<String, Distribution> searchSpace) {
        if (searchSpace.isEmpty()) {
            return Map.of();
        }
        synchronized (rng) {
            History h = history(study, trial);
            if (h.finished() < nStartupTrials) {
                return Map.of();
            }
            return sample(study, h, searchSpace, joint);
        }
    }

    private Map<String, Double> sample(Study study, History h, Map<String, Distribution> space, TpeParameters params) {
        List<Direction> directions = study.directions();
        GoodBadSplit split = GoodBadSplit.split(h.trials(), directions, gamma.applyAsInt(h.finished()));
        String[] names = space.keySet().toArray(new String[0]);
        ParamSpec[] specs = new ParamSpec[names.length];
        for (int j = 0; j < names.length; j++) {
            specs[j] = new ParamSpec(space.get(names[j]));
        }
        ParzenEstimator good = estimator(split.good, names, specs, params);
        ParzenEstimator bad = estimator(split.bad, names, specs, params);
        double[][] candidates = good.sample(rng, nEiCandidates);
        double[] lg = good.logPdf(candidates);
        double[] lb = bad.logPdf(candidates);
        int best = 0;
        for (int c = 1; c < candidates.length; c++) {
            if (lg[c] - lb[c] > lg[best] - lb[best]) {
                best = c;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j = 0; j < names.length; j++) {
            out.put(names[j], candidates[best][j]);
        }
        return out;
    }

    private static ParzenEstimator estimator(List<GoodBadSplit.Observed> trials, String[] names, ParamSpec[] specs,
                                             TpeParameters params) {
        int d = names.length;
        double[][] cols = new double[d][trials.size()];
        int m = 0;
        for (GoodBadSplit.Observed o : trials) {
            TrialRecord t = o.trial();
            boolean ok = true;
            for (int j = 0; j < d && ok; j++) {
                Object v = t.params().get(names[j]);
                if (v == null) {
                    ok = false;
                    break;
                }
                double internal;
                try {
                    internal = specs[j].distribution.toInternal(v);
                } catch (IllegalArgumentException e) {
                    ok = false;
                    break;
                }
                cols[j][m] = specs[j].categorical ? internal : specs[j].transform(internal);
            }
            if (ok) {
                m++;
            }
        }
        double[][] obs = new double[d][];
        for (int j = 0; j < d; j++) {
            obs[j] = java.util.Arrays.copyOf(cols[j], m);
        }
        return new ParzenEstimator(specs, obs, defaultWeights(m), params);
    }

    /** 1 below 25 observations; beyond, a linear ramp from 1/n to 1 for the older ones and 1 for the newest 25. */
    static double[] defaultWeights(int n) {
        double[] w = new double[n];
        if (n < 25) {
            java.util.Arrays.fill(w, 1);
            return w;
        }
        int ramp = n - 25;
        for (int i = 0; i < ramp; i++) {
            w[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1 - 1.0 / n) * i / (ramp - 1);
        }
        for (int i = ramp; i < n; i++) {
            w[i] = 1;
        }
        return w;
    }

    /** Configures a {@link TpeSampler}; each method checks its argument at once. */
    public static final class Builder {
        private long seed;
        private int nStartupTrials = 10;
        private int nEiCandidates = 24;
        private boolean multivariate = true;
        private boolean constantLiar = true;
        private double priorWeight = 1.0;
        private boolean considerMagicClip = true;
        private boolean considerEndpoints;
        private IntUnaryOperator gamma = GoodBadSplit::defaultGamma;
        private final List<TrialRecord> warmStart = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param seed seed of every random choice (default 0)
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param n finished trials sampled at random before TPE starts (default 10)
         * @return this builder
         * @throws IllegalArgumentException if {@code n < 0}
         */
        public Builder nStartupTrials(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("nStartupTrials (" + n + ") must be >= 0");
            }
            this.nStartupTrials = n;
            return this;
        }

        /**
         * @param n candidates drawn from l per sample (default 24)
         * @return this builder
         * @throws IllegalArgumentException if {@code n < 1}
         */
        public Builder nEiCandidates(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("nEiCandidates (" + n + ") must be >= 1");
            }
            this.nEiCandidates = n;
            return this;
        }

        /**
         * @param multivariate joint product kernels over shared parameters (default true)
         * @return this builder
         */
        public Builder multivariate(boolean multivariate) {
            this.multivariate = multivariate;
            return this;
        }

        /**
         * @param constantLiar count other workers' running trials as bad (default true)
         * @return this builder
         */
        public Builder constantLiar(boolean constantLiar) {
            this.constantLiar = constantLiar;
            return this;
        }

        /**
         * @param priorWeight weight of the prior kernel (default 1)
         * @return this builder
         * @throws IllegalArgumentException if not finite and {@code > 0}
         */
        public Builder priorWeight(double priorWeight) {
            if (!(priorWeight > 0) || !Double.isFinite(priorWeight)) {
                throw new IllegalArgumentException("priorWeight (" + priorWeight + ") must be > 0");
            }
            this.priorWeight = priorWeight;
            return this;
        }

        /**
         * @param considerMagicClip clip bandwidths below at range / min(100, n + 2) (default true)
         * @return this builder
         */
        public Builder considerMagicClip(boolean considerMagicClip) {
            this.considerMagicClip = considerMagicClip;
            return this;
        }

        /**
         * @param considerEndpoints let the outermost kernels widen to the bounds (default false)
         * @return this builder
         */
        public Builder considerEndpoints(boolean considerEndpoints) {
            this.considerEndpoints = considerEndpoints;
            return this;
        }

        /**
         * @param gamma size of the good set for n finished trials (default min(⌈0.1·n⌉, 25))
         * @return this builder
         */
        public Builder gamma(IntUnaryOperator gamma) {
            this.gamma = Objects.requireNonNull(gamma, "gamma");
            return this;
        }

        /**
         * Past trials (e.g. a history loaded from CSV) to learn from before, and beside, the
         * study's own; they count towards the startup trials.
         *
         * @param history finished trial records, oldest first
         * @return this builder
         */
        public Builder warmStart(List<TrialRecord> history) {
            this.warmStart.addAll(Objects.requireNonNull(history, "history"));
            return this;
        }

        /** @return the sampler */
        public TpeSampler build() {
            return new TpeSampler(this);
        }
    }
}
