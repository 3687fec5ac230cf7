package io.github.hpo4j.metrics.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThresholdSweepTest {

    // scores 0.9 0.8 0.7 0.6 0.5 0.4 with labels 1 1 0 1 0 0
    private final ThresholdSweep sweep = ScoreTable.of(new double[] {0.9, 0.8, 0.7, 0.6, 0.5, 0.4},
            new int[] {1, 1, 0, 1, 0, 0}).sweep();

    @Test
    void point_countsAndRates_byHand() {
        OperatingPoint p = sweep.point(2); // threshold 0.7: predicted 0.9 0.8 0.7
        assertEquals(0.7, p.threshold());
        assertEquals(2, p.truePositives());
        assertEquals(1, p.falsePositives());
        assertEquals(1, p.falseNegatives());
        assertEquals(2, p.trueNegatives());
        assertEquals(2.0 / 3, p.precision(), 1e-15);
        assertEquals(2.0 / 3, p.recall(), 1e-15);
        assertEquals(1.0 / 3, p.falsePositiveRate(), 1e-15);
        assertEquals(0.5, p.predictedPositiveRate(), 1e-15);
    }

    @Test
    void table_atUserThresholds() {
        PrecisionRecallTable t = sweep.table(0.95, 0.75, 0.1);
        assertEquals(0, t.rows().get(0).truePositives());
        assertEquals(0, t.rows().get(0).precision());
        assertEquals(1.0, t.rows().get(1).precision());
        assertEquals(2.0 / 3, t.rows().get(1).recall(), 1e-15);
        assertEquals(0.5, t.rows().get(2).precision());
        assertTrue(t.toText().contains("precision"));
    }

    @Test
    void operatingPoints_maxRecallAtPrecision_andViceVersa() {
        // precision by threshold: .9→1, .8→1, .7→2/3, .6→3/4, .5→3/5, .4→1/2
        assertEquals(0.8, sweep.maxRecallAtPrecision(0.9).orElseThrow().threshold());
        assertEquals(0.6, sweep.maxRecallAtPrecision(0.7).orElseThrow().threshold());
        assertEquals(0.6, sweep.maxPrecisionAtRecall(1.0).orElseThrow().threshold());
        assertEquals(0.8, sweep.maxPrecisionAtRecall(0.5).orElseThrow().threshold());
        ThresholdSweep poor = ScoreTable.of(new double[] {0.9, 0.1}, new int[] {0, 1}).sweep();
        assertTrue(poor.maxRecallAtPrecision(0.9).isEmpty());
    }

    @Test
    void topK_andTopFraction() {
        assertEquals(0.8, sweep.topK(2).orElseThrow().threshold());
        assertEquals(0.7, sweep.topFraction(0.5).orElseThrow().threshold());
        assertTrue(sweep.topK(7).isEmpty());
        ThresholdSweep tied = ScoreTable.of(new double[] {0.5, 0.5, 0.1}, new int[] {1, 0, 0}).sweep();
        assertEquals(0.5, tied.topK(1).orElseThrow().threshold()); // ties come along
    }

    @Test
    void undefinedCases_followScikitLearn_orThrowWhenAsked() {
        ScoreTable noPositives = ScoreTable.of(new double[] {0.3, 0.6}, new int[] {0, 0});
        assertTrue(Double.isNaN(noPositives.sweep().rocAuc()));
        assertEquals(0, noPositives.sweep().averagePrecision());
        assertTrue(Double.isNaN(noPositives.sweep().point(0).recall()));
        assertEquals(1.0, noPositives.sweep().precisionRecallCurve().recall()[0]);
        assertEquals("ROC AUC is undefined: only one class is present",
                assertThrows(IllegalStateException.class, () -> noPositives.sweep(UndefinedPolicy.THROW).rocAuc())
                        .getMessage());
        assertThrows(IllegalStateException.class, () -> noPositives.sweep(UndefinedPolicy.THROW).averagePrecision());
    }

    @Test
    void badInput_namesArgumentAndIndex() {
        assertEquals("labels: length 1 differs from scores' 2",
                assertThrows(IllegalArgumentException.class, () -> ScoreTable.of(new double[] {1, 2}, new int[] {1}))
                        .getMessage());
        assertEquals("scores[1] is NaN: scores must be finite",
                assertThrows(IllegalArgumentException.class,
                        () -> ScoreTable.of(new double[] {1, Double.NaN}, new int[] {1, 0})).getMessage());
        assertEquals("scores[0] is Infinity: scores must be finite",
                assertThrows(IllegalArgumentException.class,
                        () -> ScoreTable.of(new double[] {Double.POSITIVE_INFINITY}, new int[] {1})).getMessage());
        assertEquals("weights[1] is -1.0: weights must be finite and >= 0",
                assertThrows(IllegalArgumentException.class,
                        () -> ScoreTable.of(new double[] {1, 2}, new int[] {1, 0}, new double[] {1, -1})).getMessage());
        assertEquals("labels[1] is 2: labels must be 0 or 1",
                assertThrows(IllegalArgumentException.class, () -> ScoreTable.of(new double[] {1, 2}, new int[] {1, 2}))
                        .getMessage());
        assertEquals("scores: empty input",
                assertThrows(IllegalArgumentException.class, () -> ScoreTable.of(new double[0], new int[0])).getMessage());
        assertEquals("minPrecision (1.5) must be in [0, 1]",
                assertThrows(IllegalArgumentException.class, () -> sweep.maxRecallAtPrecision(1.5)).getMessage());
        assertEquals("bins (0) must be >= 1",
                assertThrows(IllegalArgumentException.class, () -> BinnedScores.over(0, 1, 0)).getMessage());
    }

    @Test
    void manyDistinctScores_switchToTheSortPath_andAgree() {
        int n = 600_000;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            s[i] = r.nextDouble();
            y[i] = r.nextDouble() < s[i];
        }
        ScoreTable t = ScoreTable.of(s, y);
        assertEquals(n, t.size());
        assertEquals(t, ScoreTable.bySorting(s, y, null));
        assertTrue(Math.abs(t.sweep().rocAuc() - 5.0 / 6) < 0.01, "AUC of a calibrated score " + t.sweep().rocAuc());
    }
}
