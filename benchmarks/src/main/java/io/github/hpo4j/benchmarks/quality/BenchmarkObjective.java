package io.github.hpo4j.benchmarks.quality;

import io.github.hpo4j.core.trial.Trial;
import java.util.List;

/**
 * The quality benchmark objectives of {@code ../shared/reference/functions.md}, all minimised:
 * branin (2-D), hartmann6 (6-D) and mlsim (a mixed space standing in for a training run).
 */
public enum BenchmarkObjective {
    /** Branin on x1 in [-5, 10], x2 in [0, 15]; minimum 0.397887. */
    BRANIN {
        @Override
        public double evaluate(Trial t) {
            double x1 = t.suggestFloat("x1", -5, 10);
            double x2 = t.suggestFloat("x2", 0, 15);
            double b = 5.1 / (4 * Math.PI * Math.PI);
            double c = 5 / Math.PI;
            double u = x2 - b * x1 * x1 + c * x1 - 6;
            return u * u + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x1) + 10;
        }
    },
    /** Hartmann 6-D on [0, 1]^6; minimum -3.32237. */
    HARTMANN6 {
        private final double[] alpha = {1.0, 1.2, 3.0, 3.2};
        private final double[][] a = {
            {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
        private final double[][] p = {
            {1312, 1696, 5569, 124, 8283, 5886}, {2329, 4135, 8307, 3736, 1004, 9991},
            {2348, 1451, 3522, 2883, 3047, 6650}, {4047, 8828, 8732, 5743, 1091, 381}};

        @Override
        public double evaluate(Trial t) {
            double[] x = new double[6];
            for (int j = 0; j < 6; j++) {
                x[j] = t.suggestFloat("x" + j, 0, 1);
            }
            double f = 0;
            for (int i = 0; i < 4; i++) {
                double s = 0;
                for (int j = 0; j < 6; j++) {
                    double d = x[j] - 1e-4 * p[i][j];
                    s += a[i][j] * d * d;
                }
                f -= alpha[i] * Math.exp(-s);
            }
            return f;
        }
    },
    /** The mixed-space stand-in for a training run; minimum 0.1. */
    MLSIM {
        private final List<String> optimizers = List.of("adam", "rmsprop", "adagrad", "sgd");
        private final double[] offsets = {0.0, 0.05, 0.15, 0.3};

        @Override
        public double evaluate(Trial t) {
            double lr = t.suggestFloat("lr", 1e-5, 1e-1, true);
            int batch = t.suggestInt("batch", 16, 4096, true);
            double dropout = t.suggestFloat("dropout", 0.0, 0.7);
            String optimizer = t.suggestCategorical("optimizer", optimizers);
            int layers = t.suggestInt("layers", 1, 6);
            // term by term as the formula reads: each square first, then its coefficient
            double a = Math.log10(lr) - Math.log10(3e-4);
            double b = log2(batch) - 8;
            double c = dropout - 0.5;
            double e = layers - 3;
            return 0.1 + 0.08 * (a * a) + 0.02 * (b * b) + 0.6 * (c * c)
                    + offsets[optimizers.indexOf(optimizer)] + 0.03 * (e * e);
        }
    };

    /** log2 of a positive integer: its binary exponent plus the log2 of a mantissa in [1, 2). */
    static double log2(int n) {
        int exponent = 31 - Integer.numberOfLeadingZeros(n);
        double mantissa = n / (double) (1 << exponent);
        return mantissa == 1 ? exponent : exponent + Math.log(mantissa) / Math.log(2);
    }

    /**
     * @param trial the live trial
     * @return the objective value
     */
    public abstract double evaluate(Trial trial);

    /** @return the name used in the Optuna baseline file */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
