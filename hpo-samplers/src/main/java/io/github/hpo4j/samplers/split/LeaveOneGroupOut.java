package io.github.hpo4j.samplers.split;

import io.github.hpo4j.samplers.group.GroupIndex;
import java.util.List;

/**
 * One split per group: that group is the test side, every other group trains.
 *
 * <pre>{@code
 * List<Split> perSite = LeaveOneGroupOut.split(GroupIndex.of(siteIds));
 * }</pre>
 *
 * <p>Stability: stable.
 */
public final class LeaveOneGroupOut {

    private LeaveOneGroupOut() {
    }

    /**
     * @param groups the group of every item
     * @return one split per group, in group order of first appearance
     * @throws IllegalArgumentException if there are fewer than two groups
     */
    public static List<Split> split(GroupIndex groups) {
        Sides.requireGroups(groups);
        if (groups.groupCount() < 2) {
            throw new IllegalArgumentException("groups: leave-one-group-out needs >= 2 groups, got " + groups.groupCount());
        }
        return GroupKFold.folds(groups, Sides.identity(groups.groupCount()), groups.groupCount());
    }
}
