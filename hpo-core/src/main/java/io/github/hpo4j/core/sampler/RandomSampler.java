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
 * over the choices. The sampler of a study built without one when hpo-tpe is not on the class path.
 *
 * <p>A draw is a function of the seed, the trial's number and the parameter's name only: the same
 * seed gives the same trials whatever the order of asks across threads, and a study resumed from
 * its storage, or a second process with the same seed, proposes new configurations instead of
 * repeating the trials already run.
 *
 * <pre>{@code
 * Study study = Study.builder().sampler(new RandomSampler(7)).minimize("loss").build();
 * }</pre>
 *
 * <p>Thread-safe. Stability: stable.
 */
public final class RandomSampler implements Sampler {

    private final long seed;

    /**
     * @param seed the seed of every draw
     */
    public RandomSampler(long seed) {
        this.seed = seed;
    }

    @Override
    public double sampleIndependent(Study study, TrialRecord trial, String name, Distribution distribution) {
        return draw(distribution, new SplittableRandom(streamSeed(seed, trial.number(), name)));
    }

    /** A seed for one parameter of one trial: SplitMix64 finalisers over seed, number and the name's FNV-1a hash. */
    static long streamSeed(long seed, int number, String name) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * 0x100000001b3L;
        }
        return mix(mix(seed + 0x9e3779b97f4a7c15L * (number + 1L)) ^ h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
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
