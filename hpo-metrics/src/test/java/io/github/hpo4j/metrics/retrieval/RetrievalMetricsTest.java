package io.github.hpo4j.metrics.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetrievalMetricsTest {

    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    @Test
    void oneQuery_byHand() {
        QueryResult q = QueryResult.of(new double[] {0.9, 0.8, 0.7, 0.6}, new boolean[] {false, true, false, true});
        RetrievalReport r = RetrievalMetrics.atK(2).evaluate(List.of(q));
        assertEquals(0.5, r.recallAtK(), 1e-15);
        assertEquals(0.5, r.precisionAtK(), 1e-15);
        assertEquals(1.0, r.hitRateAtK());
        assertEquals(0.5, r.mrr(), 1e-15);
        // DCG = 1/log2(3); IDCG = 1 + 1/log2(3)
        assertEquals((1 / LOG2_3) / (1 + 1 / LOG2_3), r.ndcgAtK(), 1e-15);
    }

    @Test
    void gradedRelevance_linearGain() {
        QueryResult q = new QueryResult(new double[] {3, 2, 1}, new double[] {1, 3, 0});
        RetrievalReport r = RetrievalMetrics.atK(3).evaluate(List.of(q));
        double dcg = 1 + 3 / LOG2_3;
        double idcg = 3 + 1 / LOG2_3;
        assertEquals(dcg / idcg, r.ndcgAtK(), 1e-15);
    }

    @Test
    void ties_followThePolicy() {
        QueryResult q = QueryResult.of(new double[] {0.5, 0.5}, new boolean[] {true, false});
        assertEquals(0.0, RetrievalMetrics.atK(1).ties(TiePolicy.PESSIMISTIC).evaluate(List.of(q)).recallAtK());
        assertEquals(1.0, RetrievalMetrics.atK(1).ties(TiePolicy.OPTIMISTIC).evaluate(List.of(q)).recallAtK());
        assertEquals(1.0, RetrievalMetrics.atK(1).ties(TiePolicy.INPUT_ORDER).evaluate(List.of(q)).recallAtK());
    }

    @Test
    void queriesWithoutRelevant_skipZeroOrError() {
        QueryResult good = QueryResult.of(new double[] {0.9, 0.1}, new boolean[] {true, false});
        QueryResult none = QueryResult.of(new double[] {0.9, 0.1}, new boolean[] {false, false});
        RetrievalReport skip = RetrievalMetrics.atK(1).evaluate(List.of(good, none));
        assertEquals(1, skip.queries());
        assertEquals(1, skip.skipped());
        assertEquals(1.0, skip.recallAtK());
        RetrievalReport zero = RetrievalMetrics.atK(1).emptyQueries(EmptyQueryPolicy.ZERO).evaluate(List.of(good, none));
        assertEquals(0.5, zero.recallAtK());
        assertEquals("queries[1] has no relevant candidate", assertThrows(IllegalArgumentException.class,
                () -> RetrievalMetrics.atK(1).emptyQueries(EmptyQueryPolicy.ERROR).evaluate(List.of(good, none)))
                .getMessage());
    }

    @Test
    void badInput() {
        assertEquals("k (0) must be >= 1", assertThrows(IllegalArgumentException.class, () -> RetrievalMetrics.atK(0)).getMessage());
        assertEquals("relevance: length 1 differs from scores' 2", assertThrows(IllegalArgumentException.class,
                () -> new QueryResult(new double[] {1, 2}, new double[] {1})).getMessage());
        assertEquals("scores[0] is NaN: scores must be finite", assertThrows(IllegalArgumentException.class,
                () -> new QueryResult(new double[] {Double.NaN}, new double[] {1})).getMessage());
    }
}
