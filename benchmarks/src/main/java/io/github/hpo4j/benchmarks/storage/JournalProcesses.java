package io.github.hpo4j.benchmarks.storage;

import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.Trial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Ask + two suggestions + tell on one journal from several processes at once: trials per second
 * over all processes, timed from when every worker is ready to when the last one is done (JVM
 * start-up excluded). Uses only API that hpo4j 0.1 already had, so that the same source runs
 * against an older build for a before/after figure.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.hpo4j.benchmarks.storage.JournalProcesses 2 2000</pre>
 */
public final class JournalProcesses {

    private JournalProcesses() {
    }

    /**
     * @param args processes, trials per process (or {@code worker FILE TRIALS SEED} for a child)
     * @throws Exception if a worker fails
     */
    public static void main(String[] args) throws Exception {
        if (args[0].equals("worker")) {
            worker(Path.of(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
            return;
        }
        int processes = Integer.parseInt(args[0]);
        int trials = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory("hpo-procs");
        Path journal = dir.resolve("bench.journal");
        try (Storage s = Storage.journal(journal)) {
            Study.builder().name("bench").storage(s).minimize("loss").build();
        }
        WorkerProcesses workers = new WorkerProcesses(JournalProcesses.class, processes,
                i -> List.of("worker", journal.toString(), Integer.toString(trials), Integer.toString(i + 1)));
        long t0 = workers.go();
        workers.awaitSuccess();
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%d processes x %d trials: %.2f s, %.0f trials/s%n", processes, trials, secs,
                processes * trials / secs);
    }

    private static void worker(Path journal, int trials, long seed) throws Exception {
        try (Storage s = Storage.journal(journal)) {
            Study study = Study.builder().name("bench").storage(s).sampler(new RandomSampler(seed)).minimize("loss")
                    .loadIfExists(true).build();
            System.out.println("READY");
            System.out.flush();
            System.in.read();
            for (int i = 0; i < trials; i++) {
                Trial t = study.ask();
                double x = t.suggestFloat("x", -5, 5);
                double y = t.suggestFloat("y", -5, 5);
                study.tell(t, x * x + y * y);
            }
        }
    }
}
