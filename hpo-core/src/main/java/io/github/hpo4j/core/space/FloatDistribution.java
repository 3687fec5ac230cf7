package io.github.hpo4j.core.space;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real-valued parameter on {@code [low, high]}, optionally sampled in log space or on a step grid.
 *
 * <p>{@code step == 0} means continuous. A stepped distribution's values are
 * {@code low, low + step, ...}; when {@code high - low} is not a multiple of {@code step},
 * {@code high} is lowered to the last grid point (and a warning is logged), as Optuna does.
 *
 * <pre>{@code
 * FloatDistribution lr = FloatDistribution.log(1e-5, 1e-1);
 * FloatDistribution dropout = FloatDistribution.stepped(0.0, 0.7, 0.05);
 * }</pre>
 *
 * <p>Stability: stable.
 *
 * @param low  the lower bound, inclusive; finite
 * @param high the upper bound, inclusive; finite and {@code >= low}
 * @param log  whether values are uniform in log space ({@code low > 0} required)
 * @param step the grid step, or {@code 0} for a continuous range; never with {@code log}
 */
public record FloatDistribution(double low, double high, boolean log, double step) implements Distribution {

    private static final Logger LOG = LoggerFactory.getLogger(FloatDistribution.class);

    /**
     * Validates the bounds.
     *
     * @throws IllegalArgumentException if a bound is not finite, {@code low > high}, {@code log}
     *     with {@code low <= 0}, {@code log} with a step, or a negative or non-finite step
     */
    public FloatDistribution {
        if (!Double.isFinite(low)) {
            throw new IllegalArgumentException("low (" + low + ") must be finite");
        }
        if (!Double.isFinite(high)) {
            throw new IllegalArgumentException("high (" + high + ") must be finite");
        }
        if (low > high) {
            throw new IllegalArgumentException("low (" + low + ") must be <= high (" + high + ")");
        }
        if (!(step >= 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("step (" + step + ") must be > 0");
        }
        if (log && step != 0) {
            throw new IllegalArgumentException("log and step are exclusive (step " + step + ")");
        }
        if (log && low <= 0) {
            throw new IllegalArgumentException("log needs low > 0 (low " + low + ")");
        }
        if (step > 0) {
            double n = Math.floor((high - low) / step + 1e-9);
            double adjusted = low + n * step;
            if (Math.abs(adjusted - high) > 1e-9 * Math.max(1, Math.abs(high))) {
                // in decimal, as Optuna does, so that 0 + 3 * 0.3 is 0.9, not 0.8999999999999999
                adjusted = java.math.BigDecimal.valueOf(low).add(java.math.BigDecimal.valueOf(step)
                        .multiply(java.math.BigDecimal.valueOf((long) n))).doubleValue();
                GridWarnings.warnOnce(LOG, "float", low, high, step, adjusted);
                high = adjusted;
            }
        }
    }

    /**
     * A continuous, linear range.
     *
     * @param low  lower bound
     * @param high upper bound
     * @return the distribution
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static FloatDistribution of(double low, double high) {
        return new FloatDistribution(low, high, false, 0);
    }

    /**
     * A continuous range sampled uniformly in log space.
     *
     * @param low  lower bound, {@code > 0}
     * @param high upper bound
     * @return the distribution
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static FloatDistribution log(double low, double high) {
        return new FloatDistribution(low, high, true, 0);
    }

    /**
     * A range on the grid {@code low, low + step, ...}.
     *
     * @param low  lower bound
     * @param high upper bound
     * @param step grid step, {@code > 0}
     * @return the distribution
     * @throws IllegalArgumentException as the canonical constructor, or if {@code step <= 0}
     */
    public static FloatDistribution stepped(double low, double high, double step) {
        if (!(step > 0)) {
            throw new IllegalArgumentException("step (" + step + ") must be > 0");
        }
        return new FloatDistribution(low, high, false, step);
    }

    /** @return whether the range is on a step grid */
    public boolean hasStep() {
        return step > 0;
    }

    /** @return the number of grid points when stepped, or 0 when continuous */
    public long gridSize() {
        return step > 0 ? Math.round((high - low) / step) + 1 : 0;
    }

    /**
     * Snaps a value to the nearest grid point inside the bounds (identity for continuous ranges,
     * apart from clipping).
     *
     * @param value any value
     * @return the nearest admissible value
     */
    public double snap(double value) {
        double v = Math.min(high, Math.max(low, value));
        if (step > 0) {
            v = low + Math.round((v - low) / step) * step;
            v = Math.min(high, Math.max(low, v));
        }
        return v;
    }

    @Override
    public double toInternal(Object external) {
        if (!(external instanceof Number n)) {
            throw new IllegalArgumentException("value (" + external + ") is not a number");
        }
        double v = n.doubleValue();
        if (!containsInternal(v)) {
            throw new IllegalArgumentException("value (" + v + ") is outside " + this);
        }
        return v;
    }

    @Override
    public Object toExternal(double internal) {
        return internal;
    }

    @Override
    public boolean containsInternal(double internal) {
        if (!(internal >= low && internal <= high)) {
            return false;
        }
        if (step > 0) {
            double k = (internal - low) / step;
            return Math.abs(k - Math.rint(k)) < 1e-8;
        }
        return true;
    }

    @Override
    public boolean isSingle() {
        return low == high;
    }
}
