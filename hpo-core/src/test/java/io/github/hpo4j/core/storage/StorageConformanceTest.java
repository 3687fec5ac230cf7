package io.github.hpo4j.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.storage.spi.StaleTrial;
import io.github.hpo4j.core.storage.spi.StorageBackend;
import io.github.hpo4j.core.space.FloatDistribution;
import io.github.hpo4j.core.space.IntDistribution;
import io.github.hpo4j.core.study.Objective;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every storage must do; each implementation's test extends this. */
abstract class StorageConformanceTest {

    StorageBackend storage;

    abstract Storage newStorage() throws Exception;

    @BeforeEach
    void open() throws Exception {
        storage = StorageBackend.of(newStorage());
        storage.createStudy("s", List.of(Objective.minimize("loss")));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void createStudy_twice_throws() {
        assertEquals("name: study 's' already exists",
                assertThrows(IllegalArgumentException.class,
                        () -> storage.createStudy("s", List.of(Objective.minimize("x")))).getMessage());
    }

    @Test
    void findStudy_returnsObjectives() {
        assertEquals(List.of(Objective.minimize("loss")), storage.findStudy("s").orElseThrow().objectives());
        assertTrue(storage.findStudy("other").isEmpty());
        assertEquals(List.of("s"), storage.studyNames());
    }

    @Test
    void trialLifecycle_everyFieldRoundTrips() {
        int n = storage.createTrial("s", false);
        assertEquals(0, n);
        storage.setParam("s", n, "lr", FloatDistribution.log(1e-5, 1), 1e-3);
        storage.setParam("s", n, "k", IntDistribution.of(1, 9), 4);
        storage.setParam("s", n, "opt", CategoricalDistribution.of("adam", "sgd"), 1);
        storage.reportIntermediate("s", n, 0, 0.9);
        storage.reportIntermediate("s", n, 1, 0.7);
        storage.setUserAttr("s", n, "model", "hybrid");
        storage.setMetric("s", n, "recall@100", 0.25);
        assertEquals("nan_metric: metric value is NaN", assertThrows(IllegalArgumentException.class,
                () -> storage.setMetric("s", n, "nan_metric", Double.NaN)).getMessage());
        storage.setConstraints("s", n, new double[] {-1, 0.5});
        storage.finishTrial("s", n, TrialState.COMPLETE, new double[] {0.7}, null);
        TrialRecord r = storage.trial("s", n);
        assertEquals(Map.of("lr", 1e-3, "k", 4, "opt", "sgd"), r.params());
        assertEquals(Map.of(0, 0.9, 1, 0.7), r.intermediateValues());
        assertEquals("hybrid", r.attributes().get("model"));
        assertEquals(0.25, r.metrics().get("recall@100"));
        assertFalse(r.metrics().containsKey("nan_metric"));
        assertEquals(List.of(-1.0, 0.5), r.constraints());
        assertEquals(List.of(0.7), r.values());
        assertEquals(TrialState.COMPLETE, r.state());
    }

    @Test
    void changeToFinishedTrial_throwsIllegalState() {
        int n = storage.createTrial("s", false);
        storage.finishTrial("s", n, TrialState.FAIL, new double[0], "oops");
        assertThrows(IllegalStateException.class,
                () -> storage.setParam("s", n, "x", FloatDistribution.of(0, 1), 0.5));
        assertThrows(IllegalStateException.class,
                () -> storage.finishTrial("s", n, TrialState.COMPLETE, new double[] {1}, null));
        assertEquals("oops", storage.trial("s", n).failure().orElseThrow());
    }

    @Test
    void unknownStudyOrTrial_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> storage.createTrial("nope", false));
        assertThrows(IllegalArgumentException.class, () -> storage.trial("s", 3));
    }

    @Test
    void paramOutsideDistribution_isRejected() {
        int n = storage.createTrial("s", false);
        assertThrows(IllegalArgumentException.class,
                () -> storage.setParam("s", n, "x", FloatDistribution.of(0, 1), 2));
    }

    @Test
    void waitingTrials_areClaimedOldestFirst_once() {
        storage.enqueueTrial("s", Map.of("x", 1), Map.of());
        storage.createTrial("s", false);
        storage.enqueueTrial("s", Map.of("x", 2), Map.of());
        assertEquals(OptionalInt.of(0), storage.claimWaitingTrial("s", false));
        assertEquals(OptionalInt.of(2), storage.claimWaitingTrial("s", false));
        assertEquals(OptionalInt.empty(), storage.claimWaitingTrial("s", false));
        assertEquals(Map.of("x", 2), storage.trial("s", 2).fixedParams());
        assertEquals(TrialState.RUNNING, storage.trial("s", 2).state());
    }

    @Test
    void addTrial_renumbersAndKeepsEverything() {
        storage.createTrial("s", false);
        TrialRecord imported = TrialRecord.builder(42).param("x", FloatDistribution.of(0, 1), 0.5)
                .values(0.3).metric("rmse", 1.5).build();
        int n = storage.addTrial("s", imported);
        assertEquals(1, n);
        TrialRecord r = storage.trial("s", 1);
        assertEquals(imported.params(), r.params());
        assertEquals(imported.metrics(), r.metrics());
        assertThrows(IllegalArgumentException.class,
                () -> storage.addTrial("s", TrialRecord.builder(0).state(TrialState.RUNNING).build()));
    }

    @Test
    void severalStudies_keepSeparateNumbering() {
        storage.createStudy("t", List.of(Objective.maximize("acc"), Objective.minimize("ms")));
        assertEquals(0, storage.createTrial("s", false));
        assertEquals(0, storage.createTrial("t", false));
        assertEquals(1, storage.createTrial("s", false));
        assertEquals(2, storage.trials("s").size());
        assertEquals(1, storage.trials("t").size());
    }

    @Test
    void trialsSnapshot_isUnmodifiableAndStable() {
        storage.createTrial("s", false);
        List<TrialRecord> before = storage.trials("s");
        storage.createTrial("s", false);
        assertEquals(1, before.size());
        assertThrows(UnsupportedOperationException.class, () -> before.add(before.get(0)));
    }

    @Test
    void staleTrial_isFailedOnce_andItsConfigurationRetriedOnce() throws Exception {
        int n = storage.createTrial("s", true);
        storage.setParam("s", n, "x", FloatDistribution.of(0, 1), 0.25);
        int plain = storage.createTrial("s", false);
        Thread.sleep(20);
        assertEquals(List.of(), storage.failStaleTrials("s", java.time.Duration.ofMinutes(1), 1));
        List<StaleTrial> failed = storage.failStaleTrials("s", java.time.Duration.ofMillis(5), 1);
        assertEquals(List.of(new StaleTrial(n, OptionalInt.of(2))), failed);
        TrialRecord dead = storage.trial("s", n);
        assertEquals(TrialState.FAIL, dead.state());
        assertTrue(dead.failure().orElseThrow().startsWith("stale: no heartbeat for "), dead.failure().orElseThrow());
        assertEquals(TrialState.RUNNING, storage.trial("s", plain).state(), "a trial without heartbeats is never stale");
        TrialRecord retry = storage.trial("s", 2);
        assertEquals(TrialState.WAITING, retry.state());
        assertEquals(Map.of("x", 0.25), retry.fixedParams());
        assertEquals(Map.of("retried_from", 0, "retry", 1), retry.attributes());
        assertEquals(List.of(), storage.failStaleTrials("s", java.time.Duration.ofMillis(5), 1));
        IllegalStateException late = assertThrows(IllegalStateException.class, () -> storage.recordHeartbeat("s", n));
        assertTrue(late.getMessage().contains("stale: no heartbeat"), late.getMessage());
        // the retry dies too: with one retry allowed, it is failed without another
        assertEquals(OptionalInt.of(2), storage.claimWaitingTrial("s", true));
        Thread.sleep(20);
        assertEquals(List.of(new StaleTrial(2, OptionalInt.empty())),
                storage.failStaleTrials("s", java.time.Duration.ofMillis(5), 1));
        assertEquals(3, storage.trials("s").size());
    }

    @Test
    void heartbeat_keepsATrialFresh() throws Exception {
        int n = storage.createTrial("s", true);
        for (int i = 0; i < 5; i++) {
            Thread.sleep(15);
            storage.recordHeartbeat("s", n);
        }
        assertEquals(List.of(), storage.failStaleTrials("s", java.time.Duration.ofMillis(60), 1));
        assertEquals(TrialState.RUNNING, storage.trial("s", n).state());
    }

    @Test
    void reportTwiceAtOneStep_isRefused_firstValueStands() {
        int n = storage.createTrial("s", false);
        storage.reportIntermediate("s", n, 3, 0.5);
        assertThrows(IllegalStateException.class, () -> storage.reportIntermediate("s", n, 3, 0.7));
        assertEquals(Map.of(3, 0.5), storage.trial("s", n).intermediateValues());
    }

    @Test
    void closedStorage_saysSo() {
        storage.close();
        assertEquals("storage is closed", assertThrows(IllegalStateException.class, () -> storage.studyNames())
                .getMessage().substring(0, 17));
        assertThrows(IllegalStateException.class, () -> storage.createTrial("s", false));
    }

    @Test
    void eightThreads_createAndFinishConcurrently_numbersAreUniqueAndGapFree() throws Exception {
        java.util.concurrent.ConcurrentLinkedQueue<Integer> numbers = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
        for (int w = 0; w < 8; w++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    int n = storage.createTrial("s", i % 2 == 0);
                    storage.setParam("s", n, "x", FloatDistribution.of(0, 1), 0.5);
                    storage.finishTrial("s", n, TrialState.COMPLETE, new double[] {n}, null);
                    numbers.add(n);
                }
            }));
        }
        for (java.util.concurrent.Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertEquals(java.util.stream.IntStream.range(0, 800).boxed().toList(), numbers.stream().sorted().toList());
        List<TrialRecord> all = storage.trials("s");
        assertEquals(800, all.size());
        for (TrialRecord t : all) {
            assertEquals(List.of((double) t.number()), t.values());
        }
    }

    @Test
    void administration_summariesAttributesCopyAndDelete() {
        io.github.hpo4j.core.study.Study study = io.github.hpo4j.core.study.Study.load("s", storage,
                new io.github.hpo4j.core.sampler.RandomSampler(4));
        study.setUserAttr("dataset", "clicks-2026");
        study.setUserAttr("dataset", "clicks-2027");
        study.setUserAttr("folds", 5);
        study.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestInt("k", 1, 3), 6);
        int failed = storage.createTrial("s", false);
        storage.finishTrial("s", failed, TrialState.FAIL, new double[0], "boom");
        storage.enqueueTrial("s", Map.of("x", 0.5), Map.of());
        assertEquals(Map.of("dataset", "clicks-2027", "folds", 5), study.userAttrs());
        StudySummary sum = storage.studySummaries().get(0);
        assertEquals("s", sum.name());
        assertEquals(8, sum.trials());
        assertEquals(6, sum.countByState().get(TrialState.COMPLETE));
        assertEquals(1, sum.countByState().get(TrialState.FAIL));
        assertEquals(1, sum.countByState().get(TrialState.WAITING));
        assertEquals(study.bestTrial().orElseThrow().value(), sum.bestValue().orElseThrow());
        assertTrue(sum.created().isPresent() && !sum.lastActivity().orElseThrow().isBefore(sum.created().get()));

        StorageBackend copy = StorageBackend.of(Storage.inMemory());
        assertEquals(8, Storage.copyStudy(storage, "s", copy));
        assertEquals(storage.trials("s").subList(0, 7), copy.trials("s").subList(0, 7), "finished trials as they were");
        assertEquals(TrialState.WAITING, copy.trial("s", 7).state());
        assertEquals(Map.of("dataset", "clicks-2027", "folds", 5), copy.studyAttrs("s"));
        assertThrows(IllegalArgumentException.class, () -> Storage.copyStudy(storage, "s", copy));
        storage.deleteStudy("s");
        assertTrue(storage.findStudy("s").isEmpty());
        assertEquals(List.of(), storage.studyNames());
        assertThrows(IllegalArgumentException.class, () -> storage.deleteStudy("s"));
        // and back: the same name holds the copy again
        assertEquals(8, Storage.copyStudy(copy, "s", storage));
        assertEquals(copy.trials("s"), storage.trials("s"));
    }
}
