package io.github.hpo4j.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.storage.spi.StorageBackend;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.Trial;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStorageTest extends StorageConformanceTest {

    @TempDir
    Path dir;

    @Override
    Storage newStorage() {
        return Storage.journal(dir.resolve("conformance.journal"));
    }

    @Test
    void reopen_replaysEverythingAndNumberingContinues() {
        Path file = dir.resolve("reopen.journal");
        try (StorageBackend s = (StorageBackend) Storage.journal(file)) {
            Study study = Study.builder().name("r").storage(s).build();
            study.optimize(t -> t.suggestFloat("x", 0, 1), 5);
        }
        try (StorageBackend s = (StorageBackend) Storage.journal(file)) {
            Study study = Study.load("r", s);
            assertEquals(5, study.trials(TrialState.COMPLETE).size());
            assertEquals(5, study.ask().number());
        }
    }

    @Test
    void eightThreads_250AskTellEach_allNumbersOnce() throws Exception {
        Path file = dir.resolve("threads.journal");
        try (StorageBackend s = (StorageBackend) Storage.journal(file)) {
            Study.builder().name("c").storage(s).build();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<List<Integer>>> futures = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int seed = w;
                futures.add(pool.submit(() -> {
                    Study study = Study.load("c", s, new RandomSampler(seed));
                    List<Integer> mine = new ArrayList<>();
                    for (int i = 0; i < 250; i++) {
                        Trial t = study.ask();
                        study.tell(t, t.suggestFloat("x", 0, 1));
                        mine.add(t.number());
                    }
                    return mine;
                }));
            }
            Set<Integer> told = new HashSet<>();
            for (Future<List<Integer>> f : futures) {
                told.addAll(f.get());
            }
            pool.shutdown();
            assertEquals(2000, told.size());
        }
        try (StorageBackend s = (StorageBackend) Storage.journal(file)) {
            List<TrialRecord> all = s.trials("c");
            assertEquals(2000, all.size());
            BitSet numbers = new BitSet();
            for (TrialRecord r : all) {
                assertEquals(TrialState.COMPLETE, r.state());
                assertTrue(r.params().containsKey("x"));
                numbers.set(r.number());
            }
            assertEquals(2000, numbers.cardinality());
            assertEquals(1999, numbers.length() - 1);
        }
    }

    private static Process child(Path journal, String study, int trials, long seed) throws Exception {
        return ChildJvm.start(journal.resolveSibling(journal.getFileName() + ".stderr"), JournalWriterMain.class,
                journal.toString(), study, Integer.toString(trials), Long.toString(seed));
    }

    @Test
    void secondProcess_writingAtTheSameTime_bothProcessesTrialsPresent() throws Exception {
        Path file = dir.resolve("procs.journal");
        try (StorageBackend s = (StorageBackend) Storage.journal(file)) {
            Study.builder().name("p").storage(s).minimize("loss").build();
        }
        Process other = child(file, "p", 300, 99);
        List<Integer> mine = new ArrayList<>();
        try (StorageBackend s = (StorageBackend) Storage.journal(file)) {
            Study study = Study.load("p", s, new RandomSampler(1));
            for (int i = 0; i < 300; i++) {
                Trial t = study.ask();
                study.tell(t, t.suggestFloat("x", 0, 1));
                mine.add(t.number());
            }
        }
        List<Integer> theirs = ChildJvm.acks(other);
        assertTrue(other.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, other.exitValue(), Files.readString(file.resolveSibling("procs.journal.stderr")));
        assertEquals(300, theirs.size());
        Set<Integer> union = new HashSet<>(mine);
        union.addAll(theirs);
        assertEquals(600, union.size(), "the two processes were handed the same number");
        try (StorageBackend s = (StorageBackend) Storage.journal(file)) {
            List<TrialRecord> all = s.trials("p");
            assertEquals(600, all.size());
            assertEquals(600, all.stream().filter(t -> t.state() == TrialState.COMPLETE).count());
        }
    }

    @Test
    void childKilledWhileWriting_everyAcknowledgedTrialSurvives() throws Exception {
        Path file = dir.resolve("kill.journal");
        Process p = child(file, "k", 1_000_000, 5);
        Set<Integer> acked = new HashSet<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (line.startsWith("ACK ")) {
                acked.add(Integer.parseInt(line.substring(4)));
                if (acked.size() >= 300) {
                    break;
                }
            }
        }
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertTrue(acked.size() >= 300);
        try (StorageBackend s = (StorageBackend) Storage.journal(file)) {
            List<TrialRecord> all = s.trials("k");
            for (int n : acked) {
                assertEquals(TrialState.COMPLETE, all.get(n).state(), "acknowledged trial " + n + " lost");
            }
            // a restart resumes: numbering continues after whatever the child left
            Study study = Study.load("k", s);
            Trial t = study.ask();
            assertEquals(all.size(), t.number());
            study.tell(t, t.suggestFloat("x", 0, 1));
        }
    }

    @Test
    void tornLastLine_isIgnoredAndNextWriteStartsFreshLine() throws Exception {
        Path file = dir.resolve("torn.journal");
        try (StorageBackend s = (StorageBackend) Storage.journal(file)) {
            Study study = Study.builder().name("t").storage(s).build();
            study.optimize(t -> t.suggestFloat("x", 0, 1), 3);
        }
        Files.writeString(file, "{\"op\":\"create\",\"study\":\"t\",\"sta", StandardOpenOption.APPEND);
        try (StorageBackend s = (StorageBackend) Storage.journal(file)) {
            assertEquals(3, s.trials("t").size());
            Study study = Study.load("t", s);
            study.optimize(t -> t.suggestFloat("x", 0, 1), 2);
        }
        try (StorageBackend s = (StorageBackend) Storage.journal(file)) {
            List<TrialRecord> all = s.trials("t");
            assertEquals(5, all.size());
            assertEquals(List.of(0, 1, 2, 3, 4), all.stream().map(TrialRecord::number).toList());
            assertTrue(all.stream().allMatch(t -> t.state() == TrialState.COMPLETE));
        }
    }

    @Test
    void garbageLineInTheMiddle_failsTheOpenNamingTheLine_lenientOpenSkipsAndCountsIt() throws Exception {
        Path file = dir.resolve("garbage.journal");
        try (Storage s = Storage.journal(file)) {
            Study study = Study.builder().name("g").storage(s).build();
            study.optimize(t -> t.suggestFloat("x", 0, 1), 2);
        }
        long lines = Files.readAllLines(file).size();
        Files.writeString(file, "not json at all\n", StandardOpenOption.APPEND);
        DamagedJournalException e = assertThrows(DamagedJournalException.class, () -> Storage.journal(file));
        assertEquals(List.of(lines + 1), e.damage().stream().map(SkippedRecord::line).toList());
        assertTrue(e.getMessage().contains("damaged line " + (lines + 1)), e.getMessage());
        assertTrue(e.getMessage().contains("hpo journal repair"), e.getMessage());
        try (Storage s = Storage.journalBuilder(file).lenient(true).open()) {
            assertEquals(1, s.skippedRecords().size());
            Study study = Study.load("g", s);
            study.optimize(t -> t.suggestFloat("x", 0, 1), 1);
            assertEquals(3, study.trials(TrialState.COMPLETE).size());
        }
    }

    @Test
    void interruptedWriters_doNotBreakTheJournal_andAcknowledgedWritesSurvive() throws Exception {
        Path file = dir.resolve("interrupt.journal");
        try (StorageBackend s = (StorageBackend) Storage.journal(file)) {
            Study.builder().name("i").storage(s).build();
            // a pending interrupt does not close the channel, and stays pending
            Thread.currentThread().interrupt();
            int n = s.createTrial("i", false);
            assertTrue(Thread.interrupted(), "the interrupt flag must be restored");
            assertEquals(0, n);
            // a thread interrupted again and again while it writes
            java.util.concurrent.ConcurrentLinkedQueue<Integer> acked = new java.util.concurrent.ConcurrentLinkedQueue<>();
            Thread writer = new Thread(() -> {
                for (int k = 0; k < 300; k++) {
                    try {
                        acked.add(s.createTrial("i", false));
                    } catch (RuntimeException e) {
                        // a write cut by an interrupt is not acknowledged
                    }
                }
            });
            writer.start();
            while (writer.isAlive()) {
                writer.interrupt();
                Thread.sleep(1);
            }
            writer.join();
            int after = s.createTrial("i", false);
            assertTrue(after > 0);
            assertTrue(acked.size() > 0);
            ackedAfterInterrupts.clear();
            ackedAfterInterrupts.addAll(acked);
        }
        try (StorageBackend s = (StorageBackend) Storage.journal(file)) {
            List<TrialRecord> all = s.trials("i");
            Set<Integer> numbers = new HashSet<>();
            for (TrialRecord t : all) {
                numbers.add(t.number());
            }
            assertEquals(all.size(), numbers.size());
            assertTrue(numbers.containsAll(ackedAfterInterrupts), "an acknowledged write was lost");
        }
    }

    private final List<Integer> ackedAfterInterrupts = new ArrayList<>();
}
