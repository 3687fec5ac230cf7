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

    /** The epoch's full sequence of item indices. */
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
            for (int k = 0; k < g; k++) {
                shuffle(items, start[k], start[k + 1], rng);
            }
            shuffle(order, 0, g, rng);
        }
        return strategy == DealStrategy.ROUND_ROBIN
                ? roundRobin(items, start, order)
                : largestFirst(items, start, order, batchSize, maxPerSeries);
    }

    private static void shuffle(int[] a, int from, int to, SplittableRandom rng) {
        for (int i = to - 1; i > from; i--) {
            int j = from + rng.nextInt(i - from + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
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
     * Bucket queue keyed by items left: doubly linked lists in primitive arrays, FIFO within a
     * bucket (series enter in the shuffled order), so every step is O(1) and the epoch O(n).
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
        int[] head = new int[maxSize + 1];
        int[] tail = new int[maxSize + 1];
        Arrays.fill(head, -1);
        Arrays.fill(tail, -1);
        int[] next = new int[g];
        for (int s : order) {
            append(head, tail, next, left[s], s);
        }
        int[] pos = start.clone();
        int[] chosen = new int[Math.min(g, batchSize)];
        int[] out = new int[n];
        int k = 0;
        int top = maxSize;
        while (k < n) {
            int want = Math.min(batchSize, n - k);
            int filled = 0;
            int chosenCount = 0;
            int c = top;
            while (filled < want) {
                while (c > 0 && head[c] < 0) {
                    c--;
                }
                if (c == 0) {
                    // every series with items left is already in this batch: relax the cap
                    for (int i = 0; i < chosenCount; i++) {
                        int s = chosen[i];
                        while (left[s] > 0 && filled < want) {
                            out[k++] = items[pos[s]++];
                            left[s]--;
                            filled++;
                        }
                    }
                    break;
                }
                int s = head[c];
                head[c] = next[s];
                if (head[c] < 0) {
                    tail[c] = -1;
                }
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
            top = 0;
            while (c > 0 && head[c] < 0) {
                c--;
            }
            top = c;
            for (int i = 0; i < chosenCount; i++) {
                int s = chosen[i];
                if (left[s] > 0) {
                    append(head, tail, next, left[s], s);
                    top = Math.max(top, left[s]);
                }
            }
        }
        return out;
    }

    private static void append(int[] head, int[] tail, int[] next, int bucket, int s) {
        next[s] = -1;
        if (tail[bucket] < 0) {
            head[bucket] = s;
        } else {
            next[tail[bucket]] = s;
        }
        tail[bucket] = s;
    }
}
