package io.github.hpo4j.metrics.ci;

/**
 * A confidence interval around an estimate.
 *
 * <p>Stability: stable.
 *
 * @param estimate   the point estimate
 * @param lower      lower bound
 * @param upper      upper bound
 * @param confidence the confidence level, e.g. 0.95
 */
public record Interval(double estimate, double lower, double upper, double confidence) {
}
