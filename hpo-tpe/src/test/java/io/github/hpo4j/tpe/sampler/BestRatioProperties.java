package io.github.hpo4j.tpe.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.space.FloatDistribution;
import io.github.hpo4j.core.space.IntDistribution;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link ParzenEstimator#bestRatio} brackets each candidate's density before summing it in full,
 * and may build its masses coarsely: whatever it skips, it must pick what scoring every candidate
 * in full picks ({@code logL − logPdf}, the lowest index on ties), and a coarse estimator must
 * either pick that or decline (-1).
 */
class BestRatioProperties {

    private static final List<Distribution> KINDS = List.of(
            FloatDistribution.of(-5, 5),
            FloatDistribution.of(-5, 5),
            FloatDistribution.log(1e-4, 1),
            IntDistribution.of(0, 20),
            CategoricalDistribution.of("a", "b", "c"));

    private static final TpeParameters MULTIVARIATE = new TpeParameters(1.0, true, false, true, false);

    /** A multivariate estimator of the first n observations, coarse or exact, with given masses or none. */
    private static ParzenEstimator estimator(ParamSpec[] specs, double[][] obs, int n, boolean coarse, double[] given,
                                             double givenLogError) {
        return new ParzenEstimator(specs, obs, TpeSampler.defaultWeights(n), n, MULTIVARIATE, null, null, coarse,
                given, givenLogError);
    }

    /** Each candidate's log density from {@code other} is within its stated error of the exact one's. */
    private static void assertWithinBaseError(ParzenEstimator exact, ParzenEstimator other, double[][] candidates) {
        double[] a = exact.logPdf(candidates);
        double[] b = other.logPdf(candidates);
        for (int c = 0; c < a.length; c++) {
            assertTrue(Math.abs(a[c] - b[c]) <= other.baseError() + 1e-12,
                    "candidate " + c + ": " + a[c] + " vs " + b[c] + ", bound " + other.baseError());
        }
    }

    /** Observations [param][obs] in estimator space, clustered near a point as a converging study's are. */
    private static double[][] observations(SplittableRandom r, ParamSpec[] specs, int n) {
        double[][] obs = new double[specs.length][n];
        for (int j = 0; j < specs.length; j++) {
            ParamSpec s = specs[j];
            double centre = r.nextDouble();
            for (int i = 0; i < n; i++) {
                if (s.categorical) {
                    obs[j][i] = r.nextInt(s.choices);
                } else if (s.discrete()) {
                    obs[j][i] = s.transform(r.nextInt(21));
                } else {
                    double u = r.nextBoolean() ? r.nextDouble() : centre + 0.05 * r.nextGaussian();
                    obs[j][i] = Math.min(s.highT, s.lowT + (s.highT - s.lowT) * Math.min(1, Math.max(0, u)));
                }
            }
        }
        return obs;
    }

    /** The full scores' argmax, the lowest index on ties. */
    private static int fullArgmax(ParzenEstimator bad, double[][] candidates, double[] logL) {
        double[] logG = bad.logPdf(candidates);
        int best = 0;
        for (int c = 1; c < candidates.length; c++) {
            if (logL[c] - logG[c] > logL[best] - logG[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * The other mixture's densities at the candidates, drawn at random; with {@code tie}, a copy of
     * the best candidate (by full scores) put at another index with the same density, so that only
     * the tie rule decides.
     */
    private static double[] logL(SplittableRandom r, ParzenEstimator exact, double[][] candidates, boolean tie) {
        double[] logL = new double[candidates.length];
        for (int c = 0; c < logL.length; c++) {
            logL[c] = 3 * r.nextGaussian();
        }
        if (tie) {
            int best = fullArgmax(exact, candidates, logL);
            int other = (best + 1 + r.nextInt(candidates.length - 1)) % candidates.length;
            candidates[other] = candidates[best].clone();
            logL[other] = logL[best];
        }
        return logL;
    }

    @Property(tries = 300)
    void bestRatio_picksTheFullScoresBest_evenOnTies(@ForAll @IntRange(min = 2, max = 8) int d,
                                                     @ForAll @IntRange(min = 0, max = 600) int n,
                                                     @ForAll boolean tie,
                                                     @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ParamSpec[] specs = RandomSpecs.draw(r, d, KINDS);
        double[][] obs = observations(r, specs, n);
        ParzenEstimator exact = estimator(specs, obs, n, false, null, 0);
        ParzenEstimator coarse = estimator(specs, obs, n, true, null, 0);
        double[][] candidates = exact.sample(new Mt19937(seed), 24);
        double[] logL = logL(r, exact, candidates, tie);
        int expected = fullArgmax(exact, candidates, logL);

        assertEquals(expected, exact.bestRatio(candidates, logL));
        int fromCoarse = coarse.bestRatio(candidates, logL);
        assertTrue(fromCoarse == expected || fromCoarse == -1, "coarse picked " + fromCoarse + ", full " + expected);
        if (tie) {
            // equal scores are never decided by a bracket
            assertTrue(fromCoarse == -1 || coarse.baseError() == 0, "coarse decided a tie");
        }
    }

    @Property(tries = 200)
    void coarseMasses_moveEachDensityByAtMostTheStatedBound(@ForAll @IntRange(min = 2, max = 8) int d,
                                                            @ForAll @IntRange(min = 0, max = 400) int n,
                                                            @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ParamSpec[] specs = RandomSpecs.draw(r, d, KINDS);
        double[][] obs = observations(r, specs, n);
        ParzenEstimator exact = estimator(specs, obs, n, false, null, 0);
        ParzenEstimator coarse = estimator(specs, obs, n, true, null, 0);
        double[][] candidates = exact.sample(new Mt19937(seed), 24);
        assertWithinBaseError(exact, coarse, candidates);
    }

    @Property(tries = 150)
    void givenCarriedMasses_pickTheFullScoresBest_orDecline(@ForAll @IntRange(min = 2, max = 8) int d,
                                                            @ForAll @IntRange(min = 1, max = 600) int n,
                                                            @ForAll boolean tie,
                                                            @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ParamSpec[] specs = new ParamSpec[d];
        for (int j = 0; j < d; j++) {
            specs[j] = new ParamSpec(j % 3 == 2 ? FloatDistribution.log(1e-4, 1) : FloatDistribution.of(-5, 5));
        }
        double[][] obs = observations(r, specs, n);
        double[] sigmas = new double[d];
        for (int j = 0; j < d; j++) {
            sigmas[j] = ParzenEstimator.multivariateSigma(specs[j], n, d, MULTIVARIATE);
        }
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[i] = i;
        }
        Object[] cols = new Object[d];
        for (int j = 0; j < d; j++) {
            cols[j] = specs[j];
        }
        CarriedMasses carried = new CarriedMasses();
        // carried from a slightly wider bandwidth, as from an earlier ask
        double[] earlier = new double[d];
        for (int j = 0; j < d; j++) {
            earlier[j] = sigmas[j] * Math.exp(2e-4);
        }
        double[] given = new double[n];
        assertTrue(carried.products(cols, specs, obs, positions, n, earlier, given));
        assertTrue(carried.products(cols, specs, obs, positions, n, sigmas, given));
        ParzenEstimator exact = estimator(specs, obs, n, false, null, 0);
        ParzenEstimator withGiven = estimator(specs, obs, n, true, given, carried.logError());
        double[][] candidates = exact.sample(new Mt19937(seed), 24);
        double[] logL = logL(r, exact, candidates, tie);
        int expected = fullArgmax(exact, candidates, logL);
        int picked = withGiven.bestRatio(candidates, logL);
        assertTrue(picked == expected || picked == -1, "picked " + picked + ", full " + expected);
        assertWithinBaseError(exact, withGiven, candidates);
    }
}
