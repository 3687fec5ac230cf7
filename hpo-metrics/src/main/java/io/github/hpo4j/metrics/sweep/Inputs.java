package io.github.hpo4j.metrics.sweep;

/** Argument checks shared by the builders of score tables. */
final class Inputs {

    private Inputs() {
    }

    static void check(double[] scores, int labelsLength, double[] weights) {
        if (scores == null) {
            throw new IllegalArgumentException("scores: null");
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException("scores: empty input");
        }
        if (labelsLength != scores.length) {
            throw new IllegalArgumentException("labels: length " + labelsLength + " differs from scores' " + scores.length);
        }
        if (weights != null && weights.length != scores.length) {
            throw new IllegalArgumentException("weights: length " + weights.length + " differs from scores' " + scores.length);
        }
    }

    static IllegalArgumentException badScore(int i, double s) {
        return new IllegalArgumentException("scores[" + i + "] is " + s + ": scores must be finite");
    }

    static IllegalArgumentException badWeight(int i, double w) {
        return new IllegalArgumentException("weights[" + i + "] is " + w + ": weights must be finite and >= 0");
    }

    static boolean[] labels(int[] labels) {
        if (labels == null) {
            throw new IllegalArgumentException("labels: null");
        }
        boolean[] out = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int v = labels[i];
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException("labels[" + i + "] is " + v + ": labels must be 0 or 1");
            }
            out[i] = v == 1;
        }
        return out;
    }
}
