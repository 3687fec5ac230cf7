package io.github.hpo4j.tpe.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.space.FloatDistribution;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The expanded square's terms must be within their stated error of the direct form's. */
class ExpandedTermsProperties {

    @Property(tries = 100)
    void expandedTerms_areWithinTheirErrorOfTheDirectForm(@ForAll @IntRange(min = 2, max = 11) int d,
                                                          @ForAll @IntRange(min = 0, max = 400) int n,
                                                          @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ParamSpec[] specs = new ParamSpec[d];
        for (int j = 0; j < d; j++) {
            specs[j] = new ParamSpec(switch (j % 3) {
                case 0 -> FloatDistribution.of(-5, 5);
                case 1 -> FloatDistribution.log(1e-4, 1);
                default -> FloatDistribution.of(1000, 1001); // far from 0: the centring matters
            });
        }
        double[][] obs = new double[d][n];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < n; i++) {
                obs[j][i] = specs[j].lowT + r.nextDouble() * (specs[j].highT - specs[j].lowT);
            }
        }
        TpeParameters p = new TpeParameters(1.0, true, false, true, false);
        ParzenEstimator e = new ParzenEstimator(specs, obs, TpeSampler.defaultWeights(n), n, p, null, null, false,
                null, 0);
        double[][] candidates = e.sample(new Mt19937(seed), 8);
        double[] direct = new double[n + 1];
        double[] expanded = new double[n + 1];
        for (double[] c : candidates) {
            double directMax = e.directTerms(c, direct);
            double expandedMax = e.expandedTerms(new ScratchArrays(), c, expanded);
            double bound = e.expandedTermError(new ScratchArrays());
            for (int k = 0; k <= n; k++) {
                assertTrue(Math.abs(direct[k] - expanded[k]) <= bound,
                        "kernel " + k + ": " + direct[k] + " vs " + expanded[k] + ", bound " + bound);
            }
            assertTrue(Math.abs(directMax - expandedMax) <= bound);
        }
    }

    @Test
    void twoParametersOneObservation_handValue() {
        // x, y on [0, 10], one observation at (2, 5), candidate (5, 5); multivariate σ for n = 1,
        // d = 2: 0.2 · 1^(−1/6) · 10 = 2 (no magic clip, which would raise it to 10/3), so h = 1/8
        // and the kernel's distance term is 9/8
        ParamSpec[] specs = {new ParamSpec(FloatDistribution.of(0, 10)), new ParamSpec(FloatDistribution.of(0, 10))};
        TpeParameters p = new TpeParameters(1.0, false, false, true, false);
        ParzenEstimator e = new ParzenEstimator(specs, new double[][] {{2}, {5}}, new double[] {1}, 1, p, null, null,
                false, null, 0);
        double[] direct = new double[2];
        double[] expanded = new double[2];
        e.directTerms(new double[] {5, 5}, direct);
        e.expandedTerms(new ScratchArrays(), new double[] {5, 5}, expanded);
        double[] atObservation = new double[2];
        e.directTerms(new double[] {2, 5}, atObservation); // the distance term is 0 there
        assertEquals(atObservation[0] - 9.0 / 8, direct[0], 1e-15);
        assertEquals(direct[0], expanded[0], 1e-13);
        assertEquals(direct[1], expanded[1], 0, "the prior kernel is computed in the direct form");
    }
}
