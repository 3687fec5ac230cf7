package io.github.hpo4j.core.storage.spi;

import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.study.Objective;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What a storage implements: the events of a study's log (study created, trial created, parameter
 * set, value reported, heartbeat, trial finished) and the reads a study and its sampler make.
 * {@link io.github.hpo4j.core.study.Study} is the only intended caller; users call the study.
 *
 * <p>The contract, which every implementation's conformance test checks:
 * <ul>
 *   <li>Trial numbers are unique and gap-free per study, from 0, under any concurrency (threads
 *       and processes sharing the storage).</li>
 *   <li>Every write is atomic and durable when the method returns; a write that cannot be made
 *       durable throws. A change to a trial that is no longer RUNNING throws
 *       {@link IllegalStateException}; an unknown study or trial throws
 *       {@link IllegalArgumentException}.</li>
 *   <li>Heartbeats: a trial created or claimed with {@code heartbeat = true} has a last beat (its
 *       start); {@link #recordHeartbeat} moves it. {@link #failStaleTrials} fails, atomically and
 *       once, every RUNNING trial whose last beat is older than the grace period, and re-enqueues
 *       its configuration while the retry policy allows.</li>
 *   <li>A closed storage throws {@link IllegalStateException} ("storage is closed") from every
 *       method but {@code close}; a read-only one throws it ("read-only") from every write.</li>
 * </ul>
 *
 * <pre>{@code
 * StorageBackend backend = StorageBackend.of(storage);
 * int n = backend.createTrial("demo", false);
 * backend.setParam("demo", n, "x", FloatDistribution.of(0, 1), 0.5);
 * backend.finishTrial("demo", n, TrialState.COMPLETE, new double[] {0.25}, null);
 * }</pre>
 *
 * <p>Stability: evolving.
 */
public interface StorageBackend extends Storage {

    /**
     * The backend behind a storage handle.
     *
     * @param storage a storage
     * @return the same object, as a backend
     * @throws IllegalArgumentException if the storage does not implement this interface
     */
    static StorageBackend of(Storage storage) {
        if (storage instanceof StorageBackend b) {
            return b;
        }
        throw new IllegalArgumentException("storage (" + storage + ") does not implement "
                + StorageBackend.class.getName());
    }

    /**
     * Creates a study.
     *
     * @param name       the study's name, not blank
     * @param objectives at least one objective
     * @throws IllegalArgumentException if the study exists or the arguments are invalid
     */
    void createStudy(String name, List<Objective> objectives);

    /**
     * Creates a RUNNING trial with the next number.
     *
     * @param study     the study
     * @param heartbeat whether its worker records heartbeats (the creation is the first beat)
     * @return the trial's number
     */
    int createTrial(String study, boolean heartbeat);

    /**
     * Creates a WAITING trial with fixed parameters.
     *
     * @param study       the study
     * @param fixedParams external parameter values
     * @param attributes  user attributes the trial starts with
     * @return the trial's number
     */
    int enqueueTrial(String study, Map<String, Object> fixedParams, Map<String, Object> attributes);

    /**
     * Atomically moves the oldest WAITING trial to RUNNING.
     *
     * @param study     the study
     * @param heartbeat whether its worker records heartbeats
     * @return its number, or empty when none is waiting
     */
    OptionalInt claimWaitingTrial(String study, boolean heartbeat);

    /**
     * Adds a finished trial made elsewhere (an imported history), renumbered to the next number.
     *
     * @param study  the study
     * @param record the trial; its state must be finished
     * @return the number it was given
     * @throws IllegalArgumentException if the record is not finished or its values do not fit the objectives
     */
    int addTrial(String study, TrialRecord record);

    /**
     * Records a parameter of a RUNNING trial.
     *
     * @param study        the study
     * @param number       the trial
     * @param name         the parameter
     * @param distribution its distribution
     * @param internal     its internal value
     * @throws IllegalArgumentException if the value is outside the distribution
     * @throws IllegalStateException    if the parameter is already set
     */
    void setParam(String study, int number, String name, Distribution distribution, double internal);

    /**
     * Records an intermediate value of a RUNNING trial.
     *
     * @param study  the study
     * @param number the trial
     * @param step   the step
     * @param value  the value
     * @throws IllegalStateException if the step already has a value (the first value stands)
     */
    void reportIntermediate(String study, int number, int step, double value);

    /**
     * Records a user attribute of a RUNNING trial.
     *
     * @param study  the study
     * @param number the trial
     * @param key    attribute name
     * @param value  a string, number or boolean
     */
    void setUserAttr(String study, int number, String key, Object value);

    /**
     * Records a named metric of a RUNNING trial.
     *
     * @param study  the study
     * @param number the trial
     * @param name   metric name
     * @param value  the value, not NaN
     */
    void setMetric(String study, int number, String name, double value);

    /**
     * Records the constraint values of a RUNNING trial.
     *
     * @param study  the study
     * @param number the trial
     * @param values constraint values
     */
    void setConstraints(String study, int number, double[] values);

    /**
     * Finishes a RUNNING trial.
     *
     * @param study   the study
     * @param number  the trial
     * @param state   COMPLETE, PRUNED or FAIL
     * @param values  objective values (one per objective for COMPLETE)
     * @param failure failure message, or null
     */
    void finishTrial(String study, int number, TrialState state, double[] values, String failure);

    /**
     * Records that the worker of a RUNNING trial is alive.
     *
     * @param study  the study
     * @param number the trial
     * @throws IllegalStateException if the trial is no longer RUNNING (e.g. failed as stale)
     */
    void recordHeartbeat(String study, int number);

    /**
     * Fails every RUNNING trial with heartbeats whose last beat is older than {@code gracePeriod},
     * each with a failure message that says so; while a failed trial's configuration has been
     * retried fewer than {@code maxRetries} times, enqueues it again as a WAITING trial with user
     * attributes {@code retried_from} (the original trial's number) and {@code retry} (1, 2, …).
     * Atomic per trial: of several callers, one fails a given trial.
     *
     * @param study       the study
     * @param gracePeriod how long a trial may go without a beat
     * @param maxRetries  how many times one configuration may be retried, {@code >= 0}
     * @return the trials this call failed, by number
     */
    List<StaleTrial> failStaleTrials(String study, Duration gracePeriod, int maxRetries);

    /**
     * @param study the study
     * @return every trial, by number; an unmodifiable snapshot
     * @throws IllegalArgumentException if there is no such study
     */
    List<TrialRecord> trials(String study);

    /**
     * @param study  the study
     * @param number the trial number
     * @return the trial
     * @throws IllegalArgumentException if there is no such study or trial
     */
    TrialRecord trial(String study, int number);

    /**
     * Sets a user attribute of a study (a later value of the same key replaces it).
     *
     * @param study the study
     * @param key   the attribute, not blank
     * @param value a string, number or boolean
     */
    void setStudyAttr(String study, String key, Object value);

    /**
     * @param study the study
     * @return its user attributes, in the order set
     */
    Map<String, Object> studyAttrs(String study);
}
