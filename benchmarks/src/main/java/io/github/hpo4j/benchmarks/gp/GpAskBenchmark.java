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
 * fit is warm-started from the previous ask's, as in a running study. Each iteration takes a
 * study of its own, filled (with its own sampler, and one untimed ask so that the fit is warm)
 * before the first iteration, so that the FAIL trials of earlier iterations do not pile up in
 * the storage of later ones.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar GpAsk</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 8, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class GpAskBenchmark {

    @Param({"50", "100", "300", "1000"})
    public int trials;

    @Param({"5", "10"})
    public int dims;

    /** Studies filled up front, one per iteration (2 warm-up, 8 measured). */
    private static final int STUDIES = 10;

    private Study[] studies;
    private int iteration;
    private Study study;
    private String[] names;

    @Setup(Level.Trial)
    public void fill() {
        studies = new Study[STUDIES];
        for (int i = 0; i < STUDIES; i++) {
            studies[i] = Study.builder().storage(Storage.inMemory()).sampler(GpSampler.builder().seed(1).build())
                    .build();
            names = SphereHistory.fill(studies[i], trials, dims);
            SphereHistory.askAndFail(studies[i], names);
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
