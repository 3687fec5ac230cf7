package io.github.hpo4j.examples.spark;

import io.github.hpo4j.metrics.sweep.PrecisionRecallCurve;
import io.github.hpo4j.metrics.sweep.ScoreTable;
import io.github.hpo4j.metrics.sweep.ThresholdSweep;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.api.java.function.ReduceFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/**
 * The exact threshold sweep, PR curve, ROC AUC and average precision of scores spread over a Spark
 * cluster: one {@link ScoreTable} per partition ({@code mapPartitions}), merged on the way to the
 * driver ({@code reduce}). Equal, to the last bit, to the same scores summarised in one JVM.
 *
 * <p>The scores here are synthetic, a function of each row's id (so that a test can make the same
 * scores in one JVM): score {@code i} in [0, 1) to 4 decimals, label 1 with that probability.
 *
 * <pre>
 * spark-submit --class io.github.hpo4j.examples.spark.SparkScoreTableExample \
 *     examples/target/hpo.jar 10000000 8
 * </pre>
 */
public final class SparkScoreTableExample {

    private SparkScoreTableExample() {
    }

    /** Score of row {@code i}: a SplitMix64 hash of i in [0, 1), to 4 decimals. */
    public static double score(long i) {
        return Math.floor(unit(mix(i)) * 10_000) / 10_000;
    }

    /** Label of row {@code i}: 1 with probability {@link #score(long)}. */
    public static boolean label(long i) {
        return unit(mix(i ^ 0x5DEECE66DL)) < score(i);
    }

    private static long mix(long z) {
        z += 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static double unit(long z) {
        return (z >>> 11) * 0x1.0p-53;
    }

    /** The table of one partition's rows. */
    static ScoreTable tableOf(Iterator<Long> rows) {
        double[] scores = new double[1 << 16];
        boolean[] labels = new boolean[1 << 16];
        int n = 0;
        while (rows.hasNext()) {
            long i = rows.next();
            if (n == scores.length) {
                scores = Arrays.copyOf(scores, n * 2);
                labels = Arrays.copyOf(labels, n * 2);
            }
            scores[n] = score(i);
            labels[n++] = label(i);
        }
        return ScoreTable.of(Arrays.copyOf(scores, n), Arrays.copyOf(labels, n));
    }

    /**
     * Summarises rows {@code 0 .. n-1} in {@code partitions} partitions.
     *
     * @param spark      the session
     * @param n          rows
     * @param partitions partitions
     * @return the merged table
     */
    public static ScoreTable table(SparkSession spark, long n, int partitions) {
        Dataset<Long> ids = spark.range(0, n, 1, partitions);
        return ids.mapPartitions((MapPartitionsFunction<Long, ScoreTable>) rows -> List.of(tableOf(rows)).iterator(),
                        Encoders.javaSerialization(ScoreTable.class))
                .reduce((ReduceFunction<ScoreTable>) ScoreTable::merge);
    }

    /**
     * @param args rows (default 10,000,000) and partitions (default 8)
     */
    public static void main(String[] args) {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        SparkSession spark = SparkSession.builder().appName("hpo4j exact threshold sweep").getOrCreate();
        try {
            ScoreTable table = table(spark, n, partitions);
            ThresholdSweep sweep = table.sweep();
            PrecisionRecallCurve pr = sweep.precisionRecallCurve();
            System.out.printf(Locale.ROOT, "%d scores in %d partitions, %d distinct%n", n, partitions, table.size());
            System.out.printf(Locale.ROOT, "ROC AUC %.12f, average precision %.12f, PR curve of %d points%n",
                    sweep.rocAuc(), sweep.averagePrecision(), pr.precision().length);
            System.out.print(sweep.table(0.1, 0.3, 0.5, 0.7, 0.9).toText());
        } finally {
            spark.stop();
        }
    }
}
