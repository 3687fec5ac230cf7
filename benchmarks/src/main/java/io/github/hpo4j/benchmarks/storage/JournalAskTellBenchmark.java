package io.github.hpo4j.benchmarks.storage;

import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.Trial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ask + suggest two parameters + tell, trials per second, on the durable journal (every event
 * forced to disk) and on the in-memory storage, with one thread and with eight sharing a study.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar JournalAskTell</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class JournalAskTellBenchmark {

    /** The storage shared by every thread. */
    @State(Scope.Benchmark)
    public static class Shared {
        @Param({"journal", "memory"})
        public String storage;

        Storage store;
        Path dir;
        final AtomicLong seeds = new AtomicLong();

        @Setup(Level.Trial)
        public void open() throws IOException {
            dir = Files.createTempDirectory("hpo-bench");
            store = storage.equals("journal") ? Storage.journal(dir.resolve("bench.journal")) : Storage.inMemory();
            Study.builder().name("bench").storage(store).minimize("loss").build();
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            store.close();
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** One study object per thread, over the shared storage. */
    @State(Scope.Thread)
    public static class PerThread {
        Study study;

        @Setup(Level.Trial)
        public void load(Shared shared) {
            study = Study.load("bench", shared.store, new RandomSampler(shared.seeds.incrementAndGet()));
        }
    }

    private static int askTell(PerThread t) {
        Trial trial = t.study.ask();
        double x = trial.suggestFloat("x", -5, 5);
        int k = trial.suggestInt("k", 1, 8);
        t.study.tell(trial, x * x + k);
        return trial.number();
    }

    /** @return the trial number */
    @Benchmark
    @Threads(1)
    public int oneThread(PerThread t) {
        return askTell(t);
    }

    /** @return the trial number */
    @Benchmark
    @Threads(8)
    public int eightThreads(PerThread t) {
        return askTell(t);
    }
}
