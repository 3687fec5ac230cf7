package io.github.hpo4j.tpe.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.space.FloatDistribution;
import io.github.hpo4j.core.space.IntDistribution;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The bad set's estimator is built in arrays reused from ask to ask: built in arrays left dirty
 * by a larger estimator of other data, it must sample, score and pick exactly as one built in
 * fresh arrays.
 */
class ScratchEstimatorProperties {

    private static final List<Distribution> KINDS = List.of(
            FloatDistribution.of(-5, 5),
            FloatDistribution.log(1e-4, 1),
            IntDistribution.of(0, 20),
            FloatDistribution.stepped(0, 1, 0.25),
            CategoricalDistribution.of("a", "b", "c"));

    /** Observations [param][obs] in estimator space, with {@code extra} junk values past n. */
    private static double[][] observations(SplittableRandom r, ParamSpec[] specs, int n, int extra) {
        double[][] obs = new double[specs.length][n + extra];
        for (int j = 0; j < specs.length; j++) {
            ParamSpec s = specs[j];
            for (int i = 0; i < n + extra; i++) {
                if (s.categorical) {
                    obs[j][i] = r.nextInt(s.choices);
                } else if (s.distribution instanceof IntDistribution) {
                    obs[j][i] = s.transform(r.nextInt(21));
                } else if (s.discrete()) {
                    obs[j][i] = s.transform(0.25 * r.nextInt(5));
                } else {
                    obs[j][i] = s.lowT + (s.highT - s.lowT) * r.nextDouble();
                }
            }
        }
        return obs;
    }

    @Property(tries = 150)
    void estimatorBuiltInDirtyScratch_equalsFreshOne(@ForAll @IntRange(min = 2, max = 6) int d,
                                                     @ForAll @IntRange(min = 0, max = 300) int n,
                                                     @ForAll boolean multivariate,
                                                     @ForAll long seed) {
        TpeParameters p = new TpeParameters(1.0, true, false, multivariate, false);
        SplittableRandom r = new SplittableRandom(seed);
        ParamSpec[] specs = RandomSpecs.draw(r, d, KINDS);
        ScratchArrays scratch = new ScratchArrays();
        // dirty the arrays with a bigger estimator over other parameters and data
        ParamSpec[] other = RandomSpecs.draw(r, d + 1, KINDS);
        int bigger = n + 1 + r.nextInt(50);
        new ParzenEstimator(other, observations(r, other, bigger, 0), TpeSampler.defaultWeights(bigger), bigger,
                p, null, scratch, false, null, 0);

        double[][] obs = observations(r, specs, n, 7);
        double[] weights = TpeSampler.defaultWeights(n, new double[n + 3]);
        Arrays.fill(weights, n, n + 3, 1e9); // junk past n must not be read
        double[][] exact = new double[d][];
        for (int j = 0; j < d; j++) {
            exact[j] = Arrays.copyOf(obs[j], n);
        }
        ParzenEstimator fresh = new ParzenEstimator(specs, exact, TpeSampler.defaultWeights(n), p);
        ParzenEstimator reused = new ParzenEstimator(specs, obs, weights, n, p, null, scratch, false, null, 0);

        double[][] a = fresh.sample(new Mt19937(seed), 24);
        double[][] b = reused.sample(new Mt19937(seed), 24);
        for (int c = 0; c < a.length; c++) {
            assertArrayEquals(a[c], b[c], "candidate " + c);
        }
        assertArrayEquals(fresh.logPdf(a), reused.logPdf(a));
        double[] logL = new double[a.length];
        for (int c = 0; c < logL.length; c++) {
            logL[c] = r.nextGaussian();
        }
        assertEquals(fresh.bestRatio(a, logL), reused.bestRatio(a, logL));
    }
}
