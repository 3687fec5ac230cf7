package io.github.hpo4j.tpe.insights;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of an analysis, a plain data model: Jackson writes it as
 * {@code {"analysis": {"<category>": [{"param", "field", "values": [...]}]}, "good_threshold",
 * "total_experiments", "good_experiments", "skipped"}}; {@link #toCsv()} and {@link #toText()}
 * render it as a table and as cards.
 *
 * <p>Stability: stable.
 *
 * @param analysis         parameters by category, in category order
 * @param goodThreshold    the metric value at or beyond which a trial is good
 * @param totalExperiments trials analysed
 * @param goodExperiments  good trials among them
 * @param skipped          trials left out (not COMPLETE, filtered out, or without the metric)
 */
@JsonPropertyOrder({"analysis", "good_threshold", "total_experiments", "good_experiments", "skipped"})
public record InsightsReport(
        @JsonProperty("analysis") Map<String, List<ParamAnalysis>> analysis,
        @JsonProperty("good_threshold") double goodThreshold,
        @JsonProperty("total_experiments") int totalExperiments,
        @JsonProperty("good_experiments") int goodExperiments,
        @JsonProperty("skipped") int skipped) {

    /** Copies the analysis, keeping its order. */
    public InsightsReport {
        analysis = Collections.unmodifiableMap(new LinkedHashMap<>(analysis));
    }

    /**
     * @param param a parameter's display name
     * @return its analysis
     * @throws IllegalArgumentException if the report has no such parameter
     */
    public ParamAnalysis param(String param) {
        for (List<ParamAnalysis> ps : analysis.values()) {
            for (ParamAnalysis p : ps) {
                if (p.param().equals(param)) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("param: no parameter '" + param + "' in the report");
    }

    /** @return the report as pretty-printed JSON */
    public String toJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return one CSV row per (parameter, value) */
    public String toCsv() {
        StringBuilder b = new StringBuilder("category,param,field,value,tpe_score,avg,best,count,good_count,confidence\n");
        analysis.forEach((cat, ps) -> {
            for (ParamAnalysis p : ps) {
                for (ValueStats v : p.values()) {
                    b.append(csv(cat)).append(',').append(csv(p.param())).append(',').append(csv(p.field())).append(',')
                            .append(csv(v.value())).append(',').append(num(v.tpeScore())).append(',')
                            .append(num(v.avg())).append(',').append(num(v.best())).append(',').append(v.count())
                            .append(',').append(v.goodCount()).append(',').append(v.confidenceLabel()).append('\n');
                }
            }
        });
        return b.toString();
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.6g", d);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /**
     * Cards per category: each value as {@code value  score (count)}, low-confidence values
     * marked with {@code •}.
     *
     * @return the text
     */
    @JsonIgnore
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d experiments, %d good (threshold %.6g), %d skipped%n",
                totalExperiments, goodExperiments, goodThreshold, skipped));
        analysis.forEach((cat, ps) -> {
            b.append('\n').append("== ").append(cat).append(" ==\n");
            for (ParamAnalysis p : ps) {
                b.append(p.param()).append('\n');
                for (ValueStats v : p.values()) {
                    b.append(String.format(Locale.ROOT, "  %-18s %5.1f (%d)%s%n", v.value(), v.tpeScore(), v.count(),
                            v.confidence() == Confidence.LOW ? " •" : ""));
                }
            }
        });
        b.append("\n• low confidence (fewer than the medium cut-off of trials)\n");
        return b.toString();
    }
}
