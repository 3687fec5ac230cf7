package io.github.hpo4j.samplers.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.hpo4j.samplers.group.GroupIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitterTest {

    @Test
    void groupKFold_balancesItemCounts_largestGroupFirst() {
        // group sizes: A 4, B 3, C 2, D 1 -> fold0 {A}, fold1 {B}, then C -> fold1? no: fold1 has 3 < 4, C goes to fold1 (5);
        // D goes to fold0 (5). Both folds hold 5 items.
        GroupIndex idx = GroupIndex.of(new String[] {"A", "A", "A", "A", "B", "B", "B", "C", "C", "D"});
        List<Split> folds = GroupKFold.of(2).split(idx);
        assertArrayEquals(new int[] {0, 1, 2, 3, 9}, folds.get(0).test().indices());
        assertArrayEquals(new int[] {4, 5, 6, 7, 8}, folds.get(1).test().indices());
        assertEquals(2, folds.get(0).test().groupCount());
    }

    @Test
    void stratifiedGroupKFold_keepsLabelRatioWhereGroupsAllow() {
        // four groups: two all-positive (2 items each), two all-negative (2 items each): each fold gets one of each
        int[] groups = {0, 0, 1, 1, 2, 2, 3, 3};
        int[] labels = {1, 1, 1, 1, 0, 0, 0, 0};
        List<Split> folds = StratifiedGroupKFold.of(2).split(GroupIndex.of(groups), labels);
        for (Split f : folds) {
            int pos = 0;
            for (int i : f.test().indices()) {
                pos += labels[i];
            }
            assertEquals(2, pos);
            assertEquals(4, f.test().itemCount());
        }
    }

    @Test
    void leaveOneGroupOut_testsEachGroupAlone() {
        List<Split> folds = LeaveOneGroupOut.split(GroupIndex.of(new int[] {5, 5, 6, 7}));
        assertEquals(3, folds.size());
        assertArrayEquals(new int[] {0, 1}, folds.get(0).test().indices());
        assertArrayEquals(new int[] {2, 3}, folds.get(0).train().indices());
    }

    @Test
    void timeOrderedSplit_dropsStraddlingGroups() {
        // sorted times 0 1 5 6 9 9 9 9: half lie below 9, so the cut is 9 and train must end before 9 - 2 = 7.
        // group 0 (t 0..1) trains, group 2 (t 9) tests, group 1 (t 5..9) straddles the cut and is left out.
        int[] g = {0, 0, 1, 1, 1, 2, 2, 2};
        long[] t = {0, 1, 5, 6, 9, 9, 9, 9};
        Split s = TimeOrderedSplit.of(0.5, 2).split(GroupIndex.of(g), t);
        assertArrayEquals(new int[] {0, 1}, s.train().indices());
        assertArrayEquals(new int[] {5, 6, 7}, s.test().indices());
    }

    @Test
    void badArguments_throwNamingArgumentAndValue() {
        GroupIndex idx = GroupIndex.of(new int[] {0, 1, 2});
        assertEquals("fractions (0.5 + 0.25 + 0.125 = 0.875) must sum to 1",
                assertThrows(IllegalArgumentException.class, () -> GroupShuffleSplit.of(0.5, 0.25, 0.125)).getMessage());
        assertEquals("test (-0.1) must be in [0, 1]",
                assertThrows(IllegalArgumentException.class, () -> GroupShuffleSplit.of(0.9, 0.2, -0.1)).getMessage());
        assertEquals("k (4) must be <= the number of groups (3)",
                assertThrows(IllegalArgumentException.class, () -> GroupKFold.of(4).split(idx)).getMessage());
        assertEquals("k (1) must be >= 2",
                assertThrows(IllegalArgumentException.class, () -> GroupKFold.of(1)).getMessage());
        assertEquals("labels: length 2 differs from the 3 items",
                assertThrows(IllegalArgumentException.class, () -> StratifiedGroupKFold.of(2).split(idx, new int[2])).getMessage());
        assertEquals("testFraction (1.0) must be in (0, 1)",
                assertThrows(IllegalArgumentException.class, () -> TimeOrderedSplit.of(1.0, 0)).getMessage());
        assertEquals("gap (-1) must be >= 0",
                assertThrows(IllegalArgumentException.class, () -> TimeOrderedSplit.of(0.5, -1)).getMessage());
        assertEquals("groups: leave-one-group-out needs >= 2 groups, got 1",
                assertThrows(IllegalArgumentException.class, () -> LeaveOneGroupOut.split(GroupIndex.of(new int[] {1, 1})))
                        .getMessage());
    }
}
