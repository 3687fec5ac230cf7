package io.github.hpo4j.tpe.sampler;

import io.github.hpo4j.core.study.Direction;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Splits observed trials into the good set l and the bad set g, as Optuna's TPE does: the good
 * set takes {@code nBelow} trials, first from COMPLETE trials by objective value (by
 * non-domination rank with several objectives), then PRUNED trials by (furthest step, value at
 * that step), then infeasible trials by total constraint violation. Everything else, and the
 * RUNNING trials of other workers (the constant liar), goes to the bad set. Both sets come back
 * in history order, except the good set of several objectives without constraints: it is filled
 * rank by rank and, from the first rank that does not fit, by greedy hypervolume selection, and
 * kept in that order, as Optuna 3.1 keeps it.
 */
final class GoodBadSplit {

    /**
     * A trial and its position in the history: unique, ascending in history order (warm-start
     * trials first); the input list must be in this order.
     */
    record Observed(TrialRecord trial, int order) {
    }

    final List<Observed> good;
    final List<Observed> bad;

    private GoodBadSplit(List<Observed> good, List<Observed> bad) {
        this.good = good;
        this.bad = bad;
    }

    /** γ(n) = min(⌈0.1·n⌉, 25). */
    static int defaultGamma(int n) {
        return Math.min((int) Math.ceil(0.1 * n), 25);
    }

    static GoodBadSplit split(List<Observed> trials, List<Direction> directions, int nBelow) {
        boolean constraints = false;
        for (Observed o : trials) {
            if (!o.trial().constraints().isEmpty()) {
                constraints = true;
                break;
            }
        }
        List<Observed> complete = new ArrayList<>();
        List<Observed> pruned = new ArrayList<>();
        List<Observed> infeasible = new ArrayList<>();
        List<Observed> running = new ArrayList<>();
        for (Observed o : trials) {
            TrialRecord t = o.trial();
            if (t.state() == TrialState.RUNNING) {
                running.add(o);
            } else if (constraints && !t.isFeasible()) {
                infeasible.add(o);
            } else if (t.state() == TrialState.COMPLETE) {
                complete.add(o);
            } else if (t.state() == TrialState.PRUNED) {
                pruned.add(o);
            }
        }
        int maxOrder = 0;
        for (Observed o : trials) {
            maxOrder = Math.max(maxOrder, o.order());
        }
        boolean[] isGood = new boolean[maxOrder + 1];
        int left = nBelow;
        List<Observed> bestComplete = directions.size() == 1
                ? bestSingleObjective(complete, directions.get(0), left)
                : bestMultiObjective(complete, directions, left);
        left -= mark(bestComplete, left, isGood);
        if (left > 0 && !pruned.isEmpty()) {
            Direction first = directions.get(0);
            pruned.sort(Comparator.<Observed>comparingDouble(o -> prunedStep(o.trial()))
                    .thenComparingDouble(o -> prunedValue(o.trial(), first)));
            left -= mark(pruned, left, isGood);
        }
        if (left > 0 && !infeasible.isEmpty()) {
            infeasible.sort(Comparator.comparingDouble(o -> o.trial().totalViolation()));
            mark(infeasible, left, isGood);
        }
        // both sets in history order (the input is in history order already), except the good set
        // of several objectives without constraints, which Optuna 3.1 keeps in the order it was
        // picked: rank by rank, then the hypervolume picks (its kernels, hence draws, follow it)
        boolean picked = directions.size() > 1 && !constraints;
        List<Observed> good = new ArrayList<>();
        if (picked) {
            good.addAll(bestComplete.subList(0, Math.min(bestComplete.size(), nBelow)));
        }
        List<Observed> bad = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            Observed o = trials.get(i);
            TrialState st = o.trial().state();
            if (isGood[o.order()]) {
                if (!picked || !good.contains(o)) {
                    good.add(o);
                }
            } else if (st == TrialState.COMPLETE || st == TrialState.PRUNED || st == TrialState.RUNNING) {
                bad.add(o);
            }
        }
        return new GoodBadSplit(good, bad);
    }

    private static int mark(List<Observed> sorted, int n, boolean[] isGood) {
        int k = Math.max(0, Math.min(n, sorted.size()));
        for (int i = 0; i < k; i++) {
            isGood[sorted.get(i).order()] = true;
        }
        return k;
    }

    /**
     * The {@code n} best COMPLETE trials, best first, ties to the older trial: a bounded
     * insertion that is O(trials) when, as usual, few trials beat the current n-th best.
     */
    private static List<Observed> bestSingleObjective(List<Observed> complete, Direction d, int n) {
        double[] values = new double[complete.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = d.toMinimized(complete.get(i).trial().value());
        }
        List<Observed> out = new ArrayList<>();
        for (int i : smallest(values, values.length, n)) {
            out.add(complete.get(i));
        }
        return out;
    }

    /**
     * The indices of the {@code k} smallest of {@code values[0, n)}, smallest first, ties to the
     * lower index: a bounded insertion that is O(n) when, as usual, few values beat the current
     * k-th smallest.
     */
    static int[] smallest(double[] values, int n, int k) {
        k = Math.max(0, Math.min(k, n));
        int[] best = new int[k];
        double[] score = new double[k];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            double v = values[i];
            if (kept == k && !(v < score[k - 1])) {
                continue;
            }
            int at = kept < k ? kept++ : k - 1;
            while (at > 0 && v < score[at - 1]) {
                best[at] = best[at - 1];
                score[at] = score[at - 1];
                at--;
            }
            best[at] = i;
            score[at] = v;
        }
        return best;
    }

    /** Negated furthest step (later steps first); trials with no report last. */
    private static double prunedStep(TrialRecord t) {
        return t.intermediateValues().isEmpty() ? 1 : -t.intermediateValues().lastKey();
    }

    private static double prunedValue(TrialRecord t, Direction d) {
        if (t.intermediateValues().isEmpty()) {
            return 0;
        }
        return d.toMinimized(t.intermediateValues().lastEntry().getValue());
    }

    /**
     * The {@code n} best COMPLETE trials of a multi-objective study, as Optuna 3.1 picks them:
     * whole non-domination ranks while they fit, then from the first rank that does not fit the
     * subset a greedy hypervolume selection picks ({@link Hypervolume#greedySubset}).
     */
    private static List<Observed> bestMultiObjective(List<Observed> complete, List<Direction> directions, int n) {
        int size = complete.size();
        double[][] values = new double[size][];
        for (int i = 0; i < size; i++) {
            values[i] = minimized(complete.get(i).trial(), directions);
        }
        // peel non-domination fronts off until the good set is full (only those ranks are needed)
        boolean[] taken = new boolean[size];
        List<Observed> out = new ArrayList<>();
        int target = Math.max(0, Math.min(n, size));
        while (out.size() < target) {
            List<Integer> front = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                if (taken[i]) {
                    continue;
                }
                boolean dominated = false;
                for (int j = 0; j < size && !dominated; j++) {
                    dominated = j != i && !taken[j] && dominates(values[j], values[i]);
                }
                if (!dominated) {
                    front.add(i);
                }
            }
            if (out.size() + front.size() <= target) {
                for (int i : front) {
                    out.add(complete.get(i));
                    taken[i] = true;
                }
                continue;
            }
            double[][] points = new double[front.size()][];
            for (int k = 0; k < points.length; k++) {
                points[k] = values[front.get(k)];
            }
            for (int k : Hypervolume.greedySubset(points, target - out.size(), Hypervolume.referenceFor(points))) {
                out.add(complete.get(front.get(k)));
            }
        }
        return out;
    }

    /** A trial's values, each turned so that smaller is better. */
    static double[] minimized(TrialRecord t, List<Direction> directions) {
        double[] v = new double[directions.size()];
        for (int j = 0; j < v.length; j++) {
            v[j] = directions.get(j).toMinimized(t.values().get(j));
        }
        return v;
    }

    /** Whether a dominates b: no worse in every objective, better in one (both minimised). */
    private static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                return false;
            }
            if (a[i] < b[i]) {
                better = true;
            }
        }
        return better;
    }
}
