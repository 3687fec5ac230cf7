package io.github.hpo4j.metrics.sweep;

/**
 * scikit-learn's precision-recall curve: thresholds ascending (one per distinct score),
 * {@code precision} and {@code recall} one longer, ending with precision 1 and recall 0 at no
 * threshold.
 *
 * <p>Stability: stable.
 *
 * @param precision  precision at each threshold, then 1
 * @param recall     recall at each threshold, then 0
 * @param thresholds the distinct scores, ascending
 */
public record PrecisionRecallCurve(double[] precision, double[] recall, double[] thresholds) {
}
