package io.github.hpo4j.metrics.sweep;

/**
 * The ROC curve without dropped intermediate points: the first point (0, 0) at threshold +∞,
 * then one point per distinct score, descending.
 *
 * <p>Stability: stable.
 *
 * @param fpr        false-positive rates
 * @param tpr        true-positive rates
 * @param thresholds +∞, then the distinct scores descending
 */
public record RocCurve(double[] fpr, double[] tpr, double[] thresholds) {
}
