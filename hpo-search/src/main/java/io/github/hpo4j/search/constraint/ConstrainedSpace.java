package io.github.hpo4j.search.constraint;

import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * A search space with constraints: fixed parameters, simplex groups (weights summing to 1,
 * sampled uniformly without rejection), linear inequalities between numeric parameters,
 * arbitrary predicates (checked by rejection, with a try limit), and conditional parameters
 * (present only for some values of another).
 *
 * <pre>{@code
 * ConstrainedSpace cs = ConstrainedSpace.builder(space)
 *     .fix("embedding_dim", 64)
 *     .simplex(SimplexGroup.of(List.of("w1", "w2", "w3")))
 *     .linear(Map.of("min_score", 1.0, "max_score", -1.0), 0.0)       // min_score <= max_score
 *     .predicate("small model", c -> (int) c.get("layers") * (int) c.get("units") <= 2048)
 *     .conditional("momentum", "optimizer", "sgd")
 *     .build();
 * List<Map<String, Object>> configs = cs.generate(50, 7);
 * }</pre>
 *
 * <p>Stability: evolving.
 */
public final class ConstrainedSpace {

    private final SearchSpace space;
    private final Map<String, Object> fixed;
    private final List<SimplexGroup> simplexes;
    private final List<Map<String, Double>> linearCoefficients;
    private final List<Double> linearBounds;
    private final Map<String, Predicate<Map<String, Object>>> predicates;
    private final Map<String, Map.Entry<String, Set<Object>>> conditions;
    private final int maxTries;

    private ConstrainedSpace(Builder b) {
        this.space = b.space;
        this.fixed = Map.copyOf(b.fixed);
        this.simplexes = List.copyOf(b.simplexes);
        this.linearCoefficients = List.copyOf(b.linearCoefficients);
        this.linearBounds = List.copyOf(b.linearBounds);
        this.predicates = new LinkedHashMap<>(b.predicates);
        this.conditions = new LinkedHashMap<>(b.conditions);
        this.maxTries = b.maxTries;
    }

    /**
     * @param space the unconstrained parameters (simplex weights need not be declared in it)
     * @return a builder
     */
    public static Builder builder(SearchSpace space) {
        return new Builder(Objects.requireNonNull(space, "space"));
    }

    /**
     * Draws one configuration satisfying every constraint.
     *
     * @param rng randomness
     * @return the configuration
     * @throws IllegalArgumentException if no draw satisfied the constraints within the try limit
     */
    public Map<String, Object> sample(SplittableRandom rng) {
        for (int attempt = 0; attempt < maxTries; attempt++) {
            Map<String, Object> c = new LinkedHashMap<>();
            Set<String> inSimplex = new HashSet<>();
            for (SimplexGroup g : simplexes) {
                inSimplex.addAll(g.names());
            }
            for (Map.Entry<String, Distribution> e : space.distributions().entrySet()) {
                if (!inSimplex.contains(e.getKey())) {
                    Distribution d = e.getValue();
                    c.put(e.getKey(), d.toExternal(RandomSampler.draw(d, rng)));
                }
            }
            for (SimplexGroup g : simplexes) {
                double[] w = g.sample(rng);
                for (int i = 0; i < w.length; i++) {
                    c.put(g.names().get(i), w[i]);
                }
            }
            c.putAll(fixed);
            conditions.forEach((param, cond) -> {
                if (!cond.getValue().contains(c.get(cond.getKey()))) {
                    c.remove(param);
                }
            });
            if (satisfies(c)) {
                return c;
            }
        }
        throw new IllegalArgumentException("constraints: no configuration satisfied " + constraintNames() + " in "
                + maxTries + " tries; the space is too tight");
    }

    private List<String> constraintNames() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < linearCoefficients.size(); i++) {
            out.add("linear " + linearCoefficients.get(i) + " <= " + linearBounds.get(i));
        }
        out.addAll(predicates.keySet());
        return out;
    }

    /**
     * @param config a configuration
     * @return whether it satisfies the linear inequalities and predicates
     */
    public boolean satisfies(Map<String, Object> config) {
        for (int i = 0; i < linearCoefficients.size(); i++) {
            double s = 0;
            for (Map.Entry<String, Double> e : linearCoefficients.get(i).entrySet()) {
                Object v = config.get(e.getKey());
                if (!(v instanceof Number n)) {
                    return false;
                }
                s += e.getValue() * n.doubleValue();
            }
            if (s > linearBounds.get(i) + 1e-12) {
                return false;
            }
        }
        for (Predicate<Map<String, Object>> p : predicates.values()) {
            if (!p.test(config)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param n    how many configurations, {@code >= 1}
     * @param seed seed of every draw
     * @return n configurations
     * @throws IllegalArgumentException if {@code n < 1} or the constraints cannot be met
     */
    public List<Map<String, Object>> generate(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("n (" + n + ") must be >= 1");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Map<String, Object>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(sample(rng));
        }
        return out;
    }

    /** Configures a {@link ConstrainedSpace}; each method checks its arguments at once. */
    public static final class Builder {
        private final SearchSpace space;
        private final Map<String, Object> fixed = new LinkedHashMap<>();
        private final List<SimplexGroup> simplexes = new ArrayList<>();
        private final List<Map<String, Double>> linearCoefficients = new ArrayList<>();
        private final List<Double> linearBounds = new ArrayList<>();
        private final Map<String, Predicate<Map<String, Object>>> predicates = new LinkedHashMap<>();
        private final Map<String, Map.Entry<String, Set<Object>>> conditions = new LinkedHashMap<>();
        private int maxTries = 1000;

        private Builder(SearchSpace space) {
            this.space = space;
        }

        /**
         * @param name  a parameter of the space
         * @param value its fixed value
         * @return this builder
         * @throws IllegalArgumentException if the parameter is unknown or the value outside its distribution
         */
        public Builder fix(String name, Object value) {
            Distribution d = space.get(name);
            try {
                d.toInternal(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": fixed " + e.getMessage(), e);
            }
            fixed.put(name, value);
            return this;
        }

        /**
         * @param group weights that sum to 1
         * @return this builder
         */
        public Builder simplex(SimplexGroup group) {
            simplexes.add(Objects.requireNonNull(group, "group"));
            return this;
        }

        /**
         * Σ coefficient·value ≤ bound over numeric parameters.
         *
         * @param coefficients parameter name to coefficient
         * @param bound        the right-hand side
         * @return this builder
         * @throws IllegalArgumentException if empty or a coefficient is not finite
         */
        public Builder linear(Map<String, Double> coefficients, double bound) {
            if (coefficients.isEmpty()) {
                throw new IllegalArgumentException("coefficients: empty");
            }
            coefficients.forEach((k, v) -> {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(k + ": coefficient " + v + " must be finite");
                }
            });
            linearCoefficients.add(new LinkedHashMap<>(coefficients));
            linearBounds.add(bound);
            return this;
        }

        /**
         * @param name      the constraint's name, for messages
         * @param predicate true for admissible configurations
         * @return this builder
         */
        public Builder predicate(String name, Predicate<Map<String, Object>> predicate) {
            predicates.put(name, Objects.requireNonNull(predicate, "predicate"));
            return this;
        }

        /**
         * @param param  a parameter that exists only when...
         * @param parent ...this parameter...
         * @param values ...takes one of these values
         * @return this builder
         * @throws IllegalArgumentException if either parameter is unknown
         */
        public Builder conditional(String param, String parent, Object... values) {
            space.get(param);
            space.get(parent);
            conditions.put(param, Map.entry(parent, Set.of(values)));
            return this;
        }

        /**
         * @param tries how many draws a predicate may reject before giving up, {@code >= 1} (default 1000)
         * @return this builder
         * @throws IllegalArgumentException if {@code tries < 1}
         */
        public Builder maxTries(int tries) {
            if (tries < 1) {
                throw new IllegalArgumentException("maxTries (" + tries + ") must be >= 1");
            }
            this.maxTries = tries;
            return this;
        }

        /** @return the constrained space */
        public ConstrainedSpace build() {
            return new ConstrainedSpace(this);
        }
    }
}
