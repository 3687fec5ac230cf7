package io.github.hpo4j.metrics.range;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScoreRangeTest {

    @Test
    void quantiles_interpolateLinearly_likeNumpy() {
        double[] s = new double[101];
        for (int i = 0; i <= 100; i++) {
            s[i] = i;
        }
        ScoreRange r = ScoreRange.of(s, 0.01);
        assertEquals(0, r.min());
        assertEquals(100, r.max());
        assertEquals(1, r.p01(), 1e-12);
        assertEquals(50, r.p50(), 1e-12);
        assertEquals(99, r.p99(), 1e-12);
        assertFalse(r.collapsed());
        // numpy.percentile([1, 2, 3, 4], 25) = 1.75
        assertEquals(1.75, ScoreRange.of(new double[] {4, 1, 3, 2}, 0).p25(), 1e-12);
    }

    @Test
    void collapsedScores_areFlagged() {
        double[] s = new double[1000];
        for (int i = 0; i < s.length; i++) {
            s[i] = 0.5 + 1e-4 * (i % 7);
        }
        assertTrue(ScoreRange.of(s, 0.01).collapsed());
    }
}
