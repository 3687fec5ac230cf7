package io.github.hpo4j.tpe.insights;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What the history says about one value of one parameter.
 *
 * <p>Stability: stable.
 *
 * @param value      the value as displayed
 * @param tpeScore   p_good / p_bad with Laplace smoothing: ((n_good + α) / (n + α + β)) / ((n_bad + β) / (n + α + β))
 * @param avg        mean metric of the trials with this value
 * @param best       best metric among them, in the metric's direction
 * @param count      trials with this value
 * @param goodCount  of those, good trials
 * @param confidenceLabel {@code high}, {@code medium} or {@code low}, from the count
 */
@JsonPropertyOrder({"value", "tpe_score", "avg", "best", "count", "good_count", "confidence"})
public record ValueStats(
        @JsonProperty("value") String value,
        @JsonProperty("tpe_score") double tpeScore,
        @JsonProperty("avg") double avg,
        @JsonProperty("best") double best,
        @JsonProperty("count") int count,
        @JsonProperty("good_count") int goodCount,
        @JsonProperty("confidence") String confidenceLabel) {

    /** @return the confidence as an enum */
    public Confidence confidence() {
        return Confidence.valueOf(confidenceLabel.toUpperCase(java.util.Locale.ROOT));
    }
}
