package io.github.hpo4j.search.gp;

/**
 * A Gaussian-process regression model on points of the unit cube: Matérn-5/2 kernel with one
 * inverse squared length scale per dimension (ARD), a signal scale and a noise variance; a
 * categorical dimension contributes the Hamming distance (0 when equal, 1 otherwise). The
 * hyperparameters maximise the log marginal likelihood plus weak priors (Optuna 4's: on each
 * inverse squared length scale λ, −(0.1/λ + 0.1 λ); Gamma(2, 1) on the scale; Gamma(1.1, 30) on
 * the noise, which is at least 1e-6). Everything lives in primitive arrays.
 */
final class GpModel {

    static final double MIN_NOISE = 1e-6;
    private static final double SQRT5 = Math.sqrt(5);

    final int n;
    final int dims;
    final double[] x;
    final double[] y;
    final boolean[] categorical;
    final double[] invSq;
    final double scale;
    final double noise;
    private final double[] chol;
    private final double[] alpha;

    private GpModel(double[] x, double[] y, int n, int dims, boolean[] categorical, double[] raw) {
        this.n = n;
        this.dims = dims;
        this.x = x;
        this.y = y;
        this.categorical = categorical;
        this.invSq = new double[dims];
        for (int d = 0; d < dims; d++) {
            invSq[d] = Math.exp(raw[d]);
        }
        this.scale = Math.exp(raw[dims]);
        this.noise = Math.exp(raw[dims + 1]) + MIN_NOISE;
        double[] k = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = scale * matern(sqDist(x, i * dims, x, j * dims));
                k[i * n + j] = v;
                k[j * n + i] = v;
            }
            k[i * n + i] += noise;
        }
        this.chol = new double[n * n];
        Cholesky.factor(k, n, chol);
        this.alpha = new double[n];
        Cholesky.forward(chol, n, y, alpha);
        Cholesky.backward(chol, n, alpha, alpha);
    }

    /** The model with these hyperparameters (raw: log λ_d, log scale, log(noise − 1e-6)). */
    static GpModel of(double[] x, double[] y, int n, int dims, boolean[] categorical, double[] raw) {
        return new GpModel(x, y, n, dims, categorical, raw);
    }

    /** @return the hyperparameters in the form {@link #of} and {@link #fit} take */
    double[] raw() {
        double[] raw = new double[dims + 2];
        for (int d = 0; d < dims; d++) {
            raw[d] = Math.log(invSq[d]);
        }
        raw[dims] = Math.log(scale);
        raw[dims + 1] = Math.log(noise - MIN_NOISE);
        return raw;
    }

    /** The default starting hyperparameters: λ = 1, scale 1, noise 0.01. */
    static double[] defaultRaw(int dims) {
        double[] raw = new double[dims + 2];
        raw[dims + 1] = Math.log(1e-2);
        return raw;
    }

    static double matern(double r2) {
        double r = Math.sqrt(5 * r2);
        return (1 + r + 5.0 / 3 * r2) * Math.exp(-r);
    }

    /** d matern / d r². */
    static double maternSlope(double r2) {
        double r = Math.sqrt(5 * r2);
        return -5.0 / 6 * (1 + r) * Math.exp(-r);
    }

    private double sqDist(double[] a, int ao, double[] b, int bo) {
        double s = 0;
        for (int d = 0; d < dims; d++) {
            double diff = a[ao + d] - b[bo + d];
            s += (categorical[d] ? (diff != 0 ? 1 : 0) : diff * diff) * invSq[d];
        }
        return s;
    }

    /**
     * Fits the hyperparameters by maximising the log marginal likelihood plus the priors, from
     * the warm start (if any) and from the default start, keeping the better. Uses at most
     * {@code maxPoints} points: beyond that, the best half by y and an even spread of the rest.
     */
    static GpModel fit(double[] x, double[] y, int n, int dims, boolean[] categorical, double[] warm, int maxPoints) {
        int[] subset = subset(y, n, maxPoints);
        int m = subset.length;
        double[] sx = new double[m * dims];
        double[] sy = new double[m];
        for (int i = 0; i < m; i++) {
            System.arraycopy(x, subset[i] * dims, sx, i * dims, dims);
            sy[i] = y[subset[i]];
        }
        Likelihood lik = new Likelihood(sx, sy, m, dims, categorical);
        double[] lo = new double[dims + 2];
        double[] hi = new double[dims + 2];
        for (int d = 0; d < dims; d++) {
            lo[d] = -12;
            hi[d] = 12;
        }
        lo[dims] = -10;
        hi[dims] = 10;
        lo[dims + 1] = -30;
        hi[dims + 1] = 5;
        BoxLbfgs opt = new BoxLbfgs(10, 150, 1e-2);
        double[] best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        double[][] starts = warm != null && warm.length == dims + 2 ? new double[][] {warm.clone(), defaultRaw(dims)}
                : new double[][] {defaultRaw(dims)};
        for (double[] start : starts) {
            double loss = opt.minimize(lik, start, lo, hi);
            if (loss < bestLoss || best == null) {
                bestLoss = loss;
                best = start;
            }
        }
        return new GpModel(x, y, n, dims, categorical, best);
    }

    private static int[] subset(double[] y, int n, int maxPoints) {
        if (n <= maxPoints) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(y[b], y[a])); // best (largest) first
        boolean[] taken = new boolean[n];
        int half = maxPoints / 2;
        for (int i = 0; i < half; i++) {
            taken[order[i]] = true;
        }
        int rest = maxPoints - half;
        int others = n - half;
        int[] out = new int[maxPoints];
        int k = 0;
        int seen = 0;
        for (int i = 0; i < n; i++) {
            if (taken[i]) {
                out[k++] = i;
            } else {
                // an even spread over the rest, in trial order
                if ((long) seen * rest / others != (long) (seen + 1) * rest / others) {
                    out[k++] = i;
                }
                seen++;
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }

    /**
     * Posterior mean and variance at a point; with gradients over its dimensions when the
     * gradient arrays are given (categorical dimensions get 0).
     *
     * @param p        the point (length dims)
     * @param out      out[0] = mean, out[1] = variance
     * @param gMean    gradient of the mean, or null
     * @param gVar     gradient of the variance, or null
     * @param k        scratch of length n
     * @param v        scratch of length n
     */
    void posterior(double[] p, double[] out, double[] gMean, double[] gVar, double[] k, double[] v) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            k[i] = scale * matern(sqDist(p, 0, x, i * dims));
            mean += k[i] * alpha[i];
        }
        Cholesky.forward(chol, n, k, v);
        double vv = 0;
        for (int i = 0; i < n; i++) {
            vv += v[i] * v[i];
        }
        out[0] = mean;
        out[1] = Math.max(scale - vv, 1e-12 * scale);
        if (gMean == null) {
            return;
        }
        // w = K⁻¹ k, in place of v
        Cholesky.backward(chol, n, v, v);
        java.util.Arrays.fill(gMean, 0, dims, 0);
        java.util.Arrays.fill(gVar, 0, dims, 0);
        for (int i = 0; i < n; i++) {
            double slope = scale * maternSlope(sqDist(p, 0, x, i * dims));
            int row = i * dims;
            for (int d = 0; d < dims; d++) {
                if (categorical[d]) {
                    continue;
                }
                double dk = slope * 2 * (p[d] - x[row + d]) * invSq[d];
                gMean[d] += alpha[i] * dk;
                gVar[d] -= 2 * v[i] * dk;
            }
        }
    }

    /**
     * The same model with more points whose values are its own posterior means there (the
     * kriging believer: running trials, believed to land where the model expects), with the
     * same hyperparameters.
     */
    GpModel believing(double[] points, int m) {
        if (m == 0) {
            return this;
        }
        double[] nx = java.util.Arrays.copyOf(x, (n + m) * dims);
        double[] ny = java.util.Arrays.copyOf(y, n + m);
        double[] out = new double[2];
        double[] p = new double[dims];
        double[] k = new double[n];
        double[] v = new double[n];
        for (int j = 0; j < m; j++) {
            System.arraycopy(points, j * dims, p, 0, dims);
            posterior(p, out, null, null, k, v);
            System.arraycopy(points, j * dims, nx, (n + j) * dims, dims);
            ny[n + j] = out[0];
        }
        return new GpModel(nx, ny, n + m, dims, categorical, raw());
    }

    /** Minus (log marginal likelihood + log prior) and its gradient over the raw hyperparameters. */
    static final class Likelihood implements BoxLbfgs.Objective {
        private final int n;
        private final int dims;
        private final double[] y;
        private final double[] sqd; // n × n × dims, squared distances per dimension
        private final double[] r2;
        private final double[] kf;
        private final double[] k;
        private final double[] l;
        private final double[] alpha;
        private final double[] inv;
        private final double[] col;
        private final double[] lam;

        Likelihood(double[] x, double[] y, int n, int dims, boolean[] categorical) {
            this.n = n;
            this.dims = dims;
            this.y = y;
            this.sqd = new double[n * n * dims];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    for (int d = 0; d < dims; d++) {
                        double diff = x[i * dims + d] - x[j * dims + d];
                        sqd[(i * n + j) * dims + d] = categorical[d] ? (diff != 0 ? 1 : 0) : diff * diff;
                    }
                }
            }
            this.r2 = new double[n * n];
            this.kf = new double[n * n];
            this.k = new double[n * n];
            this.l = new double[n * n];
            this.alpha = new double[n];
            this.inv = new double[n * n];
            this.col = new double[n];
            this.lam = new double[dims];
        }

        @Override
        public double value(double[] raw, double[] grad) {
            double scale = Math.exp(raw[dims]);
            double noiseRaw = Math.exp(raw[dims + 1]);
            double noise = noiseRaw + MIN_NOISE;
            for (int d = 0; d < dims; d++) {
                lam[d] = Math.exp(raw[d]);
            }
            for (int ij = 0; ij < n * n; ij++) {
                double s = 0;
                int base = ij * dims;
                for (int d = 0; d < dims; d++) {
                    s += sqd[base + d] * lam[d];
                }
                r2[ij] = s;
                kf[ij] = scale * matern(s);
                k[ij] = kf[ij];
            }
            for (int i = 0; i < n; i++) {
                k[i * n + i] += noise;
            }
            Cholesky.factor(k, n, l);
            Cholesky.forward(l, n, y, alpha);
            double quad = 0;
            for (int i = 0; i < n; i++) {
                quad += alpha[i] * alpha[i];
            }
            Cholesky.backward(l, n, alpha, alpha);
            double logDet = 0;
            for (int i = 0; i < n; i++) {
                logDet += Math.log(l[i * n + i]);
            }
            double lml = -logDet - 0.5 * quad;
            Cholesky.inverse(l, n, inv, col);
            java.util.Arrays.fill(grad, 0);
            double trace = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    int ij = i * n + j;
                    double a = alpha[i] * alpha[j] - inv[ij];
                    if (i == j) {
                        trace += a;
                    }
                    grad[dims] += a * kf[ij];
                    double slope = a * scale * maternSlope(r2[ij]);
                    int base = ij * dims;
                    for (int d = 0; d < dims; d++) {
                        grad[d] += slope * sqd[base + d];
                    }
                }
            }
            double prior = 0;
            for (int d = 0; d < dims; d++) {
                double lam = Math.exp(raw[d]);
                grad[d] = 0.5 * grad[d] * lam + (0.1 / lam - 0.1 * lam);
                prior -= 0.1 / lam + 0.1 * lam;
            }
            grad[dims] = 0.5 * grad[dims] + (1 - scale);
            prior += Math.log(scale) - scale;
            grad[dims + 1] = 0.5 * trace * noiseRaw + (0.1 / noise - 30) * noiseRaw;
            prior += 0.1 * Math.log(noise) - 30 * noise;
            for (int i = 0; i < grad.length; i++) {
                grad[i] = -grad[i];
            }
            return -(lml + prior);
        }
    }
}
