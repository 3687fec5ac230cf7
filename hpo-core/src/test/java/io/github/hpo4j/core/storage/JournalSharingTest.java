package io.github.hpo4j.core.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Handles on one journal in one JVM share its lock; read-only handles; lock timeouts. */
class JournalSharingTest {

    @TempDir
    Path dir;

    @Test
    void handlesOpenedAndClosedBesideAWriter_neverDropItsLock_noTrialLostOrDuplicated() throws Exception {
        Path file = dir.resolve("shared.journal");
        Path link = dir.resolve("link.journal");
        try (Storage s = Storage.journal(file)) {
            Study.builder().name("p").storage(s).minimize("loss").build();
        }
        Files.createSymbolicLink(link, file);
        Process other = ChildJvm.start(dir.resolve("child.stderr"), JournalWriterMain.class, file.toString(), "p", "400", "99");
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger opened = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // a dashboard: opens, reads and closes handles in a loop, through the file and the link
        Thread reader = new Thread(() -> {
            try {
                while (!done.get()) {
                    Path p = opened.get() % 2 == 0 ? file : link;
                    try (Storage s = opened.get() % 3 == 0 ? Storage.journalBuilder(p).readOnly(true).open()
                            : Storage.journal(p)) {
                        Study.load("p", s, new RandomSampler(0)).trials();
                    }
                    opened.incrementAndGet();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        reader.start();
        List<Integer> mine = new ArrayList<>();
        try (Storage s = Storage.journal(link)) {
            Study study = Study.load("p", s, new RandomSampler(1));
            for (int i = 0; i < 400; i++) {
                Trial t = study.ask();
                study.tell(t, t.suggestFloat("x", 0, 1));
                mine.add(t.number());
            }
        }
        List<Integer> theirs = ChildJvm.acks(other);
        assertTrue(other.waitFor(60, TimeUnit.SECONDS));
        done.set(true);
        reader.join();
        assertEquals(null, failure.get());
        assertEquals(0, other.exitValue(), Files.readString(dir.resolve("child.stderr")));
        assertTrue(opened.get() > 10, "the reader opened " + opened.get() + " handles");
        Set<Integer> union = new HashSet<>(mine);
        union.addAll(theirs);
        assertEquals(800, union.size(), "a number was handed out twice");
        try (StorageBackend s = StorageBackend.of(Storage.journal(file))) {
            List<TrialRecord> all = s.trials("p");
            assertEquals(800, all.size());
            assertEquals(800, all.stream().filter(t -> t.state() == TrialState.COMPLETE).count());
            for (int n : union) {
                assertEquals(TrialState.COMPLETE, s.trial("p", n).state(), "acknowledged trial " + n + " lost");
            }
        }
    }

    @Test
    void readOnlyHandle_readsWhatWritersAppend_writesNothing_refusesWrites() throws Exception {
        Path file = dir.resolve("ro.journal");
        assertEquals("file: no journal at " + file.toAbsolutePath(),
                assertThrows(IllegalArgumentException.class, () -> Storage.journalBuilder(file).readOnly(true).open())
                        .getMessage());
        try (Storage w = Storage.journal(file)) {
            Study study = Study.builder().name("r").storage(w).sampler(new RandomSampler(0)).build();
            study.optimize(t -> t.suggestFloat("x", 0, 1), 2);
            byte[] before = Files.readAllBytes(file);
            try (StorageBackend r = StorageBackend.of(Storage.journalBuilder(file).readOnly(true).open())) {
                assertTrue(r.isReadOnly());
                assertEquals(2, r.trials("r").size());
                study.optimize(t -> t.suggestFloat("x", 0, 1), 1);
                assertEquals(3, r.trials("r").size());
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.createTrial("r", false));
                assertTrue(e.getMessage().startsWith("storage is read-only"), e.getMessage());
                assertThrows(IllegalStateException.class, () -> Study.load("r", r).ask());
            }
            assertTrue(Files.size(file) > before.length);
        }
    }

    @Test
    void closedHandle_saysSo_whileAnotherHandleOnTheFileWorks() {
        Path file = dir.resolve("closed.journal");
        StorageBackend a = StorageBackend.of(Storage.journal(file));
        StorageBackend b = StorageBackend.of(Storage.journal(file));
        a.createStudy("s", List.of(io.github.hpo4j.core.study.Objective.minimize("v")));
        a.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, a::studyNames);
        assertTrue(e.getMessage().startsWith("storage is closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> a.createTrial("s", false));
        assertEquals(0, b.createTrial("s", false));
        a.close(); // closing twice is harmless and does not touch b
        assertEquals(1, b.createTrial("s", false));
        b.close();
    }

    @Test
    void lockHeldByAnotherProcess_writeGivesUpAfterTheTimeout_namingTheProcess() throws Exception {
        Path file = dir.resolve("held.journal");
        try (Storage s = Storage.journal(file)) {
            Study.builder().name("h").storage(s).build();
        }
        Process holder = ChildJvm.start(dir.resolve("holder.stderr"), JournalLockHolderMain.class, file.toString(), "20000");
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line = r.readLine();
            assertTrue(line != null && line.startsWith("LOCKED"), "holder said " + line);
            long pid = Long.parseLong(line.substring(7));
            try (StorageBackend s = StorageBackend.of(Storage.journalBuilder(file).lockTimeout(Duration.ofMillis(300)).open())) {
                assertEquals(List.of("h"), s.studyNames()); // reading needs no lock
                long t0 = System.nanoTime();
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.createTrial("h", false));
                assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
                assertTrue(e.getMessage().contains("could not lock it within 300 ms"), e.getMessage());
                assertTrue(e.getMessage().contains("process " + pid + " holds it"), e.getMessage());
                holder.destroyForcibly();
                assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
                assertEquals(0, s.createTrial("h", false), "the handle works once the lock is free");
            }
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void twoThreadsThroughTheFileAndALink_shareOneLock() throws Exception {
        Path file = dir.resolve("t.journal");
        Path link = dir.resolve("t-link.journal");
        try (Storage s = Storage.journal(file)) {
            Study.builder().name("t").storage(s).build();
        }
        Files.createSymbolicLink(link, file);
        ConcurrentLinkedQueue<Integer> numbers = new ConcurrentLinkedQueue<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (Path p : List.of(file, link)) {
            Thread t = new Thread(() -> {
                try (StorageBackend s = StorageBackend.of(Storage.journal(p))) {
                    for (int i = 0; i < 200; i++) {
                        numbers.add(s.createTrial("t", false));
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(null, failure.get());
        int[] sorted = numbers.stream().mapToInt(Integer::intValue).sorted().toArray();
        assertArrayEquals(java.util.stream.IntStream.range(0, 400).toArray(), sorted);
    }

    @Test
    void builderOptions_areCheckedAsSet() {
        JournalBuilder b = Storage.journalBuilder(dir.resolve("b.journal"));
        assertEquals("timeout (PT-1S) must not be negative",
                assertThrows(IllegalArgumentException.class, () -> b.lockTimeout(Duration.ofSeconds(-1))).getMessage());
        assertThrows(NullPointerException.class, () -> b.lockTimeout(null));
        assertThrows(NullPointerException.class, () -> Storage.journalBuilder(null));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Storage.journal(dir)).getMessage()
                .contains("is a directory"));
        assertTrue(assertThrows(java.io.UncheckedIOException.class,
                () -> Storage.journal(dir.resolve("no/such/dir/x.journal"))).getMessage().contains("does not exist"));
    }
}
