package io.github.hpo4j.core.trial;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable map from parameter names, in insertion order, held in two arrays: a trial's
 * parameters and distributions. A storage makes a new record for every suggestion, one
 * parameter more than the last; copying two short arrays costs a fraction of copying a
 * {@code LinkedHashMap}'s nodes. Lookups scan the names while there are few, and use an
 * open-addressing index beyond.
 *
 * @param <V> the value type; values are never null
 */
final class ParamMap<V> extends AbstractMap<String, V> {

    private static final ParamMap<?> EMPTY = new ParamMap<>(new String[0], new Object[0], 0);
    /** Names scanned one by one up to this many; hashed beyond. */
    private static final int SCAN = 12;

    private final String[] keys;
    private final Object[] values;
    private final int size;
    /** For more than {@link #SCAN} names: slot → index + 1 (0 empty), a power of two long. */
    private final int[] index;
    private Set<Map.Entry<String, V>> entries;

    private ParamMap(String[] keys, Object[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.size = size;
        this.index = size > SCAN ? buildIndex(keys, size) : null;
    }

    @SuppressWarnings("unchecked")
    static <V> ParamMap<V> empty() {
        return (ParamMap<V>) EMPTY;
    }

    /**
     * @param from a map with non-null keys and values
     * @param what what the map holds, for the message of a bad entry ("params")
     * @return the same entries in the same order; {@code from} itself if it is a ParamMap
     * @throws IllegalArgumentException naming the entry, if a key or value is null
     */
    @SuppressWarnings("unchecked")
    static <V> ParamMap<V> copyOf(Map<String, ? extends V> from, String what) {
        if (from instanceof ParamMap<?> p) {
            return (ParamMap<V>) p;
        }
        int n = from.size();
        if (n == 0) {
            return empty();
        }
        String[] k = new String[n];
        Object[] v = new Object[n];
        int[] at = {0};
        from.forEach((key, value) -> {
            if (key == null || value == null) {
                throw new IllegalArgumentException(what + ": " + (key == null ? "a name is null" : "'" + key + "' is null"));
            }
            k[at[0]] = key;
            v[at[0]] = value;
            at[0]++;
        });
        return new ParamMap<>(k, v, at[0]);
    }

    /**
     * @param key   a name
     * @param value its value
     * @return this map with the name set to the value: replaced in place if present, else added last
     */
    ParamMap<V> with(String key, V value) {
        Objects.requireNonNull(key, "parameter name");
        Objects.requireNonNull(value, key);
        int i = indexOf(key);
        if (i >= 0) {
            Object[] v = Arrays.copyOf(values, size);
            v[i] = value;
            return new ParamMap<>(keys, v, size);
        }
        String[] k = Arrays.copyOf(keys, size + 1);
        Object[] v = Arrays.copyOf(values, size + 1);
        k[size] = key;
        v[size] = value;
        return new ParamMap<>(k, v, size + 1);
    }

    /** @return whether both maps hold the same names (in any order) */
    static boolean sameNames(ParamMap<?> a, ParamMap<?> b) {
        if (a.size != b.size) {
            return false;
        }
        for (int i = 0; i < a.size; i++) {
            if (b.indexOf(a.keys[i]) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int[] buildIndex(String[] keys, int size) {
        int[] slots = new int[Integer.highestOneBit(size * 2 - 1) << 1];
        int mask = slots.length - 1;
        for (int i = 0; i < size; i++) {
            int s = spread(keys[i].hashCode()) & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = i + 1;
        }
        return slots;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    private int indexOf(Object key) {
        if (!(key instanceof String)) {
            return -1;
        }
        if (index == null) {
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }
        int mask = index.length - 1;
        for (int s = spread(key.hashCode()) & mask; index[s] != 0; s = (s + 1) & mask) {
            int i = index[s] - 1;
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (V) values[i];
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super String, ? super V> action) {
        for (int i = 0; i < size; i++) {
            action.accept(keys[i], (V) values[i]);
        }
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        Set<Map.Entry<String, V>> e = entries;
        if (e == null) {
            e = new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, V>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        @SuppressWarnings("unchecked")
                        public Map.Entry<String, V> next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new AbstractMap.SimpleImmutableEntry<>(keys[i], (V) values[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }
            };
            entries = e;
        }
        return e;
    }
}
