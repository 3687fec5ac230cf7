package io.github.hpo4j.benchmarks.tpe;

import io.github.hpo4j.benchmarks.quality.SphereHistory;
import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.tpe.sampler.TpeSampler;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * TPE ask latency: one {@code ask()} plus one suggestion per dimension on a study that already
 * holds {@code trials} finished trials of Σ(x_i − 1)² over [−5, 5]^dims (the objective of
 * {@code ../shared/reference/baselines.md}). The trial is then told FAIL, which TPE ignores but
 * the storage keeps; so that every iteration measures the same history size, each iteration
 * takes a study of its own, filled (with its own sampler) before the first iteration: the
 * iteration's setup allocates nothing that {@code -prof gc} would count. The first ask of an
 * iteration fills the sampler's caches (under 1 KB per ask over an iteration).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar TpeAsk</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class TpeAskBenchmark {

    /** Studies filled up front, one per iteration; past that many iterations they are reused (grown). */
    private static final int STUDIES = 16;

    @Param({"100", "1000", "10000"})
    public int trials;

    @Param({"5", "10"})
    public int dims;

    @Param({"true", "false"})
    public boolean multivariate;

    private Study[] studies;
    private int iteration;
    private Study study;
    private String[] names;

    @Setup(Level.Trial)
    public void fill() {
        studies = new Study[STUDIES];
        for (int i = 0; i < STUDIES; i++) {
            Storage storage = Storage.inMemory();
            studies[i] = Study.builder().storage(storage)
                    .sampler(TpeSampler.builder().seed(1).multivariate(multivariate).build()).build();
            names = SphereHistory.fill(studies[i], trials, dims);
        }
    }

    @Setup(Level.Iteration)
    public void nextStudy() {
        study = studies[iteration++ % STUDIES];
    }

    /** @return the sum of the suggested values */
    @Benchmark
    public double ask() {
        return SphereHistory.askAndFail(study, names);
    }
}
