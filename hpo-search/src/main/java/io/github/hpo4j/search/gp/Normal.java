package io.github.hpo4j.search.gp;

import org.apache.commons.math3.special.Erf;

/**
 * The standard normal's density, distribution and log expected improvement, computed stably far
 * into the lower tail: no −∞ and no NaN for any finite z.
 */
final class Normal {

    static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SQRT2 = Math.sqrt(2);

    private Normal() {
    }

    static double logPdf(double z) {
        return -0.5 * z * z - LOG_SQRT_2PI;
    }

    static double pdf(double z) {
        return Math.exp(logPdf(z));
    }

    /** Mills' ratio {@code (1 − Φ(u)) / φ(u)} for {@code u >= 0}. */
    static double mills(double u) {
        if (u < 3) {
            return 0.5 * Erf.erfc(u / SQRT2) / pdf(u);
        }
        // continued fraction 1 / (u + 1 / (u + 2 / (u + 3 / (u + ...)))), evaluated from the back
        double t = u;
        for (int k = 60; k >= 1; k--) {
            t = u + k / t;
        }
        return 1 / t;
    }

    /** {@code log Φ(z)}. */
    static double logCdf(double z) {
        if (z > -3) {
            return Math.log(0.5 * Erf.erfc(-z / SQRT2));
        }
        return logPdf(z) + Math.log(mills(-z));
    }

    /**
     * {@code 1 / c(u)} for {@code u >= 3}, where {@code c(u) = 1/m(u) − u = 1 / (u + 2 / (u + 3 / (u + ...)))}:
     * in the lower tail, {@code 1 − u m(u) = m(u) c(u)} without the cancellation.
     */
    private static double inverseTail(double u) {
        double t = u;
        for (int k = 60; k >= 2; k--) {
            t = u + k / t;
        }
        return t;
    }

    /**
     * {@code log h(z)} with {@code h(z) = φ(z) + z Φ(z)}, the expected improvement of a standard
     * normal over a threshold {@code z} below its mean.
     */
    static double logH(double z) {
        if (z > -1) {
            double cdf = 0.5 * Erf.erfc(-z / SQRT2);
            return Math.log(pdf(z) + z * cdf);
        }
        double u = -z;
        // h(−u) = φ(u) (1 − u m(u))
        if (u < 3) {
            return logPdf(u) + Math.log(1 - u * mills(u));
        }
        return logPdf(u) + Math.log(mills(u)) - Math.log(inverseTail(u));
    }

    /**
     * {@code d log h / dz = Φ(z) / h(z)}, stably: for {@code z < 0} it is
     * {@code m(−z) / (1 − (−z) m(−z))}.
     */
    static double dLogH(double z) {
        if (z > -1) {
            double cdf = 0.5 * Erf.erfc(-z / SQRT2);
            return cdf / (pdf(z) + z * cdf);
        }
        double u = -z;
        if (u < 3) {
            double m = mills(u);
            return m / (1 - u * m);
        }
        return inverseTail(u); // Φ/h = φ m / (φ m c) = 1 / c
    }

    /** {@code d log Φ(w) / dw = φ(w) / Φ(w)}, stably in the lower tail. */
    static double dLogCdf(double w) {
        return w > -3 ? pdf(w) / (0.5 * Erf.erfc(-w / SQRT2)) : 1 / mills(-w);
    }
}
