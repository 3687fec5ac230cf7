package io.github.hpo4j.samplers.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.samplers.group.GroupIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesBatchSamplerTest {

    private static List<int[]> all(BatchSampler s) {
        List<int[]> out = new ArrayList<>();
        s.forEach(out::add);
        return out;
    }

    @Test
    void roundRobin_withoutShuffle_dealsOneItemPerSeriesPerPass() {
        // series a = {0,1,2}, b = {3}, c = {4,5}
        GroupIndex idx = GroupIndex.of(new String[] {"a", "a", "a", "b", "c", "c"});
        BatchSampler s = SeriesBatchSampler.builder(idx).batchSize(4).shuffle(false).build();
        List<int[]> b = all(s);
        assertArrayEquals(new int[] {0, 3, 4, 1}, b.get(0));
        assertArrayEquals(new int[] {5, 2}, b.get(1));
    }

    @Test
    void largestFirst_withoutShuffle_takesFromTheFullestSeries() {
        // a has 4 items, b 2, c 2: batches of 2 take from the two fullest each time
        GroupIndex idx = GroupIndex.of(new int[] {7, 7, 7, 7, 8, 8, 9, 9});
        BatchSampler s = SeriesBatchSampler.builder(idx).batchSize(2).shuffle(false)
                .strategy(DealStrategy.LARGEST_FIRST).build();
        List<int[]> b = all(s);
        assertArrayEquals(new int[] {0, 4}, b.get(0)); // a(4), then b(2) before c(2): FIFO within a bucket
        assertArrayEquals(new int[] {1, 6}, b.get(1)); // a(3), c(2)
        assertArrayEquals(new int[] {2, 5}, b.get(2)); // a(2), b(1)
        assertArrayEquals(new int[] {7, 3}, b.get(3)); // c(1) entered bucket 1 before a(1)
    }

    @Test
    void largestFirst_cap2_takesUpToTwoPerSeries() {
        GroupIndex idx = GroupIndex.of(new int[] {1, 1, 1, 1, 2, 2, 2, 2});
        BatchSampler s = SeriesBatchSampler.builder(idx).batchSize(4).shuffle(false)
                .strategy(DealStrategy.LARGEST_FIRST).maxPerSeries(2).build();
        for (int[] batch : s) {
            Map<Integer, Integer> per = new HashMap<>();
            for (int i : batch) {
                per.merge(idx.groupOf(i), 1, Integer::sum);
            }
            assertEquals(Map.of(0, 2, 1, 2), per);
        }
    }

    @Test
    void oneSeries_batchesStillCoverEverything() {
        GroupIndex idx = GroupIndex.of(new long[] {5, 5, 5, 5, 5});
        BatchSampler s = SeriesBatchSampler.builder(idx).batchSize(2).seed(1).build();
        assertEquals(3, s.size());
        assertEquals(5, all(s).stream().mapToInt(b -> b.length).sum());
    }

    @Test
    void seriesOfSizeOne_roundRobinIsAShuffle() {
        GroupIndex idx = GroupIndex.of(new int[] {0, 1, 2, 3, 4, 5});
        BatchSampler s = SeriesBatchSampler.builder(idx).batchSize(3).seed(4).build();
        assertEquals(2, s.size());
        assertEquals(6, all(s).stream().flatMapToInt(java.util.Arrays::stream).distinct().count());
    }

    @Test
    void batchLargerThanN_oneShortBatch_orNoneWithDropLast() {
        GroupIndex idx = GroupIndex.of(new int[] {0, 0, 1});
        assertEquals(1, SeriesBatchSampler.builder(idx).batchSize(10).build().size());
        assertEquals(3, all(SeriesBatchSampler.builder(idx).batchSize(10).build()).get(0).length);
        BatchSampler dropped = SeriesBatchSampler.builder(idx).batchSize(10).dropLast(true).build();
        assertEquals(0, dropped.size());
        assertTrue(all(dropped).isEmpty());
    }

    @Test
    void padding_repeatsLeadingBatches() {
        GroupIndex idx = GroupIndex.of(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        // 5 batches of 2 over 2 ranks: rank 1 gets batches 1, 3 and (padding) 0
        BatchSampler all = SeriesBatchSampler.builder(idx).batchSize(2).shuffle(false).build();
        BatchSampler r1 = SeriesBatchSampler.builder(idx).batchSize(2).shuffle(false).shard(1, 2).build();
        List<int[]> full = all(all);
        List<int[]> mine = all(r1);
        assertEquals(3, mine.size());
        assertArrayEquals(full.get(1), mine.get(0));
        assertArrayEquals(full.get(3), mine.get(1));
        assertArrayEquals(full.get(0), mine.get(2));
        BatchSampler r1drop = SeriesBatchSampler.builder(idx).batchSize(2).shuffle(false).shard(1, 2).dropLast(true).build();
        assertEquals(2, r1drop.size());
    }

    @Test
    void badArguments_throwNamingArgumentAndValue() {
        GroupIndex idx = GroupIndex.of(new int[] {0, 1});
        assertEquals("batchSize (0) must be > 0",
                assertThrows(IllegalArgumentException.class, () -> SeriesBatchSampler.builder(idx).batchSize(0)).getMessage());
        assertEquals("rank (2) must be in [0, 2)",
                assertThrows(IllegalArgumentException.class, () -> SeriesBatchSampler.builder(idx).shard(2, 2)).getMessage());
        assertEquals("rank (-1) must be in [0, 2)",
                assertThrows(IllegalArgumentException.class, () -> SeriesBatchSampler.builder(idx).shard(-1, 2)).getMessage());
        assertEquals("world (0) must be >= 1",
                assertThrows(IllegalArgumentException.class, () -> SeriesBatchSampler.builder(idx).shard(0, 0)).getMessage());
        assertEquals("maxPerSeries (0) must be > 0",
                assertThrows(IllegalArgumentException.class, () -> SeriesBatchSampler.builder(idx).maxPerSeries(0)).getMessage());
        assertEquals("ids: no items (length 0)",
                assertThrows(IllegalArgumentException.class, () -> GroupIndex.of(new int[0])).getMessage());
        assertEquals("ids[1] is null",
                assertThrows(IllegalArgumentException.class, () -> GroupIndex.of(new String[] {"a", null})).getMessage());
        assertEquals("epoch (-1) must be >= 0",
                assertThrows(IllegalArgumentException.class, () -> SeriesBatchSampler.builder(idx).build().setEpoch(-1))
                        .getMessage());
        assertEquals("labels: length 3 differs from the 2 items",
                assertThrows(IllegalArgumentException.class, () -> idx.requireLength("labels", 3)).getMessage());
    }
}
