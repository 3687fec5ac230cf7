package io.github.hpo4j.search.prune;

import io.github.hpo4j.core.study.Direction;
import io.github.hpo4j.core.study.Pruner;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Asynchronous successive halving (Optuna's SuccessiveHalvingPruner): rung k sits at resource
 * {@code minResource · η^(minEarlyStoppingRate + k)}; when a trial first reaches a rung it
 * continues only if its value there is in the best 1/η of all trials' values at that rung so
 * far, itself included.
 *
 * <p>A trial's value at a rung is its intermediate value at the first reported step at or past
 * the rung's resource. Thread-safe. Stability: evolving.
 */
public final class SuccessiveHalvingPruner implements Pruner {

    private final int minResource;
    private final int reductionFactor;
    private final int minEarlyStoppingRate;
    private final IntPredicate sameBracket;

    /**
     * @param minResource          resource (steps) of the first rung, {@code >= 1}
     * @param reductionFactor      η, {@code >= 2}
     * @param minEarlyStoppingRate s, {@code >= 0}
     * @throws IllegalArgumentException if an argument is out of range
     */
    public SuccessiveHalvingPruner(int minResource, int reductionFactor, int minEarlyStoppingRate) {
        this(minResource, reductionFactor, minEarlyStoppingRate, n -> true);
    }

    SuccessiveHalvingPruner(int minResource, int reductionFactor, int minEarlyStoppingRate, IntPredicate sameBracket) {
        if (minResource < 1) {
            throw new IllegalArgumentException("minResource (" + minResource + ") must be >= 1");
        }
        if (reductionFactor < 2) {
            throw new IllegalArgumentException("reductionFactor (" + reductionFactor + ") must be >= 2");
        }
        if (minEarlyStoppingRate < 0) {
            throw new IllegalArgumentException("minEarlyStoppingRate (" + minEarlyStoppingRate + ") must be >= 0");
        }
        this.minResource = minResource;
        this.reductionFactor = reductionFactor;
        this.minEarlyStoppingRate = minEarlyStoppingRate;
        this.sameBracket = sameBracket;
    }

    private long rungResource(int k) {
        return minResource * (long) Math.pow(reductionFactor, minEarlyStoppingRate + k);
    }

    /** The trial's value at a rung, or null when it has not reached it. */
    private static Double valueAt(TrialRecord t, long resource) {
        Map.Entry<Integer, Double> e = t.intermediateValues().ceilingEntry((int) Math.min(Integer.MAX_VALUE, resource));
        return e == null ? null : e.getValue();
    }

    @Override
    public boolean prune(Study study, TrialRecord trial) {
        if (trial.intermediateValues().isEmpty()) {
            return false;
        }
        int step = trial.intermediateValues().lastKey();
        Integer previous = trial.intermediateValues().lowerKey(step);
        Direction d = study.directions().get(0);
        List<TrialRecord> all = study.trials();
        for (int k = 0; ; k++) {
            long r = rungResource(k);
            if (r > step) {
                return false;
            }
            if (previous != null && r <= previous) {
                continue; // this rung was judged at an earlier report
            }
            double value = valueAt(trial, r);
            if (Double.isNaN(value)) {
                return true;
            }
            List<Double> competing = new ArrayList<>();
            for (TrialRecord t : all) {
                if (t.number() != trial.number() && sameBracket.test(t.number())) {
                    Double v = valueAt(t, r);
                    if (v != null && !v.isNaN()) {
                        competing.add(d.toMinimized(v));
                    }
                }
            }
            competing.add(d.toMinimized(value));
            Collections.sort(competing);
            int idx = competing.size() / reductionFactor - 1;
            if (idx < 0) {
                idx = 0;
            }
            if (d.toMinimized(value) > competing.get(idx)) {
                return true;
            }
        }
    }
}
