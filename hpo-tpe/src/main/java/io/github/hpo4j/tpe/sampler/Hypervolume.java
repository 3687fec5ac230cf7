package io.github.hpo4j.tpe.sampler;

import java.util.Arrays;

/**
 * The hypervolume of a set of points to be minimised: the measure of the region each point
 * dominates up to a reference point, union over the points. Exact, by slicing along the last
 * objective (HSO): O(n^(d−1) log n), meant for the few dozen points of a TPE good set.
 * Multi-objective TPE uses it as Optuna 3.1 does: to pick the rest of the good set from a
 * partly admitted non-domination rank (greedy hypervolume subset selection) and to weight the
 * good set's kernels by each point's contribution.
 */
final class Hypervolume {

    /** Optuna's EPS: stands in for a zero reference coordinate and floors contributions. */
    static final double EPS = 1e-12;

    private Hypervolume() {
    }

    /**
     * @param points    [point][objective], minimised
     * @param reference a point every point should lie below; coordinates beyond it count nothing
     * @return the hypervolume
     */
    static double of(double[][] points, double[] reference) {
        int d = reference.length;
        double[][] clipped = Arrays.stream(points).filter(p -> dominatesReference(p, reference))
                .toArray(double[][]::new);
        return slice(clipped, clipped.length, reference, d);
    }

    private static boolean dominatesReference(double[] p, double[] reference) {
        for (int j = 0; j < reference.length; j++) {
            if (!(p[j] < reference[j])) {
                return false;
            }
        }
        return true;
    }

    /** The hypervolume of the first n points over the first d objectives. */
    private static double slice(double[][] points, int n, double[] reference, int d) {
        if (n == 0) {
            return 0;
        }
        if (d == 1) {
            double best = reference[0];
            for (int i = 0; i < n; i++) {
                best = Math.min(best, points[i][0]);
            }
            return reference[0] - best;
        }
        int last = d - 1;
        double[][] sorted = Arrays.copyOf(points, n);
        Arrays.sort(sorted, (a, b) -> Double.compare(a[last], b[last]));
        if (d == 2) {
            // sweep: each point adds the strip between it and the best first coordinate so far
            double volume = 0;
            double bestFirst = reference[0];
            for (int i = 0; i < n; i++) {
                double next = i + 1 < n ? sorted[i + 1][1] : reference[1];
                bestFirst = Math.min(bestFirst, sorted[i][0]);
                volume += (reference[0] - bestFirst) * (next - sorted[i][1]);
            }
            return volume;
        }
        double volume = 0;
        for (int i = 0; i < n; i++) {
            double next = i + 1 < n ? sorted[i + 1][last] : reference[last];
            double height = next - sorted[i][last];
            if (height > 0) {
                volume += height * slice(sorted, i + 1, reference, last);
            }
        }
        return volume;
    }

    /**
     * Optuna's reference point for a set: 1.1 × the worst value per objective (0.9 × if that is
     * larger, for negative values), with EPS standing in for 0.
     *
     * @param points [point][objective]
     * @return the reference point
     */
    static double[] referenceFor(double[][] points) {
        int d = points[0].length;
        double[] ref = new double[d];
        for (int j = 0; j < d; j++) {
            double worst = Double.NEGATIVE_INFINITY;
            for (double[] p : points) {
                worst = Math.max(worst, p[j]);
            }
            ref[j] = Math.max(1.1 * worst, 0.9 * worst);
            if (ref[j] == 0) {
                ref[j] = EPS;
            }
        }
        return ref;
    }

    /**
     * Greedy hypervolume subset selection, step for step as Optuna 3.1's {@code _solve_hssp}:
     * repeatedly take the point of largest remaining contribution (the first on ties).
     *
     * @param points    candidates [point][objective]
     * @param size      how many to take
     * @param reference the reference point
     * @return the indices taken, in the order taken
     */
    static int[] greedySubset(double[][] points, int size, double[] reference) {
        int n = points.length;
        double[] contribution = new double[n];
        for (int i = 0; i < n; i++) {
            contribution[i] = of(new double[][] {points[i]}, reference);
        }
        int[] taken = new int[size];
        double[][] selected = new double[0][];
        double selectedVolume = 0;
        for (int t = 0; t < size; t++) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (contribution[i] > contribution[best]) {
                    best = i;
                }
            }
            contribution[best] = -1;
            taken[t] = best;
            for (int j = 0; j < n; j++) {
                if (contribution[j] == -1) {
                    continue;
                }
                double[] joined = new double[reference.length];
                for (int k = 0; k < joined.length; k++) {
                    joined[k] = Math.max(points[best][k], points[j][k]);
                }
                double[][] with = Arrays.copyOf(selected, selected.length + 1);
                with[selected.length] = joined;
                contribution[j] -= of(with, reference) - selectedVolume;
            }
            selected = Arrays.copyOf(selected, selected.length + 1);
            selected[selected.length - 1] = points[best];
            selectedVolume = of(selected, reference);
        }
        return taken;
    }

    /**
     * Optuna 3.1's weights of a multi-objective good set: each point's hypervolume contribution
     * (plus EPS) over the largest, in [0, 1]; 1 for a single point.
     *
     * @param points [point][objective]
     * @return one weight per point
     */
    static double[] contributionWeights(double[][] points) {
        int n = points.length;
        if (n == 0) {
            return new double[0];
        }
        if (n == 1) {
            return new double[] {1};
        }
        double[] reference = referenceFor(points);
        double all = of(points, reference);
        double[] c = new double[n];
        double max = 0;
        for (int i = 0; i < n; i++) {
            double[][] without = new double[n - 1][];
            for (int k = 0, at = 0; k < n; k++) {
                if (k != i) {
                    without[at++] = points[k];
                }
            }
            c[i] = all - of(without, reference) + EPS;
            max = Math.max(max, c[i]);
        }
        for (int i = 0; i < n; i++) {
            c[i] = Math.min(1, Math.max(0, c[i] / max));
        }
        return c;
    }
}
