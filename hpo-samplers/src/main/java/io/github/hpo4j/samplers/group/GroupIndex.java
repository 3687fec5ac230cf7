package io.github.hpo4j.samplers.group;

import java.util.HashMap;
import java.util.Map;

/**
 * Items grouped by a series or group id: dense group codes {@code 0..groupCount-1} in order of
 * first appearance, and each group's items in ascending index order (a compressed layout of two
 * {@code int[]}, no boxing).
 *
 * <p>Batch samplers and splitters are built on it; build it once and reuse it across epochs and
 * splits.
 *
 * <pre>{@code
 * GroupIndex series = GroupIndex.of(new String[] {"shootA", "shootA", "shootB"});
 * series.groupCount();   // 2
 * series.size(1);        // 1
 * }</pre>
 *
 * <p>Immutable and thread-safe. Stability: stable.
 */
public final class GroupIndex {

    private final int[] code;
    private final int[] start;
    private final int[] members;

    private GroupIndex(int[] code, int groups) {
        this.code = code;
        int n = code.length;
        start = new int[groups + 1];
        for (int c : code) {
            start[c + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            start[g + 1] += start[g];
        }
        members = new int[n];
        int[] fill = new int[groups];
        for (int i = 0; i < n; i++) {
            int g = code[i];
            members[start[g] + fill[g]++] = i;
        }
    }

    private static void requireItems(int n) {
        if (n == 0) {
            throw new IllegalArgumentException("ids: no items (length 0)");
        }
    }

    /**
     * @param ids the group id of every item
     * @return the index
     * @throws IllegalArgumentException if {@code ids} is null or empty
     */
    public static GroupIndex of(int[] ids) {
        if (ids == null) {
            throw new IllegalArgumentException("ids: null");
        }
        requireItems(ids.length);
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int id : ids) {
            min = Math.min(min, id);
            max = Math.max(max, id);
        }
        int[] code = new int[ids.length];
        int groups = 0;
        long range = (long) max - min + 1;
        if (range <= 4L * ids.length + 1024) {
            int[] table = new int[(int) range];
            java.util.Arrays.fill(table, -1);
            for (int i = 0; i < ids.length; i++) {
                int k = ids[i] - min;
                if (table[k] < 0) {
                    table[k] = groups++;
                }
                code[i] = table[k];
            }
        } else {
            Map<Integer, Integer> map = new HashMap<>();
            for (int i = 0; i < ids.length; i++) {
                Integer c = map.putIfAbsent(ids[i], groups);
                if (c == null) {
                    c = groups++;
                }
                code[i] = c;
            }
        }
        return new GroupIndex(code, groups);
    }

    /**
     * @param ids the group id of every item
     * @return the index
     * @throws IllegalArgumentException if {@code ids} is null or empty
     */
    public static GroupIndex of(long[] ids) {
        if (ids == null) {
            throw new IllegalArgumentException("ids: null");
        }
        requireItems(ids.length);
        Map<Long, Integer> map = new HashMap<>();
        int[] code = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            Integer c = map.putIfAbsent(ids[i], map.size());
            code[i] = c == null ? map.size() - 1 : c;
        }
        return new GroupIndex(code, map.size());
    }

    /**
     * @param ids the group id of every item
     * @return the index
     * @throws IllegalArgumentException if {@code ids} is null, empty, or holds a null
     */
    public static GroupIndex of(String[] ids) {
        if (ids == null) {
            throw new IllegalArgumentException("ids: null");
        }
        requireItems(ids.length);
        Map<String, Integer> map = new HashMap<>();
        int[] code = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null) {
                throw new IllegalArgumentException("ids[" + i + "] is null");
            }
            Integer c = map.putIfAbsent(ids[i], map.size());
            code[i] = c == null ? map.size() - 1 : c;
        }
        return new GroupIndex(code, map.size());
    }

    /** @return the number of items */
    public int itemCount() {
        return code.length;
    }

    /** @return the number of groups */
    public int groupCount() {
        return start.length - 1;
    }

    /**
     * @param item an item index
     * @return its group code
     */
    public int groupOf(int item) {
        return code[item];
    }

    /**
     * @param group a group code
     * @return how many items it holds
     */
    public int size(int group) {
        return start[group + 1] - start[group];
    }

    /** @return the size of the largest group */
    public int largestGroupSize() {
        int m = 0;
        for (int g = 0; g < groupCount(); g++) {
            m = Math.max(m, size(g));
        }
        return m;
    }

    /**
     * Copies a group's items into {@code dest}.
     *
     * @param group  a group code
     * @param dest   destination
     * @param offset where to write
     * @return the number of items copied
     */
    public int copyItems(int group, int[] dest, int offset) {
        int len = size(group);
        System.arraycopy(members, start[group], dest, offset, len);
        return len;
    }

    /**
     * All items laid out group by group: group {@code g}'s items are at
     * {@code [groupStart(g), groupStart(g + 1))}. A copy the caller may shuffle.
     *
     * @return a new array of every item index
     */
    public int[] itemsByGroup() {
        return members.clone();
    }

    /**
     * @param group a group code, or {@code groupCount()}
     * @return where that group starts in {@link #itemsByGroup()}
     */
    public int groupStart(int group) {
        return start[group];
    }

    /**
     * Checks a per-item array's length against this index.
     *
     * @param name   the argument's name for the message
     * @param length its length
     * @throws IllegalArgumentException if it differs from {@link #itemCount()}
     */
    public void requireLength(String name, int length) {
        if (length != code.length) {
            throw new IllegalArgumentException(name + ": length " + length + " differs from the " + code.length + " items");
        }
    }
}
