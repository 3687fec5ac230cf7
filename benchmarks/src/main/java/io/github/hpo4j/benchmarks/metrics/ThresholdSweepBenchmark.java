package io.github.hpo4j.benchmarks.metrics;

import io.github.hpo4j.metrics.sweep.BinnedScores;
import io.github.hpo4j.metrics.sweep.PrecisionRecallCurve;
import io.github.hpo4j.metrics.sweep.ScoreTable;
import io.github.hpo4j.metrics.sweep.ThresholdSweep;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The exact sweep with the precision-recall curve, ROC AUC and AP, and the binned accumulator,
 * on 10 million scores with 10 % positives: scores rounded to 4 decimals or not, read from the file
 * {@link SweepData} writes, which scikit-learn's side reads too ({@code benchmarks/peers/sklearn_sweep.py}).
 * One thread.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ThresholdSweep</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
@State(Scope.Benchmark)
public class ThresholdSweepBenchmark {

    @Param({"10000000"})
    public int n;

    @Param({"rounded", "distinct"})
    public String scores;

    private double[] s;
    private boolean[] y;

    /** The data file both sides read (written on first use): {@code -Dhpo.sweep.data=PATH}. */
    @Setup
    public void setUp() throws java.io.IOException {
        SweepData d = SweepData.at(java.nio.file.Path.of(System.getProperty("hpo.sweep.data",
                "benchmarks/target/sweep-" + n + ".bin")), n);
        y = d.labels;
        s = scores.equals("rounded") ? d.rounded : d.scores;
    }

    /** @return a checksum */
    @Benchmark
    public double exactSweepCurveAucAp() {
        ThresholdSweep sweep = ScoreTable.of(s, y).sweep();
        PrecisionRecallCurve pr = sweep.precisionRecallCurve();
        return sweep.rocAuc() + sweep.averagePrecision() + pr.precision().length;
    }

    /** @return a checksum */
    @Benchmark
    public double binned10000() {
        return BinnedScores.over(0, 1, 10_000).add(s, y, null).bins();
    }
}
