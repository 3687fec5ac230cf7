package io.github.hpo4j.metrics.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ThresholdSweepProperties {

    /** Scores on a coarse grid (many ties), labels by a biased coin. */
    static double[] scores(Random r, int n, int levels) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = Math.round(r.nextDouble() * levels) / (double) levels;
        }
        return s;
    }

    static boolean[] labels(Random r, double[] s) {
        boolean[] y = new boolean[s.length];
        for (int i = 0; i < s.length; i++) {
            y[i] = r.nextDouble() < 0.2 + 0.6 * s[i];
        }
        return y;
    }

    @Property(tries = 300)
    void recall_neverRisesAsTheThresholdRises(@ForAll @IntRange(min = 1, max = 300) int n,
                                             @ForAll @IntRange(min = 1, max = 50) int levels, @ForAll long seed) {
        Random r = new Random(seed);
        double[] s = scores(r, n, levels);
        boolean[] y = labels(r, s);
        ThresholdSweep sweep = ScoreTable.of(s, y).sweep();
        Assume.that(sweep.table().totalPositives() > 0);
        for (int i = 1; i < sweep.size(); i++) {
            // index 0 is the highest threshold
            assertTrue(sweep.point(i - 1).recall() <= sweep.point(i).recall());
        }
    }

    @Property(tries = 300)
    void auc_equalsTheMannWhitneyStatistic(@ForAll @IntRange(min = 2, max = 120) int n,
                                           @ForAll @IntRange(min = 1, max = 20) int levels, @ForAll long seed) {
        Random r = new Random(seed);
        double[] s = scores(r, n, levels);
        boolean[] y = labels(r, s);
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (y[i] && !y[j]) {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        Assume.that(pairs > 0);
        assertEquals(wins / pairs, ScoreTable.of(s, y).sweep().rocAuc(), 1e-12);
    }

    @Property(tries = 200)
    void sweep_doesNotDependOnInputOrder(@ForAll @IntRange(min = 1, max = 200) int n, @ForAll long seed) {
        Random r = new Random(seed);
        double[] s = scores(r, n, 30);
        boolean[] y = labels(r, s);
        double[] s2 = s.clone();
        boolean[] y2 = y.clone();
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            double t = s2[i];
            s2[i] = s2[j];
            s2[j] = t;
            boolean u = y2[i];
            y2[i] = y2[j];
            y2[j] = u;
        }
        assertEquals(ScoreTable.of(s, y), ScoreTable.of(s2, y2));
    }

    @Property(tries = 200)
    void integerWeights_equalDuplicatedRows(@ForAll @IntRange(min = 1, max = 100) int n, @ForAll long seed) {
        Random r = new Random(seed);
        double[] s = scores(r, n, 20);
        boolean[] y = labels(r, s);
        double[] w = new double[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            w[i] = r.nextInt(4);
            total += (int) w[i];
        }
        Assume.that(total > 0);
        double[] ds = new double[total];
        boolean[] dy = new boolean[total];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < (int) w[i]; c++) {
                ds[k] = s[i];
                dy[k++] = y[i];
            }
        }
        ThresholdSweep weighted = ScoreTable.of(s, y, w).sweep();
        ThresholdSweep duplicated = ScoreTable.of(ds, dy).sweep();
        if (weighted.table().totalPositives() > 0) {
            assertEquals(duplicated.averagePrecision(), weighted.averagePrecision(), 1e-12);
        }
        if (weighted.table().totalPositives() > 0 && weighted.table().totalNegatives() > 0) {
            assertEquals(duplicated.rocAuc(), weighted.rocAuc(), 1e-12);
        }
        // the same operating points wherever the duplicated table has the score
        for (int i = 0; i < duplicated.size(); i++) {
            OperatingPoint d = duplicated.point(i);
            OperatingPoint x = weighted.at(d.threshold());
            assertEquals(d.truePositives(), x.truePositives(), 1e-9);
            assertEquals(d.falsePositives(), x.falsePositives(), 1e-9);
        }
    }

    @Property(tries = 200)
    void merge_equalsTheTableOfTheConcatenation(@ForAll @IntRange(min = 1, max = 150) int n,
                                               @ForAll @IntRange(min = 1, max = 150) int m, @ForAll long seed) {
        Random r = new Random(seed);
        double[] a = scores(r, n, 40);
        boolean[] ya = labels(r, a);
        double[] b = scores(r, m, 40);
        boolean[] yb = labels(r, b);
        double[] ab = new double[n + m];
        boolean[] yab = new boolean[n + m];
        System.arraycopy(a, 0, ab, 0, n);
        System.arraycopy(b, 0, ab, n, m);
        System.arraycopy(ya, 0, yab, 0, n);
        System.arraycopy(yb, 0, yab, n, m);
        assertEquals(ScoreTable.of(ab, yab), ScoreTable.merge(ScoreTable.of(a, ya), ScoreTable.of(b, yb)));
    }

    @Property(tries = 200)
    void binnedWithOneBinPerDistinctValue_equalsExact(@ForAll @IntRange(min = 1, max = 300) int n,
                                                     @ForAll @IntRange(min = 1, max = 64) int levels,
                                                     @ForAll long seed) {
        Random r = new Random(seed);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = r.nextInt(levels + 1) + 0.5; // values k + 0.5 on bins [k, k + 1)
        }
        boolean[] y = labels(r, s);
        ScoreTable binned = BinnedScores.over(0, levels + 1, levels + 1).add(s, y, null).toTable();
        assertEquals(ScoreTable.of(s, y), binned);
    }

    @Property(tries = 100)
    void sortPath_equalsHashPath(@ForAll @IntRange(min = 1, max = 300) int n, @ForAll long seed) {
        Random r = new Random(seed);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = r.nextInt(3) == 0 ? -r.nextInt(5) : r.nextGaussian();
        }
        boolean[] y = labels(r, s);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = r.nextDouble();
        }
        assertEquals(ScoreTable.of(s, y), ScoreTable.bySorting(s, y, null));
        ScoreTable hashed = ScoreTable.of(s, y, w);
        ScoreTable sorted = ScoreTable.bySorting(s, y, w);
        assertArrayEquals(hashed.score, sorted.score);
        assertEquals(hashed.count.length, sorted.count.length);
        for (int i = 0; i < hashed.size(); i++) {
            assertEquals(hashed.pos[i], sorted.pos[i], 1e-12);
            assertEquals(hashed.neg[i], sorted.neg[i], 1e-12);
        }
    }
}
