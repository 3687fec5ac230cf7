package io.github.hpo4j.tpe.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SortedKernelsTest {

    private static double[] exp(double[] logs) {
        double[] out = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            out[i] = Math.exp(logs[i]);
        }
        return out;
    }

    /** The plain definition: every kernel, Math.exp, one pass. */
    private static double bruteForce(double[] mu, double[] hv, double[] base, double t) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < mu.length; i++) {
            max = Math.max(max, base[i] - hv[i] * (t - mu[i]) * (t - mu[i]));
        }
        double sum = 0;
        for (int i = 0; i < mu.length; i++) {
            sum += Math.exp(base[i] - hv[i] * (t - mu[i]) * (t - mu[i]) - max);
        }
        return max + Math.log(sum);
    }

    /** A long history's shape: most kernels at the bandwidth floor, crowded near an optimum, a wide prior. */
    private static double[][] history(long seed, int n, double spread) {
        SplittableRandom r = new SplittableRandom(seed);
        double sigmaFloor = 10.0 / 100;
        double[] mu = new double[n + 1];
        double[] hv = new double[n + 1];
        double[] base = new double[n + 1];
        for (int i = 0; i < n; i++) {
            mu[i] = Math.max(-5, Math.min(5, 1 + spread * r.nextGaussian()));
            double sigma = r.nextDouble() < 0.9 ? sigmaFloor : sigmaFloor * (1 + 5 * r.nextDouble());
            hv[i] = 0.5 / (sigma * sigma);
            base[i] = Math.log((1.0 / n + i * (1.0 - 1.0 / n) / n) / (n + 1)) - Gaussian.LOG_SQRT_2PI
                    - 0.01 * r.nextDouble();
        }
        mu[n] = 0;
        hv[n] = 0.5 / 100;
        base[n] = Math.log(1.0 / (n + 1)) - Gaussian.LOG_SQRT_2PI;
        return new double[][] {mu, hv, base};
    }

    @Test
    void logSum_denseHistory_usesExpansionsAndMatchesTheDefinition() {
        double[][] h = history(7, 3000, 0.7);
        SortedKernels sk = new SortedKernels(h[0], h[1], exp(h[2]), null);
        assertTrue(sk.expandedBoxes() > 10, "boxes: " + sk.expandedBoxes());
        SplittableRandom r = new SplittableRandom(8);
        for (int c = 0; c < 2000; c++) {
            double t = c % 2 == 0 ? -5 + 10 * r.nextDouble() : 1 + 0.5 * r.nextGaussian();
            double expected = bruteForce(h[0], h[1], h[2], t);
            assertEquals(expected, sk.logSum(t), 1e-12 * Math.max(1, Math.abs(expected)), "t = " + t);
        }
    }

    @Test
    void logSum_handComputedTwoKernels() {
        // log(e^{-1·(0.5)²} + e^{-1 - 2·(1.5)²}) at t = 0.5 for μ = {0, 2}, hv = {1, 2}, base = {0, -1}
        double expected = Math.log(Math.exp(-0.25) + Math.exp(-1 - 4.5));
        SortedKernels sk = new SortedKernels(new double[] {2, 0}, new double[] {2, 1}, new double[] {Math.exp(-1), 1}, null);
        assertEquals(expected, sk.logSum(0.5), 1e-15);
    }

    @Property(tries = 60)
    void logSum_matchesTheDefinition_forAnyCrowding(@ForAll @IntRange(min = 1, max = 2500) int n,
                                                    @ForAll @IntRange(min = 1, max = 1000) int spreadMillis,
                                                    @ForAll @IntRange(min = 0, max = 1000) int seed) {
        double[][] h = history(seed, n, spreadMillis / 200.0);
        SortedKernels sk = new SortedKernels(h[0], h[1], exp(h[2]), null);
        SplittableRandom r = new SplittableRandom(seed + 1);
        for (int c = 0; c < 50; c++) {
            double t = -5 + 10 * r.nextDouble();
            double expected = bruteForce(h[0], h[1], h[2], t);
            assertEquals(expected, sk.logSum(t), 1e-12 * Math.max(1, Math.abs(expected)), "t = " + t);
        }
    }
}
