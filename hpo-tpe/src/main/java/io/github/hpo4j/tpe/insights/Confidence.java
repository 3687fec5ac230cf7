package io.github.hpo4j.tpe.insights;

import java.util.Locale;

/**
 * How much a value's score can be trusted, from how often it was tried.
 *
 * <p>Stability: stable.
 */
public enum Confidence {
    /** Tried at least the high cut-off (5 by default). */
    HIGH,
    /** Tried at least the medium cut-off (3 by default). */
    MEDIUM,
    /** Tried fewer times. */
    LOW;

    /** @return {@code high}, {@code medium} or {@code low} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
