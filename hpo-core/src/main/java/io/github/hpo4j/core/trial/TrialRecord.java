package io.github.hpo4j.core.trial;

import io.github.hpo4j.core.space.Distribution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The immutable record of one trial: what was tried, how it went, and when.
 *
 * <p>One type serves every reader: the study produces it, storages persist it, samplers learn
 * from it, reports read it, and CSV/JSON import creates it from a history kept elsewhere.
 * Collections are unmodifiable copies; maps keep insertion order.
 *
 * <pre>{@code
 * TrialRecord best = study.bestTrial().orElseThrow();
 * double lr = (Double) best.params().get("lr");
 * double recall = best.metrics().get("recall@100");
 * }</pre>
 *
 * <p>Stability: stable. Components may be added in a minor release; build records with
 * {@link #builder(int)} rather than the canonical constructor.
 *
 * @param number             the trial number in its study, from 0
 * @param state              the state
 * @param params             parameter values (Double, Integer or a categorical choice) by name
 * @param distributions      the distribution of each parameter; same keys as {@code params}
 * @param values             objective values, one per objective; empty unless COMPLETE (or PRUNED with a last value)
 * @param metrics            named metrics recorded beside the objectives
 * @param attributes         user attributes (strings, numbers, booleans)
 * @param intermediateValues values reported per step, ascending by step
 * @param constraints        constraint values; feasible when all are {@code <= 0}
 * @param fixedParams        parameters enqueued for this trial before it ran (external values)
 * @param start              when the trial started running
 * @param complete           when the trial finished
 * @param failure            why the trial failed
 */
public record TrialRecord(
        int number,
        TrialState state,
        Map<String, Object> params,
        Map<String, Distribution> distributions,
        List<Double> values,
        Map<String, Double> metrics,
        Map<String, Object> attributes,
        NavigableMap<Integer, Double> intermediateValues,
        List<Double> constraints,
        Map<String, Object> fixedParams,
        Optional<Instant> start,
        Optional<Instant> complete,
        Optional<String> failure) {

    /**
     * Copies and checks the components.
     *
     * @throws IllegalArgumentException if {@code number < 0}, or params and distributions disagree
     */
    public TrialRecord {
        if (number < 0) {
            throw new IllegalArgumentException("number (" + number + ") must be >= 0");
        }
        Objects.requireNonNull(state, "state");
        // immutable maps in two arrays each (ParamMap): another record's are shared, not copied
        ParamMap<Object> ownParams = ParamMap.copyOf(params, "params");
        ParamMap<Distribution> ownDistributions = ParamMap.copyOf(distributions, "distributions");
        if (!ParamMap.sameNames(ownParams, ownDistributions)) {
            throw new IllegalArgumentException("params " + ownParams.keySet()
                    + " and distributions " + ownDistributions.keySet() + " must have the same names");
        }
        params = ownParams;
        distributions = ownDistributions;
        values = List.copyOf(values);
        // most trials have none of these: the shared empty maps cost nothing per record
        metrics = metrics.isEmpty() ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        attributes = attributes.isEmpty() ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        intermediateValues = intermediateValues.isEmpty() ? Collections.emptyNavigableMap()
                : Collections.unmodifiableNavigableMap(new TreeMap<>(intermediateValues));
        constraints = List.copyOf(constraints);
        fixedParams = fixedParams.isEmpty() ? Collections.emptyMap() : Collections.unmodifiableMap(new LinkedHashMap<>(fixedParams));
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(complete, "complete");
        Objects.requireNonNull(failure, "failure");
    }

    /**
     * A builder for a record with the given number, in state COMPLETE and otherwise empty.
     *
     * @param number the trial number
     * @return a builder
     */
    public static Builder builder(int number) {
        return new Builder(number);
    }

    /**
     * This record with one more parameter, every other component shared: what a storage does for
     * each suggestion, without the copies a {@link #toBuilder()} round trip makes.
     *
     * @param name         parameter name, not yet set on this record
     * @param distribution its distribution
     * @param internal     its internal value
     * @return the new record
     * @throws IllegalArgumentException naming the parameter, if the value is outside the distribution
     */
    @SuppressWarnings("unchecked")
    public TrialRecord withInternalParam(String name, Distribution distribution, double internal) {
        if (!distribution.containsInternal(internal)) {
            throw new IllegalArgumentException(name + ": value (" + internal + ") is outside " + distribution);
        }
        ParamMap<Object> p = ((ParamMap<Object>) params).with(name, distribution.toExternal(internal));
        ParamMap<Distribution> d = ((ParamMap<Distribution>) distributions).with(name, distribution);
        return new TrialRecord(number, state, p, d, values, metrics, attributes, intermediateValues, constraints,
                fixedParams, start, complete, failure);
    }

    /** @return a builder initialised with this record's components */
    public Builder toBuilder() {
        Builder b = new Builder(number);
        b.state = state;
        params.forEach(b.params::put);
        distributions.forEach(b.distributions::put);
        b.values.addAll(values);
        b.metrics.putAll(metrics);
        b.attributes.putAll(attributes);
        b.intermediateValues.putAll(intermediateValues);
        b.constraints.addAll(constraints);
        b.fixedParams.putAll(fixedParams);
        b.start = start.orElse(null);
        b.complete = complete.orElse(null);
        b.failure = failure.orElse(null);
        return b;
    }

    /**
     * The single objective value.
     *
     * @return the value
     * @throws IllegalStateException if the record has no value or several
     */
    public double value() {
        if (values.size() != 1) {
            throw new IllegalStateException("trial " + number + " has " + values.size() + " values, not one");
        }
        return values.get(0);
    }

    /**
     * The internal (double) representation of a parameter, as samplers see it.
     *
     * @param name the parameter
     * @return the internal value
     * @throws IllegalArgumentException if the trial has no such parameter
     */
    public double internalParam(String name) {
        Distribution d = distributions.get(name);
        if (d == null) {
            throw new IllegalArgumentException("name: trial " + number + " has no parameter '" + name + "'");
        }
        return d.toInternal(params.get(name));
    }

    /** @return the value reported at the highest step, if any */
    public OptionalDouble lastIntermediateValue() {
        return intermediateValues.isEmpty()
                ? OptionalDouble.empty() : OptionalDouble.of(intermediateValues.lastEntry().getValue());
    }

    /** @return whether every constraint value is {@code <= 0} (true when there are none) */
    public boolean isFeasible() {
        for (double c : constraints) {
            if (c > 0) {
                return false;
            }
        }
        return true;
    }

    /** @return the sum of the positive constraint values */
    public double totalViolation() {
        double s = 0;
        for (double c : constraints) {
            if (c > 0) {
                s += c;
            }
        }
        return s;
    }

    /** Builds a {@link TrialRecord}. Not thread-safe. */
    public static final class Builder {
        private final int number;
        private TrialState state = TrialState.COMPLETE;
        private final Map<String, Object> params = new LinkedHashMap<>();
        private final Map<String, Distribution> distributions = new LinkedHashMap<>();
        private final List<Double> values = new ArrayList<>();
        private final Map<String, Double> metrics = new LinkedHashMap<>();
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private final NavigableMap<Integer, Double> intermediateValues = new TreeMap<>();
        private final List<Double> constraints = new ArrayList<>();
        private final Map<String, Object> fixedParams = new LinkedHashMap<>();
        private Instant start;
        private Instant complete;
        private String failure;

        private Builder(int number) {
            this.number = number;
        }

        /**
         * @param state the state
         * @return this builder
         */
        public Builder state(TrialState state) {
            this.state = Objects.requireNonNull(state, "state");
            return this;
        }

        /**
         * Sets a parameter from its external value.
         *
         * @param name         parameter name
         * @param distribution its distribution
         * @param value        the external value
         * @return this builder
         * @throws IllegalArgumentException naming the parameter, if the value is outside the distribution
         */
        public Builder param(String name, Distribution distribution, Object value) {
            Objects.requireNonNull(distribution, "distribution");
            double internal;
            try {
                internal = distribution.toInternal(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
            params.put(name, distribution.toExternal(internal));
            distributions.put(name, distribution);
            return this;
        }

        /**
         * Sets a parameter from its internal value.
         *
         * @param name         parameter name
         * @param distribution its distribution
         * @param internal     the internal value
         * @return this builder
         * @throws IllegalArgumentException naming the parameter, if the value is outside the distribution
         */
        public Builder internalParam(String name, Distribution distribution, double internal) {
            if (!distribution.containsInternal(internal)) {
                throw new IllegalArgumentException(name + ": value (" + internal + ") is outside " + distribution);
            }
            params.put(name, distribution.toExternal(internal));
            distributions.put(name, distribution);
            return this;
        }

        /**
         * @param values the objective values
         * @return this builder
         */
        public Builder values(double... values) {
            this.values.clear();
            for (double v : values) {
                this.values.add(v);
            }
            return this;
        }

        /**
         * @param values the objective values
         * @return this builder
         */
        public Builder values(List<Double> values) {
            this.values.clear();
            this.values.addAll(values);
            return this;
        }

        /**
         * @param name  metric name
         * @param value metric value
         * @return this builder
         */
        public Builder metric(String name, double value) {
            metrics.put(name, value);
            return this;
        }

        /**
         * @param key   attribute name
         * @param value attribute value
         * @return this builder
         */
        public Builder attribute(String key, Object value) {
            attributes.put(key, value);
            return this;
        }

        /**
         * @param step  the step
         * @param value the intermediate value
         * @return this builder
         */
        public Builder intermediate(int step, double value) {
            intermediateValues.put(step, value);
            return this;
        }

        /**
         * @param values the constraint values
         * @return this builder
         */
        public Builder constraints(double... values) {
            constraints.clear();
            for (double v : values) {
                constraints.add(v);
            }
            return this;
        }

        /**
         * @param name  parameter name
         * @param value the enqueued external value
         * @return this builder
         */
        public Builder fixedParam(String name, Object value) {
            fixedParams.put(name, value);
            return this;
        }

        /**
         * @param start when the trial started, or null
         * @return this builder
         */
        public Builder start(Instant start) {
            this.start = start;
            return this;
        }

        /**
         * @param complete when the trial finished, or null
         * @return this builder
         */
        public Builder complete(Instant complete) {
            this.complete = complete;
            return this;
        }

        /**
         * @param failure why the trial failed, or null
         * @return this builder
         */
        public Builder failure(String failure) {
            this.failure = failure;
            return this;
        }

        /** @return the record */
        public TrialRecord build() {
            return new TrialRecord(number, state, params, distributions, values, metrics, attributes,
                    intermediateValues, constraints, fixedParams, Optional.ofNullable(start),
                    Optional.ofNullable(complete), Optional.ofNullable(failure));
        }
    }
}
