package io.github.hpo4j.samplers.batch;

import io.github.hpo4j.samplers.group.GroupIndex;
import java.util.Objects;

/**
 * Builds series-aware {@link BatchSampler}s: batches that spread each series (the photos of one
 * shoot, the sessions of one customer) across the epoch instead of letting one series fill a
 * batch.
 *
 * <p>Each epoch: shuffle the items inside each series and the order of the series (when
 * {@link Builder#shuffle(boolean) shuffle} is on), deal the items into one sequence with the
 * chosen {@link DealStrategy}, cut it into batches. For data-parallel training every rank builds
 * the same epoch and takes the whole batches {@code rank, rank + world, ...}; all ranks get the
 * same number of batches, by repeating leading batches (padding) or, with drop-last, by dropping
 * the tail.
 *
 * <pre>{@code
 * BatchSampler sampler = SeriesBatchSampler.builder(GroupIndex.of(customerIds))
 *     .batchSize(256)
 *     .strategy(DealStrategy.LARGEST_FIRST)
 *     .maxPerSeries(2)
 *     .shard(rank, worldSize)
 *     .seed(42)
 *     .build();
 * }</pre>
 *
 * <p>Memory: O(n) ints per sampler. Stability: stable.
 */
public final class SeriesBatchSampler {

    private SeriesBatchSampler() {
    }

    /**
     * @param series the series of every item
     * @return a builder
     * @throws IllegalArgumentException if {@code series} is null
     */
    public static Builder builder(GroupIndex series) {
        if (series == null) {
            throw new IllegalArgumentException("series: null");
        }
        return new Builder(series);
    }

    /** Configures a series-aware batch sampler; every method checks its argument at once. */
    public static final class Builder {
        private final GroupIndex series;
        private int batchSize = 32;
        private boolean shuffle = true;
        private long seed;
        private boolean dropLast;
        private DealStrategy strategy = DealStrategy.ROUND_ROBIN;
        private int maxPerSeries = 1;
        private int rank;
        private int world = 1;

        private Builder(GroupIndex series) {
            this.series = series;
        }

        /**
         * @param batchSize items per batch (default 32)
         * @return this builder
         * @throws IllegalArgumentException if {@code batchSize <= 0}
         */
        public Builder batchSize(int batchSize) {
            if (batchSize <= 0) {
                throw new IllegalArgumentException("batchSize (" + batchSize + ") must be > 0");
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * @param shuffle shuffle items within series and the series order (default true)
         * @return this builder
         */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /**
         * @param seed the seed of every shuffle (default 0)
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param dropLast drop a final partial batch and, when sharded, the tail batches that do
         *     not divide evenly among ranks (default false: keep it, and pad ranks)
         * @return this builder
         */
        public Builder dropLast(boolean dropLast) {
            this.dropLast = dropLast;
            return this;
        }

        /**
         * @param strategy how items are dealt (default {@link DealStrategy#ROUND_ROBIN})
         * @return this builder
         */
        public Builder strategy(DealStrategy strategy) {
            this.strategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /**
         * @param maxPerSeries at most this many items of one series per batch, for
         *     {@link DealStrategy#LARGEST_FIRST} (default 1)
         * @return this builder
         * @throws IllegalArgumentException if {@code maxPerSeries <= 0}
         */
        public Builder maxPerSeries(int maxPerSeries) {
            if (maxPerSeries <= 0) {
                throw new IllegalArgumentException("maxPerSeries (" + maxPerSeries + ") must be > 0");
            }
            this.maxPerSeries = maxPerSeries;
            return this;
        }

        /**
         * @param rank  this replica's rank, in {@code [0, world)}
         * @param world the number of replicas, {@code >= 1}
         * @return this builder
         * @throws IllegalArgumentException if {@code world < 1} or the rank is outside {@code [0, world)}
         */
        public Builder shard(int rank, int world) {
            if (world < 1) {
                throw new IllegalArgumentException("world (" + world + ") must be >= 1");
            }
            if (rank < 0 || rank >= world) {
                throw new IllegalArgumentException("rank (" + rank + ") must be in [0, " + world + ")");
            }
            this.rank = rank;
            this.world = world;
            return this;
        }

        /** @return the sampler, at epoch 0 */
        public BatchSampler build() {
            return new SeriesBatches(series, batchSize, shuffle, seed, dropLast, strategy, maxPerSeries, rank, world);
        }
    }
}
