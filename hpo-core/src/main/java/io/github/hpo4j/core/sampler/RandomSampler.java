package io.github.hpo4j.core.sampler;

import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.space.FloatDistribution;
import io.github.hpo4j.core.space.IntDistribution;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialRecord;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Draws every parameter independently and uniformly: linear ranges uniformly, log ranges
 * uniformly in log space, stepped ranges uniformly over the grid points, categoricals uniformly
 * over the choices. The default sampler of a study.
 *
 * <p>The same seed gives the same sequence of values for the same sequence of requests.
 *
 * <pre>{@code
 * Study study = Study.builder().sampler(new RandomSampler(7)).minimize("loss").build();
 * }</pre>
 *
 * <p>Thread-safe. Stability: stable.
 */
public final class RandomSampler implements Sampler {

    private final SplittableRandom random;

    /**
     * @param seed the seed of every draw
     */
    public RandomSampler(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public double sampleIndependent(Study study, TrialRecord trial, String name, Distribution distribution) {
        synchronized (random) {
            return draw(distribution, random);
        }
    }

    /**
     * One uniform draw from a distribution, in its internal representation.
     *
     * @param distribution the distribution
     * @param rng          the source of randomness
     * @return an internal value inside the distribution
     */
    public static double draw(Distribution distribution, RandomGenerator rng) {
        if (distribution instanceof FloatDistribution f) {
            if (f.low() == f.high()) {
                return f.low();
            }
            if (f.hasStep()) {
                long k = rng.nextLong(f.gridSize());
                return Math.min(f.high(), f.low() + k * f.step());
            }
            if (f.log()) {
                double lo = Math.log(f.low());
                double hi = Math.log(f.high());
                double v = Math.exp(lo + rng.nextDouble() * (hi - lo));
                return Math.min(f.high(), Math.max(f.low(), v));
            }
            double v = f.low() + rng.nextDouble() * (f.high() - f.low());
            return Math.min(f.high(), Math.max(f.low(), v));
        }
        if (distribution instanceof IntDistribution d) {
            if (d.log()) {
                double lo = Math.log(d.low() - 0.5);
                double hi = Math.log(d.high() + 0.5);
                double v = Math.exp(lo + rng.nextDouble() * (hi - lo));
                return d.snap(v);
            }
            long k = rng.nextLong(d.gridSize());
            return d.low() + k * d.step();
        }
        CategoricalDistribution c = (CategoricalDistribution) distribution;
        return rng.nextInt(c.size());
    }
}
