package io.github.hpo4j.samplers.split;

import io.github.hpo4j.samplers.group.GroupIndex;
import java.util.SplittableRandom;

/**
 * A seeded random train / validation / test split of whole groups. The fractions count groups
 * (each side gets {@code round(fraction × groups)} groups, train the rest); the result reports
 * items and groups per side.
 *
 * <pre>{@code
 * Split s = GroupShuffleSplit.of(0.8, 0.1, 0.1).seed(7).split(GroupIndex.of(customerIds));
 * }</pre>
 *
 * <p>Immutable. Stability: stable.
 */
public final class GroupShuffleSplit {

    private final double train;
    private final double validation;
    private final double test;
    private final long seed;

    private GroupShuffleSplit(double train, double validation, double test, long seed) {
        this.train = train;
        this.validation = validation;
        this.test = test;
        this.seed = seed;
    }

    /**
     * @param train      fraction of groups for training
     * @param validation fraction for validation (may be 0)
     * @param test       fraction for test
     * @return the splitter, seed 0
     * @throws IllegalArgumentException if a fraction is outside [0, 1] or they do not sum to 1
     */
    public static GroupShuffleSplit of(double train, double validation, double test) {
        check("train", train);
        check("validation", validation);
        check("test", test);
        double sum = train + validation + test;
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("fractions (" + train + " + " + validation + " + " + test + " = " + sum
                    + ") must sum to 1");
        }
        return new GroupShuffleSplit(train, validation, test, 0);
    }

    private static void check(String name, double f) {
        if (!(f >= 0 && f <= 1)) {
            throw new IllegalArgumentException(name + " (" + f + ") must be in [0, 1]");
        }
    }

    /**
     * @param seed the shuffle's seed
     * @return a splitter with that seed
     */
    public GroupShuffleSplit seed(long seed) {
        return new GroupShuffleSplit(train, validation, test, seed);
    }

    /**
     * @param groups the group of every item
     * @return the split
     * @throws IllegalArgumentException if there are too few groups to give every non-zero fraction a group
     */
    public Split split(GroupIndex groups) {
        Sides.requireGroups(groups);
        int g = groups.groupCount();
        int nTest = (int) Math.round(test * g);
        int nVal = (int) Math.round(validation * g);
        if (test > 0 && nTest == 0) {
            nTest = 1;
        }
        if (validation > 0 && nVal == 0) {
            nVal = 1;
        }
        int nTrain = g - nTest - nVal;
        if (nTrain < (train > 0 ? 1 : 0)) {
            throw new IllegalArgumentException("groups: " + g + " groups are too few for fractions " + train + ", "
                    + validation + ", " + test);
        }
        int[] order = Sides.identity(g);
        Sides.shuffle(order, new SplittableRandom(seed));
        int[] sideOf = new int[g];
        for (int i = 0; i < g; i++) {
            sideOf[order[i]] = i < nTrain ? 0 : i < nTrain + nVal ? 1 : 2;
        }
        Side[] s = Sides.build(groups, sideOf, 3);
        return new Split(s[0], s[1], s[2]);
    }
}
