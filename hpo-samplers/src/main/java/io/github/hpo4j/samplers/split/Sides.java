package io.github.hpo4j.samplers.split;

import io.github.hpo4j.samplers.group.GroupIndex;

/** Turns a group-to-side assignment into sides of item indices. */
final class Sides {

    private Sides() {
    }

    /**
     * @param groups     the index
     * @param sideOf     side number of each group, or -1 for none
     * @param sideCount  number of sides
     * @return one side per number
     */
    static Side[] build(GroupIndex groups, int[] sideOf, int sideCount) {
        int[] items = new int[sideCount];
        int[] groupCounts = new int[sideCount];
        for (int g = 0; g < sideOf.length; g++) {
            if (sideOf[g] >= 0) {
                items[sideOf[g]] += groups.size(g);
                groupCounts[sideOf[g]]++;
            }
        }
        int[][] idx = new int[sideCount][];
        for (int s = 0; s < sideCount; s++) {
            idx[s] = new int[items[s]];
        }
        int[] fill = new int[sideCount];
        int n = groups.itemCount();
        for (int i = 0; i < n; i++) {
            int s = sideOf[groups.groupOf(i)];
            if (s >= 0) {
                idx[s][fill[s]++] = i;
            }
        }
        Side[] out = new Side[sideCount];
        for (int s = 0; s < sideCount; s++) {
            out[s] = new Side(idx[s], groupCounts[s]);
        }
        return out;
    }

    static void requireGroups(GroupIndex groups) {
        if (groups == null) {
            throw new IllegalArgumentException("groups: null");
        }
    }

    static void requireFolds(int k, GroupIndex groups) {
        if (k < 2) {
            throw new IllegalArgumentException("k (" + k + ") must be >= 2");
        }
        if (k > groups.groupCount()) {
            throw new IllegalArgumentException("k (" + k + ") must be <= the number of groups (" + groups.groupCount() + ")");
        }
    }

    static void shuffle(int[] a, java.util.SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }
}
