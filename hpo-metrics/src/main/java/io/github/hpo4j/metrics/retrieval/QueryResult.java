package io.github.hpo4j.metrics.retrieval;

/**
 * One query's candidates: a model score per candidate and its graded relevance (0 for not
 * relevant; binary relevance is 0/1).
 *
 * <p>Stability: stable.
 *
 * @param scores    model scores, finite
 * @param relevance relevance per candidate, finite and {@code >= 0}
 */
public record QueryResult(double[] scores, double[] relevance) {

    /**
     * Checks the arrays.
     *
     * @throws IllegalArgumentException on a length mismatch, a non-finite score or a negative relevance
     */
    public QueryResult {
        if (scores == null || relevance == null || scores.length != relevance.length) {
            throw new IllegalArgumentException("relevance: length " + (relevance == null ? "null" : relevance.length)
                    + " differs from scores' " + (scores == null ? "null" : scores.length));
        }
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("scores[" + i + "] is " + scores[i] + ": scores must be finite");
            }
            if (!(relevance[i] >= 0) || relevance[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("relevance[" + i + "] is " + relevance[i] + ": must be finite and >= 0");
            }
        }
    }

    /**
     * @param scores   model scores
     * @param relevant true for relevant candidates
     * @return binary relevance
     */
    public static QueryResult of(double[] scores, boolean[] relevant) {
        double[] rel = new double[relevant.length];
        for (int i = 0; i < rel.length; i++) {
            rel[i] = relevant[i] ? 1 : 0;
        }
        return new QueryResult(scores, rel);
    }
}
