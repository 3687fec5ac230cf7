package io.github.hpo4j.tpe.sampler;

/**
 * e^(x − shift) over an array of x <= shift, in plain multiplications and additions so that the
 * JIT can run several lanes at once (a table, a branch or a call per element would stop it): the
 * mixtures' sums over ten thousand kernels per candidate are dominated by these exponentials.
 *
 * <p>Method: y = (x − shift) / 1024, clamped to [−1/16, 0]; a degree-7 Taylor polynomial of e^y
 * (remainder under (1/16)^8 / 8! < 5.8e-15, relative under 6.2e-15 as e^y > 0.94, plus a few
 * roundings), then squared ten times, which multiplies the relative error by 1024 and adds a
 * rounding per squaring (under 1024 · 1.2e-16 in all): under {@link #RELATIVE_ERROR}. Arguments
 * more than 64 below the shift count as 64 below (e^-64 < 1.7e-28).
 */
final class ArrayExp {

    /** Bound on the relative error of each value written (see the class comment). */
    static final double RELATIVE_ERROR = 1e-11;
    /** How far below the shift an argument is still taken as it is. */
    static final double FLOOR = -64;

    private static final double C2 = 1.0 / 2;
    private static final double C3 = 1.0 / 6;
    private static final double C4 = 1.0 / 24;
    private static final double C5 = 1.0 / 120;
    private static final double C6 = 1.0 / 720;
    private static final double C7 = 1.0 / 5040;

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
            double y = Math.max(x[k] - shift, FLOOR) * (1.0 / 1024);
            double p = 1 + y * (1 + y * (C2 + y * (C3 + y * (C4 + y * (C5 + y * (C6 + y * C7))))));
            p *= p;
            p *= p;
            p *= p;
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
