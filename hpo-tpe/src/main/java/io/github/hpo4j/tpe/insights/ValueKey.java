package io.github.hpo4j.tpe.insights;

import java.math.BigDecimal;

/**
 * A parameter value as the analysis compares it: numbers (or strings that parse as numbers) by
 * value, so {@code 64}, {@code 64.0} and {@code "64"} are one value; anything else by its text.
 * The label is the value as first seen.
 */
final class ValueKey {

    private ValueKey() {
    }

    /** The comparison key: a Long, a Double or a String. */
    static Object of(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n) {
            return numberKey(n.doubleValue());
        }
        if (value instanceof String s) {
            String t = s.trim();
            if (!t.isEmpty() && (Character.isDigit(t.charAt(0)) || t.charAt(0) == '-' || t.charAt(0) == '.'
                    || t.charAt(0) == '+')) {
                try {
                    return numberKey(new BigDecimal(t).doubleValue());
                } catch (NumberFormatException e) {
                    return s;
                }
            }
            return s;
        }
        return String.valueOf(value);
    }

    private static Object numberKey(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 9e15) {
            return (long) d;
        }
        return d + 0.0;
    }

    /** The value's display text. */
    static String label(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }

    /** The key as a double, or NaN when it is not a number. */
    static double numeric(Object key) {
        if (key instanceof Long l) {
            return l;
        }
        if (key instanceof Double d) {
            return d;
        }
        return Double.NaN;
    }
}
