package io.github.hpo4j.tpe.sampler;

import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.space.FloatDistribution;
import io.github.hpo4j.core.space.IntDistribution;
import java.util.random.RandomGenerator;

/**
 * One random draw for the startup trials, made the way Optuna 3.1's {@code RandomSampler} makes
 * it from its numpy stream: one uniform over the parameter's transformed bounds (log for log
 * ranges, widened by half a step for stepped and integer ranges), mapped back and snapped; a
 * categorical takes one uniform per choice and keeps the largest. With {@link Mt19937} the
 * startup trials are then Optuna's own.
 */
final class StartupDraw {

    private StartupDraw() {
    }

    /**
     * @param distribution the parameter's distribution
     * @param rng          the stream
     * @return the internal value (the choice's index for a categorical)
     */
    static double draw(Distribution distribution, RandomGenerator rng) {
        if (distribution instanceof FloatDistribution f) {
            if (f.hasStep()) {
                double v = uniform(f.low() - f.step() / 2, f.high() + f.step() / 2, rng);
                return Math.min(f.high(), Math.max(f.low(), Math.rint((v - f.low()) / f.step()) * f.step() + f.low()));
            }
            if (f.log()) {
                double v = Math.exp(uniform(Math.log(f.low()), Math.log(f.high()), rng));
                return f.low() == f.high() ? v : Math.min(v, Math.nextDown(f.high()));
            }
            double v = uniform(f.low(), f.high(), rng);
            return f.low() == f.high() ? v : Math.min(v, Math.nextDown(f.high()));
        }
        if (distribution instanceof IntDistribution d) {
            if (d.log()) {
                double v = uniform(Math.log(d.low() - 0.5), Math.log(d.high() + 0.5), rng);
                return Math.min(d.high(), Math.max(d.low(), Math.rint(Math.exp(v))));
            }
            double v = uniform(d.low() - d.step() / 2.0, d.high() + d.step() / 2.0, rng);
            return Math.min(d.high(), Math.max(d.low(), Math.rint((v - d.low()) / d.step()) * d.step() + d.low()));
        }
        CategoricalDistribution c = (CategoricalDistribution) distribution;
        int best = 0;
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < c.size(); i++) {
            double u = rng.nextDouble();
            if (u > top) {
                top = u;
                best = i;
            }
        }
        return best;
    }

    /** numpy's {@code uniform(low, high)}: low + (high − low)·u. */
    private static double uniform(double low, double high, RandomGenerator rng) {
        return low + (high - low) * rng.nextDouble();
    }
}
