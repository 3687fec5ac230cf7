package io.github.hpo4j.benchmarks.tpe;

import io.github.hpo4j.benchmarks.quality.SphereHistory;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.tpe.sampler.TpeSampler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole study as in {@code ../shared/reference/baselines.md}: {@code n} sequential trials of
 * Σ(x_i − 1)² over [−5, 5]^dims with TPE, seed 1. The objective costs nanoseconds, so the time
 * is the sampler's (plus the in-memory storage). Optuna 3.1.0 needs 67.6 s for 1,000 trials of
 * 10 dimensions (univariate) on this class of machine.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar TpeRun</pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Benchmark)
public class TpeRunBenchmark {

    @Param({"1000"})
    public int n;

    @Param({"5", "10"})
    public int dims;

    @Param({"false", "true"})
    public boolean multivariate;

    /** @return the best value */
    @Benchmark
    public double run() {
        Study study = Study.builder().sampler(TpeSampler.builder().seed(1).multivariate(multivariate).build()).build();
        study.optimize(SphereHistory.objective(dims), n);
        return study.bestTrial().orElseThrow().value();
    }
}
