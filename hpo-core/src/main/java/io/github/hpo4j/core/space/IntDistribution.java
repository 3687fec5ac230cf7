package io.github.hpo4j.core.space;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An integer parameter on {@code [low, high]}, optionally sampled in log space or on a step grid.
 *
 * <p>The values are {@code low, low + step, ...}; when {@code high - low} is not a multiple of
 * {@code step}, {@code high} is lowered to the last grid point (with a logged warning).
 *
 * <pre>{@code
 * IntDistribution batch = IntDistribution.log(16, 4096);
 * IntDistribution layers = IntDistribution.of(1, 6);
 * }</pre>
 *
 * <p>Stability: stable.
 *
 * @param low  the lower bound, inclusive
 * @param high the upper bound, inclusive, {@code >= low}
 * @param log  whether values are uniform in log space ({@code low > 0}, {@code step == 1})
 * @param step the grid step, {@code >= 1}
 */
public record IntDistribution(int low, int high, boolean log, int step) implements Distribution {

    private static final Logger LOG = LoggerFactory.getLogger(IntDistribution.class);

    /**
     * Validates the bounds.
     *
     * @throws IllegalArgumentException if {@code low > high}, {@code step <= 0}, or {@code log}
     *     with {@code low <= 0} or with {@code step != 1}
     */
    public IntDistribution {
        if (low > high) {
            throw new IllegalArgumentException("low (" + low + ") must be <= high (" + high + ")");
        }
        if (step <= 0) {
            throw new IllegalArgumentException("step (" + step + ") must be > 0");
        }
        if (log && step != 1) {
            throw new IllegalArgumentException("log and step are exclusive (step " + step + ")");
        }
        if (log && low <= 0) {
            throw new IllegalArgumentException("log needs low > 0 (low " + low + ")");
        }
        long span = (long) high - low;
        long adjusted = low + (span / step) * step;
        if (adjusted != high) {
            GridWarnings.warnOnce(LOG, "int", low, high, step, adjusted);
            high = (int) adjusted;
        }
    }

    /**
     * Every integer in {@code [low, high]}.
     *
     * @param low  lower bound
     * @param high upper bound
     * @return the distribution
     * @throws IllegalArgumentException if {@code low > high}
     */
    public static IntDistribution of(int low, int high) {
        return new IntDistribution(low, high, false, 1);
    }

    /**
     * Integers in {@code [low, high]}, uniform in log space.
     *
     * @param low  lower bound, {@code > 0}
     * @param high upper bound
     * @return the distribution
     * @throws IllegalArgumentException if {@code low > high} or {@code low <= 0}
     */
    public static IntDistribution log(int low, int high) {
        return new IntDistribution(low, high, true, 1);
    }

    /**
     * Integers {@code low, low + step, ... <= high}.
     *
     * @param low  lower bound
     * @param high upper bound
     * @param step grid step, {@code > 0}
     * @return the distribution
     * @throws IllegalArgumentException if {@code low > high} or {@code step <= 0}
     */
    public static IntDistribution stepped(int low, int high, int step) {
        return new IntDistribution(low, high, false, step);
    }

    /** @return the number of admissible values */
    public long gridSize() {
        return ((long) high - low) / step + 1;
    }

    /**
     * Rounds a value to the nearest admissible integer inside the bounds.
     *
     * @param value any value
     * @return the nearest admissible value
     */
    public int snap(double value) {
        double v = Math.min(high, Math.max(low, value));
        long k = Math.round((v - low) / step);
        long r = low + k * step;
        return (int) Math.min(high, Math.max(low, r));
    }

    @Override
    public double toInternal(Object external) {
        if (!(external instanceof Number n)) {
            throw new IllegalArgumentException("value (" + external + ") is not a number");
        }
        double v = n.doubleValue();
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException("value (" + external + ") is not an integer");
        }
        if (v < low || v > high) {
            throw new IllegalArgumentException("value (" + external + ") is outside " + this);
        }
        if (!containsInternal(v)) {
            throw new IllegalArgumentException("value (" + external + ") is not on the grid of " + this);
        }
        return v;
    }

    @Override
    public Object toExternal(double internal) {
        if (!containsInternal(internal)) {
            throw new IllegalArgumentException("internal value (" + internal + ") is outside " + this);
        }
        return (int) internal;
    }

    @Override
    public boolean containsInternal(double internal) {
        return internal >= low && internal <= high && internal == Math.rint(internal)
                && ((long) internal - low) % step == 0;
    }

    @Override
    public boolean isSingle() {
        return low == high;
    }
}
