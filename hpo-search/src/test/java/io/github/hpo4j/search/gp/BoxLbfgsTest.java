package io.github.hpo4j.search.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoxLbfgsTest {

    private static final BoxLbfgs OPT = new BoxLbfgs(10, 500, 1e-9);

    @Test
    void quadratic_insideTheBox_reachesItsMinimum() {
        double[] x = {0.9, -0.9, 0.1};
        double f = OPT.minimize((p, g) -> {
            double s = 0;
            double[] c = {0.3, -0.2, 0.6};
            double[] w = {1, 10, 100};
            for (int i = 0; i < 3; i++) {
                s += w[i] * (p[i] - c[i]) * (p[i] - c[i]);
                g[i] = 2 * w[i] * (p[i] - c[i]);
            }
            return s;
        }, x, new double[] {-1, -1, -1}, new double[] {1, 1, 1});
        assertEquals(0, f, 1e-12);
        assertEquals(0.3, x[0], 1e-6);
        assertEquals(-0.2, x[1], 1e-6);
        assertEquals(0.6, x[2], 1e-6);
    }

    @Test
    void quadratic_withItsMinimumOutside_stopsOnTheBound_andNeverLeavesTheBox() {
        double[] x = {0.5, 0.5};
        double[] lo = {0, 0};
        double[] hi = {1, 1};
        OPT.minimize((p, g) -> {
            for (int i = 0; i < 2; i++) {
                assertTrue(p[i] >= lo[i] && p[i] <= hi[i], "evaluated outside the box: " + p[i]);
            }
            g[0] = 2 * (p[0] - 2);
            g[1] = 2 * (p[1] - 0.25);
            return (p[0] - 2) * (p[0] - 2) + (p[1] - 0.25) * (p[1] - 0.25);
        }, x, lo, hi);
        assertEquals(1, x[0], 0);
        assertEquals(0.25, x[1], 1e-6);
    }

    @Test
    void rosenbrock_fromSeveralStarts_findsItsMinimum() {
        double[][] starts = {{-1.2, 1}, {2, 2}, {-2, -1}, {0, 0}, {1.8, -1.5}};
        for (double[] x : starts) {
            double f = OPT.minimize((p, g) -> {
                double a = 1 - p[0];
                double b = p[1] - p[0] * p[0];
                g[0] = -2 * a - 400 * p[0] * b;
                g[1] = 200 * b;
                return a * a + 100 * b * b;
            }, x, new double[] {-3, -3}, new double[] {3, 3});
            assertEquals(0, f, 1e-8, "from a start, value " + f);
            assertEquals(1, x[0], 1e-4);
            assertEquals(1, x[1], 1e-4);
        }
    }
}
