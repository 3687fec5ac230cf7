package io.github.hpo4j.core.space;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A named, ordered set of parameter distributions, declared up front.
 *
 * <p>Studies are define-by-run (a trial asks for parameters as the objective runs), so a search
 * space is optional; generators such as grids and Sobol sequences need one. Each builder method
 * validates its argument at once and names the parameter in the message.
 *
 * <pre>{@code
 * SearchSpace space = SearchSpace.builder()
 *     .addFloat("lr", 1e-5, 1e-1, true)
 *     .addInt("layers", 1, 6)
 *     .addCategorical("optimizer", "adam", "sgd")
 *     .build();
 * }</pre>
 *
 * <p>Stability: stable.
 */
public final class SearchSpace {

    private final Map<String, Distribution> params;

    private SearchSpace(Map<String, Distribution> params) {
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A space over the given distributions, in the map's iteration order.
     *
     * @param params name to distribution
     * @return the space
     * @throws IllegalArgumentException if a name is blank
     */
    public static SearchSpace of(Map<String, Distribution> params) {
        Builder b = builder();
        params.forEach(b::add);
        return b.build();
    }

    /** @return the distributions by name, in declaration order; unmodifiable */
    public Map<String, Distribution> distributions() {
        return params;
    }

    /** @return the parameter names in declaration order */
    public Set<String> names() {
        return params.keySet();
    }

    /**
     * The distribution of one parameter.
     *
     * @param name the parameter
     * @return its distribution
     * @throws IllegalArgumentException if the space has no such parameter
     */
    public Distribution get(String name) {
        Distribution d = params.get(name);
        if (d == null) {
            throw new IllegalArgumentException("name: unknown parameter '" + name + "' (known: " + params.keySet() + ")");
        }
        return d;
    }

    /** @return the number of parameters */
    public int size() {
        return params.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchSpace s && s.params.equals(params);
    }

    @Override
    public int hashCode() {
        return params.hashCode();
    }

    @Override
    public String toString() {
        return "SearchSpace" + params;
    }

    /** Builds a {@link SearchSpace}; each method checks its arguments as they are given. */
    public static final class Builder {
        private final Map<String, Distribution> params = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a parameter.
         *
         * @param name         the parameter name, not blank, not yet declared
         * @param distribution its distribution
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or already declared
         */
        public Builder add(String name, Distribution distribution) {
            ParamNames.requireValid(name);
            Objects.requireNonNull(distribution, "distribution");
            if (params.containsKey(name)) {
                throw new IllegalArgumentException(name + ": declared twice");
            }
            params.put(name, distribution);
            return this;
        }

        /**
         * Adds a float parameter.
         *
         * @param name the parameter name
         * @param low  lower bound
         * @param high upper bound
         * @param log  whether to sample in log space
         * @return this builder
         * @throws IllegalArgumentException naming the parameter, if the bounds are invalid
         */
        public Builder addFloat(String name, double low, double high, boolean log) {
            return add(name, ParamNames.named(name, () -> new FloatDistribution(low, high, log, 0)));
        }

        /**
         * Adds a float parameter on a step grid.
         *
         * @param name the parameter name
         * @param low  lower bound
         * @param high upper bound
         * @param step grid step
         * @return this builder
         * @throws IllegalArgumentException naming the parameter, if the bounds or step are invalid
         */
        public Builder addFloat(String name, double low, double high, double step) {
            return add(name, ParamNames.named(name, () -> FloatDistribution.stepped(low, high, step)));
        }

        /**
         * Adds an integer parameter.
         *
         * @param name the parameter name
         * @param low  lower bound
         * @param high upper bound
         * @return this builder
         * @throws IllegalArgumentException naming the parameter, if the bounds are invalid
         */
        public Builder addInt(String name, int low, int high) {
            return add(name, ParamNames.named(name, () -> IntDistribution.of(low, high)));
        }

        /**
         * Adds an integer parameter.
         *
         * @param name the parameter name
         * @param low  lower bound
         * @param high upper bound
         * @param log  whether to sample in log space
         * @return this builder
         * @throws IllegalArgumentException naming the parameter, if the bounds are invalid
         */
        public Builder addInt(String name, int low, int high, boolean log) {
            return add(name, ParamNames.named(name, () -> new IntDistribution(low, high, log, 1)));
        }

        /**
         * Adds a categorical parameter.
         *
         * @param name    the parameter name
         * @param choices the choices
         * @return this builder
         * @throws IllegalArgumentException naming the parameter, if the choices are empty or repeat
         */
        public Builder addCategorical(String name, Object... choices) {
            return add(name, ParamNames.named(name, () -> CategoricalDistribution.of(choices)));
        }

        /** @return the space */
        public SearchSpace build() {
            return new SearchSpace(params);
        }
    }
}
