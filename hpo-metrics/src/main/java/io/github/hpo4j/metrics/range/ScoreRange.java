package io.github.hpo4j.metrics.range;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The range of a model's predictions: min, max and quantiles, and a flag when they have
 * collapsed into a narrow band (a model that scores everything alike cannot be thresholded).
 *
 * <p>Quantiles interpolate linearly between order statistics (numpy's default, commons-math3's
 * R_7). Collapsed: the central 98 % (1st to 99th percentile) spans less than
 * {@code minSpread}.
 *
 * <pre>{@code
 * ScoreRange r = ScoreRange.of(scores, 0.01);
 * if (r.collapsed()) log.warn("scores collapsed into [{}, {}]", r.p01(), r.p99());
 * }</pre>
 *
 * <p>Stability: stable.
 *
 * @param min       lowest score
 * @param max       highest score
 * @param p01       1st percentile
 * @param p05       5th percentile
 * @param p25       25th percentile
 * @param p50       median
 * @param p75       75th percentile
 * @param p95       95th percentile
 * @param p99       99th percentile
 * @param collapsed whether p99 − p01 is below the spread asked for
 */
public record ScoreRange(double min, double max, double p01, double p05, double p25, double p50, double p75,
                         double p95, double p99, boolean collapsed) {

    /**
     * @param scores    finite scores
     * @param minSpread the narrowest acceptable p99 − p01, {@code >= 0}
     * @return the range
     * @throws IllegalArgumentException on empty input, a non-finite score (naming the index) or a negative spread
     */
    public static ScoreRange of(double[] scores, double minSpread) {
        if (scores == null || scores.length == 0) {
            throw new IllegalArgumentException("scores: empty input");
        }
        if (!(minSpread >= 0)) {
            throw new IllegalArgumentException("minSpread (" + minSpread + ") must be >= 0");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("scores[" + i + "] is " + scores[i] + ": scores must be finite");
            }
            min = Math.min(min, scores[i]);
            max = Math.max(max, scores[i]);
        }
        Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        p.setData(scores);
        double p01 = p.evaluate(1);
        double p99 = p.evaluate(99);
        return new ScoreRange(min, max, p01, p.evaluate(5), p.evaluate(25), p.evaluate(50), p.evaluate(75),
                p.evaluate(95), p99, p99 - p01 < minSpread);
    }
}
