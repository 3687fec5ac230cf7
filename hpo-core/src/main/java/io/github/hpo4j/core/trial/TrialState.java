package io.github.hpo4j.core.trial;

/**
 * The life-cycle state of a trial.
 *
 * <p>{@code WAITING} trials were enqueued and are handed out first by {@code ask()};
 * {@code RUNNING} trials are being evaluated; the other three are final.
 *
 * <p>Stability: stable.
 */
public enum TrialState {
    /** Enqueued with fixed parameters, not yet handed out. */
    WAITING,
    /** Handed out by {@code ask()}, not yet told. */
    RUNNING,
    /** Finished with objective values. */
    COMPLETE,
    /** Stopped early by a pruner; may carry its last intermediate value. */
    PRUNED,
    /** The objective threw, returned NaN, or the run died. */
    FAIL;

    /** @return whether the state is final */
    public boolean isFinished() {
        return this == COMPLETE || this == PRUNED || this == FAIL;
    }
}
