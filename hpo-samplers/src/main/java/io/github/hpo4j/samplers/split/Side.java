package io.github.hpo4j.samplers.split;

/**
 * One side of a split: its item indices (ascending) and how many groups they come from.
 *
 * <p>Stability: stable.
 *
 * @param indices    item indices, ascending
 * @param groupCount number of distinct groups among them
 */
public record Side(int[] indices, int groupCount) {

    static final Side EMPTY = new Side(new int[0], 0);

    /** @return the number of items */
    public int itemCount() {
        return indices.length;
    }

    @Override
    public String toString() {
        return indices.length + " items in " + groupCount + " groups";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Side s && s.groupCount == groupCount && java.util.Arrays.equals(s.indices, indices);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(indices) + groupCount;
    }
}
