package io.github.hpo4j.core.space;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        Set<Object> seen = new HashSet<>();
        List<Object> copy = new ArrayList<>(choices.size());
        for (Object c : choices) {
            if (!(c instanceof String || c instanceof Number || c instanceof Boolean)) {
                throw new IllegalArgumentException(
                        "choices: " + c + " is not a string, number or boolean");
            }
            if (c instanceof Number n && !Double.isFinite(n.doubleValue())) {
                throw new IllegalArgumentException("choices: " + c + " is not finite");
            }
            if (!seen.add(key(c))) {
                throw new IllegalArgumentException("choices " + choices + " must be distinct: " + c + " repeats");
            }
            copy.add(c);
        }
        choices = Collections.unmodifiableList(copy);
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
        for (int i = 0; i < choices.size(); i++) {
            Object c = choices.get(i);
            if (c.equals(value) || key(c).equals(k)) {
                return i;
            }
        }
        return -1;
    }

    /** @return the number of choices */
    public int size() {
        return choices.size();
    }

    @Override
    public double toInternal(Object external) {
        int i = indexOf(external);
        if (i < 0) {
            throw new IllegalArgumentException("value (" + external + ") is not one of " + choices);
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
