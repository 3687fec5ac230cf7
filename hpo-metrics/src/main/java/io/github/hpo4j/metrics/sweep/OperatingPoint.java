package io.github.hpo4j.metrics.sweep;

/**
 * One threshold and what it gives: samples with {@code score >= threshold} are predicted
 * positive. Counts are weighted (plain counts without weights).
 *
 * <p>Stability: stable.
 *
 * @param threshold              the threshold
 * @param truePositives          positives predicted positive
 * @param falsePositives         negatives predicted positive
 * @param falseNegatives         positives predicted negative
 * @param trueNegatives          negatives predicted negative
 * @param precision              TP / (TP + FP); 0 when nothing is predicted positive
 * @param recall                 TP / (TP + FN); NaN without positives
 * @param falsePositiveRate      FP / (FP + TN); NaN without negatives
 * @param predictedPositiveRate  (TP + FP) / all
 */
public record OperatingPoint(double threshold, double truePositives, double falsePositives, double falseNegatives,
                             double trueNegatives, double precision, double recall, double falsePositiveRate,
                             double predictedPositiveRate) {
}
