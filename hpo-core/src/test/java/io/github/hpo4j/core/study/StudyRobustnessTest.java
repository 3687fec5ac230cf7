package io.github.hpo4j.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.storage.spi.StaleTrial;
import io.github.hpo4j.core.storage.spi.StorageBackend;
import io.github.hpo4j.core.trial.Trial;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing lost, repeated or stranded: heartbeats, resumes, stopping, misuse. */
class StudyRobustnessTest {

    @TempDir
    Path dir;

    private static double objective(Trial t) {
        double x = t.suggestFloat("x", -5, 5);
        int k = t.suggestInt("k", 1, 8);
        String c = t.suggestCategorical("c", List.of("a", "b", "c"));
        return x * x + k + c.length();
    }

    @Test
    void resumedRuns_withTheSameSeed_neverRepeatAConfiguration() {
        Path file = dir.resolve("resume.journal");
        Set<Map<String, Object>> configs = new HashSet<>();
        for (int run = 0; run < 3; run++) {
            try (Storage s = Storage.journal(file)) {
                Study study = Study.builder().name("r").storage(s).sampler(new RandomSampler(42)).loadIfExists(true).build();
                study.optimize(StudyRobustnessTest::objective, 10);
            }
        }
        try (Storage s = Storage.journal(file)) {
            for (TrialRecord t : Study.load("r", s).trials()) {
                configs.add(t.params());
            }
        }
        assertEquals(30, configs.size());
    }

    @Test
    void aFreshStudy_withASeed_isReproducible() {
        List<Map<String, Object>> a = Study.builder().sampler(new RandomSampler(5)).build()
                .optimize(StudyRobustnessTest::objective, 8).stream().map(TrialRecord::params).toList();
        List<Map<String, Object>> b = Study.builder().sampler(new RandomSampler(5)).build()
                .optimize(StudyRobustnessTest::objective, 8, 3, null).stream()
                .sorted(java.util.Comparator.comparingInt(TrialRecord::number)).map(TrialRecord::params).toList();
        assertEquals(a, b, "a draw depends on the seed, the trial and the parameter, not on the worker");
    }

    @Test
    void studyBuiltWithoutASampler_getsRandomWithoutHpoTpe() {
        assertInstanceOf(RandomSampler.class, Study.builder().build().sampler());
        Storage s = Storage.inMemory();
        Study.builder().name("x").storage(s).build();
        assertInstanceOf(RandomSampler.class, Study.load("x", s).sampler());
    }

    @Test
    void tellingAnotherStudysTrial_isRefusedNamingBoth() {
        Storage s = Storage.inMemory();
        Study a = Study.builder().name("a").storage(s).build();
        Study b = Study.builder().name("b").storage(s).build();
        Trial ta = a.ask();
        b.ask();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.tell(ta, 1.0));
        assertEquals("trial: trial 0 belongs to study 'a', not to study 'b'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.tellFailure(ta, "x"));
        assertThrows(IllegalArgumentException.class, () -> b.tell(ta, TrialState.PRUNED));
        assertEquals(TrialState.RUNNING, b.trial(0).state());
        // another object of the same study may tell it
        Study a2 = Study.load("a", s, new RandomSampler(1));
        assertEquals(TrialState.COMPLETE, a2.tell(ta, 1.0).state());
    }

    @Test
    void heartbeat_keepsLiveTrialsRunning_failsADeadWorkersTrialAtAsk_andRetriesItsConfiguration() throws Exception {
        Storage s = Storage.inMemory();
        Study alive = Study.builder().name("h").storage(s).sampler(new RandomSampler(0))
                .heartbeat(Duration.ofMillis(20), Duration.ofMillis(200)).build();
        Trial running = alive.ask();
        running.suggestFloat("x", 0, 1);
        // a dead worker: a trial with a first beat and no thread beating for it
        StorageBackend backend = StorageBackend.of(s);
        int dead = backend.createTrial("h", true);
        backend.setParam("h", dead, "x", io.github.hpo4j.core.space.FloatDistribution.of(0, 1), 0.75);
        Thread.sleep(400);
        Study other = Study.load("h", s, new RandomSampler(1));
        assertEquals(List.of(), other.failStaleTrials(), "a study without heartbeats fails nothing");
        Trial next = alive.ask();
        TrialRecord deadRecord = alive.trial(dead);
        assertEquals(TrialState.FAIL, deadRecord.state());
        assertTrue(deadRecord.failure().orElseThrow().contains("retried as trial 2"), deadRecord.failure().orElseThrow());
        assertEquals(TrialState.RUNNING, alive.trial(running.number()).state(), "its heartbeat kept it alive");
        assertEquals(2, next.number(), "ask hands out the retry first");
        assertEquals(0.75, next.suggestFloat("x", 0, 1));
        assertEquals(Map.of("retried_from", dead, "retry", 1), alive.trial(2).attributes());
        alive.tell(running, 1.0);
        alive.tell(next, 2.0);
        Thread.sleep(300);
        assertEquals(List.of(), alive.failStaleTrials(), "told trials stop beating and are never stale");
    }

    @Test
    void heartbeatOptions_areChecked() {
        Study.Builder b = Study.builder();
        assertEquals("gracePeriod (PT1S) must be > interval (PT2S)", assertThrows(IllegalArgumentException.class,
                () -> b.heartbeat(Duration.ofSeconds(2), Duration.ofSeconds(1))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.heartbeat(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> b.maxRetries(-1));
    }

    @Test
    void stopFromACallback_stopsEveryWorkerAfterItsTrial() {
        Study study = Study.builder().sampler(new RandomSampler(0)).build();
        List<TrialRecord> done = study.optimize(StudyRobustnessTest::objective, 1000, 3, null,
                List.of((st, t) -> {
                    if (t.number() >= 4) {
                        st.stop();
                    }
                }));
        assertTrue(done.size() >= 5 && done.size() <= 8, done.size() + " trials");
        assertEquals(done.size(), study.trials().size());
        // a later run goes again
        assertEquals(3, study.optimize(StudyRobustnessTest::objective, 3).size());
    }

    @Test
    void maxTrials_countsCompleteTrialsInTheStorage_includingEarlierRuns() {
        Study study = Study.builder().sampler(new RandomSampler(0)).build();
        study.optimize(StudyRobustnessTest::objective, 6);
        study.optimize(t -> {
            if (t.number() % 2 == 0) {
                throw new IllegalStateException("odd");
            }
            return objective(t);
        }, 1000, 1, null, List.of(new MaxTrials(10)));
        assertEquals(10, study.trials(TrialState.COMPLETE).size());
        assertThrows(IllegalArgumentException.class, () -> new MaxTrials(0));
    }

    @Test
    void interrupt_stopsEveryWorkerWithinOneTrial() throws Exception {
        Study study = Study.builder().sampler(new RandomSampler(0)).build();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicInteger flag = new AtomicInteger();
        Thread caller = new Thread(() -> {
            try {
                study.optimize(t -> {
                    Thread.sleep(20);
                    return objective(t);
                }, 10_000, 4, null);
            } catch (Throwable e) {
                thrown.set(e);
                flag.set(Thread.currentThread().isInterrupted() ? 1 : 2);
            }
        });
        caller.start();
        Thread.sleep(300);
        caller.interrupt();
        caller.join(10_000);
        assertTrue(!caller.isAlive());
        assertTrue(thrown.get() instanceof IllegalStateException && thrown.get().getMessage().contains("interrupted"),
                String.valueOf(thrown.get()));
        assertEquals(1, flag.get(), "the interrupt flag stays set");
        int after = study.trials().size();
        Thread.sleep(200);
        assertEquals(after, study.trials().size(), "no worker goes on");
        assertTrue(study.trials().stream().noneMatch(t -> t.state() == TrialState.RUNNING));
        assertTrue(after < 200, after + " trials");
    }

    @Test
    void aWorkersError_stopsTheOthers() {
        Study study = Study.builder().sampler(new RandomSampler(0)).build();
        AssertionError boom = new AssertionError("boom");
        AssertionError e = assertThrows(AssertionError.class, () -> study.optimize(t -> {
            if (t.number() == 3) {
                throw boom;
            }
            Thread.sleep(5);
            return objective(t);
        }, 500, 4, null));
        assertSame(boom, e);
        assertTrue(study.trials().size() < 20, study.trials().size() + " trials");
        assertEquals(TrialState.FAIL, study.trial(3).state());
    }

    @Test
    void callbackFailure_stopsTheRun_andIsRethrownWithItsCause() {
        Study study = Study.builder().sampler(new RandomSampler(0)).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> study.optimize(
                StudyRobustnessTest::objective, 100, 2, null, List.of((st, t) -> {
                    throw new UnsupportedOperationException("cb");
                })));
        assertInstanceOf(UnsupportedOperationException.class, e.getCause());
        assertTrue(study.trials().size() <= 2);
    }

    @Test
    void misuse_isRefusedOrDocumented() {
        Study study = Study.builder().sampler(new RandomSampler(0)).build();
        Trial t = study.ask();
        assertEquals("m: metric value is NaN", assertThrows(IllegalArgumentException.class,
                () -> t.setMetric("m", Double.NaN)).getMessage());
        t.report(1, 0.5);
        t.report(1, 0.9); // as Optuna: the first value stands, with a warning
        assertEquals(Map.of(1, 0.5), study.trial(t.number()).intermediateValues());
        Storage closed = Storage.inMemory();
        closed.close();
        assertTrue(assertThrows(IllegalStateException.class, () -> Study.builder().storage(closed).build())
                .getMessage().startsWith("storage is closed"));
    }

    @Test
    void staleTrialsOfAStudyWithoutHeartbeat_areLeftAlone() {
        Storage s = Storage.inMemory();
        Study study = Study.builder().storage(s).sampler(new RandomSampler(0)).build();
        study.ask();
        assertEquals(List.<StaleTrial>of(), study.failStaleTrials());
        assertEquals(OptionalInt.empty(), StorageBackend.of(s).claimWaitingTrial("default", false));
    }

    @Test
    void badSuggestionsAndEnqueues_sayWhatIsWrongNamingTheParameter() {
        Study study = Study.builder().sampler(new RandomSampler(0)).build();
        Trial t = study.ask();
        java.util.List<String> withNull = new java.util.ArrayList<>(List.of("a"));
        withNull.add(null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.suggestCategorical("opt", withNull));
        assertTrue(e.getMessage().startsWith("opt: choices: null"), e.getMessage());
        study.enqueue(Map.of("k", 2.5));
        Trial q = study.ask();
        IllegalArgumentException notInt = assertThrows(IllegalArgumentException.class, () -> q.suggestInt("k", 1, 3));
        assertEquals("k: value (2.5) is not an integer", notInt.getMessage());
    }

    @Test
    void offGridHigh_isWarnedOncePerParameter_namedAndWithoutFloatNoise() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            Study study = Study.builder().sampler(new RandomSampler(0)).build();
            study.optimize(t -> t.suggestFloat("gridded_w", 0, 1, 0.3) + t.suggestInt("gridded_k", 0, 10, 3), 5);
        } finally {
            System.setErr(saved);
        }
        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        List<String> warnings = log.lines().filter(l -> l.contains("not on the step grid")).toList();
        assertEquals(2, warnings.size(), log);
        assertTrue(warnings.get(0).contains("gridded_w: high (1.0) is not on the step grid from low (0.0) by 0.3; using 0.9"),
                warnings.get(0));
        assertTrue(warnings.get(1).contains("gridded_k: high (10) is not on the step grid from low (0) by 3; using 9"),
                warnings.get(1));
    }

    @Test
    void tunerlessMisuse_closedInMemoryStorage_refusesWork() {
        Storage s = Storage.inMemory();
        Study study = Study.builder().storage(s).sampler(new RandomSampler(0)).build();
        s.close();
        assertTrue(assertThrows(IllegalStateException.class, study::ask).getMessage().startsWith("storage is closed"));
    }

    @Test
    void discreteSpace_resumedRuns_coverEveryConfigurationBeforeAnyRepeats() {
        Path file = dir.resolve("discrete.journal");
        for (int run = 0; run < 4; run++) {
            try (Storage s = Storage.journal(file)) {
                Study study = Study.builder().name("d").storage(s).sampler(new RandomSampler(42)).loadIfExists(true).build();
                study.optimize(t -> t.suggestInt("k", 1, 4) + t.suggestCategorical("c", List.of("a", "b", "c")).length(), 3);
            }
        }
        try (Storage s = Storage.journal(file)) {
            Set<Map<String, Object>> configs = new HashSet<>();
            for (TrialRecord t : Study.load("d", s).trials()) {
                configs.add(t.params());
            }
            assertEquals(12, configs.size(), "4 x 3 configurations, each once");
            Study study = Study.load("d", s, new RandomSampler(42));
            Trial t = study.ask();
            t.suggestInt("k", 1, 4);
            t.suggestCategorical("c", List.of("a", "b", "c"));
            assertEquals(2, t.params().size(), "an exhausted space still proposes a configuration");
        }
    }
}
