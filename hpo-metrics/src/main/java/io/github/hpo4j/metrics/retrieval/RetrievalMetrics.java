package io.github.hpo4j.metrics.retrieval;

import java.util.List;
import java.util.Objects;

/**
 * recall@K, precision@K, hit rate@K, MRR and NDCG@K over many queries, with an explicit tie
 * policy and an explicit policy for queries without a relevant candidate.
 *
 * <p>Definitions: candidates are ranked by score, descending, ties ordered by the
 * {@link TiePolicy}. A candidate is relevant when its relevance is above 0. precision@K divides
 * by K even when a query has fewer than K candidates. MRR uses the whole ranking (0 when nothing
 * relevant is ranked). NDCG@K = DCG@K / IDCG@K with DCG = Σ rel_r / log2(r + 1) over ranks
 * r = 1..K, and IDCG the DCG of the relevance sorted descending.
 *
 * <pre>{@code
 * RetrievalReport r = RetrievalMetrics.atK(100)
 *     .ties(TiePolicy.PESSIMISTIC).emptyQueries(EmptyQueryPolicy.SKIP)
 *     .evaluate(queries);
 * double recall100 = r.recallAtK();
 * }</pre>
 *
 * <p>Immutable. Stability: stable.
 */
public final class RetrievalMetrics {

    private final int k;
    private final TiePolicy ties;
    private final EmptyQueryPolicy empty;

    private RetrievalMetrics(int k, TiePolicy ties, EmptyQueryPolicy empty) {
        this.k = k;
        this.ties = ties;
        this.empty = empty;
    }

    /**
     * @param k the cut-off, {@code >= 1}
     * @return metrics at K, pessimistic ties, queries without relevant candidates skipped
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public static RetrievalMetrics atK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k (" + k + ") must be >= 1");
        }
        return new RetrievalMetrics(k, TiePolicy.PESSIMISTIC, EmptyQueryPolicy.SKIP);
    }

    /**
     * @param policy how ties are ordered
     * @return a copy with that policy
     */
    public RetrievalMetrics ties(TiePolicy policy) {
        return new RetrievalMetrics(k, Objects.requireNonNull(policy, "policy"), empty);
    }

    /**
     * @param policy what queries without a relevant candidate do
     * @return a copy with that policy
     */
    public RetrievalMetrics emptyQueries(EmptyQueryPolicy policy) {
        return new RetrievalMetrics(k, ties, Objects.requireNonNull(policy, "policy"));
    }

    /**
     * @param queries the queries
     * @return the averages
     * @throws IllegalArgumentException if there are no queries, or with {@link EmptyQueryPolicy#ERROR}
     *     a query has no relevant candidate (naming its index)
     */
    public RetrievalReport evaluate(List<QueryResult> queries) {
        if (queries == null || queries.isEmpty()) {
            throw new IllegalArgumentException("queries: empty input");
        }
        double recall = 0;
        double precision = 0;
        double hits = 0;
        double mrr = 0;
        double ndcg = 0;
        int used = 0;
        int skipped = 0;
        for (int q = 0; q < queries.size(); q++) {
            QueryResult r = queries.get(q);
            double[] rel = r.relevance();
            int relevantTotal = 0;
            for (double x : rel) {
                if (x > 0) {
                    relevantTotal++;
                }
            }
            if (relevantTotal == 0) {
                if (empty == EmptyQueryPolicy.ERROR) {
                    throw new IllegalArgumentException("queries[" + q + "] has no relevant candidate");
                }
                if (empty == EmptyQueryPolicy.SKIP) {
                    skipped++;
                } else {
                    used++;
                }
                continue;
            }
            int[] order = rank(r.scores(), rel);
            int cut = Math.min(k, order.length);
            int relevantInTop = 0;
            double dcg = 0;
            for (int i = 0; i < cut; i++) {
                double g = rel[order[i]];
                if (g > 0) {
                    relevantInTop++;
                }
                dcg += g / log2(i + 2);
            }
            double firstRank = 0;
            for (int i = 0; i < order.length; i++) {
                if (rel[order[i]] > 0) {
                    firstRank = i + 1;
                    break;
                }
            }
            double[] ideal = rel.clone();
            java.util.Arrays.sort(ideal);
            double idcg = 0;
            for (int i = 0; i < cut; i++) {
                idcg += ideal[ideal.length - 1 - i] / log2(i + 2);
            }
            recall += relevantInTop / (double) relevantTotal;
            precision += relevantInTop / (double) k;
            hits += relevantInTop > 0 ? 1 : 0;
            mrr += firstRank > 0 ? 1 / firstRank : 0;
            ndcg += idcg > 0 ? dcg / idcg : 0;
            used++;
        }
        if (used == 0) {
            return new RetrievalReport(k, 0, skipped, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new RetrievalReport(k, used, skipped, recall / used, precision / used, hits / used, mrr / used, ndcg / used);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** Candidate indices by score descending, ties by the policy (stable otherwise). */
    private int[] rank(double[] scores, double[] rel) {
        int n = scores.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        java.util.Comparator<Integer> byScore = (a, b) -> Double.compare(scores[b], scores[a]);
        java.util.Comparator<Integer> c = switch (ties) {
            case PESSIMISTIC -> byScore.thenComparing((a, b) -> Double.compare(rel[a], rel[b]));
            case OPTIMISTIC -> byScore.thenComparing((a, b) -> Double.compare(rel[b], rel[a]));
            case INPUT_ORDER -> byScore;
        };
        java.util.Arrays.sort(idx, c);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = idx[i];
        }
        return out;
    }
}
