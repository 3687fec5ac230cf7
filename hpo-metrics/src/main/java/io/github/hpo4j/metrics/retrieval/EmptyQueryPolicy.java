package io.github.hpo4j.metrics.retrieval;

/**
 * What to do with a query that has no relevant candidate (recall and NDCG are undefined there).
 *
 * <p>Stability: stable.
 */
public enum EmptyQueryPolicy {
    /** Leave it out of every average (it is counted in {@link RetrievalReport#skipped()}). */
    SKIP,
    /** Count it with 0 for every metric. */
    ZERO,
    /** Throw {@link IllegalArgumentException} naming the query. */
    ERROR
}
