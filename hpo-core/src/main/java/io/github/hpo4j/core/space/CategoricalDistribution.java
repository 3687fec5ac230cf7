package io.github.hpo4j.core.space;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A parameter that takes one of a fixed list of choices: strings, numbers or booleans.
 *
 * <p>The internal representation is the index of the choice. Numbers are compared by value, so
 * {@code 1}, {@code 1L} and {@code 1.0} are the same choice and cannot appear twice.
 *
 * <pre>{@code
 * CategoricalDistribution optimizer = CategoricalDistribution.of("adam", "rmsprop", "sgd");
 * }</pre>
 *
 * <p>Stability: stable.
 *
 * @param choices the choices, non-empty and distinct; each a {@code String}, {@code Number} or
 *     {@code Boolean}
 */
public record CategoricalDistribution(List<Object> choices) implements Distribution {

    /**
     * Validates and copies the choices.
     *
     * @throws IllegalArgumentException if the list is null or empty, holds a null or a value of
     *     another type, or holds a value twice
     */
    public CategoricalDistribution {
        if (choices == null || choices.isEmpty()) {
            throw new IllegalArgumentException("choices (" + choices + ") must be non-empty");
        }
        java.util.HashMap<Object, Integer> seen = new java.util.HashMap<>();
        List<Object> copy = new ArrayList<>(choices.size());
        for (Object c : choices) {
            if (!(c instanceof String || c instanceof Number || c instanceof Boolean)) {
                throw new IllegalArgumentException(
                        "choices: " + c + " is not a string, number or boolean");
            }
            if (c instanceof Number n && !Double.isFinite(n.doubleValue())) {
                throw new IllegalArgumentException("choices: " + c + " is not finite");
            }
            if (seen.putIfAbsent(key(c), copy.size()) != null) {
                throw new IllegalArgumentException("choices " + choices + " must be distinct: " + c + " repeats");
            }
            copy.add(c);
        }
        choices = new Choices(copy, seen);
    }

    /** The choices, unmodifiable, with an index from each choice's key to its position. */
    private static final class Choices extends java.util.AbstractList<Object> implements java.util.RandomAccess {
        private final Object[] items;
        private final java.util.Map<Object, Integer> index;

        Choices(List<Object> items, java.util.Map<Object, Integer> index) {
            this.items = items.toArray();
            this.index = index;
        }

        @Override
        public Object get(int i) {
            return items[i];
        }

        @Override
        public int size() {
            return items.length;
        }

        int position(Object key) {
            Integer i = index.get(key);
            return i == null ? -1 : i;
        }
    }

    /**
     * The distribution over the given choices.
     *
     * @param choices the choices
     * @return the distribution
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static CategoricalDistribution of(Object... choices) {
        return new CategoricalDistribution(List.of(choices));
    }

    private static Object key(Object c) {
        if (c instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros();
        }
        return c;
    }

    /**
     * The index of a choice, comparing numbers by value.
     *
     * @param value a value
     * @return its index, or {@code -1} when it is not a choice
     */
    public int indexOf(Object value) {
        if (value == null) {
            return -1;
        }
        Object k;
        try {
            k = key(value);
        } catch (NumberFormatException e) {
            return -1;
        }
        return ((Choices) choices).position(k);
    }

    /** @return the number of choices */
    public int size() {
        return choices.size();
    }

    @Override
    public double toInternal(Object external) {
        int i = indexOf(external);
        if (i < 0) {
            String listed = choices.size() <= 20 ? choices.toString()
                    : choices.subList(0, 20).toString().replace("]", ", … " + (choices.size() - 20) + " more]");
            throw new IllegalArgumentException("value (" + external + ") is not one of " + listed);
        }
        return i;
    }

    @Override
    public Object toExternal(double internal) {
        if (!containsInternal(internal)) {
            throw new IllegalArgumentException("index (" + internal + ") is outside 0.." + (choices.size() - 1));
        }
        return choices.get((int) internal);
    }

    @Override
    public boolean containsInternal(double internal) {
        return internal >= 0 && internal < choices.size() && internal == Math.rint(internal);
    }

    @Override
    public boolean isSingle() {
        return choices.size() == 1;
    }
}
