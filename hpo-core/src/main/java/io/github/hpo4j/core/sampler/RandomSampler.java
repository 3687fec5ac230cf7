package io.github.hpo4j.core.sampler;

import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.space.FloatDistribution;
import io.github.hpo4j.core.space.IntDistribution;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialRecord;
import java.util.List;
import java.util.Map;
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
 * repeating the trials already run. Where every parameter is discrete (ints, stepped floats,
 * categoricals), a value that would make the trial's configuration equal to another trial's is
 * drawn again, and so is a value whose every completion other trials already ran (as far as
 * the trials sharing it show which parameters follow), so no configuration repeats until the
 * space is used up.
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
        SplittableRandom rng = new SplittableRandom(streamSeed(seed, trial.number(), name));
        double v = draw(distribution, rng);
        if (study == null || gridSize(distribution) < 0 || !allDiscrete(trial)) {
            return v; // a continuous parameter makes a repeat a 2^-52 chance
        }
        List<TrialRecord> others = study.trials();
        for (int attempt = 0; attempt < 64 && repeats(others, trial, name, distribution, v); attempt++) {
            v = draw(distribution, rng);
        }
        long size = gridSize(distribution);
        if (repeats(others, trial, name, distribution, v) && size <= 100_000) {
            // few values left: try them all, from a random start
            long start = rng.nextLong(size);
            for (long i = 0; i < size; i++) {
                double c = gridValue(distribution, (start + i) % size);
                if (!repeats(others, trial, name, distribution, c)) {
                    return c;
                }
            }
        }
        return v;
    }

    /** The number of values of a discrete distribution, -1 for a continuous one. */
    private static long gridSize(Distribution d) {
        if (d instanceof CategoricalDistribution c) {
            return c.size();
        }
        if (d instanceof IntDistribution i) {
            return i.log() ? (long) i.high() - i.low() + 1 : i.gridSize();
        }
        return d instanceof FloatDistribution f && f.hasStep() ? f.gridSize() : -1;
    }

    /** The k-th value of a discrete distribution, internal. */
    private static double gridValue(Distribution d, long k) {
        if (d instanceof CategoricalDistribution) {
            return k;
        }
        if (d instanceof IntDistribution i) {
            return i.low() + k * (i.log() ? 1 : i.step());
        }
        FloatDistribution f = (FloatDistribution) d;
        return Math.min(f.high(), f.low() + k * f.step());
    }

    private static boolean allDiscrete(TrialRecord trial) {
        for (Distribution d : trial.distributions().values()) {
            if (gridSize(d) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether choosing {@code name = v} leaves this trial no configuration that another trial has
     * not run: the trials that share its parameters so far and {@code v} already hold every
     * completion (counted over the discrete parameters those trials go on to choose). With no
     * parameter left to choose, that is: another trial has exactly this configuration.
     */
    private static boolean repeats(List<TrialRecord> others, TrialRecord trial, String name, Distribution d, double v) {
        java.util.Set<String> keys = null;
        java.util.Set<Map<String, Object>> completions = new java.util.HashSet<>();
        long possible = 1;
        for (TrialRecord o : others) {
            if (o.number() == trial.number() || !d.equals(o.distributions().get(name)) || o.internalParam(name) != v
                    || !sharesPrefix(o, trial)) {
                continue;
            }
            if (keys == null) {
                keys = o.params().keySet();
                for (Map.Entry<String, Distribution> e : o.distributions().entrySet()) {
                    if (!e.getKey().equals(name) && !trial.params().containsKey(e.getKey())) {
                        long size = gridSize(e.getValue());
                        if (size < 0) {
                            return false; // a continuous parameter follows: completions never run out
                        }
                        possible = Math.multiplyHigh(possible, size) != 0 ? Long.MAX_VALUE : possible * size;
                    }
                }
            }
            if (o.params().keySet().equals(keys)) {
                completions.add(o.params());
                if (completions.size() >= possible) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sharesPrefix(TrialRecord o, TrialRecord trial) {
        for (Map.Entry<String, Distribution> e : trial.distributions().entrySet()) {
            String k = e.getKey();
            if (!e.getValue().equals(o.distributions().get(k)) || o.internalParam(k) != trial.internalParam(k)) {
                return false;
            }
        }
        return true;
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
