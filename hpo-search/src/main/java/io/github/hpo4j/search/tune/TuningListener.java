package io.github.hpo4j.search.tune;

import io.github.hpo4j.core.trial.TrialRecord;

/**
 * Hears about every finished trial of a tuning run (progress bars, dashboards). Called from
 * worker threads; implementations must be thread-safe and quick.
 *
 * <p>Stability: evolving.
 */
@FunctionalInterface
public interface TuningListener {
    /**
     * @param trial    the finished trial
     * @param finished trials finished by this run so far
     * @param planned  trials this run expects to finish (its budget or its queue), or -1 when open-ended
     */
    void onTrialFinished(TrialRecord trial, int finished, int planned);
}
