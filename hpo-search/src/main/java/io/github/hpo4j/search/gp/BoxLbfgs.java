package io.github.hpo4j.search.gp;

/**
 * Minimises a smooth function inside a box with a limited-memory quasi-Newton method: L-BFGS
 * directions over the variables not held at a bound, a projected backtracking line search, and
 * a stop when the projected gradient is small. A plainer relative of L-BFGS-B, on primitive
 * arrays; the function and its gradient come from {@link Objective}.
 */
final class BoxLbfgs {

    /** A function with its gradient. */
    interface Objective {
        /** @return f(x); fills {@code grad} with its gradient */
        double value(double[] x, double[] grad);
    }

    private final int memory;
    private final int maxIterations;
    private final double gradientTolerance;

    BoxLbfgs(int memory, int maxIterations, double gradientTolerance) {
        this.memory = memory;
        this.maxIterations = maxIterations;
        this.gradientTolerance = gradientTolerance;
    }

    /**
     * Minimises from {@code x} (clamped into the box), in place.
     *
     * @return the value at the point left in {@code x}
     */
    double minimize(Objective f, double[] x, double[] lo, double[] hi) {
        int n = x.length;
        for (int i = 0; i < n; i++) {
            x[i] = clamp(x[i], lo[i], hi[i]);
        }
        double[] g = new double[n];
        double fx = f.value(x, g);
        double[][] s = new double[memory][n];
        double[][] y = new double[memory][n];
        double[] rho = new double[memory];
        double[] alpha = new double[memory];
        int stored = 0;
        int head = 0;
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        boolean[] free = new boolean[n];
        for (int iter = 0; iter < maxIterations; iter++) {
            double pg = 0;
            for (int i = 0; i < n; i++) {
                double p = x[i] - clamp(x[i] - g[i], lo[i], hi[i]);
                pg = Math.max(pg, Math.abs(p));
                // a variable at a bound whose gradient pushes it outward stays there
                free[i] = !((x[i] <= lo[i] && g[i] > 0) || (x[i] >= hi[i] && g[i] < 0));
            }
            if (pg < gradientTolerance || !Double.isFinite(fx)) {
                break;
            }
            // two-loop recursion on the free variables
            for (int i = 0; i < n; i++) {
                d[i] = free[i] ? -g[i] : 0;
            }
            for (int k = 0; k < stored; k++) {
                int j = Math.floorMod(head - 1 - k, memory);
                double a = 0;
                for (int i = 0; i < n; i++) {
                    a += free[i] ? s[j][i] * d[i] : 0;
                }
                a *= rho[j];
                alpha[j] = a;
                for (int i = 0; i < n; i++) {
                    if (free[i]) {
                        d[i] -= a * y[j][i];
                    }
                }
            }
            if (stored > 0) {
                int j = Math.floorMod(head - 1, memory);
                double sy = 0;
                double yy = 0;
                for (int i = 0; i < n; i++) {
                    sy += s[j][i] * y[j][i];
                    yy += y[j][i] * y[j][i];
                }
                double gamma = yy > 0 ? sy / yy : 1;
                for (int i = 0; i < n; i++) {
                    d[i] *= gamma;
                }
            }
            for (int k = stored - 1; k >= 0; k--) {
                int j = Math.floorMod(head - 1 - k, memory);
                double b = 0;
                for (int i = 0; i < n; i++) {
                    b += free[i] ? y[j][i] * d[i] : 0;
                }
                b *= rho[j];
                for (int i = 0; i < n; i++) {
                    if (free[i]) {
                        d[i] += s[j][i] * (alpha[j] - b);
                    }
                }
            }
            double slope = 0;
            for (int i = 0; i < n; i++) {
                slope += g[i] * d[i];
            }
            if (!(slope < 0)) {
                // not a descent direction: steepest descent, memory dropped
                stored = 0;
                slope = 0;
                for (int i = 0; i < n; i++) {
                    d[i] = free[i] ? -g[i] : 0;
                    slope += g[i] * d[i];
                }
                if (!(slope < 0)) {
                    break;
                }
            }
            double t = stored == 0 ? Math.min(1, 1 / Math.max(1e-12, norm(d))) : 1;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int ls = 0; ls < 40; ls++) {
                double decrease = 0;
                for (int i = 0; i < n; i++) {
                    xNew[i] = clamp(x[i] + t * d[i], lo[i], hi[i]);
                    decrease += g[i] * (xNew[i] - x[i]);
                }
                fNew = f.value(xNew, gNew);
                if (Double.isFinite(fNew) && fNew <= fx + 1e-4 * decrease) {
                    accepted = true;
                    break;
                }
                t *= 0.5;
            }
            if (!accepted) {
                break;
            }
            double sy = 0;
            for (int i = 0; i < n; i++) {
                s[head][i] = xNew[i] - x[i];
                y[head][i] = gNew[i] - g[i];
                sy += s[head][i] * y[head][i];
            }
            if (sy > 1e-12) {
                rho[head] = 1 / sy;
                head = (head + 1) % memory;
                stored = Math.min(stored + 1, memory);
            }
            double change = fx - fNew;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if (change <= 1e-12 * Math.max(1, Math.abs(fx))) {
                break;
            }
        }
        return fx;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }
}
