package io.github.hpo4j.tpe.insights;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One parameter's values, best first (by TPE score, then count).
 *
 * <p>Stability: stable.
 *
 * @param param  the parameter's display name (the field, or the field and its mapper)
 * @param field  the trial field it was read from
 * @param values one entry per value
 */
@JsonPropertyOrder({"param", "field", "values"})
public record ParamAnalysis(String param, String field, List<ValueStats> values) {

    /** Copies the values. */
    public ParamAnalysis {
        values = List.copyOf(values);
    }
}
