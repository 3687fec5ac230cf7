package io.github.hpo4j.benchmarks.samplers;

import io.github.hpo4j.samplers.batch.BatchSampler;
import io.github.hpo4j.samplers.batch.DealStrategy;
import io.github.hpo4j.samplers.batch.SeriesBatchSampler;
import io.github.hpo4j.samplers.group.GroupIndex;
import java.util.SplittableRandom;
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
 * One epoch (deal + cut into batches + iterate) over 10 million items in 100,000 series of
 * skewed sizes (series id = floor(100,000 · u³), so a few series hold tens of thousands of items
 * and most hold a handful), on one thread.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar SeriesBatchSampler</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@State(Scope.Benchmark)
public class SeriesBatchSamplerBenchmark {

    @Param({"10000000"})
    public int items;

    @Param({"100000"})
    public int series;

    @Param({"256"})
    public int batchSize;

    @Param({"ROUND_ROBIN", "LARGEST_FIRST"})
    public DealStrategy strategy;

    private BatchSampler sampler;
    private int epoch;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(1);
        int[] ids = new int[items];
        for (int i = 0; i < items; i++) {
            double u = r.nextDouble();
            ids[i] = (int) (series * u * u * u);
        }
        sampler = SeriesBatchSampler.builder(GroupIndex.of(ids)).batchSize(batchSize).strategy(strategy).seed(7).build();
    }

    /** @return a checksum of the epoch so that nothing is optimised away */
    @Benchmark
    public long epoch() {
        sampler.setEpoch(++epoch);
        long sum = 0;
        for (int[] batch : sampler) {
            sum += batch[0] + batch.length;
        }
        return sum;
    }
}
