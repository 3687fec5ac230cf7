package io.github.hpo4j.tpe.sampler;

import java.util.Arrays;

/**
 * One parameter's observations in a set of trials (the bad set, say), kept sorted by value from
 * one ask to the next: between two asks the set changes by a trial or two, so the new order comes
 * from the old one by removals and insertions in O(n) instead of a sort in O(n log n).
 *
 * <p>Each entry packs the value's order-preserving bits (high 44) with the trial's history
 * position (low 20): values closer than 2^-32 relative may come out in either order, which
 * moves no neighbour gap by more than that. Histories past 2^20 trials are sorted afresh each
 * time. Not thread-safe: the sampler serialises its asks.
 */
final class SortedObservations {

    private static final int POSITION_BITS = 20;
    private static final long POSITION_MASK = (1L << POSITION_BITS) - 1;
    /** More changes than this: sort afresh. */
    private static final int MAX_INSERTIONS = 32;

    private long[] keys = new long[0];
    private int size;
    /** By history position: in the set the keys describe. */
    private boolean[] member = new boolean[0];
    /** By history position: the index of that position in the current call's input, or -1. */
    private int[] indexOf = new int[0];

    static long key(double value, int position) {
        long bits = Double.doubleToLongBits(value + 0.0);
        bits ^= (bits >> 63) & 0x7fffffffffffffffL; // negative values reversed: signed order = value order
        return (bits & ~POSITION_MASK) | position;
    }

    /**
     * @param positions history positions of the set, ascending, each below 2^20: the first {@code n}
     * @param n         how many
     * @param values    the parameter's value at each of them (no NaN)
     * @return indices into {@code positions} in ascending order of value
     */
    int[] order(int[] positions, int n, double[] values) {
        int maxPosition = n == 0 ? 0 : positions[n - 1];
        if (maxPosition > POSITION_MASK) {
            return ParzenEstimator.sortedOrder(Arrays.copyOf(values, n));
        }
        if (member.length <= maxPosition) {
            int capacity = Math.max(maxPosition + 1, member.length * 2);
            member = Arrays.copyOf(member, capacity);
            int old = indexOf.length;
            indexOf = Arrays.copyOf(indexOf, capacity);
            Arrays.fill(indexOf, old, capacity, -1);
        }
        for (int i = 0; i < n; i++) {
            indexOf[positions[i]] = i;
        }
        // keep the old keys still in the set, count the new positions
        long[] next = new long[n];
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int p = (int) (keys[i] & POSITION_MASK);
            if (p < indexOf.length && indexOf[p] >= 0) {
                next[kept++] = keys[i];
            } else {
                member[p] = false;
            }
        }
        int added = n - kept;
        if (added > MAX_INSERTIONS) {
            for (int i = 0; i < n; i++) {
                next[i] = key(values[i], positions[i]);
                member[positions[i]] = true;
            }
            Arrays.sort(next);
        } else {
            int count = kept;
            for (int i = 0; i < n && count < n; i++) {
                int p = positions[i];
                if (member[p]) {
                    continue;
                }
                member[p] = true;
                long k = key(values[i], p);
                int at = Arrays.binarySearch(next, 0, count, k);
                at = at >= 0 ? at : -at - 1;
                System.arraycopy(next, at, next, at + 1, count - at);
                next[at] = k;
                count++;
            }
        }
        keys = next;
        size = n;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = indexOf[(int) (keys[i] & POSITION_MASK)];
        }
        for (int i = 0; i < n; i++) {
            indexOf[positions[i]] = -1;
        }
        return order;
    }
}
