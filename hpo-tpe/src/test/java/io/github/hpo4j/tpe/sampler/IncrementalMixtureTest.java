package io.github.hpo4j.tpe.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.space.FloatDistribution;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class IncrementalMixtureTest {

    private static final ParamSpec SPEC = new ParamSpec(FloatDistribution.of(-5, 5));

    /** The from-scratch estimator over the same set: what the kept mixture must agree with. */
    private static double scratch(List<Integer> positions, double[] valueAt, TpeParameters params, double t) {
        double[] obs = new double[positions.size()];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = valueAt[positions.get(i)];
        }
        ParzenEstimator e = new ParzenEstimator(new ParamSpec[] {SPEC}, new double[][] {obs},
                TpeSampler.defaultWeights(obs.length), params);
        return e.logPdf(new double[][] {{t}})[0];
    }

    private static int[] array(List<Integer> xs) {
        return xs.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] values(List<Integer> positions, double[] valueAt) {
        double[] v = new double[positions.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = valueAt[positions.get(i)];
        }
        return v;
    }

    @Test
    void update_belowTheFixedFloor_leavesItToTheScratchPath() {
        TpeParameters params = new TpeParameters(1, true, false, false, true);
        IncrementalMixture m = new IncrementalMixture(SPEC, params);
        List<Integer> positions = new ArrayList<>();
        double[] valueAt = new double[200];
        for (int p = 0; p < 98; p++) {
            positions.add(p);
            valueAt[p] = -5 + 10 * p / 98.0;
        }
        assertNull(m.update(array(positions), values(positions, valueAt)));
        positions.add(98);
        assertNotNull(m.update(array(positions), values(positions, valueAt)));
    }

    /**
     * A bad set as a study grows it: mostly the newest trial appended, now and then a trial
     * leaving (a rebuild) or an old one returning; crowding near an optimum so boxes fill up.
     */
    @Property(tries = 25)
    void update_agreesWithTheScratchEstimator_stepByStep(@ForAll @IntRange(min = 0, max = 10_000) int seed,
                                                          @ForAll boolean unscaled,
                                                          @ForAll boolean endpoints,
                                                          @ForAll @IntRange(min = 0, max = 2) int prior) {
        SplittableRandom r = new SplittableRandom(seed);
        TpeParameters params = new TpeParameters(new double[] {0.5, 1, 2}[prior], true, endpoints, false, unscaled);
        IncrementalMixture m = new IncrementalMixture(SPEC, params);
        double[] valueAt = new double[900];
        for (int p = 0; p < valueAt.length; p++) {
            double v = r.nextInt(5) == 0 ? -5 + 10 * r.nextDouble() : 1 + 0.4 * r.nextGaussian();
            valueAt[p] = r.nextInt(50) == 0 ? (r.nextBoolean() ? -5 : 5) : Math.max(-5, Math.min(5, v));
        }
        List<Integer> positions = new ArrayList<>();
        List<Integer> removed = new ArrayList<>();
        int next = 0;
        while (next < 120) {
            positions.add(next++);
        }
        int checked = 0;
        while (next < valueAt.length) {
            int event = r.nextInt(40);
            if (event == 0 && positions.size() > 110) {
                removed.add(positions.remove(r.nextInt(positions.size())));
            } else if (event == 1 && !removed.isEmpty()) {
                int back = removed.remove(removed.size() - 1);
                int at = 0;
                while (at < positions.size() && positions.get(at) < back) {
                    at++;
                }
                positions.add(at, back);
            } else {
                positions.add(next++);
            }
            SortedMixture kept = m.update(array(positions), values(positions, valueAt));
            assertNotNull(kept);
            if (next % 7 == 0) {
                for (int c = 0; c < 6; c++) {
                    double t = c % 2 == 0 ? -5 + 10 * r.nextDouble() : Math.max(-5, Math.min(5, 1 + 0.5 * r.nextGaussian()));
                    double expected = scratch(positions, valueAt, params, t);
                    double got = kept.logSum(t);
                    assertEquals(expected, got, 1e-11 * Math.max(1, Math.abs(expected)),
                            "after " + positions.size() + " members, t = " + t);
                    assertTrue(kept.lowerBound(t) <= got + 1e-12);
                    checked++;
                }
            }
        }
        assertTrue(checked > 100);
    }
}
