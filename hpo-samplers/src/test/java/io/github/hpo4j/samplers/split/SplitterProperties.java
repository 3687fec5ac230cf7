package io.github.hpo4j.samplers.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.samplers.group.GroupIndex;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SplitterProperties {

    static GroupIndex groups(int n, int g, long seed) {
        Random r = new Random(seed);
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            ids[i] = (int) (g * u * u);
        }
        return GroupIndex.of(ids);
    }

    private static BitSet groupsOf(GroupIndex idx, Side side) {
        BitSet b = new BitSet();
        for (int i : side.indices()) {
            b.set(idx.groupOf(i));
        }
        assertEquals(b.cardinality(), side.groupCount());
        for (int k = 1; k < side.indices().length; k++) {
            assertTrue(side.indices()[k - 1] < side.indices()[k], "indices not ascending");
        }
        return b;
    }

    private static void assertNoGroupOnTwoSides(GroupIndex idx, Split s) {
        BitSet tr = groupsOf(idx, s.train());
        BitSet va = groupsOf(idx, s.validation());
        BitSet te = groupsOf(idx, s.test());
        assertTrue(!tr.intersects(va) && !tr.intersects(te) && !va.intersects(te), "a group is on two sides");
    }

    @Property(tries = 300)
    void groupShuffleSplit_noGroupOnTwoSides_everyItemPlaced(@ForAll @IntRange(min = 10, max = 300) int n,
                                                            @ForAll @IntRange(min = 5, max = 40) int g,
                                                            @ForAll long seed) {
        GroupIndex idx = groups(n, g, seed);
        Assume.that(idx.groupCount() >= 5);
        Split s = GroupShuffleSplit.of(0.6, 0.2, 0.2).seed(seed).split(idx);
        assertNoGroupOnTwoSides(idx, s);
        assertEquals(n, s.train().itemCount() + s.validation().itemCount() + s.test().itemCount());
        assertEquals(idx.groupCount(), s.train().groupCount() + s.validation().groupCount() + s.test().groupCount());
        assertEquals(Math.round(0.2 * idx.groupCount()), s.test().groupCount());
    }

    @Property(tries = 300)
    void groupKFold_eachGroupTestedExactlyOnce(@ForAll @IntRange(min = 10, max = 300) int n,
                                               @ForAll @IntRange(min = 2, max = 40) int g,
                                               @ForAll @IntRange(min = 2, max = 6) int k,
                                               @ForAll boolean shuffle,
                                               @ForAll long seed) {
        GroupIndex idx = groups(n, g, seed);
        Assume.that(idx.groupCount() >= k);
        GroupKFold kf = shuffle ? GroupKFold.of(k).shuffle(seed) : GroupKFold.of(k);
        checkFolds(idx, kf.split(idx), k);
    }

    @Property(tries = 200)
    void stratifiedGroupKFold_eachGroupTestedExactlyOnce(@ForAll @IntRange(min = 10, max = 300) int n,
                                                         @ForAll @IntRange(min = 2, max = 40) int g,
                                                         @ForAll @IntRange(min = 2, max = 5) int k,
                                                         @ForAll long seed) {
        GroupIndex idx = groups(n, g, seed);
        Assume.that(idx.groupCount() >= k);
        int[] labels = new int[n];
        Random r = new Random(seed + 1);
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextDouble() < 0.3 ? 1 : 0;
        }
        checkFolds(idx, StratifiedGroupKFold.of(k).shuffle(seed).split(idx, labels), k);
    }

    @Property(tries = 100)
    void leaveOneGroupOut_oneFoldPerGroup(@ForAll @IntRange(min = 2, max = 100) int n,
                                          @ForAll @IntRange(min = 2, max = 20) int g,
                                          @ForAll long seed) {
        GroupIndex idx = groups(n, g, seed);
        Assume.that(idx.groupCount() >= 2);
        List<Split> folds = LeaveOneGroupOut.split(idx);
        checkFolds(idx, folds, idx.groupCount());
        for (Split f : folds) {
            assertEquals(1, f.test().groupCount());
        }
    }

    private static void checkFolds(GroupIndex idx, List<Split> folds, int k) {
        assertEquals(k, folds.size());
        int[] testedTimes = new int[idx.groupCount()];
        for (Split f : folds) {
            assertNoGroupOnTwoSides(idx, f);
            assertEquals(idx.itemCount(), f.train().itemCount() + f.test().itemCount());
            assertTrue(f.test().itemCount() > 0, "empty fold");
            groupsOf(idx, f.test()).stream().forEach(g -> testedTimes[g]++);
        }
        for (int t : testedTimes) {
            assertEquals(1, t);
        }
    }

    @Property(tries = 300)
    void timeOrderedSplit_noGroupOnBothSides_andTheGapHolds(@ForAll @IntRange(min = 5, max = 300) int n,
                                                            @ForAll @IntRange(min = 1, max = 40) int g,
                                                            @ForAll @IntRange(min = 0, max = 50) int gap,
                                                            @ForAll long seed) {
        GroupIndex idx = groups(n, g, seed);
        long[] times = new long[n];
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            times[i] = idx.groupOf(i) * 10L + r.nextInt(30);
        }
        Split s = TimeOrderedSplit.of(0.25, gap).split(idx, times);
        assertNoGroupOnTwoSides(idx, s);
        long lastTrain = Arrays.stream(s.train().indices()).mapToLong(i -> times[i]).max().orElse(Long.MIN_VALUE);
        long firstTest = Arrays.stream(s.test().indices()).mapToLong(i -> times[i]).min().orElse(Long.MAX_VALUE);
        if (s.train().itemCount() > 0 && s.test().itemCount() > 0) {
            assertTrue(firstTest - lastTrain > gap, "gap violated: " + lastTrain + " .. " + firstTest);
        }
    }
}
