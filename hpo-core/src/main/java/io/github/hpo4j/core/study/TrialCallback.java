package io.github.hpo4j.core.study;

import io.github.hpo4j.core.trial.TrialRecord;

/**
 * Called by {@link Study#optimize} after each trial it finishes, on the worker thread that ran it,
 * as Optuna's {@code callbacks=}. A callback may call {@link Study#stop()}; an exception thrown by
 * a callback stops the run and is rethrown by {@code optimize}.
 *
 * <pre>{@code
 * TrialCallback log = (study, trial) -> System.out.println(trial.number() + " " + trial.state());
 * study.optimize(objective, 100, 4, null, List.of(log, new MaxTrials(500)));
 * }</pre>
 *
 * <p>Implementations called from several workers must be thread-safe. Stability: stable.
 */
@FunctionalInterface
public interface TrialCallback {

    /**
     * @param study the study
     * @param trial the trial just finished
     */
    void afterTrial(Study study, TrialRecord trial);
}
