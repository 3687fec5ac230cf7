package io.github.hpo4j.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.storage.spi.StorageBackend;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.Trial;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Every connection of the workers killed again and again while four threads run trials: the
 * storage reconnects and retries; no acknowledged trial is lost, and a write that failed for good
 * throws instead of vanishing. A subclass per database says how to kill its connections.
 */
abstract class ConnectionLossTest {

    /** The database's URL. */
    abstract String url();

    /** Kills every other connection to the test database. */
    abstract void killOthers(Statement admin) throws Exception;

    @Test
    void connectionsKilledMidRun_workersCarryOn_nothingAcknowledgedIsLost() throws Exception {
        String url = url();
        TestDatabases.dropTables(url);
        Set<Integer> acked = ConcurrentHashMap.newKeySet();
        AtomicInteger failedForGood = new AtomicInteger();
        AtomicInteger kills = new AtomicInteger();
        try (Storage storage = Storage.open(url)) {
            Study.builder().name("c").storage(storage).build();
            AtomicBoolean done = new AtomicBoolean();
            Thread killer = new Thread(() -> {
                try (Connection admin = DriverManager.getConnection(url); Statement s = admin.createStatement()) {
                    while (!done.get()) {
                        Thread.sleep(150);
                        killOthers(s);
                        kills.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            killer.start();
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int seed = w;
                Thread t = new Thread(() -> {
                    Study study = Study.load("c", storage, new RandomSampler(seed));
                    for (int i = 0; i < 60; i++) {
                        try {
                            Trial trial = study.ask();
                            study.tell(trial, trial.suggestFloat("x", 0, 1));
                            acked.add(trial.number());
                        } catch (StorageException e) {
                            failedForGood.incrementAndGet(); // not acknowledged, and said so
                        }
                    }
                });
                t.start();
                workers.add(t);
            }
            for (Thread t : workers) {
                t.join();
            }
            done.set(true);
            killer.join();
        }
        assertTrue(kills.get() >= 3, kills.get() + " rounds of killed connections");
        try (StorageBackend s = StorageBackend.of(Storage.open(url))) {
            List<TrialRecord> all = s.trials("c");
            for (int n : acked) {
                assertEquals(TrialState.COMPLETE, s.trial("c", n).state(), "acknowledged trial " + n + " lost");
            }
            assertEquals(all.size(), all.stream().map(TrialRecord::number).distinct().count());
            assertTrue(acked.size() + failedForGood.get() >= 240 - 4, acked.size() + " acknowledged, " + failedForGood
                    + " failed for good");
        }
    }
}
