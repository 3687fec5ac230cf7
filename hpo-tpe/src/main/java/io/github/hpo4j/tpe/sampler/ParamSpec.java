package io.github.hpo4j.tpe.sampler;

import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.space.FloatDistribution;
import io.github.hpo4j.core.space.IntDistribution;

/**
 * A parameter as the Parzen estimator sees it: numeric ranges in transformed space (log for log
 * ranges), widened by half a step on each side for discrete ranges; categoricals by their choice
 * count.
 */
final class ParamSpec {

    final Distribution distribution;
    final boolean categorical;
    final int choices;
    final boolean log;
    /** Scored by cell masses (see {@link #discrete()}). */
    private final boolean cells;
    /** Grid step in the original space; 0 for continuous. */
    final double step;
    /** Original bounds. */
    final double low;
    final double high;
    /** Transformed (and, for discrete ranges, widened) bounds. */
    final double lowT;
    final double highT;

    ParamSpec(Distribution d) {
        this(d, true);
    }

    /**
     * @param d              the distribution
     * @param discreteLogInt whether a log-scaled integer is scored by the mass of its cell (as
     *                       Optuna 3.2 and later do) rather than by the continuous density of its
     *                       log (Optuna 3.1); sampling rounds either way
     */
    ParamSpec(Distribution d, boolean discreteLogInt) {
        this.distribution = d;
        if (d instanceof CategoricalDistribution c) {
            categorical = true;
            cells = false;
            choices = c.size();
            log = false;
            step = 0;
            low = 0;
            high = choices - 1;
            lowT = 0;
            highT = high;
            return;
        }
        categorical = false;
        choices = 0;
        if (d instanceof FloatDistribution f) {
            log = f.log();
            step = f.step();
            low = f.low();
            high = f.high();
        } else {
            IntDistribution i = (IntDistribution) d;
            log = i.log();
            step = i.step();
            low = i.low();
            high = i.high();
        }
        cells = step > 0 && (discreteLogInt || !(log && d instanceof IntDistribution));
        double lo = low - step / 2;
        double hi = high + step / 2;
        lowT = log ? Math.log(lo) : lo;
        highT = log ? Math.log(hi) : hi;
    }

    /** @return whether kernels are scored by the mass of a grid cell rather than by a density */
    boolean discrete() {
        return cells;
    }

    /** Internal value to the estimator's space. */
    double transform(double v) {
        return log ? Math.log(v) : v;
    }

    /** Estimator space back to an admissible internal value (rounded to the grid, clipped). */
    double untransform(double t) {
        if (categorical) {
            return t;
        }
        double v = log ? Math.exp(t) : t;
        if (step > 0) {
            v = low + Math.rint((v - low) / step) * step;
        }
        v = Math.min(high, Math.max(low, v));
        if (distribution instanceof IntDistribution) {
            v = Math.rint(v);
        }
        return v;
    }
}
