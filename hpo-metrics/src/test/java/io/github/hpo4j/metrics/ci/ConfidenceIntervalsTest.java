package io.github.hpo4j.metrics.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.metrics.sweep.ScoreTable;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ConfidenceIntervalsTest {

    @Test
    void wilson_8of10_at95() {
        // (p + z²/2n ± z·sqrt(p(1−p)/n + z²/4n²)) / (1 + z²/n) with z = 1.959964
        Interval i = ConfidenceIntervals.wilson(8, 10, 0.95);
        assertEquals(0.8, i.estimate(), 1e-15);
        assertEquals(0.4901625, i.lower(), 1e-6);
        assertEquals(0.9433178, i.upper(), 1e-6);
    }

    @Test
    void wilson_badArguments() {
        assertEquals("confidence (1.0) must be in (0, 1)",
                assertThrows(IllegalArgumentException.class, () -> ConfidenceIntervals.wilson(1, 2, 1.0)).getMessage());
        assertEquals("successes (3.0) must be in [0, trials (2.0)]",
                assertThrows(IllegalArgumentException.class, () -> ConfidenceIntervals.wilson(3, 2, 0.9)).getMessage());
    }

    @Property(tries = 100)
    void deLong_matchesBruteForcePlacements(@ForAll @IntRange(min = 4, max = 60) int n, @ForAll long seed) {
        Random r = new Random(seed);
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            s[i] = r.nextInt(8);
            y[i] = r.nextBoolean();
        }
        int m = 0;
        for (boolean b : y) {
            m += b ? 1 : 0;
        }
        Assume.that(m >= 2 && n - m >= 2);
        int k = n - m;
        double[] v10 = new double[m];
        double[] v01 = new double[k];
        int a = 0;
        for (int i = 0; i < n; i++) {
            if (!y[i]) {
                continue;
            }
            double c = 0;
            for (int j = 0; j < n; j++) {
                if (!y[j]) {
                    c += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
            v10[a++] = c / k;
        }
        int b = 0;
        for (int j = 0; j < n; j++) {
            if (y[j]) {
                continue;
            }
            double c = 0;
            for (int i = 0; i < n; i++) {
                if (y[i]) {
                    c += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
            v01[b++] = c / m;
        }
        double auc = mean(v10);
        double var = variance(v10) / m + variance(v01) / k;
        double z = 1.6448536269514722; // 90 %
        Interval i = ConfidenceIntervals.deLongAuc(ScoreTable.of(s, y), 0.90);
        assertEquals(auc, i.estimate(), 1e-12);
        assertEquals(Math.max(0, auc - z * Math.sqrt(var)), i.lower(), 1e-9);
        assertEquals(Math.min(1, auc + z * Math.sqrt(var)), i.upper(), 1e-9);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double variance(double[] x) {
        double mu = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - mu) * (v - mu);
        }
        return s / (x.length - 1);
    }

    @Test
    void bootstrap_isSeededAndBracketsTheEstimate() {
        Random r = new Random(3);
        int n = 400;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < 0.3;
            s[i] = r.nextGaussian() + (y[i] ? 1 : 0);
        }
        Interval a = ConfidenceIntervals.bootstrapAuc(s, y, 200, 0.95, 11);
        Interval b = ConfidenceIntervals.bootstrapAuc(s, y, 200, 0.95, 11);
        assertEquals(a, b);
        assertTrue(a.lower() < a.estimate() && a.estimate() < a.upper(), a.toString());
        Interval d = ConfidenceIntervals.deLongAuc(ScoreTable.of(s, y), 0.95);
        // the two intervals describe the same uncertainty: widths within a factor of 1.5
        double wb = a.upper() - a.lower();
        double wd = d.upper() - d.lower();
        assertTrue(wb / wd > 0.66 && wb / wd < 1.5, "bootstrap " + wb + " vs DeLong " + wd);
        Interval ap = ConfidenceIntervals.bootstrapAveragePrecision(s, y, 200, 0.95, 11);
        assertTrue(ap.lower() < ap.estimate() && ap.estimate() < ap.upper(), ap.toString());
    }
}
