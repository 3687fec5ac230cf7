package io.github.hpo4j.search.prune;

import io.github.hpo4j.core.study.Pruner;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialRecord;

/**
 * Hyperband: several successive-halving brackets with different minimum early-stopping rates,
 * trials assigned to brackets by trial number (round robin), each bracket judging its trials
 * only against its own.
 *
 * <pre>{@code
 * Study study = Study.builder().pruner(new HyperbandPruner(1, 81, 3)).build();
 * }</pre>
 *
 * <p>Thread-safe. Stability: evolving.
 */
public final class HyperbandPruner implements Pruner {

    private final SuccessiveHalvingPruner[] brackets;

    /**
     * @param minResource     smallest resource, {@code >= 1}
     * @param maxResource     largest resource, {@code >= minResource}
     * @param reductionFactor η, {@code >= 2}
     * @throws IllegalArgumentException if an argument is out of range
     */
    public HyperbandPruner(int minResource, int maxResource, int reductionFactor) {
        if (minResource < 1 || maxResource < minResource) {
            throw new IllegalArgumentException("resources [" + minResource + ", " + maxResource
                    + "] must satisfy 1 <= min <= max");
        }
        if (reductionFactor < 2) {
            throw new IllegalArgumentException("reductionFactor (" + reductionFactor + ") must be >= 2");
        }
        int n = (int) Math.floor(Math.log((double) maxResource / minResource) / Math.log(reductionFactor)) + 1;
        brackets = new SuccessiveHalvingPruner[n];
        for (int b = 0; b < n; b++) {
            int bracket = b;
            brackets[b] = new SuccessiveHalvingPruner(minResource, reductionFactor, b,
                    number -> number % n == bracket);
        }
    }

    /** @return the number of brackets */
    public int bracketCount() {
        return brackets.length;
    }

    @Override
    public boolean prune(Study study, TrialRecord trial) {
        return brackets[trial.number() % brackets.length].prune(study, trial);
    }
}
