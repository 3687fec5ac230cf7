package io.github.hpo4j.tpe.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.space.FloatDistribution;
import io.github.hpo4j.core.space.IntDistribution;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParzenEstimatorTest {

    private static final TpeParameters UNI = new TpeParameters(1.0, true, false, false, false);
    private static final TpeParameters MV = new TpeParameters(1.0, true, false, true, false);

    private static ParzenEstimator estimator(Distribution d, TpeParameters p, double... internal) {
        ParamSpec s = new ParamSpec(d);
        double[] t = new double[internal.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = s.categorical ? internal[i] : s.transform(internal[i]);
        }
        return new ParzenEstimator(new ParamSpec[] {s}, new double[][] {t}, TpeSampler.defaultWeights(t.length), p);
    }

    /** ∫ exp(logPdf) over the transformed range, by the midpoint rule. */
    private static double integrate(ParzenEstimator e, ParamSpec s) {
        int n = 20_000;
        double width = (s.highT - s.lowT) / n;
        double[][] xs = new double[n][1];
        for (int i = 0; i < n; i++) {
            double t = s.lowT + (i + 0.5) * width;
            xs[i][0] = s.log ? Math.exp(t) : t;
        }
        double sum = 0;
        for (double lp : e.logPdf(xs)) {
            sum += Math.exp(lp) * width;
        }
        return sum;
    }

    @Test
    void continuousDensity_integratesToOne_linearAndLog() {
        for (TpeParameters p : new TpeParameters[] {UNI, MV}) {
            FloatDistribution lin = FloatDistribution.of(-5, 10);
            assertEquals(1, integrate(estimator(lin, p, -4.9, 0.3, 0.31, 9.99), new ParamSpec(lin)), 1e-6);
            FloatDistribution log = FloatDistribution.log(1e-5, 1e-1);
            assertEquals(1, integrate(estimator(log, p, 1e-4, 3e-4, 0.05), new ParamSpec(log)), 1e-6);
        }
    }

    @Test
    void discreteProbabilities_sumToOne() {
        IntDistribution ints = IntDistribution.of(1, 6);
        ParzenEstimator e = estimator(ints, UNI, 1, 3, 3, 6);
        double[][] xs = new double[6][1];
        for (int i = 0; i < 6; i++) {
            xs[i][0] = i + 1;
        }
        double sum = 0;
        for (double lp : e.logPdf(xs)) {
            sum += Math.exp(lp);
        }
        assertEquals(1, sum, 1e-12);
        FloatDistribution stepped = FloatDistribution.stepped(0, 0.7, 0.1);
        ParzenEstimator f = estimator(stepped, UNI, 0.2, 0.5);
        double[][] grid = new double[8][1];
        for (int i = 0; i < 8; i++) {
            grid[i][0] = i * 0.1;
        }
        sum = 0;
        for (double lp : f.logPdf(grid)) {
            sum += Math.exp(lp);
        }
        assertEquals(1, sum, 1e-12);
        IntDistribution logInts = IntDistribution.log(16, 4096);
        ParzenEstimator g = estimator(logInts, UNI, 32, 256, 300);
        double[][] all = new double[4096 - 16 + 1][1];
        for (int i = 0; i < all.length; i++) {
            all[i][0] = 16 + i;
        }
        sum = 0;
        for (double lp : g.logPdf(all)) {
            sum += Math.exp(lp);
        }
        assertEquals(1, sum, 1e-9);
    }

    @Test
    void categoricalKernel_putsPriorShareOnEveryChoice() {
        // two observations of choice 1 out of 3; kernels: 2 observed + prior; prior/(n+1) = 1/3
        ParzenEstimator e = estimator(CategoricalDistribution.of("a", "b", "c"), UNI, 1, 1);
        double[][] xs = {{0}, {1}, {2}};
        double[] lp = e.logPdf(xs);
        // observed kernel row: (1/3, 4/3, 1/3) / 2 ; prior row: uniform 1/3; weights 1/3 each
        double pA = (2 * (1.0 / 6) + 1.0 / 3) / 3;
        double pB = (2 * (4.0 / 6) + 1.0 / 3) / 3;
        assertEquals(Math.log(pA), lp[0], 1e-12);
        assertEquals(Math.log(pB), lp[1], 1e-12);
        assertEquals(1, Math.exp(lp[0]) + Math.exp(lp[1]) + Math.exp(lp[2]), 1e-12);
    }

    @Test
    void samples_stayInBoundsAndOnTheGrid() {
        SplittableRandom rng = new SplittableRandom(3);
        Distribution[] ds = {FloatDistribution.of(-5, 10), FloatDistribution.log(1e-5, 1e-1),
            FloatDistribution.stepped(0, 0.7, 0.05), IntDistribution.of(1, 6), IntDistribution.log(16, 4096),
            IntDistribution.stepped(0, 100, 5), CategoricalDistribution.of("x", "y", "z")};
        for (Distribution d : ds) {
            ParamSpec s = new ParamSpec(d);
            double lo = s.low;
            double hi = s.high;
            ParzenEstimator e = estimator(d, UNI, lo, hi, s.untransform(0.5 * (s.lowT + s.highT)));
            for (double[] c : e.sample(rng, 2000)) {
                assertTrue(d.containsInternal(c[0]), c[0] + " outside " + d);
            }
        }
    }

    @Test
    void univariateBandwidth_isTheLargerNeighbourGap_clipped() {
        // observations 0 and 6 on [0, 10] with the prior centre 5: sorted 0, 5, 6 with endpoints 0 .. 10.
        // sigma(0): first kernel uses its inner gap 5; sigma(6): last kernel uses its inner gap 1,
        // clipped below at 10 / min(100, 1 + 3) = 2.5.
        FloatDistribution d = FloatDistribution.of(0, 10);
        ParzenEstimator e = estimator(d, UNI, 0, 6);
        double[][] at = {{0}};
        double w = 1.0 / 3;
        double expected = Math.log(w * pdf(0, 0, 5, 0, 10) + w * pdf(0, 6, 2.5, 0, 10) + w * pdf(0, 5, 10, 0, 10));
        assertEquals(expected, e.logPdf(at)[0], 1e-12);
    }

    private static double pdf(double x, double mu, double sigma, double lo, double hi) {
        double z = (x - mu) / sigma;
        double mass = Gaussian.cdf((hi - mu) / sigma) - Gaussian.cdf((lo - mu) / sigma);
        return Math.exp(-0.5 * z * z) / (sigma * Math.sqrt(2 * Math.PI) * mass);
    }

    @Test
    void defaultWeights_rampOlderTrials() {
        assertEquals(24, java.util.Arrays.stream(TpeSampler.defaultWeights(24)).sum(), 0);
        double[] w = TpeSampler.defaultWeights(30);
        assertEquals(1.0 / 30, w[0], 1e-15);
        assertEquals(1.0, w[4], 1e-15);
        assertEquals(1.0 / 30 + (1 - 1.0 / 30) * 2 / 4, w[2], 1e-15);
        for (int i = 5; i < 30; i++) {
            assertEquals(1.0, w[i]);
        }
    }
}
