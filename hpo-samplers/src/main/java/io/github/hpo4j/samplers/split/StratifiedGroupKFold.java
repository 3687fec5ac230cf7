package io.github.hpo4j.samplers.split;

import io.github.hpo4j.samplers.group.GroupIndex;
import java.util.List;
import java.util.SplittableRandom;

/**
 * K folds of whole groups that keep each fold's label ratio close to the overall one, as far as
 * the groups allow (scikit-learn's StratifiedGroupKFold algorithm): groups are taken in order of
 * decreasing spread of their label distribution, and each goes to the fold where it leaves the
 * per-class shares most even across folds (ties: the fold with fewer items).
 *
 * <pre>{@code
 * List<Split> folds = StratifiedGroupKFold.of(5).shuffle(3).split(groups, labels);
 * }</pre>
 *
 * <p>Immutable. Stability: stable.
 */
public final class StratifiedGroupKFold {

    private final int k;
    private final boolean shuffle;
    private final long seed;

    private StratifiedGroupKFold(int k, boolean shuffle, long seed) {
        this.k = k;
        this.shuffle = shuffle;
        this.seed = seed;
    }

    /**
     * @param k number of folds, {@code >= 2}
     * @return the splitter, without shuffling
     * @throws IllegalArgumentException if {@code k < 2}
     */
    public static StratifiedGroupKFold of(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k (" + k + ") must be >= 2");
        }
        return new StratifiedGroupKFold(k, false, 0);
    }

    /**
     * @param seed seed of the shuffle of groups before they are ordered
     * @return a shuffling splitter
     */
    public StratifiedGroupKFold shuffle(long seed) {
        return new StratifiedGroupKFold(k, true, seed);
    }

    /**
     * @param groups the group of every item
     * @param labels the class of every item (any ints, e.g. 0/1)
     * @return k splits
     * @throws IllegalArgumentException if {@code labels} has the wrong length or {@code k} exceeds the groups
     */
    public List<Split> split(GroupIndex groups, int[] labels) {
        Sides.requireGroups(groups);
        if (labels == null) {
            throw new IllegalArgumentException("labels: null");
        }
        groups.requireLength("labels", labels.length);
        Sides.requireFolds(k, groups);
        GroupIndex classes = GroupIndex.of(labels);
        int c = classes.groupCount();
        int g = groups.groupCount();
        long[][] perGroup = new long[g][c];
        long[] perClass = new long[c];
        for (int i = 0; i < labels.length; i++) {
            perGroup[groups.groupOf(i)][classes.groupOf(i)]++;
            perClass[classes.groupOf(i)]++;
        }
        int[] order = Sides.identity(g);
        if (shuffle) {
            Sides.shuffle(order, new SplittableRandom(seed));
        }
        double[] spread = new double[g];
        for (int grp = 0; grp < g; grp++) {
            spread[grp] = std(perGroup[grp]);
        }
        Integer[] boxed = new Integer[g];
        for (int i = 0; i < g; i++) {
            boxed[i] = order[i];
        }
        java.util.Arrays.sort(boxed, (a, b) -> Double.compare(spread[b], spread[a]));
        long[][] perFold = new long[k][c];
        long[] foldItems = new long[k];
        int[] foldOf = new int[g];
        double[] shares = new double[k];
        for (Integer grp : boxed) {
            int best = -1;
            double bestEval = Double.POSITIVE_INFINITY;
            for (int f = 0; f < k; f++) {
                for (int cls = 0; cls < c; cls++) {
                    perFold[f][cls] += perGroup[grp][cls];
                }
                double eval = 0;
                for (int cls = 0; cls < c; cls++) {
                    for (int ff = 0; ff < k; ff++) {
                        shares[ff] = perFold[ff][cls] / (double) perClass[cls];
                    }
                    eval += std(shares);
                }
                eval /= c;
                for (int cls = 0; cls < c; cls++) {
                    perFold[f][cls] -= perGroup[grp][cls];
                }
                if (eval < bestEval - 1e-12 || (Math.abs(eval - bestEval) <= 1e-12 && foldItems[f] < foldItems[best])) {
                    best = f;
                    bestEval = eval;
                }
            }
            foldOf[grp] = best;
            for (int cls = 0; cls < c; cls++) {
                perFold[best][cls] += perGroup[grp][cls];
            }
            foldItems[best] += groups.size(grp);
        }
        return GroupKFold.folds(groups, foldOf, k);
    }

    private static double std(long[] counts) {
        double[] xs = new double[counts.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = counts[i];
        }
        return std(xs);
    }

    private static double std(double[] xs) {
        double mean = 0;
        for (double x : xs) {
            mean += x;
        }
        mean /= xs.length;
        double s = 0;
        for (double x : xs) {
            s += (x - mean) * (x - mean);
        }
        return Math.sqrt(s / xs.length);
    }
}
