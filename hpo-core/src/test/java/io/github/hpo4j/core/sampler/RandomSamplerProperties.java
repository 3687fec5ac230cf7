package io.github.hpo4j.core.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.space.FloatDistribution;
import io.github.hpo4j.core.space.IntDistribution;
import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import io.github.hpo4j.core.trial.TrialRecord;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class RandomSamplerProperties {

    @Property(tries = 300)
    void floatDraws_lieInsideBounds(@ForAll @DoubleRange(min = -1e6, max = 1e6) double a,
                                    @ForAll @DoubleRange(min = 0, max = 1e6) double width,
                                    @ForAll long seed) {
        FloatDistribution d = FloatDistribution.of(a, a + width);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < 50; i++) {
            double v = RandomSampler.draw(d, rng);
            assertTrue(v >= d.low() && v <= d.high(), v + " outside " + d);
        }
    }

    @Property(tries = 300)
    void steppedFloatDraws_lieOnTheGrid(@ForAll @DoubleRange(min = -100, max = 100) double low,
                                        @ForAll @IntRange(min = 0, max = 50) int points,
                                        @ForAll @DoubleRange(min = 0.001, max = 10) @net.jqwik.api.constraints.Scale(4) double step,
                                        @ForAll long seed) {
        FloatDistribution d = FloatDistribution.stepped(low, low + points * step, step);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < 50; i++) {
            double v = RandomSampler.draw(d, rng);
            assertTrue(d.containsInternal(v), v + " not on the grid of " + d);
        }
    }

    @Property(tries = 300)
    void intDraws_lieInsideBoundsAndOnTheGrid(@ForAll @IntRange(min = -1000, max = 1000) int low,
                                              @ForAll @IntRange(min = 0, max = 1000) int width,
                                              @ForAll @IntRange(min = 1, max = 7) int step,
                                              @ForAll boolean log,
                                              @ForAll long seed) {
        Assume.that(!log || (low > 0 && step == 1));
        IntDistribution d = new IntDistribution(low, low + width, log, log ? 1 : step);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < 50; i++) {
            double v = RandomSampler.draw(d, rng);
            assertTrue(d.containsInternal(v), v + " not in " + d);
        }
    }

    @Property(tries = 100)
    void categoricalDraws_areValidIndices(@ForAll @IntRange(min = 1, max = 20) int n, @ForAll long seed) {
        Object[] choices = new Object[n];
        for (int i = 0; i < n; i++) {
            choices[i] = "c" + i;
        }
        CategoricalDistribution d = CategoricalDistribution.of(choices);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < 50; i++) {
            assertTrue(d.containsInternal(RandomSampler.draw(d, rng)));
        }
    }

    @Property(tries = 20)
    void logDraws_areUniformInLogSpace(@ForAll long seed) {
        // 1e-5..1e-1 spans four decades: each decade should get a quarter of the draws.
        FloatDistribution d = FloatDistribution.log(1e-5, 1e-1);
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 8000;
        int[] decade = new int[4];
        for (int i = 0; i < n; i++) {
            double v = RandomSampler.draw(d, rng);
            decade[Math.min(3, (int) Math.floor(Math.log10(v) + 5))]++;
        }
        for (int c : decade) {
            // expected 2000, sd ~ 39: 6 sd is a safe band; a linear sampler would put ~99.9 % in the top decade
            assertTrue(Math.abs(c - n / 4) < 240, "decade counts " + java.util.Arrays.toString(decade));
        }
    }

    @Property(tries = 50)
    void sameSeed_givesSameSequence(@ForAll long seed) {
        Distribution[] ds = {FloatDistribution.log(1e-3, 10), IntDistribution.of(0, 100), CategoricalDistribution.of("a", "b", "c")};
        RandomSampler a = new RandomSampler(seed);
        RandomSampler b = new RandomSampler(seed);
        double[] xa = new double[30];
        double[] xb = new double[30];
        // b is asked in the reverse order: a draw depends on the seed, trial and name only
        for (int i = 0; i < 30; i++) {
            xa[i] = a.sampleIndependent(null, TrialRecord.builder(i).build(), "p" + (i % 3), ds[i % 3]);
        }
        for (int i = 29; i >= 0; i--) {
            xb[i] = b.sampleIndependent(null, TrialRecord.builder(i).build(), "p" + (i % 3), ds[i % 3]);
        }
        assertArrayEquals(xa, xb);
    }

    @Property(tries = 50)
    void otherTrialsOrNames_drawOtherValues(@ForAll long seed) {
        RandomSampler s = new RandomSampler(seed);
        FloatDistribution d = FloatDistribution.of(0, 1);
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (int n = 0; n < 50; n++) {
            seen.add(s.sampleIndependent(null, TrialRecord.builder(n).build(), "x", d));
            seen.add(s.sampleIndependent(null, TrialRecord.builder(n).build(), "y", d));
        }
        assertEquals(100, seen.size());
    }

    @Property(tries = 25)
    void discreteSpace_everyConfigurationOnceBeforeAnyRepeats(@ForAll @IntRange(min = 1, max = 4) int a,
                                                              @ForAll @IntRange(min = 1, max = 3) int b,
                                                              @ForAll @IntRange(min = 1, max = 3) int c,
                                                              @ForAll long seed) {
        io.github.hpo4j.core.study.Study study = io.github.hpo4j.core.study.Study.builder()
                .sampler(new RandomSampler(seed)).build();
        int size = a * b * c;
        study.optimize(t -> t.suggestInt("a", 1, a) + t.suggestFloat("b", 0, b - 1, 1.0)
                + t.suggestCategorical("c", java.util.List.of("x", "y", "z").subList(0, c)).length(), size);
        java.util.Set<java.util.Map<String, Object>> seen = new java.util.HashSet<>();
        study.trials().forEach(t -> seen.add(t.params()));
        assertEquals(size, seen.size());
    }
}
