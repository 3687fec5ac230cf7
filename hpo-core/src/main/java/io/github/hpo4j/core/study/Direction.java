package io.github.hpo4j.core.study;

import java.util.Locale;

/**
 * Whether an objective or metric is better when lower or when higher.
 *
 * <p>Stability: stable.
 */
public enum Direction {
    /** Lower is better (loss, rmse, latency). */
    MINIMIZE,
    /** Higher is better (accuracy, recall@100). */
    MAXIMIZE;

    /**
     * Parses {@code minimize}, {@code maximize}, {@code min} or {@code max}, in any case.
     *
     * @param text the text
     * @return the direction
     * @throws IllegalArgumentException if the text is none of those
     */
    public static Direction parse(String text) {
        if (text != null) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "minimize", "minimise", "min" -> {
                    return MINIMIZE;
                }
                case "maximize", "maximise", "max" -> {
                    return MAXIMIZE;
                }
                default -> {
                }
            }
        }
        throw new IllegalArgumentException("direction (" + text + ") must be minimize or maximize");
    }

    /**
     * Whether {@code a} is strictly better than {@code b} in this direction.
     *
     * @param a a value
     * @param b another value
     * @return {@code a < b} when minimising, {@code a > b} when maximising
     */
    public boolean isBetter(double a, double b) {
        return this == MINIMIZE ? a < b : a > b;
    }

    /**
     * Maps a value so that lower is always better: identity when minimising, negation otherwise.
     *
     * @param value a value
     * @return the value to minimise
     */
    public double toMinimized(double value) {
        return this == MINIMIZE ? value : -value;
    }

    /** @return {@code minimize} or {@code maximize} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
