package io.github.hpo4j.metrics.sweep;

/**
 * What a metric does when it is undefined: ROC AUC with one class only, recall without
 * positives, the false-positive rate without negatives.
 *
 * <p>Stability: stable.
 */
public enum UndefinedPolicy {
    /** Return NaN, as scikit-learn does (it warns). */
    NAN,
    /** Throw {@link IllegalStateException} naming the metric and the reason. */
    THROW
}
