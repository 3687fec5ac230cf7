package io.github.hpo4j.examples.batching;

import io.github.hpo4j.samplers.batch.BatchSampler;
import io.github.hpo4j.samplers.batch.DealStrategy;
import io.github.hpo4j.samplers.batch.SeriesBatchSampler;
import io.github.hpo4j.samplers.group.GroupIndex;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Builds batches for a toy dataset of photo shoots (a few large shoots, many small ones) and
 * prints, per batch, how many distinct shoots it holds: a plain shuffle beside the series-aware
 * samplers.
 *
 * <pre>java -cp examples/target/hpo.jar io.github.hpo4j.examples.batching.SeriesBatchingExample</pre>
 */
public final class SeriesBatchingExample {

    private SeriesBatchingExample() {
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.out, 2_000, 60, 16, 42);
    }

    /**
     * @param out       where to print
     * @param items     number of photos
     * @param shoots    number of shoots
     * @param batchSize photos per batch
     * @param seed      seed of the toy data and of the samplers
     */
    public static void run(PrintStream out, int items, int shoots, int batchSize, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] shoot = new int[items];
        for (int i = 0; i < items; i++) {
            double u = r.nextDouble();
            shoot[i] = (int) (shoots * u * u);
        }
        GroupIndex series = GroupIndex.of(shoot);
        out.printf(Locale.ROOT, "%d photos in %d shoots (largest %d photos), batches of %d%n%n",
                items, series.groupCount(), series.largestGroupSize(), batchSize);

        List<int[]> plain = plainShuffle(items, batchSize, seed);
        BatchSampler roundRobin = SeriesBatchSampler.builder(series).batchSize(batchSize).seed(seed).build();
        BatchSampler largest = SeriesBatchSampler.builder(series).batchSize(batchSize).seed(seed)
                .strategy(DealStrategy.LARGEST_FIRST).build();
        List<int[]> rr = collect(roundRobin);
        List<int[]> lf = collect(largest);

        out.println("distinct shoots per batch (first 12 batches)");
        out.printf(Locale.ROOT, "%-6s %14s %12s %14s%n", "batch", "plain shuffle", "round-robin", "largest-first");
        for (int b = 0; b < 12 && b < plain.size(); b++) {
            out.printf(Locale.ROOT, "%-6d %14d %12d %14d%n", b, distinct(plain.get(b), series),
                    distinct(rr.get(b), series), distinct(lf.get(b), series));
        }
        out.println();
        out.printf(Locale.ROOT, "%-15s %10s %22s%n", "sampler", "mean", "batches with a repeat");
        summary(out, "plain shuffle", plain, series);
        summary(out, "round-robin", rr, series);
        summary(out, "largest-first", lf, series);
    }

    private static List<int[]> plainShuffle(int n, int batchSize, long seed) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed + 1);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        List<int[]> out = new ArrayList<>();
        for (int from = 0; from < n; from += batchSize) {
            out.add(java.util.Arrays.copyOfRange(perm, from, Math.min(n, from + batchSize)));
        }
        return out;
    }

    private static List<int[]> collect(BatchSampler s) {
        List<int[]> out = new ArrayList<>();
        s.forEach(out::add);
        return out;
    }

    private static int distinct(int[] batch, GroupIndex series) {
        BitSet seen = new BitSet();
        for (int i : batch) {
            seen.set(series.groupOf(i));
        }
        return seen.cardinality();
    }

    private static void summary(PrintStream out, String name, List<int[]> batches, GroupIndex series) {
        double sum = 0;
        int repeats = 0;
        for (int[] b : batches) {
            int d = distinct(b, series);
            sum += d;
            if (d < b.length) {
                repeats++;
            }
        }
        out.printf(Locale.ROOT, "%-15s %10.2f %14d of %d%n", name, sum / batches.size(), repeats, batches.size());
    }
}
