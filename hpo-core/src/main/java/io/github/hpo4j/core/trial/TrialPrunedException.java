package io.github.hpo4j.core.trial;

/**
 * Thrown by an objective to stop its trial early; the study records the trial as
 * {@link TrialState#PRUNED}.
 *
 * <pre>{@code
 * trial.report(epoch, loss);
 * if (trial.shouldPrune()) {
 *     throw new TrialPrunedException();
 * }
 * }</pre>
 *
 * <p>Stability: stable.
 */
public class TrialPrunedException extends RuntimeException {

    /** A pruning signal with no message. */
    public TrialPrunedException() {
        super("trial pruned");
    }

    /**
     * A pruning signal with a message.
     *
     * @param message why the trial was pruned
     */
    public TrialPrunedException(String message) {
        super(message);
    }
}
