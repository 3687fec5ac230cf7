package io.github.hpo4j.search.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.Trial;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GpSamplerTest {

    private static double mixed(Trial t) {
        double lr = t.suggestFloat("lr", 1e-4, 1, true);
        int layers = t.suggestInt("layers", 1, 8);
        int batch = t.suggestInt("batch", 8, 512, true);
        double drop = t.suggestFloat("dropout", 0, 0.5, 0.05);
        Object opt = t.suggest("opt", CategoricalDistribution.of("adam", "sgd", "rmsprop"));
        return Math.pow(Math.log10(lr) + 2, 2) + 0.1 * Math.abs(layers - 4) + 0.2 * Math.abs(Math.log(batch / 64.0))
                + drop + (opt.equals("adam") ? 0 : 0.3);
    }

    private static List<Map<String, Object>> run(long seed, int trials) {
        Study study = Study.builder().sampler(GpSampler.builder().seed(seed).build()).minimize("loss").build();
        study.optimize(GpSamplerTest::mixed, trials);
        return study.trials().stream().map(TrialRecord::params).toList();
    }

    @Test
    void sameSeed_sameTrials_otherSeed_otherTrials() {
        assertEquals(run(4, 18), run(4, 18));
        assertTrue(!run(4, 18).equals(run(5, 18)));
    }

    @Test
    void everyProposal_isOnItsParametersGrid() {
        Study study = Study.builder().sampler(GpSampler.builder().seed(1).startupTrials(5).build()).minimize("loss").build();
        study.optimize(GpSamplerTest::mixed, 25);
        for (TrialRecord t : study.trials()) {
            t.distributions().forEach((name, d) -> assertTrue(d.containsInternal(t.internalParam(name)), name + " " + t));
            double drop = (Double) t.params().get("dropout");
            assertEquals(Math.round(drop / 0.05) * 0.05, drop, 1e-9, "dropout on its 0.05 grid");
            int batch = (Integer) t.params().get("batch");
            assertTrue(batch >= 8 && batch <= 512);
            assertTrue(List.of("adam", "sgd", "rmsprop").contains(t.params().get("opt")));
        }
    }

    @Test
    void findsTheOptimumOfASmoothFunctionFasterThanRandomWould() {
        Study study = Study.builder().sampler(GpSampler.builder().seed(2).build()).minimize("loss").build();
        study.optimize(t -> {
            double x = t.suggestFloat("x", -5, 5);
            double y = t.suggestFloat("y", -5, 5);
            return (x - 1.3) * (x - 1.3) + (y + 0.7) * (y + 0.7);
        }, 30);
        // random search's expected best of 30 on this square is about 0.6
        assertTrue(study.bestTrial().orElseThrow().value() < 0.01, study.bestTrial().toString());
    }

    @Test
    void fourWorkers_neverProposeTheSamePointTwice() throws Exception {
        Study study = Study.builder().sampler(GpSampler.builder().seed(3).startupTrials(8).build()).minimize("loss").build();
        study.optimize(t -> {
            int a = t.suggestInt("a", 0, 9);
            int b = t.suggestInt("b", 0, 9);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return (a - 3) * (a - 3) + (b - 6) * (b - 6);
        }, 48, 4, Duration.ofMinutes(2));
        Set<Map<String, Object>> seen = new HashSet<>();
        for (TrialRecord t : study.trials()) {
            assertTrue(seen.add(t.params()), "proposed twice: " + t.params());
        }
        assertEquals(48, seen.size());
    }

    @Test
    void constrainedProblem_endsWithAFeasibleBestNearTheBoundary() {
        // minimise x² + y² subject to x + y >= 1: optimum 0.5 at (0.5, 0.5)
        Study study = Study.builder().sampler(GpSampler.builder().seed(6).build()).minimize("loss").build();
        study.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            double y = t.suggestFloat("y", 0, 1);
            t.setConstraints(1 - x - y);
            return x * x + y * y;
        }, 40);
        TrialRecord best = study.trials(TrialState.COMPLETE).stream().filter(TrialRecord::isFeasible)
                .min((a, b) -> Double.compare(a.value(), b.value())).orElseThrow();
        assertTrue(best.value() < 0.502, best.toString());
        // the late proposals hug the boundary x + y = 1 from either side
        for (TrialRecord t : study.trials()) {
            if (t.number() >= 30) {
                assertTrue(Math.abs(t.constraints().get(0)) < 0.02, t.toString());
            }
        }
        assertTrue(study.bestTrial().orElseThrow().isFeasible());
    }

    @Test
    void severalObjectives_fallBackToRandom_withoutFailing() {
        Study study = Study.builder().sampler(GpSampler.builder().seed(1).build()).minimize("a").maximize("b").build();
        study.optimizeMulti(t -> {
            double x = t.suggestFloat("x", 0, 1);
            return new double[] {x, x * x};
        }, 15, 1, null);
        assertEquals(15, study.trials(TrialState.COMPLETE).size());
    }

    @Test
    void builder_badArguments_throwNamingThem() {
        assertEquals("startupTrials (0) must be >= 1",
                assertThrows(IllegalArgumentException.class, () -> GpSampler.builder().startupTrials(0)).getMessage());
        assertEquals("candidates (8) must be >= 16",
                assertThrows(IllegalArgumentException.class, () -> GpSampler.builder().candidates(8)).getMessage());
        assertEquals("localSearches (0) must be >= 1",
                assertThrows(IllegalArgumentException.class, () -> GpSampler.builder().localSearches(0)).getMessage());
        assertEquals("maxFitPoints (4) must be >= 16",
                assertThrows(IllegalArgumentException.class, () -> GpSampler.builder().maxFitPoints(4)).getMessage());
    }
}
