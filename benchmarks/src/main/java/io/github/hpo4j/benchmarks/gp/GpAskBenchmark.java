package io.github.hpo4j.benchmarks.gp;

import io.github.hpo4j.benchmarks.quality.SphereHistory;
import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.search.gp.GpSampler;
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
 * GP sampler time per ask: one {@code ask()} plus one suggestion per dimension on a study that
 * already holds {@code trials} completed trials of Σ(x_i − 1)² over [−5, 5]^dims; the trial is
 * then told FAIL, which the GP ignores, so the history stays the same size. The hyperparameter
 * fit is warm-started from the previous ask's, as in a running study.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar GpAsk</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class GpAskBenchmark {

    @Param({"50", "100", "300", "1000"})
    public int trials;

    @Param({"5", "10"})
    public int dims;

    private Study study;
    private String[] names;

    @Setup(Level.Trial)
    public void fill() {
        study = Study.builder().storage(Storage.inMemory()).sampler(GpSampler.builder().seed(1).build()).build();
        names = SphereHistory.fill(study, trials, dims);
    }

    /** @return the sum of the suggested values */
    @Benchmark
    public double ask() {
        return SphereHistory.askAndFail(study, names);
    }
}
