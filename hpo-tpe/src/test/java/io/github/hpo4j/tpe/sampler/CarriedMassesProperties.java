package io.github.hpo4j.tpe.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.space.FloatDistribution;
import io.github.hpo4j.core.space.IntDistribution;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Masses carried from ask to ask must stay within their stated log error of the exact products,
 * however the bandwidth drifts and the set grows or changes.
 */
class CarriedMassesProperties {

    private static double exactProduct(ParamSpec[] specs, double[][] obs, int i, double[] sigmas) {
        double p = 1;
        for (int j = 0; j < specs.length; j++) {
            double a = (specs[j].lowT - obs[j][i]) / sigmas[j];
            double b = (specs[j].highT - obs[j][i]) / sigmas[j];
            p *= Gaussian.cdf(b) - Gaussian.cdf(a);
        }
        return p;
    }

    private static void assertWithinBound(CarriedMasses carried, ParamSpec[] specs, double[][] obs, int n,
                                          double[] sigmas, double[] out) {
        for (int i = 0; i < n; i++) {
            double error = Math.abs(Math.log(out[i]) - Math.log(exactProduct(specs, obs, i, sigmas)));
            assertTrue(error <= carried.logError(),
                    "kernel " + i + ": log error " + error + " > " + carried.logError());
        }
    }

    @Property(tries = 60)
    void carriedProducts_stayWithinTheirLogError(@ForAll @IntRange(min = 1, max = 6) int d,
                                                 @ForAll @IntRange(min = 1, max = 300) int n,
                                                 @ForAll @DoubleRange(min = 0.02, max = 1.0) double relativeSigma,
                                                 @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ParamSpec[] specs = new ParamSpec[d];
        for (int j = 0; j < d; j++) {
            specs[j] = new ParamSpec(j % 2 == 0 ? FloatDistribution.of(-5, 5) : FloatDistribution.log(1e-3, 10));
        }
        int capacity = n + 40;
        double[][] obs = new double[d][capacity];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < capacity; i++) {
                double u = r.nextInt(10) == 0 ? (r.nextBoolean() ? 0 : 1) : r.nextDouble(); // some on the edges
                obs[j][i] = Math.min(specs[j].highT, specs[j].lowT + u * (specs[j].highT - specs[j].lowT));
            }
        }
        int[] positions = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            positions[i] = i;
        }
        Object[] cols = {new Object()};
        Object[] columns = new Object[d];
        for (int j = 0; j < d; j++) {
            columns[j] = cols[0];
        }
        CarriedMasses carried = new CarriedMasses();
        double[] out = new double[capacity];
        double[] sigmas = new double[d];
        int size = n;
        double shrink = 1;
        for (int ask = 0; ask < 40; ask++) {
            // the bandwidth shrinks by a varying step (sometimes past the drift limit), the set grows
            shrink *= Math.exp(-r.nextDouble() * (r.nextInt(5) == 0 ? 2e-3 : 2e-4));
            for (int j = 0; j < d; j++) {
                sigmas[j] = relativeSigma * shrink * (specs[j].highT - specs[j].lowT);
            }
            if (r.nextInt(6) == 0 && size > 2) {
                // a trial moved in the middle (a good one demoted): positions change from there on
                positions[size / 2] += 1000;
                for (int j = 0; j < d; j++) {
                    obs[j][size / 2] = Math.min(specs[j].highT,
                            specs[j].lowT + r.nextDouble() * (specs[j].highT - specs[j].lowT));
                }
            }
            assertTrue(carried.products(columns, specs, obs, positions, size, sigmas, out), "all inside");
            assertWithinBound(carried, specs, obs, size, sigmas, out);
            if (size < capacity) {
                size++;
            }
        }
    }

    @Test
    void oneCentredKernel_handValue() {
        // one parameter on [-5, 5], a kernel at 0 with σ = 5: Φ(1) − Φ(−1) = 0.682689492137086
        ParamSpec[] specs = {new ParamSpec(FloatDistribution.of(-5, 5))};
        double[][] obs = {{0}};
        double[] out = new double[1];
        CarriedMasses carried = new CarriedMasses();
        assertTrue(carried.products(new Object[] {"x"}, specs, obs, new int[] {0}, 1, new double[] {5}, out));
        assertEquals(0.682689492137086, out[0], 1e-7);
        // σ drifts by 1e-4 in log: the slope carries it (Φ(1/1.0001) − Φ(−1/1.0001) = 0.68263109...)
        double sigma = 5 * Math.exp(1e-4);
        assertTrue(carried.products(new Object[] {"x"}, specs, obs, new int[] {0}, 1, new double[] {sigma}, out));
        double exact = Gaussian.cdf(5 / sigma) - Gaussian.cdf(-5 / sigma);
        assertEquals(exact, out[0], 1e-7);
        assertTrue(Math.abs(out[0] - 0.682689492137086) > 1e-6, "the drift was applied");
    }

    @Test
    void appliesOnlyToContinuousParameters_andDeclinesObservationsOutsideTheRange() {
        ParamSpec x = new ParamSpec(FloatDistribution.of(0, 1));
        ParamSpec i = new ParamSpec(IntDistribution.of(0, 5));
        assertTrue(CarriedMasses.applies(new ParamSpec[] {x, x}));
        assertFalse(CarriedMasses.applies(new ParamSpec[] {x, i}));
        CarriedMasses carried = new CarriedMasses();
        double[] out = new double[3];
        Object[] cols = {"x"};
        assertTrue(carried.products(cols, new ParamSpec[] {x}, new double[][] {{0, 0.5, 1}}, new int[] {0, 1, 2}, 3,
                new double[] {0.2}, out));
        // a new observation outside the range: declined; only the first n count
        assertFalse(carried.products(cols, new ParamSpec[] {x}, new double[][] {{0, 0.5, 1.5}}, new int[] {0, 1, 3}, 3,
                new double[] {0.2}, out));
        assertTrue(carried.products(cols, new ParamSpec[] {x}, new double[][] {{0, 0.5, 1.5}}, new int[] {0, 1, 3}, 2,
                new double[] {0.2}, out));
        // NaN is not inside either
        assertFalse(carried.products(cols, new ParamSpec[] {x}, new double[][] {{0, Double.NaN}}, new int[] {0, 4}, 2,
                new double[] {0.2}, out));
    }
}
