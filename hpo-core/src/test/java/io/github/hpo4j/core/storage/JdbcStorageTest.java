package io.github.hpo4j.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.storage.spi.StorageBackend;
import io.github.hpo4j.core.study.Objective;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.Trial;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The storage contract, and what only a database storage has, on one database; a subclass per database. */
abstract class JdbcStorageTest extends StorageConformanceTest {

    /** The database's URL; its hpo4j tables are dropped before each test. */
    abstract String url() throws Exception;

    @Override
    Storage newStorage() throws Exception {
        String url = url();
        TestDatabases.dropTables(url);
        return Storage.open(url);
    }

    @Test
    void trialThisStorageRuns_isAnsweredWithoutAQuery_andAnotherWorkersStaleFailIsFoundAtTheNextWrite()
            throws Exception {
        JdbcStorage mine = (JdbcStorage) storage;
        int n = storage.createTrial("s", true);
        storage.setParam("s", n, "x", io.github.hpo4j.core.space.FloatDistribution.of(0, 1), 0.5);
        long queries = mine.trialQueries.get();
        TrialRecord t = storage.trial("s", n);
        assertEquals(queries, mine.trialQueries.get(), "a trial this storage runs costs no query");
        assertEquals(Map.of("x", 0.5), t.params());
        try (Storage otherStorage = Storage.open(url())) {
            StorageBackend other = StorageBackend.of(otherStorage);
            assertEquals(t, other.trial("s", n), "what this storage answers is what the database holds");
            Thread.sleep(30);
            assertEquals(1, other.failStaleTrials("s", java.time.Duration.ofMillis(5), 0).size());
        }
        IllegalStateException late = assertThrows(IllegalStateException.class, () -> storage.setParam("s", n, "y",
                io.github.hpo4j.core.space.FloatDistribution.of(0, 1), 0.1));
        assertTrue(late.getMessage().contains("stale"), late.getMessage());
        assertEquals(TrialState.FAIL, storage.trials("s").get(n).state());
        assertEquals(TrialState.FAIL, storage.trial("s", n).state(),
                "once read as ended, the trial is answered from the database's copy");
    }

    @Test
    void writeToATrialThisStorageRuns_afterAnotherWorkerWroteIt_losesNeitherWrite() throws Exception {
        io.github.hpo4j.core.space.FloatDistribution x = io.github.hpo4j.core.space.FloatDistribution.of(0, 1);
        int n = storage.createTrial("s", false);
        storage.setParam("s", n, "x", x, 0.5);
        try (Storage otherStorage = Storage.open(url())) {
            StorageBackend.of(otherStorage).setUserAttr("s", n, "host", "b");
        }
        storage.setParam("s", n, "y", x, 0.25); // this storage's copy is one write behind
        storage.finishTrial("s", n, TrialState.COMPLETE, new double[] {1.0}, null);
        try (Storage otherStorage = Storage.open(url())) {
            TrialRecord t = StorageBackend.of(otherStorage).trial("s", n);
            assertEquals(Map.of("x", 0.5, "y", 0.25), t.params());
            assertEquals("b", t.attributes().get("host"));
            assertEquals(TrialState.COMPLETE, t.state());
        }
    }

    @Test
    void namesWithSql_areStoredAndReadBackVerbatim() {
        String evil = "x'); DROP TABLE hpo_trials;--";
        storage.createStudy(evil, List.of(Objective.minimize(evil)));
        Study study = Study.load(evil, storage, new RandomSampler(0));
        Trial t = study.ask();
        t.suggestCategorical(evil, List.of(evil, "b"));
        t.setUserAttr(evil, evil);
        t.setMetric(evil, 1.5);
        study.tellFailure(t, evil);
        TrialRecord r = study.trial(t.number());
        assertTrue(storage.studyNames().contains(evil));
        assertEquals(evil, r.attributes().get(evil));
        assertEquals(1.5, r.metrics().get(evil));
        assertEquals(evil, r.failure().orElseThrow());
        assertTrue(r.params().containsKey(evil));
        assertEquals(List.of(Objective.minimize(evil)), storage.findStudy(evil).orElseThrow().objectives());
    }

    @Test
    void nonFiniteValues_roundTrip() {
        int n = storage.createTrial("s", false);
        storage.reportIntermediate("s", n, 0, Double.POSITIVE_INFINITY);
        storage.setMetric("s", n, "m", Double.NEGATIVE_INFINITY);
        storage.setConstraints("s", n, new double[] {Double.NaN, -1});
        storage.finishTrial("s", n, TrialState.COMPLETE, new double[] {Double.POSITIVE_INFINITY}, null);
        TrialRecord r = storage.trial("s", n);
        assertEquals(Map.of(0, Double.POSITIVE_INFINITY), r.intermediateValues());
        assertEquals(Double.NEGATIVE_INFINITY, r.metrics().get("m"));
        assertTrue(Double.isNaN(r.constraints().get(0)));
        assertEquals(List.of(Double.POSITIVE_INFINITY), r.values());
    }

    @Test
    void secondHandle_seesTheFirstsTrials_incrementally() {
        try (StorageBackend other = StorageBackend.of(Storage.open(urlUnchecked()))) {
            Study a = Study.load("s", storage, new RandomSampler(1));
            Study b = Study.load("s", other, new RandomSampler(2));
            a.optimize(t -> t.suggestFloat("x", 0, 1), 5);
            assertEquals(5, b.trials().size());
            Trial t = b.ask();
            b.tell(t, t.suggestFloat("x", 0, 1));
            assertEquals(6, a.trials(TrialState.COMPLETE).size());
            assertEquals(5, a.trials().get(5).number());
        }
    }

    private String urlUnchecked() {
        try {
            return url();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void schemaNewerThanTheLibrary_isRefusedSayingSo() throws Exception {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE hpo_schema SET version = 99 WHERE id = 1");
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Storage.open(url()));
        assertTrue(e.getMessage().contains("version 99, newer than this library's 3: upgrade hpo4j"), e.getMessage());
    }

    @Test
    void schemaOfVersion1_isUpgradedToTheCurrent_keepingItsTrials() throws Exception {
        Study study = Study.builder().name("old").storage(storage).sampler(new RandomSampler(1)).build();
        study.optimize(t -> t.suggestFloat("x", 0, 1), 3);
        storage.close();
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE hpo_schema SET version = 1 WHERE id = 1");
        }
        try (StorageBackend reopened = StorageBackend.of(Storage.open(url()));
             Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            try (java.sql.ResultSet r = s.executeQuery("SELECT version FROM hpo_schema WHERE id = 1")) {
                r.next();
                assertEquals(JdbcSchema.VERSION, r.getInt(1));
            }
            assertEquals(3, reopened.trials("old").size());
            reopened.enqueueTrial("old", Map.of("x", 0.5), java.util.Map.of());
            assertEquals(java.util.OptionalInt.of(3), reopened.claimWaitingTrial("old", false));
        }
    }

    @Test
    void schemaOfVersion2_isUpgradedTo3_andItsRunningTrialsTakeWrites() throws Exception {
        int running = storage.createTrial("s", false);
        storage.setParam("s", running, "x", io.github.hpo4j.core.space.FloatDistribution.of(0, 1), 0.5);
        storage.close();
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.executeUpdate("ALTER TABLE hpo_trials DROP COLUMN row_version");
            s.executeUpdate("UPDATE hpo_schema SET version = 2 WHERE id = 1");
        }
        try (StorageBackend reopened = StorageBackend.of(Storage.open(url()));
             Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            try (java.sql.ResultSet r = s.executeQuery("SELECT version FROM hpo_schema WHERE id = 1")) {
                r.next();
                assertEquals(3, r.getInt(1));
            }
            reopened.setParam("s", running, "y", io.github.hpo4j.core.space.FloatDistribution.of(0, 1), 0.25);
            reopened.finishTrial("s", running, TrialState.COMPLETE, new double[] {1.0}, null);
            assertEquals(Map.of("x", 0.5, "y", 0.25), reopened.trial("s", running).params());
            try (java.sql.ResultSet r = s.executeQuery("SELECT row_version FROM hpo_trials WHERE trial_number = " + running)) {
                r.next();
                assertEquals(2, r.getLong(1), "each write after the upgrade counted");
            }
        }
    }

    @Test
    void copy_journalToDatabaseToJournal_keepsEveryTrial(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        try (StorageBackend journal = StorageBackend.of(Storage.journal(dir.resolve("a.journal")));
             StorageBackend back = StorageBackend.of(Storage.journal(dir.resolve("b.journal")))) {
            Study study = Study.builder().name("j").storage(journal).sampler(new RandomSampler(2)).build();
            study.optimize(t -> {
                t.report(0, 1.0);
                t.setMetric("auc", 0.7);
                t.setUserAttr("host", "a");
                return t.suggestFloat("x", 0, 1) + t.suggestCategorical("c", List.of("p", "q")).length();
            }, 12);
            Storage.copyStudy(journal, "j", storage);
            Storage.copyStudy(storage, "j", back);
            assertEquals(journal.trials("j"), storage.trials("j"));
            assertEquals(journal.trials("j"), back.trials("j"));
        }
    }
}
