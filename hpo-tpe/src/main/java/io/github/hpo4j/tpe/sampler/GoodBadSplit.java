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
        int[] rank = ranks(complete, directions);
        List<Observed> out = new ArrayList<>();
        int target = Math.max(0, Math.min(n, size));
        for (int r = 0; out.size() < target; r++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                if (rank[i] == r) {
                    members.add(i);
                }
            }
            if (out.size() + members.size() <= target) {
                for (int i : members) {
                    out.add(complete.get(i));
                }
                continue;
            }
            double[][] points = new double[members.size()][];
            for (int k = 0; k < points.length; k++) {
                points[k] = minimized(complete.get(members.get(k)).trial(), directions);
            }
            for (int k : Hypervolume.greedySubset(points, target - out.size(), Hypervolume.referenceFor(points))) {
                out.add(complete.get(members.get(k)));
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

    /** Non-domination rank of each trial (0 for the Pareto front). */
    private static int[] ranks(List<Observed> out, List<Direction> directions) {
        int n = out.size();
        int[] rank = new int[n];
        int[] dominatedBy = new int[n];
        List<List<Integer>> dominates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dominates.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && dominates(out.get(i).trial(), out.get(j).trial(), directions)) {
                    dominates.get(i).add(j);
                    dominatedBy[j]++;
                }
            }
        }
        List<Integer> front = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (dominatedBy[i] == 0) {
                front.add(i);
            }
        }
        int r = 0;
        while (!front.isEmpty()) {
            List<Integer> next = new ArrayList<>();
            for (int i : front) {
                rank[i] = r;
                for (int j : dominates.get(i)) {
                    if (--dominatedBy[j] == 0) {
                        next.add(j);
                    }
                }
            }
            front = next;
            r++;
        }
        return rank;
    }

    private static boolean dominates(TrialRecord a, TrialRecord b, List<Direction> directions) {
        boolean better = false;
        for (int i = 0; i < directions.size(); i++) {
            double x = directions.get(i).toMinimized(a.values().get(i));
            double y = directions.get(i).toMinimized(b.values().get(i));
            if (x > y) {
                return false;
            }
            if (x < y) {
                better = true;
            }
        }
        return better;
    }
}
