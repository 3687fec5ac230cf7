package io.github.hpo4j.tpe.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.Trial;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TpeSamplerTest {

    private static double quadratic(Trial t) {
        double s = 0;
        for (int j = 0; j < 3; j++) {
            double x = t.suggestFloat("x" + j, -10, 10);
            s += (x - 2) * (x - 2);
        }
        return s;
    }

    @Test
    void sameSeed_sameTrials_bothModes() {
        for (boolean mv : new boolean[] {true, false}) {
            List<List<Object>> runs = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                Study s = Study.builder().sampler(TpeSampler.builder().seed(11).multivariate(mv).build()).build();
                s.optimize(TpeSamplerTest::quadratic, 30);
                runs.add(new ArrayList<>(s.trials().stream().map(TrialRecord::params).toList()));
            }
            assertEquals(runs.get(0), runs.get(1));
        }
        Study a = Study.builder().sampler(TpeSampler.builder().seed(1).build()).build();
        Study b = Study.builder().sampler(TpeSampler.builder().seed(2).build()).build();
        a.optimize(TpeSamplerTest::quadratic, 15);
        b.optimize(TpeSamplerTest::quadratic, 15);
        assertNotEquals(a.trials().get(14).params(), b.trials().get(14).params());
    }

    @Test
    void separableQuadratic_samplesConcentrateNearTheOptimumAfter60Trials() {
        for (boolean mv : new boolean[] {true, false}) {
            Study tpe = Study.builder().sampler(TpeSampler.builder().seed(5).multivariate(mv).build()).build();
            tpe.optimize(TpeSamplerTest::quadratic, 100);
            Study random = Study.builder().sampler(new RandomSampler(5)).build();
            random.optimize(TpeSamplerTest::quadratic, 100);
            // of the last 40 TPE samples, far more coordinates lie within 2 of the optimum at 2
            // than the 20 % a uniform sampler puts there
            int near = 0;
            int total = 0;
            for (TrialRecord t : tpe.trials().subList(60, 100)) {
                for (Object v : t.params().values()) {
                    total++;
                    if (Math.abs((Double) v - 2) < 2) {
                        near++;
                    }
                }
            }
            assertTrue(near > 0.45 * total, "mv=" + mv + ": only " + near + " of " + total + " near the optimum");
            assertTrue(tpe.bestTrial().orElseThrow().value() < random.bestTrial().orElseThrow().value(),
                    "TPE " + tpe.bestTrial().orElseThrow().value() + " vs random " + random.bestTrial().orElseThrow().value());
        }
    }

    /**
     * Past 99 finished trials the univariate sampler keeps the bad set's mixture from ask to ask
     * (appends) and rebuilds it when a trial enters the good set; the trials must stay
     * deterministic and keep concentrating. A conditional parameter (absent from some trials)
     * takes the from-scratch path throughout.
     */
    @Test
    void longUnivariateStudy_keptMixture_deterministicAndConcentrated() {
        List<List<Object>> runs = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            Study s = Study.builder().sampler(TpeSampler.builder().seed(3).multivariate(false).build()).build();
            s.optimize(t -> {
                double x = t.suggestFloat("x", -10, 10);
                double y = t.suggestFloat("y", 1e-3, 1e3, true);
                double extra = x > 0 ? Math.abs(t.suggestFloat("z", 0, 1) - 0.5) : 0.5;
                return (x - 2) * (x - 2) + Math.pow(Math.log10(y) - 1, 2) + extra;
            }, 260);
            runs.add(new ArrayList<>(s.trials().stream().map(TrialRecord::params).toList()));
            int near = 0;
            for (TrialRecord t : s.trials().subList(200, 260)) {
                if (Math.abs((Double) t.params().get("x") - 2) < 1) {
                    near++;
                }
            }
            // a uniform sampler puts 10 % of x within 1 of the optimum
            assertTrue(near > 30, "only " + near + " of 60 late samples near x = 2");
            assertTrue(s.bestTrial().orElseThrow().value() < 0.05, "best " + s.bestTrial().orElseThrow().value());
        }
        assertEquals(runs.get(0), runs.get(1));
    }

    private static double branin(Trial t) {
        double x1 = t.suggestFloat("x1", -5, 10);
        double x2 = t.suggestFloat("x2", 0, 15);
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double u = x2 - b * x1 * x1 + c * x1 - 6;
        return u * u + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x1) + 10;
    }

    /**
     * Seed for seed with Optuna 3.1.0: {@code TPESampler(seed=0)} and {@code TPESampler(seed=0,
     * multivariate=True)} on branin, run with Debian's python3-optuna 3.1.0 and numpy 1.24; the
     * startup trials and the first TPE trials, as Optuna printed them.
     */
    @Test
    void seedZero_branin_reproducesOptuna31TrialByTrial() {
        double[][] univariate = {{3.232202558909872, 10.727840495586292}, {4.041450641074658, 8.173247744953454},
            {9.49695440518833, 4.446971099829537}, {9.291673912901734, 4.644794049322195},
            {9.724912805373958, 5.018122852820375}, {7.621000591128231, 2.903636427999101}};
        double[][] multivariate = {{3.232202558909872, 10.727840495586292}, {4.041450641074658, 8.173247744953454},
            {7.810425395087497, 2.243677440660452}, {9.750678484198742, 4.206256071379544},
            {9.643899885696952, 6.558200675042297}, {9.651068393766142, 4.637232112721663}};
        int[] trials = {0, 1, 10, 11, 12, 13};
        for (boolean mv : new boolean[] {false, true}) {
            Study s = Study.builder().sampler(TpeSampler.builder().seed(0).multivariate(mv).build()).build();
            s.optimize(TpeSamplerTest::branin, 14);
            double[][] expected = mv ? multivariate : univariate;
            for (int i = 0; i < trials.length; i++) {
                TrialRecord t = s.trials().get(trials[i]);
                assertEquals(expected[i][0], (Double) t.params().get("x1"), 1e-12, "mv=" + mv + " trial " + trials[i]);
                assertEquals(expected[i][1], (Double) t.params().get("x2"), 1e-12, "mv=" + mv + " trial " + trials[i]);
            }
        }
    }

    /**
     * Two objectives, seed for seed with Optuna 3.1.0's MOTPE ({@code TPESampler(seed=0)} on
     * (x² + y², (x − 2)² + (y − 1)²), x, y in [−5, 5]): the good set by non-domination rank and
     * greedy hypervolume selection, kept in the order picked, weighted by hypervolume
     * contribution. Values as Optuna printed them.
     */
    @Test
    void seedZero_twoObjectives_reproducesOptuna31Motpe() {
        int[] trials = {10, 11, 12, 40, 41};
        double[][] univariate = {{-1.6179558292142078, -1.4934070880481798}, {1.1352051198581217, 1.6499914697460336},
            {1.6395854494091673, 0.30137392505621624}, {0.9022506125430878, 0.3815693762730433},
            {0.7695168768832299, 0.3994605491535753}};
        double[][] multivariate = {{-0.3458350776418968, -2.117432441037046}, {0.6940670855781944, -0.6842474961509624},
            {2.225808225986607, -3.0591290207647335}, {-3.917449209048931, 4.5910389051877045},
            {1.877183012035133, 0.7745790936189486}};
        for (boolean mv : new boolean[] {false, true}) {
            Study s = Study.builder().sampler(TpeSampler.builder().seed(0).multivariate(mv).build())
                    .minimize("a").minimize("b").build();
            s.optimizeMulti(t -> {
                double x = t.suggestFloat("x", -5, 5);
                double y = t.suggestFloat("y", -5, 5);
                return new double[] {x * x + y * y, (x - 2) * (x - 2) + (y - 1) * (y - 1)};
            }, 42, 1, null);
            double[][] expected = mv ? multivariate : univariate;
            for (int i = 0; i < trials.length; i++) {
                TrialRecord t = s.trials().get(trials[i]);
                assertEquals(expected[i][0], (Double) t.params().get("x"), 1e-9, "mv=" + mv + " trial " + trials[i]);
                assertEquals(expected[i][1], (Double) t.params().get("y"), 1e-9, "mv=" + mv + " trial " + trials[i]);
            }
        }
    }

    /** Optuna 3.1.0's first startup trial of the mixed space of the quality benchmarks, seed 0. */
    @Test
    void seedZero_mixedSpaceStartup_drawsWhatOptunasRandomSamplerDraws() {
        Study s = Study.builder().sampler(TpeSampler.builder().seed(0).build()).build();
        s.optimize(t -> {
            t.suggestFloat("lr", 1e-5, 1e-1, true);
            t.suggestInt("batch", 16, 4096, true);
            t.suggestFloat("dropout", 0.0, 0.7);
            t.suggestCategorical("optimizer", List.of("adam", "rmsprop", "adagrad", "sgd"));
            t.suggestInt("layers", 1, 6);
            return 0;
        }, 2);
        TrialRecord first = s.trials().get(0);
        assertEquals(0.0015676677195506068, (Double) first.params().get("lr"), 1e-15);
        assertEquals(837, ((Number) first.params().get("batch")).intValue());
        assertEquals(0.4219343632501507, (Double) first.params().get("dropout"), 1e-15);
        assertEquals("adagrad", first.params().get("optimizer"));
        assertEquals(6, ((Number) first.params().get("layers")).intValue());
        TrialRecord second = s.trials().get(1);
        assertEquals(0.07155682161754869, (Double) second.params().get("lr"), 1e-15);
        assertEquals(132, ((Number) second.params().get("batch")).intValue());
        assertEquals("adagrad", second.params().get("optimizer"));
        assertEquals(1, ((Number) second.params().get("layers")).intValue());
    }

    @Test
    void startupTrials_areRandom_andFailuresDoNotCount() {
        Study s = Study.builder().sampler(TpeSampler.builder().seed(3).nStartupTrials(5).build()).build();
        for (int i = 0; i < 8; i++) {
            Trial t = s.ask();
            t.suggestFloat("x", 0, 1);
            s.tell(t, TrialState.FAIL);
        }
        // still fewer than 5 finished: TPE must not have kicked in, and asking works
        Trial t = s.ask();
        double x = t.suggestFloat("x", 0, 1);
        assertTrue(x >= 0 && x <= 1);
    }

    @Test
    void mixedSpace_conditionalParameters_andWarmStart() {
        Study past = Study.builder().sampler(new RandomSampler(1)).build();
        past.optimize(t -> {
            String opt = t.suggestCategorical("opt", List.of("sgd", "adam"));
            double lr = t.suggestFloat("lr", 1e-4, 1e-1, true);
            int layers = t.suggestInt("layers", 1, 4);
            return (opt.equals("adam") ? 0 : 1) + Math.abs(Math.log10(lr) + 3) + layers;
        }, 30);
        Study s = Study.builder().sampler(TpeSampler.builder().seed(4).warmStart(past.trials()).build()).build();
        s.optimize(t -> {
            String opt = t.suggestCategorical("opt", List.of("sgd", "adam"));
            double lr = t.suggestFloat("lr", 1e-4, 1e-1, true);
            int layers = t.suggestInt("layers", 1, 4);
            if (opt.equals("sgd")) {
                t.suggestFloat("momentum", 0, 1);
            }
            return (opt.equals("adam") ? 0 : 1) + Math.abs(Math.log10(lr) + 3) + layers;
        }, 20);
        // warm start: TPE is active from the first trial and leans to adam with one layer
        long adam = s.trials().stream().filter(t -> t.params().get("opt").equals("adam")).count();
        long oneLayer = s.trials().stream().filter(t -> t.params().get("layers").equals(1)).count();
        assertTrue(adam >= 14, "adam in " + adam + " of 20");
        assertTrue(oneLayer >= 10, "one layer in " + oneLayer + " of 20");
    }

    @Test
    void fourThreadsWithConstantLiar_concurrentAsksDoNotReturnTheSamePoint() throws Exception {
        Study s = Study.builder().sampler(TpeSampler.builder().seed(8).build()).build();
        s.optimize(TpeSamplerTest::quadratic, 20);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch allAsked = new CountDownLatch(4);
        List<Future<List<Object>>> fs = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            fs.add(pool.submit(() -> {
                Trial t = s.ask();
                List<Object> point = new ArrayList<>(List.of(t.suggestFloat("x0", -10, 10),
                        t.suggestFloat("x1", -10, 10), t.suggestFloat("x2", -10, 10)));
                allAsked.countDown();
                allAsked.await();
                s.tell(t, 0.0);
                return point;
            }));
        }
        Set<List<Object>> points = new HashSet<>();
        for (Future<List<Object>> f : fs) {
            points.add(f.get());
        }
        pool.shutdown();
        assertEquals(4, points.size());
    }

    @Test
    void multiObjective_runs() {
        Study s = Study.builder().sampler(TpeSampler.builder().seed(2).build()).minimize("a").minimize("b").build();
        s.optimizeMulti(t -> {
            double x = t.suggestFloat("x", 0, 1);
            return new double[] {x, 1 - x};
        }, 30, 1, null);
        assertEquals(30, s.trials(TrialState.COMPLETE).size());
        assertEquals(30, s.bestTrials().size());
    }

    @Test
    void builder_rejectsBadArguments() {
        assertEquals("nStartupTrials (-1) must be >= 0",
                assertThrows(IllegalArgumentException.class, () -> TpeSampler.builder().nStartupTrials(-1)).getMessage());
        assertEquals("nEiCandidates (0) must be >= 1",
                assertThrows(IllegalArgumentException.class, () -> TpeSampler.builder().nEiCandidates(0)).getMessage());
        assertEquals("priorWeight (0.0) must be > 0",
                assertThrows(IllegalArgumentException.class, () -> TpeSampler.builder().priorWeight(0)).getMessage());
    }

    @Test
    void oneSamplerAcrossTwoStudiesOfTheSameName_doesNotMixTheirHistories() {
        TpeSampler shared = TpeSampler.builder().seed(1).nStartupTrials(5).build();
        Study a = Study.builder().sampler(shared).build();
        a.optimize(t -> Math.abs(t.suggestFloat("x", 0, 1) - 0.95), 30);
        // the same name and parameter in another storage: b must learn from its own history only
        Study b = Study.builder().sampler(shared).build();
        b.optimize(t -> Math.abs(t.suggestFloat("x", 0, 1) - 0.05), 30);
        double mean = b.trials().subList(20, 30).stream().mapToDouble(t -> (Double) t.params().get("x")).average()
                .orElseThrow();
        assertTrue(mean < 0.3, "b's late samples average " + mean + ", drawn towards a's optimum");
    }
}
