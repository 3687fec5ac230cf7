package io.github.hpo4j.samplers.split;

import io.github.hpo4j.samplers.group.GroupIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * K folds of whole groups with balanced item counts: groups, largest first, each go to the fold
 * with the fewest items so far (as scikit-learn's GroupKFold). With a seed, groups are shuffled
 * before the (stable) sort so that equal-sized groups land differently. Each group is tested
 * exactly once.
 *
 * <pre>{@code
 * for (Split fold : GroupKFold.of(5).split(groups)) {
 *     fit(fold.train().indices());
 *     score(fold.test().indices());
 * }
 * }</pre>
 *
 * <p>Immutable. Stability: stable.
 */
public final class GroupKFold {

    private final int k;
    private final boolean shuffle;
    private final long seed;

    private GroupKFold(int k, boolean shuffle, long seed) {
        this.k = k;
        this.shuffle = shuffle;
        this.seed = seed;
    }

    /**
     * @param k number of folds, {@code >= 2}
     * @return the splitter, without shuffling
     * @throws IllegalArgumentException if {@code k < 2}
     */
    public static GroupKFold of(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k (" + k + ") must be >= 2");
        }
        return new GroupKFold(k, false, 0);
    }

    /**
     * @param seed seed of the shuffle of equal-sized groups
     * @return a shuffling splitter
     */
    public GroupKFold shuffle(long seed) {
        return new GroupKFold(k, true, seed);
    }

    /**
     * @param groups the group of every item
     * @return k splits; fold {@code i}'s test side is the groups assigned to it
     * @throws IllegalArgumentException if {@code k} exceeds the number of groups
     */
    public List<Split> split(GroupIndex groups) {
        Sides.requireGroups(groups);
        Sides.requireFolds(k, groups);
        int g = groups.groupCount();
        int[] order = Sides.identity(g);
        if (shuffle) {
            Sides.shuffle(order, new SplittableRandom(seed));
        }
        Integer[] boxed = new Integer[g];
        for (int i = 0; i < g; i++) {
            boxed[i] = order[i];
        }
        java.util.Arrays.sort(boxed, (a, b) -> Integer.compare(groups.size(b), groups.size(a)));
        long[] load = new long[k];
        int[] foldOf = new int[g];
        for (Integer grp : boxed) {
            int best = 0;
            for (int f = 1; f < k; f++) {
                if (load[f] < load[best]) {
                    best = f;
                }
            }
            foldOf[grp] = best;
            load[best] += groups.size(grp);
        }
        return folds(groups, foldOf, k);
    }

    static List<Split> folds(GroupIndex groups, int[] foldOf, int k) {
        List<Split> out = new ArrayList<>(k);
        int[] sideOf = new int[foldOf.length];
        for (int f = 0; f < k; f++) {
            for (int grp = 0; grp < foldOf.length; grp++) {
                sideOf[grp] = foldOf[grp] == f ? 1 : 0;
            }
            Side[] s = Sides.build(groups, sideOf, 2);
            out.add(new Split(s[0], Side.EMPTY, s[1]));
        }
        return List.copyOf(out);
    }
}
