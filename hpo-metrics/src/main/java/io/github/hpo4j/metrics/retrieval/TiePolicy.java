package io.github.hpo4j.metrics.retrieval;

/**
 * How candidates with equal scores are ordered before cutting at K.
 *
 * <p>Stability: stable.
 */
public enum TiePolicy {
    /** Less relevant first among equal scores: the worst case, never flatters a model. */
    PESSIMISTIC,
    /** More relevant first among equal scores: the best case. */
    OPTIMISTIC,
    /** The order the candidates were given in (a stable sort). */
    INPUT_ORDER
}
