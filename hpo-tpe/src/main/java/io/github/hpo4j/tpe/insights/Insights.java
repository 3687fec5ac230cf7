package io.github.hpo4j.tpe.insights;

import io.github.hpo4j.core.study.Direction;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which parameter values go with good results, from a history of experiments, scored the TPE
 * way: the top {@code quantile} (30 % by default) of trials by the primary metric are good, and
 * each value gets {@code p_good / p_bad} with Laplace smoothing, so a value tried once with a
 * lucky result scores 2.0 with low confidence and cannot outrank a value good in 7 of 9 tries
 * (8/3).
 *
 * <pre>{@code
 * Insights insights = Insights.builder()
 *     .metric("recall@100", Direction.MAXIMIZE)
 *     .filter(t -> "ranking".equals(t.params().get("model_type")))   // a CSV history's columns are params
 *     .category("training", "lr", "batch_size")
 *     .mapper("l2", ValueMapper.regularisation())
 *     .build();
 * Analysis a = insights.analyze(history);   // history: e.g. TrialsCsv.read(reader, Set.of("recall@100"))
 * System.out.println(a.report().toText());
 * a.importance();   a.sweetSpots(20);   a.gaps();   a.suggest(5);
 * }</pre>
 *
 * <p>The good threshold is the {@code 1 − quantile} quantile of the metric when maximising (the
 * {@code quantile} quantile when minimising), interpolating linearly between order statistics
 * as numpy does; a trial is good when its value is at or beyond it. Trials that are not
 * COMPLETE, fail the filter, or lack the metric (or have NaN) are skipped and counted.
 *
 * <p>Immutable and thread-safe. Stability: evolving.
 */
public final class Insights {

    final String metric;
    final Direction direction;
    final double quantile;
    final double alpha;
    final double beta;
    final int highCutoff;
    final int mediumCutoff;
    final Predicate<TrialRecord> filter;
    final Map<String, String> categoryOf;
    final List<String> categories;
    final Map<String, ValueMapper> mappers;
    final List<DerivedParam> derived;

    private Insights(Builder b) {
        this.metric = b.metric;
        this.direction = b.direction;
        this.quantile = b.quantile;
        this.alpha = b.alpha;
        this.beta = b.beta;
        this.highCutoff = b.highCutoff;
        this.mediumCutoff = b.mediumCutoff;
        this.filter = b.filter;
        this.categoryOf = Map.copyOf(b.categoryOf);
        this.categories = List.copyOf(b.categories);
        this.mappers = Map.copyOf(b.mappers);
        this.derived = List.copyOf(b.derived);
    }

    /** @return a builder; {@link Builder#metric} is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Analyses a history.
     *
     * @param history trial records (from a study, or loaded from CSV or JSON)
     * @return the analysis
     * @throws IllegalArgumentException if the history is empty, or no trial has the metric
     */
    public Analysis analyze(List<TrialRecord> history) {
        if (history == null || history.isEmpty()) {
            throw new IllegalArgumentException("history: empty");
        }
        boolean anyHasMetric = false;
        List<TrialRecord> used = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        int skipped = 0;
        for (TrialRecord t : history) {
            Double v = t.metrics().get(metric);
            if (v != null) {
                anyHasMetric = true;
            }
            if (t.state() != TrialState.COMPLETE || v == null || Double.isNaN(v) || !filter.test(t)) {
                skipped++;
                continue;
            }
            used.add(t);
            values.add(v);
        }
        if (!anyHasMetric) {
            Map<String, Boolean> names = new LinkedHashMap<>();
            history.stream().limit(100).forEach(t -> t.metrics().keySet().forEach(k -> names.put(k, true)));
            throw new IllegalArgumentException("metric: no trial has a metric '" + metric + "' (metrics seen: "
                    + names.keySet() + ")");
        }
        if (used.isEmpty()) {
            throw new IllegalArgumentException("history: all " + history.size() + " trials were skipped (not COMPLETE, "
                    + "filtered out, or without '" + metric + "')");
        }
        return new Analysis(this, used, values.stream().mapToDouble(Double::doubleValue).toArray(), skipped);
    }

    /** Linear interpolation between order statistics, numpy's default. */
    static double quantileOf(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Configures an analysis; every method checks its argument at once. */
    public static final class Builder {
        private String metric;
        private Direction direction;
        private double quantile = 0.3;
        private double alpha = 1;
        private double beta = 1;
        private int highCutoff = 5;
        private int mediumCutoff = 3;
        private Predicate<TrialRecord> filter = t -> true;
        private final Map<String, String> categoryOf = new HashMap<>();
        private final List<String> categories = new ArrayList<>();
        private final Map<String, ValueMapper> mappers = new HashMap<>();
        private final List<DerivedParam> derived = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param name      the primary metric, e.g. {@code recall@100}
         * @param direction whether higher or lower is better
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder metric(String name, Direction direction) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("metric (" + name + ") must not be blank");
            }
            this.metric = name;
            this.direction = Objects.requireNonNull(direction, "direction");
            return this;
        }

        /**
         * @param quantile share of trials that count as good, in (0, 1) (default 0.3)
         * @return this builder
         * @throws IllegalArgumentException if outside (0, 1)
         */
        public Builder quantile(double quantile) {
            if (!(quantile > 0 && quantile < 1)) {
                throw new IllegalArgumentException("quantile (" + quantile + ") must be in (0, 1)");
            }
            this.quantile = quantile;
            return this;
        }

        /**
         * @param alpha Laplace prior on good counts (default 1)
         * @param beta  Laplace prior on bad counts (default 1)
         * @return this builder
         * @throws IllegalArgumentException if either is not {@code > 0}
         */
        public Builder smoothing(double alpha, double beta) {
            if (!(alpha > 0) || !Double.isFinite(alpha)) {
                throw new IllegalArgumentException("alpha (" + alpha + ") must be > 0");
            }
            if (!(beta > 0) || !Double.isFinite(beta)) {
                throw new IllegalArgumentException("beta (" + beta + ") must be > 0");
            }
            this.alpha = alpha;
            this.beta = beta;
            return this;
        }

        /**
         * @param high   counts at or above which confidence is high (default 5)
         * @param medium counts at or above which confidence is medium (default 3)
         * @return this builder
         * @throws IllegalArgumentException unless {@code 1 <= medium <= high}
         */
        public Builder confidenceCutoffs(int high, int medium) {
            if (medium < 1 || high < medium) {
                throw new IllegalArgumentException("cut-offs (high " + high + ", medium " + medium
                        + ") must satisfy 1 <= medium <= high");
            }
            this.highCutoff = high;
            this.mediumCutoff = medium;
            return this;
        }

        /**
         * @param filter keeps the trials to analyse (e.g. by an attribute)
         * @return this builder
         */
        public Builder filter(Predicate<TrialRecord> filter) {
            this.filter = Objects.requireNonNull(filter, "filter");
            return this;
        }

        /**
         * Puts parameters in a category of the report; unassigned ones go to {@code other}.
         *
         * @param category the category, e.g. {@code training}
         * @param params   parameter names
         * @return this builder
         */
        public Builder category(String category, String... params) {
            if (!categories.contains(category)) {
                categories.add(category);
            }
            for (String p : params) {
                categoryOf.put(p, category);
            }
            return this;
        }

        /**
         * @param param  a parameter
         * @param mapper how its values are counted
         * @return this builder
         */
        public Builder mapper(String param, ValueMapper mapper) {
            mappers.put(param, Objects.requireNonNull(mapper, "mapper"));
            return this;
        }

        /**
         * @param param computed for trials that lack it
         * @return this builder
         */
        public Builder derived(DerivedParam param) {
            derived.add(Objects.requireNonNull(param, "param"));
            return this;
        }

        /**
         * @return the analysis settings
         * @throws IllegalStateException if no metric was set
         */
        public Insights build() {
            if (metric == null) {
                throw new IllegalStateException("metric(name, direction) is required");
            }
            return new Insights(this);
        }
    }

    /** Sorting helper for value stats: score desc, then count desc. */
    static final Comparator<ValueStats> BY_SCORE = Comparator.comparingDouble(ValueStats::tpeScore).reversed()
            .thenComparing(Comparator.comparingInt(ValueStats::count).reversed());

    static double[] sortedCopy(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s;
    }
}
