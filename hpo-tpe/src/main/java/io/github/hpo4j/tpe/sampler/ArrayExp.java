package io.github.hpo4j.tpe.sampler;

/**
 * e^(x − shift) over an array of x <= shift, in plain multiplications and additions so that the
 * JIT can run several lanes at once (a table, a branch or a call per element would stop it): the
 * mixtures' sums over ten thousand kernels per candidate are dominated by these exponentials.
 *
 * <p>Method: y = (x − shift) / 128, clamped to [−0.5, 0]; a degree-13 Taylor polynomial of e^y
 * (remainder under 0.5^14 / 14! < 7e-16, relative under 1.2e-15 as e^y > 0.6), then squared seven
 * times, which multiplies the relative error by 128 and adds a rounding per squaring: under
 * {@link #RELATIVE_ERROR} in all. Arguments more than 64 below the shift count as 64 below
 * (e^-64 < 1.7e-28).
 */
final class ArrayExp {

    /** Bound on the relative error of each value written (see the class comment). */
    static final double RELATIVE_ERROR = 4e-13;
    /** How far below the shift an argument is still taken as it is. */
    static final double FLOOR = -64;

    private static final double C2 = 1.0 / 2;
    private static final double C3 = 1.0 / 6;
    private static final double C4 = 1.0 / 24;
    private static final double C5 = 1.0 / 120;
    private static final double C6 = 1.0 / 720;
    private static final double C7 = 1.0 / 5040;
    private static final double C8 = 1.0 / 40320;
    private static final double C9 = 1.0 / 362880;
    private static final double C10 = 1.0 / 3628800;
    private static final double C11 = 1.0 / 39916800;
    private static final double C12 = 1.0 / 479001600;
    private static final double C13 = 1.0 / 6227020800.0;

    private ArrayExp() {
    }

    /**
     * Writes e^(x[k] − shift) for k below n into out.
     *
     * @param x     the arguments, each at most {@code shift} (larger ones are not supported)
     * @param n     how many
     * @param shift subtracted from each argument
     * @param out   where the values go (may be {@code x})
     */
    static void shiftedExp(double[] x, int n, double shift, double[] out) {
        for (int k = 0; k < n; k++) {
            double y = Math.max(x[k] - shift, FLOOR) * (1.0 / 128);
            double p = 1 + y * (1 + y * (C2 + y * (C3 + y * (C4 + y * (C5 + y * (C6 + y * (C7 + y * (C8
                    + y * (C9 + y * (C10 + y * (C11 + y * (C12 + y * C13))))))))))));
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            p *= p;
            out[k] = p;
        }
    }

    /** Σ v[k] for k below n, in four interleaved partial sums (rounding under n · 1.2e-16 relative). */
    static double sum(double[] v, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s0 += v[k];
            s1 += v[k + 1];
            s2 += v[k + 2];
            s3 += v[k + 3];
        }
        for (; k < n; k++) {
            s0 += v[k];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
