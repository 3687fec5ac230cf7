package io.github.hpo4j.metrics.retrieval;

/**
 * Retrieval metrics averaged over queries.
 *
 * <p>Stability: stable.
 *
 * @param k            the cut-off
 * @param queries      queries averaged over
 * @param skipped      queries left out (no relevant candidate, with {@link EmptyQueryPolicy#SKIP})
 * @param recallAtK    mean of (relevant in top K) / (relevant)
 * @param precisionAtK mean of (relevant in top K) / K
 * @param hitRateAtK   share of queries with a relevant candidate in the top K
 * @param mrr          mean reciprocal rank of the first relevant candidate in the whole ranking
 * @param ndcgAtK      mean NDCG@K: linear gain, discount log2(rank + 1)
 */
public record RetrievalReport(int k, int queries, int skipped, double recallAtK, double precisionAtK,
                              double hitRateAtK, double mrr, double ndcgAtK) {
}
