package io.github.hpo4j.tpe.insights;

import java.util.Map;
import java.util.Optional;

/**
 * A parameter computed from others when a trial lacks it, e.g. a tower's total parameter count
 * from its layer sizes and input width.
 *
 * <pre>{@code
 * DerivedParam towerParams = DerivedParam.of("tower_params", p ->
 *     Optional.ofNullable(p.get("layers")).map(l -> countParams(l, p.get("input_dim"))));
 * }</pre>
 *
 * <p>Stability: evolving.
 */
public interface DerivedParam {

    /** @return the derived parameter's name */
    String name();

    /**
     * @param params the trial's parameters
     * @return the value, or empty when it cannot be computed
     */
    Optional<Object> compute(Map<String, Object> params);

    /**
     * @param name     the name
     * @param function computes the value
     * @return the derived parameter
     */
    static DerivedParam of(String name, java.util.function.Function<Map<String, Object>, Optional<Object>> function) {
        return new DerivedParam() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<Object> compute(Map<String, Object> params) {
                return function.apply(params);
            }
        };
    }
}
