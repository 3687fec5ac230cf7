package io.github.hpo4j.benchmarks.io;

import io.github.hpo4j.core.io.TrialsCsv;
import io.github.hpo4j.core.trial.TrialRecord;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.Set;
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
 * Reading a history of past experiments with {@link TrialsCsv#read}: an id-like column (a distinct
 * value per row, read as a categorical parameter), a log-scaled float, an int, a categorical and a
 * metric. The id column made the read quadratic before its choices were indexed.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar TrialsCsvRead</pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
@State(Scope.Benchmark)
public class TrialsCsvReadBenchmark {

    @Param({"100000", "1000000"})
    public int rows;

    private String csv;

    @Setup(Level.Trial)
    public void makeCsv() {
        SplittableRandom r = new SplittableRandom(1);
        StringBuilder sb = new StringBuilder(rows * 48).append("run_id,lr,layers,opt,recall@100\n");
        String[] opts = {"adam", "sgd", "rmsprop"};
        for (int i = 0; i < rows; i++) {
            sb.append("run-").append(i).append(',')
                    .append(String.format(Locale.ROOT, "%.6g", Math.pow(10, -5 + 4 * r.nextDouble()))).append(',')
                    .append(1 + r.nextInt(6)).append(',').append(opts[r.nextInt(3)]).append(',')
                    .append(String.format(Locale.ROOT, "%.4f", r.nextDouble())).append('\n');
        }
        csv = sb.toString();
    }

    @Benchmark
    public List<TrialRecord> read() {
        return TrialsCsv.read(new StringReader(csv), Set.of("recall@100"));
    }
}
