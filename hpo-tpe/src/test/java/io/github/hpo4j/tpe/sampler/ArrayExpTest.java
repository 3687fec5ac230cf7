package io.github.hpo4j.tpe.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArrayExpTest {

    @Test
    void shiftedExp_handValues() {
        double[] x = {3, 2, -7, 3 - 64, 3 - 1000};
        double[] out = new double[x.length];
        ArrayExp.shiftedExp(x, x.length, 3, out);
        assertEquals(1.0, out[0], 1e-15);
        // e^-1 = 0.36787944117144233, e^-10 = 4.5399929762484854e-5 (reference values)
        assertEquals(0.36787944117144233, out[1], 0.36787944117144233 * ArrayExp.RELATIVE_ERROR);
        assertEquals(4.5399929762484854e-5, out[2], 4.5399929762484854e-5 * ArrayExp.RELATIVE_ERROR);
        // 64 below and further count as e^-64 = 1.603810890548638e-28
        assertEquals(1.603810890548638e-28, out[3], 1.603810890548638e-28 * ArrayExp.RELATIVE_ERROR);
        assertEquals(out[3], out[4]);
    }

    @Test
    void shiftedExp_staysWithinItsRelativeError() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 100_000;
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = -64 * r.nextDouble();
        }
        double[] out = new double[n];
        ArrayExp.shiftedExp(x, n, 0, out);
        for (int k = 0; k < n; k++) {
            double exact = Math.exp(x[k]);
            assertTrue(Math.abs(out[k] - exact) <= exact * ArrayExp.RELATIVE_ERROR,
                    "x = " + x[k] + ": " + out[k] + " vs " + exact);
        }
    }

    @Test
    void sum_addsEveryValue_whateverTheCount() {
        for (int n = 0; n <= 70; n++) {
            double[] v = new double[n + 3];
            double expected = 0;
            for (int k = 0; k < n; k++) {
                v[k] = 1L << (k % 40); // exact in binary: any order of addition gives the same sum
                expected += v[k];
            }
            v[n] = 1e9; // past n: not added
            assertEquals(expected, ArrayExp.sum(v, n), "n = " + n);
        }
        // a hand value: 1 + 2 + … + 9 + 100 + 1000
        assertEquals(1145, ArrayExp.sum(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 100, 1000}, 11));
    }
}
