package io.github.hpo4j.tpe.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.space.FloatDistribution;
import io.github.hpo4j.core.space.IntDistribution;
import java.util.random.RandomGenerator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class StartupDrawTest {

    /** A stream that returns one fixed value. */
    private static RandomGenerator fixed(double u) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return u;
            }
        };
    }

    @Test
    void draw_handComputed() {
        // float: −5 + 15·0.2 = −2
        assertEquals(-2.0, StartupDraw.draw(FloatDistribution.of(-5, 10), fixed(0.2)), 1e-15);
        // stepped float on [0, 1] step 0.25: bounds [−0.125, 1.125], u = 0.5 → 0.5
        assertEquals(0.5, StartupDraw.draw(FloatDistribution.stepped(0, 1, 0.25), fixed(0.5)), 1e-15);
        // int 1..6: bounds [0.5, 6.5], u = 0.99 → 6.44 → 6
        assertEquals(6.0, StartupDraw.draw(IntDistribution.of(1, 6), fixed(0.99)), 0);
        // log float [1e-4, 1]: exp(ln 1e-4 · (1 − 0.5)) = 1e-2
        assertEquals(1e-2, StartupDraw.draw(FloatDistribution.log(1e-4, 1), fixed(0.5)), 1e-15);
        // categorical: the first of equal uniforms wins
        assertEquals(0.0, StartupDraw.draw(CategoricalDistribution.of("a", "b", "c"), fixed(0.3)), 0);
    }

    @Property(tries = 300)
    void draw_staysInsideTheDistribution(@ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double u) {
        double f = StartupDraw.draw(FloatDistribution.of(-5, 10), fixed(u));
        assertTrue(f >= -5 && f < 10);
        double l = StartupDraw.draw(IntDistribution.log(16, 4096), fixed(u));
        assertTrue(l >= 16 && l <= 4096 && l == Math.rint(l));
        double s = StartupDraw.draw(FloatDistribution.stepped(0, 1, 0.1), fixed(u));
        assertEquals(Math.rint(s * 10) / 10, s, 1e-12);
    }
}
