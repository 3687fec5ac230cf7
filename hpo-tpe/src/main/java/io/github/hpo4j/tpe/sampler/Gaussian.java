package io.github.hpo4j.tpe.sampler;

/**
 * Standard normal functions in double precision, accurate in the tails: erf and erfc by the
 * rational approximations of Sun's fdlibm (s_erf.c), Φ and log Φ (an asymptotic series below
 * -20), the log of the mass of an interval, and the truncated-normal quantile by safeguarded
 * Newton iteration on log Φ.
 */
final class Gaussian {

    private Gaussian() {
    }

    static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SQRT1_2 = Math.sqrt(0.5);

    // fdlibm s_erf.c coefficients
    private static final double ERX = 8.45062911510467529297e-01;
    private static final double EFX = 1.28379167095512586316e-01;
    private static final double PP0 = 1.28379167095512558561e-01;
    private static final double PP1 = -3.25042107247001499370e-01;
    private static final double PP2 = -2.84817495755985104766e-02;
    private static final double PP3 = -5.77027029648944159157e-03;
    private static final double PP4 = -2.37630166566501626084e-05;
    private static final double QQ1 = 3.97917223959155352819e-01;
    private static final double QQ2 = 6.50222499887672944485e-02;
    private static final double QQ3 = 5.08130628187576562776e-03;
    private static final double QQ4 = 1.32494738004321644526e-04;
    private static final double QQ5 = -3.96022827877536812320e-06;
    private static final double PA0 = -2.36211856075265944077e-03;
    private static final double PA1 = 4.14856118683748331666e-01;
    private static final double PA2 = -3.72207876035701323847e-01;
    private static final double PA3 = 3.18346619901161753674e-01;
    private static final double PA4 = -1.10894694282396677476e-01;
    private static final double PA5 = 3.54783043256182359371e-02;
    private static final double PA6 = -2.16637559486879084300e-03;
    private static final double QA1 = 1.06420880400844228286e-01;
    private static final double QA2 = 5.40397917702171048937e-01;
    private static final double QA3 = 7.18286544141962662868e-02;
    private static final double QA4 = 1.26171219808761642112e-01;
    private static final double QA5 = 1.36370839120290507362e-02;
    private static final double QA6 = 1.19844998467991074170e-02;
    private static final double RA0 = -9.86494403484714822705e-03;
    private static final double RA1 = -6.93858572707181764372e-01;
    private static final double RA2 = -1.05586262253232909814e01;
    private static final double RA3 = -6.23753324503260060396e01;
    private static final double RA4 = -1.62396669462573470355e02;
    private static final double RA5 = -1.84605092906711035994e02;
    private static final double RA6 = -8.12874355063065934246e01;
    private static final double RA7 = -9.81432934416914548592e00;
    private static final double SA1 = 1.96512716674392571292e01;
    private static final double SA2 = 1.37657754143519042600e02;
    private static final double SA3 = 4.34565877475229228821e02;
    private static final double SA4 = 6.45387271733267880336e02;
    private static final double SA5 = 4.29008140027567833386e02;
    private static final double SA6 = 1.08635005541779435134e02;
    private static final double SA7 = 6.57024977031928170135e00;
    private static final double SA8 = -6.04244152148580987438e-02;
    private static final double RB0 = -9.86494292470009928597e-03;
    private static final double RB1 = -7.99283237680523006574e-01;
    private static final double RB2 = -1.77579549177547519889e01;
    private static final double RB3 = -1.60636384855821916062e02;
    private static final double RB4 = -6.37566443368389627722e02;
    private static final double RB5 = -1.02509513161107724954e03;
    private static final double RB6 = -4.83519191608651397019e02;
    private static final double SB1 = 3.03380607434824582924e01;
    private static final double SB2 = 3.25792512996573918826e02;
    private static final double SB3 = 1.53672958608443695994e03;
    private static final double SB4 = 3.19985821950859553908e03;
    private static final double SB5 = 2.55305040643316442583e03;
    private static final double SB6 = 4.74528541206955367215e02;
    private static final double SB7 = -2.24409524465858183362e01;

    /** erf(x) for |x| < 0.84375. */
    private static double erfSmall(double x) {
        double ax = Math.abs(x);
        if (ax < 0x1p-28) {
            return x + EFX * x;
        }
        double z = x * x;
        double r = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
        double s = 1 + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
        return x + x * (r / s);
    }

    /** erfc(x) for x >= 1.25 (x below 28; 0 beyond). */
    private static double erfcLarge(double x) {
        if (x >= 28) {
            return 0;
        }
        double s = 1 / (x * x);
        double r;
        double q;
        if (x < 1 / 0.35) {
            r = RA0 + s * (RA1 + s * (RA2 + s * (RA3 + s * (RA4 + s * (RA5 + s * (RA6 + s * RA7))))));
            q = 1 + s * (SA1 + s * (SA2 + s * (SA3 + s * (SA4 + s * (SA5 + s * (SA6 + s * (SA7 + s * SA8)))))));
        } else {
            r = RB0 + s * (RB1 + s * (RB2 + s * (RB3 + s * (RB4 + s * (RB5 + s * RB6)))));
            q = 1 + s * (SB1 + s * (SB2 + s * (SB3 + s * (SB4 + s * (SB5 + s * (SB6 + s * SB7))))));
        }
        // split x into a high part with a short mantissa so that exp(-x*x) keeps its precision
        double z = Double.longBitsToDouble(Double.doubleToRawLongBits(x) & 0xffffffff00000000L);
        return Math.exp(-z * z - 0.5625) * Math.exp((z - x) * (z + x) + r / q) / x;
    }

    /** erf on [0.84375, 1.25): erx + P/Q. */
    private static double erfMid(double ax) {
        double s = ax - 1;
        double p = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
        double q = 1 + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
        return ERX + p / q;
    }

    static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double ax = Math.abs(x);
        if (ax < 0.84375) {
            return erfSmall(x);
        }
        if (ax < 1.25) {
            return Math.copySign(erfMid(ax), x);
        }
        if (ax >= 6) {
            return Math.copySign(1, x);
        }
        return Math.copySign(1 - erfcLarge(ax), x);
    }

    static double erfc(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double ax = Math.abs(x);
        if (ax < 0.84375) {
            return 1 - erfSmall(x);
        }
        if (ax < 1.25) {
            double e = erfMid(ax);
            return x > 0 ? 1 - ERX - (e - ERX) : 1 + e;
        }
        return x > 0 ? erfcLarge(ax) : 2 - erfcLarge(ax);
    }

    /** Φ(x), the standard normal CDF. */
    static double cdf(double x) {
        double z = x * SQRT1_2;
        if (z < -SQRT1_2) {
            return 0.5 * erfc(-z);
        }
        if (z < SQRT1_2) {
            return 0.5 + 0.5 * erf(z);
        }
        return 1 - 0.5 * erfc(z);
    }

    /** log Φ(x), accurate far into the left tail. */
    static double logCdf(double x) {
        if (x > 6) {
            return -cdf(-x); // log(1 - e) ~ -e
        }
        if (x > -20) {
            return Math.log(cdf(x));
        }
        // asymptotic series: Φ(x) ~ φ(x)/(-x) · (1 - 1/x² + 3/x⁴ - ...)
        double logLhs = -0.5 * x * x - Math.log(-x) - LOG_SQRT_2PI;
        double sum = 1;
        double term = 1;
        double inv = 1 / (x * x);
        for (int i = 1; i < 30; i++) {
            double next = -term * (2 * i - 1) * inv;
            if (Math.abs(next) < 1e-17 * Math.abs(sum)) {
                break;
            }
            term = next;
            sum += term;
        }
        return logLhs + Math.log(sum);
    }

    private static final double[] EXP2_FRACTION = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            EXP2_FRACTION[i] = Math.pow(2, i / 256.0);
        }
    }

    private static final double LOG2E = 1 / Math.log(2);
    private static final double LN2_256 = Math.log(2) / 256;

    /**
     * e^x by a table of 2^(i/256) and a fourth-order polynomial of the remainder (below
     * ln 2 / 256): relative error under 1e-14 on [-60, 60], the range the mixture sums use (it
     * grows with |x| as the reduction loses bits); 0 below -700; not for x above 700.
     */
    static double fastExp(double x) {
        if (!(x >= -700)) {
            return x == x ? 0 : x;
        }
        double y = x * LOG2E * 256;
        int k = (int) Math.floor(y);
        double r = (y - k) * LN2_256;
        double poly = 1 + r * (1 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24))));
        int e = k >> 8;
        double scale = Double.longBitsToDouble((long) (e + 1023) << 52);
        return scale * EXP2_FRACTION[k & 255] * poly;
    }

    /**
     * log(1 + x) without StrictMath's cost: a series below 1e-3 in magnitude (error below 1e-18),
     * else Math.log(1 + x) (absolute error below 2e-16).
     */
    static double log1p(double x) {
        if (Math.abs(x) < 1e-3) {
            return x * (1 - x * (0.5 - x * (1.0 / 3 - x * (0.25 - x * 0.2))));
        }
        return Math.log(1 + x);
    }

    /** log(e^p - e^q) for p >= q. */
    private static double logDiff(double p, double q) {
        if (q == Double.NEGATIVE_INFINITY) {
            return p;
        }
        return p + Math.log1p(-Math.exp(q - p));
    }

    // Φ and φ on a grid of step 1/256 over [-8.5, 8.5], for a fifth-order Taylor step from the
    // nearest node: |h| <= 1/512, so the first term left out is below 1e-19.
    private static final double TABLE_STEP = 1.0 / 256;
    private static final double INV6 = 1.0 / 6;
    private static final double INV24 = 1.0 / 24;
    private static final double INV120 = 1.0 / 120;
    private static final double TABLE_LIMIT = 8.5;
    private static final double[] TABLE_CDF;
    private static final double[] TABLE_PDF;

    static {
        int n = (int) Math.round(2 * TABLE_LIMIT / TABLE_STEP) + 1;
        TABLE_CDF = new double[n];
        TABLE_PDF = new double[n];
        for (int i = 0; i < n; i++) {
            double x = -TABLE_LIMIT + i * TABLE_STEP;
            TABLE_CDF[i] = cdf(x);
            TABLE_PDF[i] = Math.exp(-0.5 * x * x - LOG_SQRT_2PI);
        }
    }

    /** Φ(x) by the table and a Taylor step: as accurate as {@link #cdf} in absolute terms, several times faster. */
    static double fastCdf(double x) {
        if (!(x > -TABLE_LIMIT && x < TABLE_LIMIT)) {
            return cdf(x);
        }
        double y = (x + TABLE_LIMIT) * 256; // 1 / TABLE_STEP
        int i = (int) (y + 0.5);
        double h = (y - i) * TABLE_STEP;
        double x0 = -TABLE_LIMIT + i * TABLE_STEP;
        double x2 = x0 * x0;
        // the Taylor coefficients of Φ at x0 divided by φ(x0): 1, −x0/2, (x0² − 1)/6, …
        double poly = h * (1 + h * (-0.5 * x0 + h * ((x2 - 1) * INV6 + h * (-(x2 * x0 - 3 * x0) * INV24
                + h * ((x2 * x2 - 6 * x2 + 3) * INV120)))));
        return TABLE_CDF[i] + TABLE_PDF[i] * poly;
    }

    /**
     * The standard normal mass on [a, b] for {@code a <= 0 <= b}: at least half of the smaller
     * side's half, so 1 − Φ(a) − Φ(−b) loses no relative precision. Tails beyond 8.5 (below
     * 1e-17) count as 0.
     */
    static double centredMass(double a, double b) {
        return 1 - lowerTail(a) - lowerTail(-b);
    }

    // Φ's Taylor coefficients at the nodes of a grid of step 1/64 over [-8.5, 0], six per node
    // (26 KB, so it stays in the L1 cache): |h| <= 1/128 from the nearest node, so the first term
    // left out, h⁶ Φ⁽⁶⁾/720, is below 1e-15 in absolute value.
    private static final int TAIL_SCALE = 64;
    private static final int TAIL_STRIDE = 6;
    private static final double[] TAIL_TAYLOR;

    static {
        int n = (int) Math.round(TABLE_LIMIT * TAIL_SCALE) + 1;
        TAIL_TAYLOR = new double[TAIL_STRIDE * n];
        for (int i = 0; i < n; i++) {
            double x = -TABLE_LIMIT + (double) i / TAIL_SCALE;
            double pdf = Math.exp(-0.5 * x * x - LOG_SQRT_2PI);
            double x2 = x * x;
            // Φ's derivatives over φ: 1, −x, x² − 1, −x³ + 3x, x⁴ − 6x² + 3; divided by k!
            TAIL_TAYLOR[TAIL_STRIDE * i] = cdf(x);
            TAIL_TAYLOR[TAIL_STRIDE * i + 1] = pdf;
            TAIL_TAYLOR[TAIL_STRIDE * i + 2] = -x * pdf / 2;
            TAIL_TAYLOR[TAIL_STRIDE * i + 3] = (x2 - 1) * pdf / 6;
            TAIL_TAYLOR[TAIL_STRIDE * i + 4] = (3 - x2) * x * pdf / 24;
            TAIL_TAYLOR[TAIL_STRIDE * i + 5] = (x2 * x2 - 6 * x2 + 3) * pdf / 120;
        }
    }

    /**
     * Φ(x) for x <= 0 (0 at or below -8.5, where Φ is under 1e-17), absolute error below 1e-15:
     * what masses need; deep in the tail the relative error grows (about 1e-11 at -8).
     */
    static double lowerTail(double x) {
        return tailStep(x, false);
    }

    /** Φ(x) for x <= 0 from the nearest node of {@link #TAIL_TAYLOR}: six terms, or three if coarse. */
    private static double tailStep(double x, boolean coarse) {
        if (!(x > -TABLE_LIMIT)) {
            return 0;
        }
        double y = (x + TABLE_LIMIT) * TAIL_SCALE;
        int i = (int) (y + 0.5);
        double h = (y - i) * (1.0 / TAIL_SCALE);
        int o = TAIL_STRIDE * i;
        double[] c = TAIL_TAYLOR;
        if (coarse) {
            return c[o] + h * (c[o + 1] + h * c[o + 2]);
        }
        return c[o] + h * (c[o + 1] + h * (c[o + 2] + h * (c[o + 3] + h * (c[o + 4] + h * c[o + 5]))));
    }

    /**
     * Bound on |{@link #coarseLowerTail}(x) − Φ(x)| for x <= 0: the remainder of a second-order
     * Taylor step of at most 1/128 from a grid node, (1/128)³ / 6 · max|Φ'''| with max|Φ'''| =
     * φ(0) < 0.399, which is 3.17e-8, plus the table's rounding.
     */
    static final double COARSE_TAIL_ERROR = 3.2e-8;

    /**
     * Φ(x) for x <= 0 within {@link #COARSE_TAIL_ERROR}: {@link #lowerTail}'s table with three of
     * its six terms, for masses that only have to be bracketed (the exact value is computed when
     * a bracket does not decide).
     */
    static double coarseLowerTail(double x) {
        return tailStep(x, true);
    }

    /**
     * {@link #centredMass} from {@link #coarseLowerTail}: within 2 · {@link #COARSE_TAIL_ERROR}.
     *
     * @see #massLogError
     */
    static double coarseCentredMass(double a, double b) {
        return 1 - coarseLowerTail(a) - coarseLowerTail(-b);
    }

    /**
     * Bound on the error in the log of a kernel's mass inside the range when the mass is off by
     * at most {@code absolute}: a kernel centred inside the range with σ <= range keeps at least
     * Φ(1) − 1/2 > 0.341 of its mass, so its log moves by at most
     * −log(1 − e / (0.341 − e)) < 1.01 · e / 0.34; the bound returned is twice that.
     */
    static double massLogError(double absolute) {
        return 2 * 1.01 * absolute / 0.34;
    }

    /** φ(u), the standard normal density, by {@link #fastExp} (relative error under 1e-14). */
    static double fastDensity(double u) {
        return fastExp(-0.5 * u * u - LOG_SQRT_2PI);
    }

    /** log of the standard normal mass on [a, b], a <= b. */
    static double logMass(double a, double b) {
        if (a < -8.5 && b > 8.5) {
            // each tail holds < 1e-17, so log(1 - tails) is within 2e-17 of 0
            return 0;
        }
        if (b <= 0) {
            return logDiff(logCdf(b), logCdf(a));
        }
        if (a > 0) {
            return logDiff(logCdf(-a), logCdf(-b));
        }
        return log1p(-fastCdf(a) - fastCdf(-b));
    }

    // Acklam's rational approximation of the normal quantile (relative error 1.2e-9), used as the
    // starting point of the Newton refinement below.
    private static final double[] AC_A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] AC_B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] AC_C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] AC_D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};

    /** Approximate Φ⁻¹(p) for p in (0, 1). */
    static double approximateQuantile(double p) {
        double plow = 0.02425;
        if (p < plow) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((AC_C[0] * q + AC_C[1]) * q + AC_C[2]) * q + AC_C[3]) * q + AC_C[4]) * q + AC_C[5])
                    / ((((AC_D[0] * q + AC_D[1]) * q + AC_D[2]) * q + AC_D[3]) * q + 1);
        }
        if (p > 1 - plow) {
            double q = Math.sqrt(-2 * Math.log1p(-p));
            return -(((((AC_C[0] * q + AC_C[1]) * q + AC_C[2]) * q + AC_C[3]) * q + AC_C[4]) * q + AC_C[5])
                    / ((((AC_D[0] * q + AC_D[1]) * q + AC_D[2]) * q + AC_D[3]) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((AC_A[0] * r + AC_A[1]) * r + AC_A[2]) * r + AC_A[3]) * r + AC_A[4]) * r + AC_A[5]) * q
                / (((((AC_B[0] * r + AC_B[1]) * r + AC_B[2]) * r + AC_B[3]) * r + AC_B[4]) * r + 1);
    }

    /** x with log Φ(x) = y: Newton from Acklam's guess, safeguarded by bisection on [-100, 100]. */
    static double inverseLogCdf(double y) {
        double lo = -100;
        double hi = 100;
        double x;
        if (y > -700) {
            double p = Math.exp(y);
            x = p >= 1 ? 40 : approximateQuantile(p);
        } else {
            x = -Math.sqrt(-2 * y);
        }
        for (int i = 0; i < 100; i++) {
            double f = logCdf(x) - y;
            if (Math.abs(f) < 1e-14 * Math.max(1, Math.abs(y))) {
                return x;
            }
            if (f > 0) {
                hi = x;
            } else {
                lo = x;
            }
            // d/dx log Φ(x) = φ(x)/Φ(x)
            double slope = Math.exp(-0.5 * x * x - LOG_SQRT_2PI - logCdf(x));
            double nx = x - f / slope;
            if (!(nx > lo && nx < hi)) {
                nx = 0.5 * (lo + hi);
            }
            if (nx == x) {
                return x;
            }
            x = nx;
        }
        return x;
    }

    /**
     * The {@code q}-quantile of the standard normal truncated to [a, b].
     *
     * @param q in [0, 1]
     * @param a lower bound
     * @param b upper bound, {@code > a}
     */
    static double truncatedQuantile(double q, double a, double b) {
        // well-conditioned case: invert Φ directly (Acklam's guess, two Newton steps on the table Φ)
        // beyond ±8.5 a tail holds under 1e-17: no need for the slow exact Φ there
        double pa = a <= -TABLE_LIMIT ? 0 : fastCdf(a);
        double pb = b >= TABLE_LIMIT ? 1 : fastCdf(b);
        if (pb - pa > 1e-6) {
            double p = pa + q * (pb - pa);
            if (p > 1e-10 && p < 1 - 1e-10) {
                double x = approximateQuantile(p);
                for (int i = 0; i < 2; i++) {
                    double dens = Math.exp(-0.5 * x * x - LOG_SQRT_2PI);
                    x -= (fastCdf(x) - p) / dens;
                }
                return Math.min(b, Math.max(a, x));
            }
        }
        double x;
        if (a < 0) {
            double logPhi = logAdd(logCdf(a), Math.log(q) + logMass(a, b));
            x = inverseLogCdf(logPhi);
        } else {
            double logPhi = logAdd(logCdf(-b), Math.log1p(-q) + logMass(a, b));
            x = -inverseLogCdf(logPhi);
        }
        return Math.min(b, Math.max(a, x));
    }

    private static double logAdd(double p, double q) {
        if (p == Double.NEGATIVE_INFINITY) {
            return q;
        }
        if (q == Double.NEGATIVE_INFINITY) {
            return p;
        }
        double m = Math.max(p, q);
        return m + Math.log(Math.exp(p - m) + Math.exp(q - m));
    }
}
