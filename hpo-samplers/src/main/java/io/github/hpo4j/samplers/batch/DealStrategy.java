package io.github.hpo4j.samplers.batch;

/**
 * How a {@link SeriesBatchSampler} deals items from the series into the epoch's sequence.
 *
 * <p>Stability: stable.
 */
public enum DealStrategy {
    /**
     * Passes over the (shuffled) series order, one item from each series that still has items per
     * pass; exhausted series drop out. A batch cut from within a pass of at least batch-size
     * series holds no series twice.
     */
    ROUND_ROBIN,
    /**
     * Each batch takes up to {@code maxPerSeries} items from each of the series with the most
     * items left (ties in shuffled order). With {@code maxPerSeries == 1} no batch repeats a
     * series whenever the largest series holds at most {@code floor(n / batchSize)} items. When
     * too few series remain to fill a batch within the cap, the cap is relaxed for that batch so
     * that every batch but the last stays full.
     */
    LARGEST_FIRST
}
