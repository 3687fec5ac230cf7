package io.github.hpo4j.core.space;

import java.util.function.Supplier;

/**
 * Checks parameter names and puts the name in front of validation messages.
 *
 * <p>Distributions validate their own bounds without knowing the parameter's name; callers that
 * do know it wrap construction in {@link #named(String, Supplier)} so that the message reads
 * {@code lr: low (0.1) must be <= high (0.01)}.
 *
 * <p>Stability: stable.
 */
public final class ParamNames {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private ParamNames() {
    }

    /**
     * Checks a parameter name.
     *
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException if it is null or blank
     */
    public static String requireValid(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name (" + (name == null ? "null" : "'" + name + "'") + ") must not be blank");
        }
        return name;
    }

    /**
     * Builds a value and prefixes any {@link IllegalArgumentException} with the parameter name.
     *
     * @param name    the parameter name
     * @param factory builds the value
     * @param <T>     the value type
     * @return the value
     * @throws IllegalArgumentException {@code "name: reason"}
     */
    public static <T> T named(String name, Supplier<T> factory) {
        requireValid(name);
        String outer = CURRENT.get();
        CURRENT.set(name);
        try {
            return factory.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        } finally {
            CURRENT.set(outer);
        }
    }

    /** The parameter whose value {@link #named} is building on this thread, for warnings; null outside. */
    static String current() {
        return CURRENT.get();
    }
}
