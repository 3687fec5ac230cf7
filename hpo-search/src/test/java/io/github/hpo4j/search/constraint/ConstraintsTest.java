package io.github.hpo4j.search.constraint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.space.SearchSpace;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ConstraintsTest {

    @Property(tries = 100)
    void simplexSamples_sumToOne_andRespectEveryBound(@ForAll @IntRange(min = 2, max = 8) int d, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] lo = new double[d];
        double[] hi = new double[d];
        double sumLo = 0;
        for (int i = 0; i < d; i++) {
            lo[i] = r.nextDouble() * 0.5 / d;
            sumLo += lo[i];
            hi[i] = Math.min(1, lo[i] + 0.1 + r.nextDouble() * 0.8);
        }
        double sumHi = 0;
        for (double h : hi) {
            sumHi += h;
        }
        if (sumHi < 1) {
            hi[0] = Math.min(1, hi[0] + (1 - sumHi) + 0.01);
        }
        List<String> names = java.util.stream.IntStream.range(0, d).mapToObj(i -> "w" + i).toList();
        SimplexGroup g = SimplexGroup.of(names, lo, hi);
        for (int s = 0; s < 20; s++) {
            double[] w = g.sample(r);
            double sum = 0;
            for (int i = 0; i < d; i++) {
                assertTrue(w[i] >= lo[i] && w[i] <= hi[i], "w" + i + " = " + w[i] + " outside [" + lo[i] + ", " + hi[i] + "]");
                sum += w[i];
            }
            assertEquals(1.0, sum, 1e-12);
            assertTrue(sumLo <= 1);
        }
    }

    @Test
    void simplexWithoutBounds_isUniform_meanOneOverD() {
        SimplexGroup g = SimplexGroup.of(List.of("a", "b", "c", "d"));
        SplittableRandom r = new SplittableRandom(3);
        double[] mean = new double[4];
        int n = 4000;
        for (int i = 0; i < n; i++) {
            double[] w = g.sample(r);
            for (int j = 0; j < 4; j++) {
                mean[j] += w[j] / n;
            }
        }
        for (double m : mean) {
            assertEquals(0.25, m, 0.02);
        }
    }

    @Test
    void infeasibleSimplex_isRejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SimplexGroup.of(List.of("a", "b"),
                new double[] {0.6, 0.6}, new double[] {1, 1})).getMessage().startsWith("bounds: infeasible simplex group"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SimplexGroup.of(List.of("a", "b"),
                new double[] {0, 0}, new double[] {0.3, 0.3})).getMessage().contains("upper bounds to 0.6"));
    }

    private static final SearchSpace SPACE = SearchSpace.builder()
            .addFloat("lo", 0, 1, false).addFloat("hi", 0, 1, false)
            .addCategorical("opt", "sgd", "adam").addFloat("momentum", 0, 1, false).addInt("layers", 1, 8).build();

    @Test
    void linear_predicate_fixed_conditional_allHold() {
        ConstrainedSpace cs = ConstrainedSpace.builder(SPACE)
                .linear(Map.of("lo", 1.0, "hi", -1.0), 0.0)
                .predicate("few layers", c -> (Integer) c.get("layers") <= 4)
                .fix("opt", "sgd")
                .conditional("momentum", "opt", "sgd")
                .simplex(SimplexGroup.of(List.of("w1", "w2")))
                .build();
        for (Map<String, Object> c : cs.generate(200, 1)) {
            assertTrue((Double) c.get("lo") <= (Double) c.get("hi"));
            assertTrue((Integer) c.get("layers") <= 4);
            assertEquals("sgd", c.get("opt"));
            assertTrue(c.containsKey("momentum"));
            assertEquals(1.0, (Double) c.get("w1") + (Double) c.get("w2"), 1e-12);
        }
        ConstrainedSpace adam = ConstrainedSpace.builder(SPACE).fix("opt", "adam").conditional("momentum", "opt", "sgd").build();
        assertTrue(adam.generate(20, 2).stream().noneMatch(c -> c.containsKey("momentum")));
    }

    @Test
    void predicateRejectingEverything_failsClearly() {
        ConstrainedSpace cs = ConstrainedSpace.builder(SPACE).predicate("impossible", c -> false).maxTries(50).build();
        assertEquals("constraints: no configuration satisfied [impossible] in 50 tries; the space is too tight",
                assertThrows(IllegalArgumentException.class, () -> cs.generate(1, 1)).getMessage());
    }
}
