package io.github.hpo4j.samplers.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.samplers.group.GroupIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SeriesBatchSamplerProperties {

    /** Skewed series sizes: a few large series, many small ones. */
    static int[] skewedSeries(int n, int groups, long seed) {
        Random r = new Random(seed);
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            ids[i] = (int) (groups * u * u);
        }
        return ids;
    }

    private static List<int[]> batches(BatchSampler s) {
        List<int[]> out = new ArrayList<>();
        s.forEach(out::add);
        return out;
    }

    private static BatchSampler sampler(GroupIndex idx, int batch, boolean dropLast, DealStrategy strategy, int cap,
                                        long seed) {
        return SeriesBatchSampler.builder(idx).batchSize(batch).dropLast(dropLast).strategy(strategy)
                .maxPerSeries(cap).seed(seed).build();
    }

    @Property(tries = 300)
    void withoutDropLast_flattenedEpochIsAPermutation(@ForAll @IntRange(min = 1, max = 400) int n,
                                                      @ForAll @IntRange(min = 1, max = 60) int groups,
                                                      @ForAll @IntRange(min = 1, max = 50) int batch,
                                                      @ForAll DealStrategy strategy,
                                                      @ForAll @IntRange(min = 1, max = 3) int cap,
                                                      @ForAll long seed) {
        GroupIndex idx = GroupIndex.of(skewedSeries(n, groups, seed));
        BatchSampler s = sampler(idx, batch, false, strategy, cap, seed);
        s.setEpoch(Math.floorMod((int) seed, 5));
        int[] flat = batches(s).stream().flatMapToInt(Arrays::stream).toArray();
        int[] sorted = flat.clone();
        Arrays.sort(sorted);
        int[] expected = new int[n];
        Arrays.setAll(expected, i -> i);
        assertArrayEquals(expected, sorted);
    }

    @Property(tries = 300)
    void withDropLast_everyBatchFullAndLessThanABatchLeftOut(@ForAll @IntRange(min = 1, max = 400) int n,
                                                             @ForAll @IntRange(min = 1, max = 60) int groups,
                                                             @ForAll @IntRange(min = 1, max = 50) int batch,
                                                             @ForAll DealStrategy strategy,
                                                             @ForAll long seed) {
        GroupIndex idx = GroupIndex.of(skewedSeries(n, groups, seed));
        List<int[]> bs = batches(sampler(idx, batch, true, strategy, 1, seed));
        int total = 0;
        for (int[] b : bs) {
            assertEquals(batch, b.length);
            total += b.length;
        }
        assertTrue(n - total < batch && n - total >= 0);
        assertEquals(total, bs.stream().flatMapToInt(Arrays::stream).distinct().count());
    }

    @Property(tries = 300)
    void size_equalsTheBatchesYielded(@ForAll @IntRange(min = 1, max = 400) int n,
                                      @ForAll @IntRange(min = 1, max = 60) int groups,
                                      @ForAll @IntRange(min = 1, max = 50) int batch,
                                      @ForAll boolean dropLast,
                                      @ForAll @IntRange(min = 1, max = 4) int world,
                                      @ForAll long seed) {
        GroupIndex idx = GroupIndex.of(skewedSeries(n, groups, seed));
        for (int rank = 0; rank < world; rank++) {
            BatchSampler s = SeriesBatchSampler.builder(idx).batchSize(batch).dropLast(dropLast).shard(rank, world)
                    .seed(seed).build();
            assertEquals(s.size(), batches(s).size());
            assertEquals(s.size(), s.stream().count());
        }
    }

    @Property(tries = 200)
    void sameSeedAndEpoch_sameBatches_otherEpoch_differs(@ForAll @IntRange(min = 30, max = 400) int n,
                                                         @ForAll @IntRange(min = 2, max = 60) int groups,
                                                         @ForAll @IntRange(min = 1, max = 50) int batch,
                                                         @ForAll DealStrategy strategy,
                                                         @ForAll long seed) {
        GroupIndex idx = GroupIndex.of(skewedSeries(n, groups, seed));
        BatchSampler a = sampler(idx, batch, false, strategy, 1, seed);
        BatchSampler b = sampler(idx, batch, false, strategy, 1, seed);
        a.setEpoch(3);
        b.setEpoch(3);
        List<int[]> a3 = batches(a);
        List<int[]> b3 = batches(b);
        assertEquals(a3.size(), b3.size());
        for (int i = 0; i < a3.size(); i++) {
            assertArrayEquals(a3.get(i), b3.get(i));
        }
        int[] flat3 = a3.stream().flatMapToInt(Arrays::stream).toArray();
        int[] flat4 = batches(a.epoch(4)).stream().flatMapToInt(Arrays::stream).toArray();
        assertFalse(Arrays.equals(flat3, flat4), "epochs 3 and 4 gave the same order");
        int[] again3 = batches(a.epoch(3)).stream().flatMapToInt(Arrays::stream).toArray();
        assertArrayEquals(flat3, again3);
    }

    @Property(tries = 300)
    void roundRobin_batchWithinAPassOfAtLeastBatchSizeSeries_hasNoRepeatedSeries(
            @ForAll @IntRange(min = 1, max = 400) int n,
            @ForAll @IntRange(min = 1, max = 80) int groups,
            @ForAll @IntRange(min = 1, max = 30) int batch,
            @ForAll long seed) {
        GroupIndex idx = GroupIndex.of(skewedSeries(n, groups, seed));
        // pass j deals one item from every series with more than j items
        int largest = idx.largestGroupSize();
        int[] passEnd = new int[largest];
        int[] passLen = new int[largest];
        int end = 0;
        for (int j = 0; j < largest; j++) {
            for (int g = 0; g < idx.groupCount(); g++) {
                if (idx.size(g) > j) {
                    passLen[j]++;
                }
            }
            end += passLen[j];
            passEnd[j] = end;
        }
        List<int[]> bs = batches(sampler(idx, batch, false, DealStrategy.ROUND_ROBIN, 1, seed));
        int pass = 0;
        for (int b = 0; b < bs.size(); b++) {
            int from = b * batch;
            int to = from + bs.get(b).length;
            while (passEnd[pass] <= from) {
                pass++;
            }
            int passStart = pass == 0 ? 0 : passEnd[pass - 1];
            if (to <= passEnd[pass] && from >= passStart && passLen[pass] >= batch) {
                Set<Integer> seen = new HashSet<>();
                for (int item : bs.get(b)) {
                    assertTrue(seen.add(idx.groupOf(item)), "series repeated in batch " + b);
                }
            }
        }
    }

    @Property(tries = 300)
    void largestFirst_largestAtMostNOverB_neverRepeatsASeries(@ForAll @IntRange(min = 1, max = 400) int n,
                                                             @ForAll @IntRange(min = 1, max = 200) int groups,
                                                             @ForAll @IntRange(min = 1, max = 30) int batch,
                                                             @ForAll long seed) {
        GroupIndex idx = GroupIndex.of(skewedSeries(n, groups, seed));
        Assume.that(idx.largestGroupSize() <= n / batch);
        for (int[] b : batches(sampler(idx, batch, false, DealStrategy.LARGEST_FIRST, 1, seed))) {
            Set<Integer> seen = new HashSet<>();
            for (int item : b) {
                assertTrue(seen.add(idx.groupOf(item)), "series repeated in " + Arrays.toString(b));
            }
        }
    }

    @Property(tries = 200)
    void shards_withoutPadding_areDisjointAndCoverEveryIndex(@ForAll @IntRange(min = 1, max = 10) int batchesPerRank,
                                                              @ForAll @IntRange(min = 1, max = 20) int batch,
                                                              @ForAll @IntRange(min = 1, max = 4) int world,
                                                              @ForAll @IntRange(min = 1, max = 30) int groups,
                                                              @ForAll boolean dropLast,
                                                              @ForAll DealStrategy strategy,
                                                              @ForAll long seed) {
        int n = batchesPerRank * batch * world;
        GroupIndex idx = GroupIndex.of(skewedSeries(n, groups, seed));
        BitSet seen = new BitSet(n);
        int expectedSize = -1;
        for (int rank = 0; rank < world; rank++) {
            BatchSampler s = SeriesBatchSampler.builder(idx).batchSize(batch).dropLast(dropLast).strategy(strategy)
                    .shard(rank, world).seed(seed).build().epoch(2);
            if (expectedSize < 0) {
                expectedSize = s.size();
            }
            assertEquals(expectedSize, s.size());
            for (int[] b : s) {
                for (int i : b) {
                    assertFalse(seen.get(i), "index " + i + " on two ranks");
                    seen.set(i);
                }
            }
        }
        assertEquals(n, seen.cardinality());
    }

    @Property(tries = 100)
    void shards_withPadding_allRanksGetTheSameCount(@ForAll @IntRange(min = 1, max = 300) int n,
                                                    @ForAll @IntRange(min = 1, max = 40) int batch,
                                                    @ForAll @IntRange(min = 2, max = 5) int world,
                                                    @ForAll long seed) {
        GroupIndex idx = GroupIndex.of(skewedSeries(n, 7, seed));
        int total = (n + batch - 1) / batch;
        BitSet seen = new BitSet(n);
        for (int rank = 0; rank < world; rank++) {
            BatchSampler s = SeriesBatchSampler.builder(idx).batchSize(batch).shard(rank, world).seed(seed).build();
            assertEquals((total + world - 1) / world, s.size());
            s.forEach(b -> Arrays.stream(b).forEach(seen::set));
        }
        assertEquals(n, seen.cardinality(), "padding must not lose indices");
    }
}
