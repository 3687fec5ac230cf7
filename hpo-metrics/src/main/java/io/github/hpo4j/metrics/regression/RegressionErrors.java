package io.github.hpo4j.metrics.regression;

/**
 * Root-mean-square and mean absolute errors, weighted or not.
 *
 * <pre>{@code
 * double rmse = RegressionErrors.rmse(actual, predicted);
 * double mae = RegressionErrors.mae(actual, predicted, weights);
 * }</pre>
 *
 * <p>Stability: stable.
 */
public final class RegressionErrors {

    private RegressionErrors() {
    }

    /**
     * @param actual    true values
     * @param predicted predictions
     * @return sqrt(mean((actual − predicted)²))
     * @throws IllegalArgumentException on empty input, a length mismatch or a non-finite value (naming the index)
     */
    public static double rmse(double[] actual, double[] predicted) {
        return rmse(actual, predicted, null);
    }

    /**
     * @param actual    true values
     * @param predicted predictions
     * @param weights   weights, finite and {@code >= 0} with a positive sum, or null
     * @return the weighted RMSE
     * @throws IllegalArgumentException on bad input, naming the argument and index
     */
    public static double rmse(double[] actual, double[] predicted, double[] weights) {
        double[] sums = sums(actual, predicted, weights, true);
        return Math.sqrt(sums[0] / sums[1]);
    }

    /**
     * @param actual    true values
     * @param predicted predictions
     * @return mean(|actual − predicted|)
     * @throws IllegalArgumentException on bad input, naming the argument and index
     */
    public static double mae(double[] actual, double[] predicted) {
        return mae(actual, predicted, null);
    }

    /**
     * @param actual    true values
     * @param predicted predictions
     * @param weights   weights or null
     * @return the weighted MAE
     * @throws IllegalArgumentException on bad input, naming the argument and index
     */
    public static double mae(double[] actual, double[] predicted, double[] weights) {
        double[] sums = sums(actual, predicted, weights, false);
        return sums[0] / sums[1];
    }

    private static double[] sums(double[] actual, double[] predicted, double[] weights, boolean squared) {
        if (actual == null || actual.length == 0) {
            throw new IllegalArgumentException("actual: empty input");
        }
        if (predicted == null || predicted.length != actual.length) {
            throw new IllegalArgumentException("predicted: length " + (predicted == null ? "null" : predicted.length)
                    + " differs from actual's " + actual.length);
        }
        if (weights != null && weights.length != actual.length) {
            throw new IllegalArgumentException("weights: length " + weights.length + " differs from actual's " + actual.length);
        }
        double s = 0;
        double w = 0;
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isFinite(actual[i])) {
                throw new IllegalArgumentException("actual[" + i + "] is " + actual[i] + ": must be finite");
            }
            if (!Double.isFinite(predicted[i])) {
                throw new IllegalArgumentException("predicted[" + i + "] is " + predicted[i] + ": must be finite");
            }
            double wi = 1;
            if (weights != null) {
                wi = weights[i];
                if (!(wi >= 0) || wi == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("weights[" + i + "] is " + wi + ": must be finite and >= 0");
                }
            }
            double e = actual[i] - predicted[i];
            s += wi * (squared ? e * e : Math.abs(e));
            w += wi;
        }
        if (!(w > 0)) {
            throw new IllegalArgumentException("weights: sum is 0");
        }
        return new double[] {s, w};
    }
}
