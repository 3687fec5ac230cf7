package io.github.hpo4j.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.space.SearchSpace;
import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.trial.Trial;
import io.github.hpo4j.core.trial.TrialPrunedException;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StudyTest {

    private static Study minimizing() {
        return Study.builder().name("t").sampler(new RandomSampler(1)).minimize("loss").build();
    }

    @Test
    void askTell_recordsParamsValueAndState() {
        Study study = minimizing();
        Trial t = study.ask();
        double x = t.suggestFloat("x", -1, 1);
        int n = t.suggestInt("n", 1, 3);
        String c = t.suggestCategorical("c", List.of("a", "b"));
        t.setMetric("rmse", 0.5);
        t.setUserAttr("model", "ranking");
        TrialRecord r = study.tell(t, 3.0);
        assertEquals(TrialState.COMPLETE, r.state());
        assertEquals(Map.of("x", x, "n", n, "c", c), r.params());
        assertEquals(List.of(3.0), r.values());
        assertEquals(0.5, r.metrics().get("rmse"));
        assertEquals("ranking", r.attributes().get("model"));
        assertTrue(r.start().isPresent() && r.complete().isPresent());
    }

    @Test
    void suggest_sameNameTwice_returnsSameValue() {
        Trial t = minimizing().ask();
        double a = t.suggestFloat("x", 0, 1);
        assertEquals(a, t.suggestFloat("x", 0, 1));
    }

    @Test
    void suggest_sameNameOtherDistribution_throwsNamingParameter() {
        Trial t = minimizing().ask();
        t.suggestFloat("x", 0, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.suggestFloat("x", 0, 2));
        assertTrue(e.getMessage().startsWith("x: already suggested from"), e.getMessage());
    }

    @Test
    void suggest_invalidBounds_throwsNamingParameter() {
        Trial t = minimizing().ask();
        assertEquals("lr: low (0.1) must be <= high (0.01)",
                assertThrows(IllegalArgumentException.class, () -> t.suggestFloat("lr", 0.1, 0.01, true)).getMessage());
    }

    @Test
    void suggestCategorical_returnsTheCallersObject() {
        Trial t = minimizing().ask();
        List<Integer> sizes = List.of(16, 32, 64);
        Integer s = t.suggestCategorical("size", sizes);
        assertTrue(sizes.contains(s));
    }

    @Test
    void tell_wrongNumberOfValues_throws() {
        Study study = minimizing();
        Trial t = study.ask();
        assertEquals("values: expected 1 value(s) for [loss], got [1.0, 2.0]",
                assertThrows(IllegalArgumentException.class, () -> study.tell(t, 1.0, 2.0)).getMessage());
    }

    @Test
    void tell_twice_throwsIllegalState() {
        Study study = minimizing();
        Trial t = study.ask();
        study.tell(t, 1.0);
        assertThrows(IllegalStateException.class, () -> study.tell(t, 2.0));
    }

    @Test
    void tell_nan_recordsFail() {
        Study study = minimizing();
        TrialRecord r = study.tell(study.ask(), Double.NaN);
        assertEquals(TrialState.FAIL, r.state());
        assertTrue(r.failure().orElseThrow().contains("NaN"));
    }

    @Test
    void suggest_afterTell_throwsIllegalState() {
        Study study = minimizing();
        Trial t = study.ask();
        study.tell(t, 1.0);
        assertThrows(IllegalStateException.class, () -> t.suggestFloat("late", 0, 1));
    }

    @Test
    void enqueue_waitingTrialsAreServedFirstInOrder() {
        Study study = minimizing();
        study.enqueue(Map.of("x", 0.25));
        study.enqueue(Map.of("x", 0.75));
        Trial a = study.ask();
        Trial b = study.ask();
        Trial c = study.ask();
        assertEquals(0.25, a.suggestFloat("x", 0, 1));
        assertEquals(0.75, b.suggestFloat("x", 0, 1));
        assertEquals(List.of(0, 1, 2), List.of(a.number(), b.number(), c.number()));
        assertEquals(TrialState.RUNNING, study.trials().get(1).state());
    }

    @Test
    void enqueue_valueOutsideDistribution_throwsNamingParameter() {
        Study study = minimizing();
        study.enqueue(Map.of("x", 5.0));
        Trial t = study.ask();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.suggestFloat("x", 0, 1));
        assertTrue(e.getMessage().startsWith("x: "), e.getMessage());
    }

    @Test
    void optimize_exceptionInObjective_recordedAsFailAndRunContinues() {
        Study study = minimizing();
        List<TrialRecord> done = study.optimize(trial -> {
            double x = trial.suggestFloat("x", 0, 1);
            if (trial.number() % 3 == 0) {
                throw new IllegalStateException("boom " + trial.number());
            }
            return x;
        }, 9);
        assertEquals(9, done.size());
        List<TrialRecord> failed = study.trials(TrialState.FAIL);
        assertEquals(3, failed.size());
        assertEquals("java.lang.IllegalStateException: boom 3", failed.get(1).failure().orElseThrow());
        assertEquals(6, study.trials(TrialState.COMPLETE).size());
    }

    @Test
    void optimize_prunedException_recordsPrunedWithLastIntermediateValue() {
        Study study = minimizing();
        study.optimize(trial -> {
            trial.report(0, 5.0);
            trial.report(1, 4.0);
            throw new TrialPrunedException();
        }, 1);
        TrialRecord r = study.trials().get(0);
        assertEquals(TrialState.PRUNED, r.state());
        assertEquals(List.of(4.0), r.values());
        assertEquals(Map.of(0, 5.0, 1, 4.0), r.intermediateValues());
    }

    @Test
    void optimize_severalWorkers_runsExactlyNTrials() {
        Study study = minimizing();
        study.optimize(t -> t.suggestFloat("x", 0, 1), 200, 4, null);
        List<TrialRecord> all = study.trials();
        assertEquals(200, all.size());
        assertEquals(200, all.stream().filter(r -> r.state() == TrialState.COMPLETE).count());
        Set<Integer> numbers = all.stream().map(TrialRecord::number).collect(Collectors.toSet());
        assertEquals(200, numbers.size());
    }

    @Test
    void optimize_timeout_stopsStartingTrials() {
        Study study = minimizing();
        List<TrialRecord> done = study.optimize(t -> {
            Thread.sleep(20);
            return 1.0;
        }, Integer.MAX_VALUE, 1, Duration.ofMillis(100));
        assertTrue(done.size() >= 1 && done.size() < 50, "ran " + done.size());
    }

    @Test
    void optimize_badArguments_throw() {
        Study study = minimizing();
        assertEquals("nTrials (0) must be > 0",
                assertThrows(IllegalArgumentException.class, () -> study.optimize(t -> 1.0, 0)).getMessage());
        assertEquals("workers (0) must be > 0",
                assertThrows(IllegalArgumentException.class, () -> study.optimize(t -> 1.0, 1, 0, null)).getMessage());
    }

    @Test
    void conditionalParameters_areAllowed() {
        Study study = minimizing();
        study.optimize(t -> {
            String opt = t.suggestCategorical("opt", List.of("sgd", "adam"));
            if (opt.equals("sgd")) {
                return t.suggestFloat("momentum", 0, 1);
            }
            return t.suggestFloat("beta", 0, 1);
        }, 30);
        for (TrialRecord r : study.trials()) {
            assertEquals(2, r.params().size());
            assertEquals(r.params().get("opt").equals("sgd"), r.params().containsKey("momentum"));
        }
    }

    @Test
    void bestTrial_minimize_and_maximize() {
        Study min = minimizing();
        Study max = Study.builder().name("m").maximize("acc").build();
        for (double v : new double[] {3, 1, 2}) {
            min.tell(min.ask(), v);
            max.tell(max.ask(), v);
        }
        assertEquals(1, min.bestTrial().orElseThrow().number());
        assertEquals(0, max.bestTrial().orElseThrow().number());
        assertTrue(Study.builder().name("e").build().bestTrial().isEmpty());
    }

    @Test
    void bestTrial_prefersFeasibleTrials() {
        Study study = minimizing();
        Trial a = study.ask();
        a.setConstraints(1.0);
        study.tell(a, 0.0);
        Trial b = study.ask();
        b.setConstraints(-1.0);
        study.tell(b, 5.0);
        assertEquals(1, study.bestTrial().orElseThrow().number());
    }

    @Test
    void bestTrials_isTheParetoSet() {
        Study study = Study.builder().name("mo").minimize("loss").maximize("acc").build();
        double[][] vals = {{1, 0.5}, {2, 0.9}, {3, 0.8}, {0.5, 0.1}, {2, 0.5}};
        for (double[] v : vals) {
            study.tell(study.ask(), v);
        }
        assertEquals(List.of(0, 1, 3), study.bestTrials().stream().map(TrialRecord::number).toList());
        assertThrows(IllegalStateException.class, study::bestTrial);
    }

    @Test
    void trials_filtersByState() {
        Study study = minimizing();
        study.tell(study.ask(), 1.0);
        study.tell(study.ask(), TrialState.FAIL);
        study.ask();
        assertEquals(3, study.trials().size());
        assertEquals(1, study.trials(TrialState.RUNNING).size());
        assertEquals(2, study.trials(TrialState.COMPLETE, TrialState.FAIL).size());
    }

    @Test
    void tellState_complete_isRejected() {
        Study study = minimizing();
        Trial t = study.ask();
        assertThrows(IllegalArgumentException.class, () -> study.tell(t, TrialState.COMPLETE));
    }

    @Test
    void askWithSearchSpace_suggestsEveryParameter() {
        Study study = minimizing();
        SearchSpace space = SearchSpace.builder().addFloat("a", 0, 1, false).addInt("b", 1, 4).build();
        Trial t = study.ask(space);
        assertEquals(Set.of("a", "b"), t.params().keySet());
    }

    @Test
    void builder_existingStudyWithoutLoadIfExists_throws() {
        Storage storage = Storage.inMemory();
        Study.builder().name("s").storage(storage).build();
        assertEquals("name: study 's' already exists (use loadIfExists(true))",
                assertThrows(IllegalArgumentException.class, () -> Study.builder().name("s").storage(storage).build())
                        .getMessage());
    }

    @Test
    void load_resumesAndNumberingContinues() {
        Storage storage = Storage.inMemory();
        Study a = Study.builder().name("s").storage(storage).maximize("acc").build();
        a.tell(a.ask(), 0.5);
        Study b = Study.load("s", storage);
        assertEquals(List.of(Objective.maximize("acc")), b.objectives());
        assertEquals(1, b.ask().number());
        assertThrows(IllegalArgumentException.class, () -> Study.load("nope", storage));
    }

    @Test
    void sameSeed_sameTrials() {
        Study a = Study.builder().sampler(new RandomSampler(9)).build();
        Study b = Study.builder().sampler(new RandomSampler(9)).build();
        a.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestInt("k", 0, 10), 20);
        b.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestInt("k", 0, 10), 20);
        assertEquals(a.trials().stream().map(TrialRecord::params).toList(),
                b.trials().stream().map(TrialRecord::params).toList());
        Study c = Study.builder().sampler(new RandomSampler(10)).build();
        c.optimize(t -> t.suggestFloat("x", 0, 1), 1);
        assertNotEquals(a.trials().get(0).params().get("x"), c.trials().get(0).params().get("x"));
    }

    @Test
    void pruner_isConsultedWithIntermediateValues() {
        Study study = Study.builder().pruner((s, t) -> t.lastIntermediateValue().orElse(0) > 10).build();
        Trial t = study.ask();
        t.report(0, 5);
        assertFalse(t.shouldPrune());
        t.report(1, 11);
        assertTrue(t.shouldPrune());
        assertSame(study.pruner(), study.pruner());
    }

    @Test
    void report_negativeStepOrNaN_throws() {
        Trial t = minimizing().ask();
        assertEquals("step (-1) must be >= 0", assertThrows(IllegalArgumentException.class, () -> t.report(-1, 1)).getMessage());
        assertEquals("value at step 2 is NaN",
                assertThrows(IllegalArgumentException.class, () -> t.report(2, Double.NaN)).getMessage());
    }
}
