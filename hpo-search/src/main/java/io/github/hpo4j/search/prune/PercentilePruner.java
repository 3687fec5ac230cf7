package io.github.hpo4j.search.prune;

import io.github.hpo4j.core.study.Direction;
import io.github.hpo4j.core.study.Pruner;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prunes a trial whose best intermediate value so far is worse than the given percentile of the
 * COMPLETE trials' values at the same step (Optuna's PercentilePruner; the median pruner is the
 * 50th percentile). Nothing is pruned before {@code nStartupTrials} trials completed, before
 * {@code nWarmupSteps}, or between every {@code intervalSteps} steps.
 *
 * <pre>{@code
 * Study study = Study.builder().pruner(PercentilePruner.median()).build();
 * }</pre>
 *
 * <p>Thread-safe. Stability: evolving.
 */
public final class PercentilePruner implements Pruner {

    private final double percentile;
    private final int nStartupTrials;
    private final int nWarmupSteps;
    private final int intervalSteps;

    /**
     * @param percentile     in [0, 100]: keep trials better than this percentile
     * @param nStartupTrials completed trials before pruning starts, {@code >= 0}
     * @param nWarmupSteps   steps before a trial may be pruned, {@code >= 0}
     * @param intervalSteps  check every this many steps, {@code >= 1}
     * @throws IllegalArgumentException if an argument is out of range
     */
    public PercentilePruner(double percentile, int nStartupTrials, int nWarmupSteps, int intervalSteps) {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile (" + percentile + ") must be in [0, 100]");
        }
        if (nStartupTrials < 0) {
            throw new IllegalArgumentException("nStartupTrials (" + nStartupTrials + ") must be >= 0");
        }
        if (nWarmupSteps < 0) {
            throw new IllegalArgumentException("nWarmupSteps (" + nWarmupSteps + ") must be >= 0");
        }
        if (intervalSteps < 1) {
            throw new IllegalArgumentException("intervalSteps (" + intervalSteps + ") must be >= 1");
        }
        this.percentile = percentile;
        this.nStartupTrials = nStartupTrials;
        this.nWarmupSteps = nWarmupSteps;
        this.intervalSteps = intervalSteps;
    }

    /** @return the median pruner with Optuna's defaults (5 startup trials, no warm-up, every step) */
    public static PercentilePruner median() {
        return new PercentilePruner(50, 5, 0, 1);
    }

    @Override
    public boolean prune(Study study, TrialRecord trial) {
        if (trial.intermediateValues().isEmpty()) {
            return false;
        }
        int step = trial.intermediateValues().lastKey();
        if (step < nWarmupSteps || (step - nWarmupSteps) % intervalSteps != 0) {
            return false;
        }
        List<TrialRecord> complete = study.trials(TrialState.COMPLETE);
        if (complete.size() < nStartupTrials) {
            return false;
        }
        List<Double> others = new ArrayList<>();
        for (TrialRecord t : complete) {
            Double v = t.intermediateValues().get(step);
            if (v != null && !v.isNaN()) {
                others.add(v);
            }
        }
        if (others.isEmpty()) {
            return false;
        }
        Direction d = study.directions().get(0);
        double best = Double.NaN;
        for (Map.Entry<Integer, Double> e : trial.intermediateValues().entrySet()) {
            double v = e.getValue();
            if (Double.isNaN(best) || d.isBetter(v, best)) {
                best = v;
            }
        }
        double[] xs = others.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double p = d == Direction.MINIMIZE ? percentile : 100 - percentile;
        double cut = quantile(xs, p / 100);
        return d == Direction.MINIMIZE ? best > cut : best < cut;
    }

    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    @Override
    public String toString() {
        return "PercentilePruner[" + percentile + "%, startup " + nStartupTrials + ", warm-up " + nWarmupSteps
                + ", interval " + intervalSteps + "]";
    }
}
