package io.github.hpo4j.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.storage.ChildJvm;
import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.trial.Trial;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four worker JVMs on one journal, one killed with SIGKILL every 1.5 s and replaced: nothing
 * acknowledged is lost, nothing duplicated, nothing left RUNNING after the grace period, and each
 * killed trial's configuration runs again once.
 */
class HeartbeatKillTest {

    /** The storage the workers share; a subclass may use a database. */
    String storageUrl() throws Exception {
        return "journal:" + dir.resolve("kill.journal");
    }

    /** Kills, and the trials they stop at, for this storage. */
    int kills() {
        return KILLS;
    }

    int target() {
        return TARGET;
    }

    @TempDir
    Path dir;


    /** Kills, and COMPLETE trials the workers stop at: {@code -Dhpo.test.kills=20 -Dhpo.test.target=900} runs ~30 s. */
    private static final int KILLS = Integer.getInteger("hpo.test.kills", 6);
    private static final int TARGET = Integer.getInteger("hpo.test.target", 300);

    private final Set<Integer> acked = ConcurrentHashMap.newKeySet();
    /** The trials the killed workers were running when killed. */
    private final List<Integer> killedIn = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The trial each worker is running (-1 for none): a worker is killed only inside a trial. */
    private final Map<Process, java.util.concurrent.atomic.AtomicInteger> runningOf = new ConcurrentHashMap<>();
    private final List<Thread> readers = new ArrayList<>();

    private Process worker(String url, int seed) throws Exception {
        Process p = ChildJvm.start(dir.resolve("worker-" + seed + ".stderr"), HeartbeatWorkerMain.class,
                url, "k", Integer.toString(target()), Integer.toString(seed));
        java.util.concurrent.atomic.AtomicInteger mine = new java.util.concurrent.atomic.AtomicInteger(-1);
        runningOf.put(p, mine);
        Thread reader = new Thread(() -> {
            try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("RUN ")) {
                        mine.set(Integer.parseInt(line.substring(4)));
                    } else if (line.startsWith("ACK ")) {
                        acked.add(Integer.parseInt(line.substring(4)));
                        mine.set(-1);
                    }
                }
            } catch (java.io.IOException e) {
                // killed
            }
        });
        reader.start();
        readers.add(reader);
        return p;
    }

    @Test
    void workersKilledMidTrial_loseNothing_strandNothing_retryEachKilledTrialOnce() throws Exception {
        String journal = storageUrl();
        try (Storage s = Storage.open(journal)) {
            Study.builder().name("k").storage(s).minimize("loss").build();
        }
        List<Process> workers = new ArrayList<>();
        int seed = 0;
        for (int i = 0; i < 4; i++) {
            workers.add(worker(journal, seed++));
        }
        Random random = new Random(7);
        int kills = 0;
        while (kills < kills()) {
            Thread.sleep(1500);
            int victim = random.nextInt(workers.size());
            Process p = workers.get(victim);
            long waitUntil = System.nanoTime() + 20_000_000_000L;
            while (p.isAlive() && runningOf.get(p).get() < 0 && System.nanoTime() < waitUntil) {
                Thread.sleep(2); // kill inside a trial: its objective sleeps 60 ms after saying RUN
            }
            if (!p.isAlive()) {
                break; // the study reached its target
            }
            int inTrial = runningOf.get(p).get();
            p.destroyForcibly();
            if (inTrial >= 0) {
                killedIn.add(inTrial);
            }
            p.waitFor(10, TimeUnit.SECONDS);
            kills++;
            workers.set(victim, worker(journal, seed++));
        }
        for (Process p : workers) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a worker did not finish");
        }
        for (Thread r : readers) {
            r.join();
        }
        assertTrue(kills >= 3, kills + " kills");
        // trials of workers killed at the very end: failed after the grace period, their retries run here
        Thread.sleep(1200);
        try (Storage s = Storage.open(journal)) {
            Study study = Study.builder().name("k").storage(s).sampler(new RandomSampler(99)).loadIfExists(true)
                    .heartbeat(Duration.ofMillis(100), Duration.ofMillis(1000)).build();
            study.failStaleTrials();
            while (!study.trials(TrialState.WAITING).isEmpty()) {
                Trial t = study.ask();
                study.tell(t, t.suggestFloat("x", 0, 1) + t.suggestFloat("y", 0, 1));
            }
            List<TrialRecord> all = study.trials();
            for (int n : acked) {
                assertEquals(TrialState.COMPLETE, study.trial(n).state(), "acknowledged trial " + n + " lost");
            }
            assertEquals(0, all.stream().filter(t -> t.state() == TrialState.RUNNING).count(), "stranded trials");
            Map<Integer, List<TrialRecord>> retriesOf = new HashMap<>();
            Set<Map<String, Object>> originals = new HashSet<>();
            for (TrialRecord t : all) {
                if (t.attributes().get("retried_from") instanceof Integer from) {
                    retriesOf.computeIfAbsent(from, k -> new ArrayList<>()).add(t);
                } else if (!t.params().isEmpty()) {
                    assertTrue(originals.add(t.params()), "configuration of trial " + t.number() + " ran twice");
                }
            }
            int stale = 0;
            for (TrialRecord t : all) {
                boolean killed = t.state() == TrialState.FAIL && t.failure().orElse("").startsWith("stale:");
                boolean original = !(t.attributes().get("retried_from") instanceof Integer);
                if (killed) {
                    stale++; // a killed trial may itself be a retry of an earlier killed one
                }
                if (killed && original) {
                    List<TrialRecord> retries = retriesOf.getOrDefault(t.number(), List.of());
                    assertEquals(1, retries.size(), "trial " + t.number() + " retried " + retries.size() + " times");
                    TrialRecord retry = retries.get(0);
                    assertTrue(retry.state().isFinished(), "retry " + retry.number() + " is " + retry.state());
                    if (retry.state() == TrialState.COMPLETE) {
                        // what the killed trial had chosen, its retry runs again (the rest is sampled)
                        t.params().forEach((k, v) -> assertEquals(v, retry.params().get(k), "retry " + retry.number()));
                    }
                }
            }
            // each kill landed inside a trial: it either made its tell before dying, or it failed by heartbeat
            for (int n : killedIn) {
                TrialRecord t = study.trial(n);
                assertTrue(t.state() == TrialState.COMPLETE
                        || (t.state() == TrialState.FAIL && t.failure().orElse("").startsWith("stale:")),
                        "killed trial " + n + " is " + t.state() + " " + t.failure());
            }
            assertTrue(stale >= 1, stale + " stale trials for " + kills + " kills");
            assertTrue(acked.size() >= target() - 50, acked.size() + " acknowledged");
        }
    }
}
