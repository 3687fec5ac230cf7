package io.github.hpo4j.benchmarks.storage;

import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.Trial;
import java.io.BufferedReader;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Worker processes on one study in any storage ({@code jdbc:...}, {@code journal:PATH}): each
 * does ask + two suggestions + tell with the random sampler, as Optuna's RDB benchmark beside it
 * ({@code benchmarks/peers/optuna_rdb.py}). Prints trials per second over all processes (timed
 * from when every worker is ready) and the p50 and p99 latency of one ask + tell.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.hpo4j.benchmarks.storage.StorageProcesses \
 *     "jdbc:postgresql://127.0.0.1:5432/test?user=postgres" 8 250</pre>
 */
public final class StorageProcesses {

    private StorageProcesses() {
    }

    /**
     * @param args storage URL, processes, trials per process (or {@code worker URL STUDY TRIALS SEED})
     * @throws Exception if a worker fails
     */
    public static void main(String[] args) throws Exception {
        if (args[0].equals("worker")) {
            worker(args[1], args[2], Integer.parseInt(args[3]), Long.parseLong(args[4]));
            return;
        }
        String url = args[0];
        int processes = Integer.parseInt(args[1]);
        int trials = Integer.parseInt(args[2]);
        String study = "bench-" + System.currentTimeMillis();
        try (Storage s = Storage.open(url)) {
            Study.builder().name(study).storage(s).minimize("loss").build();
        }
        WorkerProcesses workers = new WorkerProcesses(StorageProcesses.class, processes,
                i -> List.of("worker", url, study, Integer.toString(trials), Integer.toString(i + 1)));
        long t0 = workers.go();
        double[] all = new double[processes * trials];
        int k = 0;
        for (BufferedReader r : workers.outputs) {
            String line;
            while ((line = r.readLine()) != null) {
                all[k++] = Double.parseDouble(line);
            }
        }
        workers.awaitSuccess();
        double secs = (System.nanoTime() - t0) / 1e9;
        Arrays.sort(all, 0, k);
        System.out.printf(Locale.ROOT, "hpo4j %s, %d processes x %d trials: %.2f s, %.0f trials/s, ask+tell p50 %.1f ms,"
                + " p99 %.1f ms%n", url.replaceAll("\\?.*", ""), processes, trials, secs, k / secs, all[k / 2],
                all[(int) Math.floor(k * 0.99)]);
    }

    private static void worker(String url, String name, int trials, long seed) throws Exception {
        try (Storage s = Storage.open(url)) {
            Study study = Study.load(name, s, new RandomSampler(seed));
            System.out.println("READY");
            System.out.flush();
            System.in.read();
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < trials; i++) {
                long t0 = System.nanoTime();
                Trial t = study.ask();
                double x = t.suggestFloat("x", -5, 5);
                double y = t.suggestFloat("y", -5, 5);
                study.tell(t, x * x + y * y);
                out.append((System.nanoTime() - t0) / 1e6).append('\n');
            }
            System.out.print(out);
            System.out.flush();
        }
    }
}
