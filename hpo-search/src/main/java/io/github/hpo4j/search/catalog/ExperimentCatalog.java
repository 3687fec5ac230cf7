package io.github.hpo4j.search.catalog;

import io.github.hpo4j.core.study.Study;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named, pre-configured experiments grouped into sets (e.g. {@code quick} with 3, {@code full}
 * with 10), enqueued into a study by name.
 *
 * <pre>{@code
 * ExperimentCatalog catalog = ExperimentCatalog.builder()
 *     .experiment("baseline", Map.of("lr", 1e-3, "layers", 3))
 *     .experiment("deep", Map.of("lr", 5e-4, "layers", 6))
 *     .set("quick", "baseline", "deep")
 *     .build();
 * catalog.enqueue(study, "quick");
 * }</pre>
 *
 * <p>Immutable. Stability: evolving.
 */
public final class ExperimentCatalog {

    private final Map<String, Map<String, Object>> experiments;
    private final Map<String, List<String>> sets;

    private ExperimentCatalog(Map<String, Map<String, Object>> experiments, Map<String, List<String>> sets) {
        this.experiments = experiments;
        this.sets = sets;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param set a set name
     * @return its experiments' configurations, in order
     * @throws IllegalArgumentException if there is no such set
     */
    public List<Map<String, Object>> configurations(String set) {
        List<String> names = sets.get(set);
        if (names == null) {
            throw new IllegalArgumentException("set: no set '" + set + "' (sets: " + sets.keySet() + ")");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (String n : names) {
            out.add(experiments.get(n));
        }
        return out;
    }

    /**
     * Enqueues a set's experiments into a study; each trial carries its experiment's name as the
     * {@code experiment} attribute once it runs (see {@link #nameOf}).
     *
     * @param study the study
     * @param set   the set name
     * @return the trial numbers enqueued
     * @throws IllegalArgumentException if there is no such set
     */
    public List<Integer> enqueue(Study study, String set) {
        List<Integer> out = new ArrayList<>();
        for (Map<String, Object> c : configurations(set)) {
            out.add(study.enqueue(c));
        }
        return out;
    }

    /**
     * @param config a configuration
     * @return the name of the experiment with exactly this configuration, or null
     */
    public String nameOf(Map<String, Object> config) {
        for (Map.Entry<String, Map<String, Object>> e : experiments.entrySet()) {
            if (e.getValue().equals(config)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** @return the set names */
    public List<String> sets() {
        return List.copyOf(sets.keySet());
    }

    /** Builds an {@link ExperimentCatalog}; each method checks its arguments at once. */
    public static final class Builder {
        private final Map<String, Map<String, Object>> experiments = new LinkedHashMap<>();
        private final Map<String, List<String>> sets = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param name   the experiment's name
         * @param config its parameters
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or taken
         */
        public Builder experiment(String name, Map<String, ?> config) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name (" + name + ") must not be blank");
            }
            if (experiments.containsKey(name)) {
                throw new IllegalArgumentException("name: experiment '" + name + "' defined twice");
            }
            experiments.put(name, Map.copyOf(config));
            return this;
        }

        /**
         * @param set   the set's name
         * @param names experiments defined before
         * @return this builder
         * @throws IllegalArgumentException if an experiment is unknown
         */
        public Builder set(String set, String... names) {
            for (String n : names) {
                if (!experiments.containsKey(n)) {
                    throw new IllegalArgumentException("set " + set + ": unknown experiment '" + n + "'");
                }
            }
            sets.put(set, List.of(names));
            return this;
        }

        /** @return the catalog */
        public ExperimentCatalog build() {
            return new ExperimentCatalog(Map.copyOf(experiments), new LinkedHashMap<>(sets));
        }
    }
}
