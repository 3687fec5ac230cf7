package io.github.hpo4j.tpe.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussianTest {

    @Test
    void cdf_matchesKnownValues() {
        // reference values: Python math.erfc and mpmath
        assertEquals(0.5, Gaussian.cdf(0), 1e-16);
        assertEquals(0.8413447460685429, Gaussian.cdf(1), 1e-15);
        assertEquals(0.15865525393145705, Gaussian.cdf(-1), 1e-15);
        assertEquals(0.9772498680518208, Gaussian.cdf(2), 1e-15);
        assertEquals(1.3498980316300946e-3, Gaussian.cdf(-3), 1e-17);
        assertEquals(2.866515718791939e-7, Gaussian.cdf(-5), 1e-20);
        assertEquals(7.61985302416047e-24, Gaussian.cdf(-10), 1e-36);
    }

    @Test
    void logCdf_isContinuousAcrossTheAsymptoticSwitch() {
        double below = Gaussian.logCdf(-20.0000001);
        double above = Gaussian.logCdf(-19.9999999);
        assertEquals(above, below, 1e-4);
        // log Φ(-30) = -454.321... (asymptotic expansion)
        assertEquals(-454.3212439563432, Gaussian.logCdf(-30), 1e-9); // mpmath, 40 digits
    }

    @Test
    void logMass_ofTheWholeLine_isZero_andOfSymmetricIntervals_agrees() {
        assertEquals(0, Gaussian.logMass(-40, 40), 1e-15);
        assertEquals(Math.log(0.6826894921370859), Gaussian.logMass(-1, 1), 1e-14);
        assertEquals(Gaussian.logMass(2, 3), Gaussian.logMass(-3, -2), 1e-14);
        // far tail cell: mass of [30, 30.5] is finite in log space
        assertTrue(Double.isFinite(Gaussian.logMass(30, 30.5)));
    }

    @Test
    void truncatedQuantile_invertsTheTruncatedCdf() {
        double[][] cases = {{-1, 2}, {0.5, 3}, {-5, -4}, {3, 40}, {-0.2, 0.1}};
        for (double[] c : cases) {
            double a = c[0];
            double b = c[1];
            for (double q : new double[] {0.001, 0.1, 0.5, 0.9, 0.999}) {
                double x = Gaussian.truncatedQuantile(q, a, b);
                assertTrue(x >= a && x <= b);
                double mass = Math.exp(Gaussian.logMass(a, x) - Gaussian.logMass(a, b));
                assertEquals(q, mass, 1e-9, "q " + q + " on [" + a + ", " + b + "]");
            }
        }
    }

    @Test
    void fastCdf_agreesWithCdf_acrossTheTable() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            double x = -9 + 18 * r.nextDouble();
            assertEquals(Gaussian.cdf(x), Gaussian.fastCdf(x), 1e-15, "x = " + x);
        }
    }

    @Test
    void lowerTail_agreesWithCdf_inAbsoluteAndRelativeTerms() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            double x = -9 * r.nextDouble();
            double exact = x <= -8.5 ? 0 : Gaussian.cdf(x);
            assertEquals(Gaussian.cdf(x), Gaussian.lowerTail(x), 1e-15, "x = " + x);
            if (x > -2) {
                assertEquals(exact, Gaussian.lowerTail(x), 1e-13 * exact, "x = " + x);
            } else if (x > -8) {
                assertEquals(exact, Gaussian.lowerTail(x), 1e-10 * exact, "x = " + x);
            }
        }
    }

    @Test
    void coarseLowerTail_staysWithinItsStatedError_andIsCoarserThanTheFullStep() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            double x = -9 * r.nextDouble();
            double error = Math.abs(Gaussian.cdf(x) - Gaussian.coarseLowerTail(x));
            assertTrue(error <= Gaussian.COARSE_TAIL_ERROR, "x = " + x + ": error " + error);
            worst = Math.max(worst, error);
        }
        // the bound is close to what is reached (a third-order term left out near 0), not vacuous
        assertTrue(worst > Gaussian.COARSE_TAIL_ERROR / 4, "worst error " + worst);
        // on a grid node the step is 0: Φ(0) = 1/2 and Φ(−1) = 0.15865525393145707 (hand value)
        assertEquals(0.5, Gaussian.coarseLowerTail(0), 1e-16);
        assertEquals(0.15865525393145707, Gaussian.coarseLowerTail(-1), 1e-16);
    }

    @Test
    void centredMass_isOneMinusBothTails() {
        // hand values: Φ(1) − Φ(−1) = erf(1/√2) = 0.682689492137086; Φ(2) − Φ(−1) = 0.818594614120079
        assertEquals(0.682689492137086, Gaussian.centredMass(-1, 1), 1e-15);
        assertEquals(0.8185946141203637, Gaussian.centredMass(-1, 2), 1e-15);
        assertEquals(0.5, Gaussian.centredMass(0, 20), 1e-16);
        assertEquals(1.0, Gaussian.centredMass(-9, 9), 0);
    }

    @Test
    void fastExp_agreesWithExp_overTheRangeLogSumExpUses() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(2);
        for (int i = 0; i < 200_000; i++) {
            double x = -60 + 120 * r.nextDouble();
            double e = Math.exp(x);
            assertEquals(e, Gaussian.fastExp(x), 1e-14 * e, "x = " + x);
        }
        assertEquals(1.0, Gaussian.fastExp(0), 0);
        assertEquals(0.0, Gaussian.fastExp(-800), 0);
    }
}
