package io.github.hpo4j.examples.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.metrics.sweep.PrecisionRecallCurve;
import io.github.hpo4j.metrics.sweep.RocCurve;
import io.github.hpo4j.metrics.sweep.ScoreTable;
import io.github.hpo4j.metrics.sweep.ThresholdSweep;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The Spark example in Spark's local mode: 10 million scores in 8 partitions, summarised per
 * partition and merged, give the very sweep, curves, AUC and AP of the same scores in one JVM.
 */
class SparkScoreTableExampleTest {

    private static final long N = 10_000_000L;

    @Test
    void tenMillionScoresInEightPartitions_equalTheSingleJvmResultBitForBit() {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("hpo4j test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        ScoreTable distributed;
        try {
            distributed = SparkScoreTableExample.table(spark, N, 8);
        } finally {
            spark.stop();
        }
        double[] scores = new double[(int) N];
        boolean[] labels = new boolean[(int) N];
        for (int i = 0; i < N; i++) {
            scores[i] = SparkScoreTableExample.score(i);
            labels[i] = SparkScoreTableExample.label(i);
        }
        ThresholdSweep one = ScoreTable.of(scores, labels).sweep();
        ThresholdSweep merged = distributed.sweep();
        assertEquals(N, merged.table().sampleCount());
        PrecisionRecallCurve a = one.precisionRecallCurve();
        PrecisionRecallCurve b = merged.precisionRecallCurve();
        assertArrayEquals(a.precision(), b.precision());
        assertArrayEquals(a.recall(), b.recall());
        assertArrayEquals(a.thresholds(), b.thresholds());
        RocCurve ra = one.rocCurve();
        RocCurve rb = merged.rocCurve();
        assertArrayEquals(ra.fpr(), rb.fpr());
        assertArrayEquals(ra.tpr(), rb.tpr());
        assertEquals(Double.doubleToLongBits(one.rocAuc()), Double.doubleToLongBits(merged.rocAuc()));
        assertEquals(Double.doubleToLongBits(one.averagePrecision()), Double.doubleToLongBits(merged.averagePrecision()));
        assertTrue(one.rocAuc() > 0.6 && one.rocAuc() < 0.9, "the synthetic scores separate the classes: " + one.rocAuc());
        assertEquals(10_000, merged.table().size(), "scores to 4 decimals");
    }
}
