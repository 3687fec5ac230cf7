package io.github.hpo4j.samplers.split;

import io.github.hpo4j.samplers.group.GroupIndex;
import java.util.Arrays;

/**
 * A train / test split along time with a gap, that never puts a group on both sides.
 *
 * <p>The cut is the time below which {@code 1 - testFraction} of the items lie. Test: the groups
 * whose first item is at or after the cut. Train: the groups whose last item is before
 * {@code cut - gap}. Groups that straddle the cut or end inside the gap are left out of both
 * sides (the result's item counts show how many). So the last training time and the first test
 * time are always more than {@code gap} apart, and no group leaks across.
 *
 * <pre>{@code
 * Split s = TimeOrderedSplit.of(0.2, Duration.ofDays(7).toMillis()).split(groups, timestampsMillis);
 * }</pre>
 *
 * <p>Immutable. Stability: stable.
 */
public final class TimeOrderedSplit {

    private final double testFraction;
    private final long gap;

    private TimeOrderedSplit(double testFraction, long gap) {
        this.testFraction = testFraction;
        this.gap = gap;
    }

    /**
     * @param testFraction share of items (by time) at and after the cut, in (0, 1)
     * @param gap          minimum distance between the train and test sides, in the times' unit, {@code >= 0}
     * @return the splitter
     * @throws IllegalArgumentException if the fraction is outside (0, 1) or the gap negative
     */
    public static TimeOrderedSplit of(double testFraction, long gap) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction (" + testFraction + ") must be in (0, 1)");
        }
        if (gap < 0) {
            throw new IllegalArgumentException("gap (" + gap + ") must be >= 0");
        }
        return new TimeOrderedSplit(testFraction, gap);
    }

    /**
     * @param groups the group of every item
     * @param times  the time of every item (e.g. epoch milliseconds)
     * @return train and test (validation empty)
     * @throws IllegalArgumentException if {@code times} has the wrong length
     */
    public Split split(GroupIndex groups, long[] times) {
        Sides.requireGroups(groups);
        if (times == null) {
            throw new IllegalArgumentException("times: null");
        }
        groups.requireLength("times", times.length);
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        int cutIndex = (int) Math.min(sorted.length - 1, Math.floor((1 - testFraction) * sorted.length));
        long cut = sorted[cutIndex];
        int g = groups.groupCount();
        long[] first = new long[g];
        long[] last = new long[g];
        Arrays.fill(first, Long.MAX_VALUE);
        Arrays.fill(last, Long.MIN_VALUE);
        for (int i = 0; i < times.length; i++) {
            int grp = groups.groupOf(i);
            first[grp] = Math.min(first[grp], times[i]);
            last[grp] = Math.max(last[grp], times[i]);
        }
        int[] sideOf = new int[g];
        for (int grp = 0; grp < g; grp++) {
            if (first[grp] >= cut) {
                sideOf[grp] = 1;
            } else if (last[grp] < cut - gap) {
                sideOf[grp] = 0;
            } else {
                sideOf[grp] = -1;
            }
        }
        Side[] s = Sides.build(groups, sideOf, 2);
        return new Split(s[0], Side.EMPTY, s[1]);
    }
}
