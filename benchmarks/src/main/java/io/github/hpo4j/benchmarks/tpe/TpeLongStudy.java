package io.github.hpo4j.benchmarks.tpe;

import io.github.hpo4j.benchmarks.quality.SphereHistory;
import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.study.ObjectiveFunction;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.tpe.sampler.TpeSampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One long TPE study in a fresh JVM, as a service embedding the sampler would run it:
 * Σ(x_i − 1)² over [−5, 5]^dims, seed 1, in-memory storage, one thread, the JVM's default heap.
 * Prints the time per trial (tell + ask + one suggestion per dimension, objective included) over
 * the 100 trials before 1,000, 3,000 and 10,000 trials and over the last 1,000 (steadier on a
 * shared machine), the whole study's wall time, the bytes
 * the study's thread allocated, and the process's peak resident memory ({@code VmHWM} of
 * {@code /proc/self/status}). {@code MODE} is {@code true} (multivariate TPE), {@code false}
 * (univariate TPE) or {@code random} (the random sampler: what the study, storage and
 * suggestions cost without TPE).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.hpo4j.benchmarks.tpe.TpeLongStudy DIMS MODE [TRIALS]</pre>
 */
public final class TpeLongStudy {

    private TpeLongStudy() {
    }

    public static void main(String[] args) throws IOException {
        int dims = Integer.parseInt(args[0]);
        if (!args[1].equals("true") && !args[1].equals("false") && !args[1].equals("random")) {
            throw new IllegalArgumentException("MODE: must be true, false or random (was " + args[1] + ")");
        }
        boolean random = args[1].equals("random");
        boolean multivariate = Boolean.parseBoolean(args[1]);
        int trials = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        Study study = Study.builder().storage(Storage.inMemory())
                .sampler(random ? new RandomSampler(1) : TpeSampler.builder().seed(1).multivariate(multivariate).build())
                .minimize("value").build();
        ObjectiveFunction objective = SphereHistory.objective(dims);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        long windowStart = start;
        long lastThousandStart = start;
        StringBuilder windows = new StringBuilder();
        for (int n = 1; n <= trials; n++) {
            if (n % 1000 == 901) {
                windowStart = System.nanoTime();
            }
            if (n == trials - 999) {
                lastThousandStart = System.nanoTime();
            }
            study.optimize(objective, 1);
            if ((n == 1000 || n == 3000 || n == 10_000 || n == 30_000) && n <= trials) {
                windows.append(String.format(Locale.ROOT, "; at %,d trials %.3f ms per trial", n,
                        (System.nanoTime() - windowStart) / 1e6 / 100));
            }
        }
        long end = System.nanoTime();
        if (trials >= 1000) {
            windows.append(String.format(Locale.ROOT, "; over the last 1,000 trials %.3f ms per trial",
                    (end - lastThousandStart) / 1e6 / 1000));
        }
        double seconds = (end - start) / 1e9;
        double allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        System.out.printf(Locale.ROOT, "hpo4j %d dims %s, %,d trials: %.2f s%s; allocated %.0f MB (%.1f KB per trial);"
                + " peak RSS %s%n", dims, random ? "random sampler" : multivariate ? "multivariate" : "univariate", trials, seconds, windows,
                allocated / 1e6, allocated / 1e3 / trials, peakRss());
    }

    private static String peakRss() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "unknown (no /proc)";
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
            }
        }
        return "unknown";
    }
}
