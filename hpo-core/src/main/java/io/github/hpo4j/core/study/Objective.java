package io.github.hpo4j.core.study;

import java.util.Objects;

/**
 * One objective of a study: a name and a direction.
 *
 * <pre>{@code
 * Study.builder().objective(new Objective("rmse", Direction.MINIMIZE))
 * }</pre>
 *
 * <p>Stability: stable.
 *
 * @param name      the objective's name, not blank
 * @param direction whether lower or higher is better
 */
public record Objective(String name, Direction direction) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if the name is blank
     */
    public Objective {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("objective name (" + name + ") must not be blank");
        }
        Objects.requireNonNull(direction, "direction");
    }

    /**
     * @param name objective name
     * @return an objective to minimise
     */
    public static Objective minimize(String name) {
        return new Objective(name, Direction.MINIMIZE);
    }

    /**
     * @param name objective name
     * @return an objective to maximise
     */
    public static Objective maximize(String name) {
        return new Objective(name, Direction.MAXIMIZE);
    }
}
