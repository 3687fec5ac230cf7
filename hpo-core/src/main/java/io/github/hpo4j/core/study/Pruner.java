package io.github.hpo4j.core.study;

import io.github.hpo4j.core.trial.TrialRecord;

/**
 * Decides whether a running trial should stop early, from its intermediate values and those of
 * the study's other trials. Implementations (median, percentile, successive halving, Hyperband)
 * live in hpo-search; the default never prunes.
 *
 * <pre>{@code
 * Pruner patience = (study, trial) -> trial.intermediateValues().size() > 100;
 * }</pre>
 *
 * <p>Stability: evolving.
 */
@FunctionalInterface
public interface Pruner {

    /**
     * @param study the study
     * @param trial the running trial, with its intermediate values so far
     * @return whether to stop it
     */
    boolean prune(Study study, TrialRecord trial);

    /** @return a pruner that never prunes */
    static Pruner none() {
        return (study, trial) -> false;
    }
}
