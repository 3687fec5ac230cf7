package io.github.hpo4j.benchmarks.insights;

import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.space.IntDistribution;
import io.github.hpo4j.core.study.Direction;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.tpe.insights.Insights;
import io.github.hpo4j.tpe.insights.InsightsReport;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The TPE insights report over 100,000 trials × 30 parameters (20 integer parameters with 8
 * values, 10 categorical with 5), one metric.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar InsightsBenchmark</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@State(Scope.Benchmark)
public class InsightsBenchmark {

    private List<TrialRecord> history;
    private Insights insights;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        IntDistribution ints = IntDistribution.of(0, 7);
        CategoricalDistribution cats = CategoricalDistribution.of("a", "b", "c", "d", "e");
        history = new ArrayList<>(100_000);
        for (int i = 0; i < 100_000; i++) {
            TrialRecord.Builder b = TrialRecord.builder(i);
            double m = 0;
            for (int p = 0; p < 20; p++) {
                int v = r.nextInt(8);
                b.param("int" + p, ints, v);
                m += p < 3 ? v * 0.1 : 0;
            }
            for (int p = 0; p < 10; p++) {
                b.param("cat" + p, cats, cats.choices().get(r.nextInt(5)));
            }
            history.add(b.metric("recall@100", m + r.nextDouble()).build());
        }
        insights = Insights.builder().metric("recall@100", Direction.MAXIMIZE).build();
    }

    /** @return the report */
    @Benchmark
    public InsightsReport analyze() {
        return insights.analyze(history).report();
    }
}
