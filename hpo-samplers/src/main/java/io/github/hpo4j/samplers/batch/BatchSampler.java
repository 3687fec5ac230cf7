package io.github.hpo4j.samplers.batch;

import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Batches of item indices for one epoch of a training loop, for one data-parallel rank.
 *
 * <p>The batches of an epoch depend only on (inputs, seed, epoch, rank, world size):
 * {@link #setEpoch(int)} before each epoch gives a new order, and the same order every time for
 * the same epoch, as PyTorch's samplers do. {@link #size()} is exactly the number of batches the
 * iterator yields.
 *
 * <pre>{@code
 * BatchSampler sampler = SeriesBatchSampler.builder(GroupIndex.of(seriesIds))
 *     .batchSize(64).seed(7).build();
 * for (int epoch = 0; epoch < 10; epoch++) {
 *     sampler.setEpoch(epoch);
 *     for (int[] batch : sampler) {
 *         train(batch);
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe while the epoch is being changed; iterating the same epoch from several
 * threads is safe. Stability: stable.
 */
public interface BatchSampler extends Iterable<int[]> {

    /**
     * Selects the epoch that {@link #iterator()} yields.
     *
     * @param epoch the epoch, {@code >= 0}
     * @throws IllegalArgumentException if {@code epoch < 0}
     */
    void setEpoch(int epoch);

    /**
     * Selects the epoch and returns this sampler, for chaining.
     *
     * @param epoch the epoch, {@code >= 0}
     * @return this sampler
     * @throws IllegalArgumentException if {@code epoch < 0}
     */
    default BatchSampler epoch(int epoch) {
        setEpoch(epoch);
        return this;
    }

    /** @return the current epoch */
    int currentEpoch();

    /** @return the number of batches the iterator yields for this rank */
    int size();

    /** @return the batches as a sequential stream */
    default Stream<int[]> stream() {
        return StreamSupport.stream(spliterator(), false);
    }
}
