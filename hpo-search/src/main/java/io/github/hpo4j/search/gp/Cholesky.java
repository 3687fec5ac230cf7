package io.github.hpo4j.search.gp;

/**
 * Cholesky factorisation of a symmetric positive-definite matrix held row-major in a primitive
 * array, and the triangular solves that go with it. A matrix that is not positive definite in
 * floating point gets a growing jitter on its diagonal (the ladder), never an exception.
 */
final class Cholesky {

    private static final double[] LADDER = {0, 1e-10, 1e-8, 1e-6, 1e-4, 1e-3, 1e-2, 1e-1, 1};

    private Cholesky() {
    }

    /**
     * Factors {@code a = L Lᵀ} into {@code l} (lower triangle; the rest zeroed), adding the
     * smallest jitter of the ladder (times the mean diagonal) that makes it succeed.
     *
     * @return the jitter added to the diagonal
     */
    static double factor(double[] a, int n, double[] l) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += a[i * n + i];
        }
        mean = n == 0 || !Double.isFinite(mean) ? 1 : Math.max(mean / n, 1e-300);
        for (double rung : LADDER) {
            double jitter = rung * mean;
            if (tryFactor(a, n, l, jitter)) {
                return jitter;
            }
        }
        // the last resort: the diagonal alone
        java.util.Arrays.fill(l, 0, n * n, 0);
        for (int i = 0; i < n; i++) {
            double diag = a[i * n + i];
            l[i * n + i] = Math.sqrt((diag > 0 && Double.isFinite(diag) ? diag : 0) + mean);
        }
        return mean;
    }

    private static boolean tryFactor(double[] a, int n, double[] l, double jitter) {
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            for (int j = 0; j <= i; j++) {
                int rj = j * n;
                double s = a[ri + j] + (i == j ? jitter : 0);
                for (int k = 0; k < j; k++) {
                    s -= l[ri + k] * l[rj + k];
                }
                if (i == j) {
                    if (!(s > 0) || !Double.isFinite(s)) {
                        return false;
                    }
                    l[ri + i] = Math.sqrt(s);
                } else {
                    l[ri + j] = s / l[rj + j];
                }
            }
            for (int j = i + 1; j < n; j++) {
                l[ri + j] = 0;
            }
        }
        return true;
    }

    /** Solves {@code L y = b} into {@code y} (may be {@code b}). */
    static void forward(double[] l, int n, double[] b, double[] y) {
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[ri + k] * y[k];
            }
            y[i] = s / l[ri + i];
        }
    }

    /** Solves {@code Lᵀ x = y} into {@code x} (may be {@code y}). */
    static void backward(double[] l, int n, double[] y, double[] x) {
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
    }

    /** Fills {@code inv} with {@code (L Lᵀ)⁻¹}, using {@code col} (length n) as scratch. */
    static void inverse(double[] l, int n, double[] inv, double[] col) {
        for (int j = 0; j < n; j++) {
            java.util.Arrays.fill(col, 0, n, 0);
            col[j] = 1;
            forward(l, n, col, col);
            backward(l, n, col, col);
            for (int i = 0; i < n; i++) {
                inv[i * n + j] = col[i];
            }
        }
    }
}
