package io.github.hpo4j.core.study;

import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;

/**
 * Stops {@link Study#optimize} once the study holds a number of trials in given states, counted in
 * the storage: trials of every process and every earlier run count, as with Optuna's
 * {@code MaxTrialsCallback}. Each worker finishes the trial it is running; no new one starts.
 *
 * <pre>{@code
 * // four machines share one journal; together they stop at 200 complete trials
 * study.optimize(objective, Integer.MAX_VALUE, 2, null, List.of(new MaxTrials(200)));
 * }</pre>
 *
 * <p>Thread-safe. Stability: stable.
 */
public final class MaxTrials implements TrialCallback {

    private final int max;
    private final EnumSet<TrialState> states;

    /**
     * Counts COMPLETE trials.
     *
     * @param max how many, {@code >= 1}
     * @throws IllegalArgumentException if {@code max < 1}
     */
    public MaxTrials(int max) {
        this(max, TrialState.COMPLETE);
    }

    /**
     * @param max    how many, {@code >= 1}
     * @param states the states that count, at least one
     * @throws IllegalArgumentException if {@code max < 1} or no state is given
     */
    public MaxTrials(int max, TrialState... states) {
        if (max < 1) {
            throw new IllegalArgumentException("max (" + max + ") must be >= 1");
        }
        Objects.requireNonNull(states, "states");
        if (states.length == 0) {
            throw new IllegalArgumentException("states: at least one state must count");
        }
        this.max = max;
        this.states = EnumSet.copyOf(Arrays.asList(states));
    }

    @Override
    public void afterTrial(Study study, TrialRecord trial) {
        long n = study.trials().stream().filter(t -> states.contains(t.state())).count();
        if (n >= max) {
            study.stop();
        }
    }

    @Override
    public String toString() {
        return "MaxTrials[" + max + " " + states + "]";
    }
}
