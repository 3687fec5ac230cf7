package io.github.hpo4j.examples.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.storage.ChildJvm;
import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.storage.TestDatabases;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight worker JVMs × 250 trials of the TPE sampler on one study in PostgreSQL, and in MariaDB:
 * exactly 2,000 COMPLETE trials numbered 0..1,999, every acknowledged one present, none twice.
 */
class JdbcLoadTest {

    private static final int WORKERS = 8;
    private static final int TRIALS = Integer.getInteger("hpo.test.load.trials", 250);

    @TempDir
    Path dir;

    private void eightWorkers(String url) throws Exception {
        TestDatabases.dropTables(url);
        try (Storage s = Storage.open(url)) {
            Study.builder().name("load").storage(s).minimize("loss").build();
        }
        List<Process> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            workers.add(ChildJvm.start(dir.resolve("w" + w + ".stderr"), JdbcWorkerMain.class, url, "load",
                    Integer.toString(TRIALS), Integer.toString(w)));
        }
        List<BufferedReader> outs = new ArrayList<>();
        for (Process p : workers) {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("READY", r.readLine(), java.nio.file.Files.readString(dir.resolve("w" + outs.size() + ".stderr")));
            outs.add(r);
        }
        for (Process p : workers) {
            p.getOutputStream().write('\n');
            p.getOutputStream().flush();
        }
        Set<Integer> acked = new HashSet<>();
        List<String> latencies = new ArrayList<>();
        for (BufferedReader r : outs) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    assertTrue(acked.add(Integer.parseInt(line.substring(4))), "number handed out twice: " + line);
                } else if (line.startsWith("LATENCY_MS")) {
                    latencies.add(line);
                }
            }
        }
        for (Process p : workers) {
            assertTrue(p.waitFor(300, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
        }
        assertEquals(WORKERS * TRIALS, acked.size());
        try (Storage s = Storage.open(url)) {
            List<TrialRecord> all = Study.load("load", s).trials();
            assertEquals(WORKERS * TRIALS, all.size());
            for (int i = 0; i < all.size(); i++) {
                assertEquals(i, all.get(i).number());
                assertEquals(TrialState.COMPLETE, all.get(i).state());
            }
        }
        System.out.println(url.replaceAll("\\\\?.*", "") + " " + WORKERS + " x " + TRIALS + ": " + latencies);
    }

    @Test
    void eightWorkerJvms_onPostgres_exactlyEveryTrialOnce() throws Exception {
        eightWorkers(TestDatabases.url(TestDatabases.POSTGRES));
    }

    @Test
    void eightWorkerJvms_onMariaDb_exactlyEveryTrialOnce() throws Exception {
        eightWorkers(TestDatabases.url(TestDatabases.MARIADB));
    }
}
