package io.github.hpo4j.search.constraint;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Weights that must sum to 1, each within its own bounds, sampled uniformly on that polytope
 * without rejection: a hit-and-run chain (a random direction inside the plane Σw = 1, then a
 * uniform step along it within the bounds) that never leaves the feasible set, with a burn-in
 * and thinning between samples. Samples sum to 1 within 1e-12 and respect every bound.
 *
 * <pre>{@code
 * SimplexGroup weights = SimplexGroup.of(List.of("w_click", "w_buy", "w_fresh", "w_pop", "w_div"),
 *     new double[] {0.05, 0.05, 0, 0, 0}, new double[] {0.6, 0.6, 0.3, 0.3, 0.3});
 * double[] w = weights.sample(new SplittableRandom(1));
 * }</pre>
 *
 * <p>Not thread-safe (the chain has state). Stability: evolving.
 */
public final class SimplexGroup {

    private final List<String> names;
    private final double[] lower;
    private final double[] upper;
    private final double[] state;
    private boolean burnedIn;

    private SimplexGroup(List<String> names, double[] lower, double[] upper) {
        this.names = names;
        this.lower = lower;
        this.upper = upper;
        int d = names.size();
        double slack = 1;
        double room = 0;
        for (int i = 0; i < d; i++) {
            slack -= lower[i];
            room += upper[i] - lower[i];
        }
        state = new double[d];
        for (int i = 0; i < d; i++) {
            state[i] = lower[i] + (room > 0 ? slack * (upper[i] - lower[i]) / room : 0);
        }
    }

    /**
     * @param names the weights' parameter names (at least 2)
     * @param lower lower bounds, {@code >= 0}
     * @param upper upper bounds, {@code >= lower}, {@code <= 1}
     * @return the group
     * @throws IllegalArgumentException if the lengths differ, a bound is out of [0, 1], or the
     *     bounds make Σw = 1 infeasible ({@code Σlower > 1} or {@code Σupper < 1})
     */
    public static SimplexGroup of(List<String> names, double[] lower, double[] upper) {
        int d = names.size();
        if (d < 2) {
            throw new IllegalArgumentException("names: a simplex group needs at least 2 weights, got " + d);
        }
        if (lower.length != d || upper.length != d) {
            throw new IllegalArgumentException("bounds: " + lower.length + " lower and " + upper.length
                    + " upper bounds for " + d + " weights");
        }
        double sl = 0;
        double su = 0;
        for (int i = 0; i < d; i++) {
            if (!(lower[i] >= 0) || !(upper[i] <= 1) || !(lower[i] <= upper[i])) {
                throw new IllegalArgumentException(names.get(i) + ": bounds [" + lower[i] + ", " + upper[i]
                        + "] must satisfy 0 <= lower <= upper <= 1");
            }
            sl += lower[i];
            su += upper[i];
        }
        if (sl > 1 + 1e-12 || su < 1 - 1e-12) {
            throw new IllegalArgumentException("bounds: infeasible simplex group " + names + ": lower bounds sum to " + sl
                    + " and upper bounds to " + su + "; need sum(lower) <= 1 <= sum(upper)");
        }
        return new SimplexGroup(List.copyOf(names), lower.clone(), upper.clone());
    }

    /**
     * @param names the weights' parameter names
     * @return a group with bounds [0, 1] (the whole simplex)
     */
    public static SimplexGroup of(List<String> names) {
        double[] lo = new double[names.size()];
        double[] hi = new double[names.size()];
        Arrays.fill(hi, 1);
        return of(names, lo, hi);
    }

    /** @return the weights' names */
    public List<String> names() {
        return names;
    }

    /**
     * The next sample of the chain.
     *
     * @param rng randomness
     * @return weights summing to 1 within 1e-12, inside every bound
     */
    public double[] sample(SplittableRandom rng) {
        int d = state.length;
        int steps = burnedIn ? 5 * d : 50 * d * d;
        burnedIn = true;
        double[] dir = new double[d];
        for (int s = 0; s < steps; s++) {
            double mean = 0;
            for (int i = 0; i < d; i++) {
                dir[i] = gaussian(rng);
                mean += dir[i];
            }
            mean /= d;
            for (int i = 0; i < d; i++) {
                dir[i] -= mean;
            }
            double lo = Double.NEGATIVE_INFINITY;
            double hi = Double.POSITIVE_INFINITY;
            for (int i = 0; i < d; i++) {
                if (dir[i] > 1e-15) {
                    lo = Math.max(lo, (lower[i] - state[i]) / dir[i]);
                    hi = Math.min(hi, (upper[i] - state[i]) / dir[i]);
                } else if (dir[i] < -1e-15) {
                    lo = Math.max(lo, (upper[i] - state[i]) / dir[i]);
                    hi = Math.min(hi, (lower[i] - state[i]) / dir[i]);
                }
            }
            if (!(hi > lo)) {
                continue;
            }
            double t = lo + (hi - lo) * rng.nextDouble();
            for (int i = 0; i < d; i++) {
                state[i] = Math.min(upper[i], Math.max(lower[i], state[i] + t * dir[i]));
            }
            renormalise();
        }
        return state.clone();
    }

    /** Puts the rounding error of the sum on the weight with the most room to absorb it. */
    private void renormalise() {
        double sum = 0;
        for (double w : state) {
            sum += w;
        }
        double err = 1 - sum;
        int best = 0;
        double bestRoom = -1;
        for (int i = 0; i < state.length; i++) {
            double room = err > 0 ? upper[i] - state[i] : state[i] - lower[i];
            if (room > bestRoom) {
                bestRoom = room;
                best = i;
            }
        }
        state[best] += err;
    }

    private static double gaussian(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
