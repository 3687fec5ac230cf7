package io.github.hpo4j.samplers.batch;

import io.github.hpo4j.samplers.group.GroupIndex;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/** The series-aware sampler: one int[n] sequence per epoch, cut into batches on demand. */
final class SeriesBatches implements BatchSampler {

    private final GroupIndex series;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final boolean dropLast;
    private final DealStrategy strategy;
    private final int maxPerSeries;
    private final int rank;
    private final int world;
    private final int totalBatches;
    private final int perRank;

    private int epoch;
    private int[] sequence;

    SeriesBatches(GroupIndex series, int batchSize, boolean shuffle, long seed, boolean dropLast,
                  DealStrategy strategy, int maxPerSeries, int rank, int world) {
        this.series = series;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
        this.dropLast = dropLast;
        this.strategy = strategy;
        this.maxPerSeries = maxPerSeries;
        this.rank = rank;
        this.world = world;
        int n = series.itemCount();
        this.totalBatches = dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
        this.perRank = dropLast ? totalBatches / world : (totalBatches + world - 1) / world;
    }

    @Override
    public synchronized void setEpoch(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch (" + epoch + ") must be >= 0");
        }
        if (epoch != this.epoch) {
            this.epoch = epoch;
            this.sequence = null;
        }
    }

    @Override
    public synchronized int currentEpoch() {
        return epoch;
    }

    @Override
    public int size() {
        return perRank;
    }

    private synchronized int[] sequence() {
        if (sequence == null) {
            sequence = deal(series, shuffle, new SplittableRandom(mix(seed, epoch)), strategy, batchSize, maxPerSeries);
        }
        return sequence;
    }

    static long mix(long seed, int epoch) {
        long z = seed + 0x9E3779B97F4A7C15L * (epoch + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public Iterator<int[]> iterator() {
        int[] seq = sequence();
        int n = seq.length;
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < perRank;
            }

            @Override
            public int[] next() {
                if (i >= perRank) {
                    throw new NoSuchElementException();
                }
                int b = rank + (i++) * world;
                if (b >= totalBatches) {
                    b -= totalBatches * (b / totalBatches); // padding: repeat leading batches
                }
                int from = b * batchSize;
                return Arrays.copyOfRange(seq, from, Math.min(n, from + batchSize));
            }
        };
    }

    /**
     * The epoch's full sequence of item indices.
     */
    static int[] deal(GroupIndex series, boolean shuffle, SplittableRandom rng, DealStrategy strategy,
                      int batchSize, int maxPerSeries) {
        int g = series.groupCount();
        int[] items = series.itemsByGroup();
        int[] start = new int[g + 1];
        for (int k = 0; k <= g; k++) {
            start[k] = series.groupStart(k);
        }
        int[] order = new int[g];
        for (int k = 0; k < g; k++) {
            order[k] = k;
        }
        if (shuffle) {
            // shuffle each series' items in place: one series at a time stays in cache
            for (int k = 0; k < g; k++) {
                for (int i = start[k + 1] - 1; i > start[k]; i--) {
                    int j = start[k] + rng.nextInt(i - start[k] + 1);
                    int t = items[i];
                    items[i] = items[j];
                    items[j] = t;
                }
            }
            for (int i = g - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return strategy == DealStrategy.ROUND_ROBIN
                ? roundRobin(items, start, order)
                : largestFirst(items, start, order, batchSize, maxPerSeries);
    }

    private static int[] roundRobin(int[] items, int[] start, int[] order) {
        int n = items.length;
        int[] out = new int[n];
        int[] pos = start.clone();
        int[] active = order.clone();
        int activeCount = active.length;
        int k = 0;
        while (activeCount > 0) {
            int w = 0;
            for (int i = 0; i < activeCount; i++) {
                int s = active[i];
                out[k++] = items[pos[s]++];
                if (pos[s] < start[s + 1]) {
                    active[w++] = s;
                }
            }
            activeCount = w;
        }
        return out;
    }

    /**
     * Bucket queue keyed by items left: FIFO linked lists in primitive arrays (series enter in the
     * shuffled order), plus a two-level bitmap of non-empty buckets so that finding the next
     * fullest bucket costs O(1) words. Every step is O(1) and the epoch O(n).
     */
    private static int[] largestFirst(int[] items, int[] start, int[] order, int batchSize, int cap) {
        int n = items.length;
        int g = order.length;
        int maxSize = 0;
        int[] left = new int[g];
        for (int s = 0; s < g; s++) {
            left[s] = start[s + 1] - start[s];
            maxSize = Math.max(maxSize, left[s]);
        }
        Buckets buckets = new Buckets(maxSize, g);
        for (int s : order) {
            buckets.append(left[s], s);
        }
        int[] pos = start.clone();
        int[] chosen = new int[Math.min(g, batchSize)];
        int[] out = new int[n];
        int k = 0;
        while (k < n) {
            int want = Math.min(batchSize, n - k);
            int filled = 0;
            int chosenCount = 0;
            int c = buckets.highestAtMost(buckets.maxCount);
            while (filled < want) {
                // within a batch counts only fall (chosen series return at its end): search down from the last
                c = c < 0 ? -1 : buckets.highestAtMost(c);
                if (c <= 0) {
                    // every series with items left is already in this batch: relax the cap
                    for (int i = 0; i < chosenCount && filled < want; i++) {
                        int s = chosen[i];
                        while (left[s] > 0 && filled < want) {
                            out[k++] = items[pos[s]++];
                            left[s]--;
                            filled++;
                        }
                    }
                    break;
                }
                int s = buckets.pop(c);
                int take = Math.min(Math.min(cap, left[s]), want - filled);
                for (int t = 0; t < take; t++) {
                    out[k++] = items[pos[s]++];
                }
                left[s] -= take;
                filled += take;
                if (chosenCount == chosen.length) {
                    chosen = Arrays.copyOf(chosen, chosen.length * 2);
                }
                chosen[chosenCount++] = s;
            }
            for (int i = 0; i < chosenCount; i++) {
                int s = chosen[i];
                if (left[s] > 0) {
                    buckets.append(left[s], s);
                }
            }
        }
        return out;
    }

    /** FIFO lists of series per count, with a two-level bitmap of the non-empty counts. */
    private static final class Buckets {
        final int[] head;
        final int[] tail;
        final int[] next;
        final long[] words;
        final long[] summary;
        final int maxCount;

        Buckets(int maxCount, int series) {
            this.maxCount = maxCount;
            head = new int[maxCount + 1];
            tail = new int[maxCount + 1];
            Arrays.fill(head, -1);
            Arrays.fill(tail, -1);
            next = new int[series];
            words = new long[(maxCount >> 6) + 1];
            summary = new long[(words.length >> 6) + 1];
        }

        void append(int c, int s) {
            next[s] = -1;
            if (tail[c] < 0) {
                head[c] = s;
                words[c >> 6] |= 1L << (c & 63);
                summary[c >> 12] |= 1L << ((c >> 6) & 63);
            } else {
                next[tail[c]] = s;
            }
            tail[c] = s;
        }

        int pop(int c) {
            int s = head[c];
            head[c] = next[s];
            if (head[c] < 0) {
                tail[c] = -1;
                words[c >> 6] &= ~(1L << (c & 63));
                if (words[c >> 6] == 0) {
                    summary[c >> 12] &= ~(1L << ((c >> 6) & 63));
                }
            }
            return s;
        }

        /** The highest non-empty count {@code <= c}, or -1. */
        int highestAtMost(int c) {
            int w = c >> 6;
            long bits = words[w] & (-1L >>> (63 - (c & 63)));
            if (bits != 0) {
                return (w << 6) + 63 - Long.numberOfLeadingZeros(bits);
            }
            // the highest non-empty word below w
            int i = w >> 6;
            long sw = (w & 63) == 0 ? 0 : summary[i] & (-1L >>> (64 - (w & 63)));
            while (sw == 0) {
                if (--i < 0) {
                    return -1;
                }
                sw = summary[i];
            }
            int ww = (i << 6) + 63 - Long.numberOfLeadingZeros(sw);
            return (ww << 6) + 63 - Long.numberOfLeadingZeros(words[ww]);
        }
    }
}
