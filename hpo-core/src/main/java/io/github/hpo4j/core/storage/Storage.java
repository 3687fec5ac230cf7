package io.github.hpo4j.core.storage;

import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.study.Objective;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where studies and their trials are kept: an append-only log of small events (study created,
 * trial created, parameter set, value reported, trial finished) replayed into the current state.
 *
 * <p>Two implementations: {@link #inMemory()} (the log in memory) and {@link #journal(Path)}
 * (the log as a file of JSON lines that threads and processes on one machine can share). Every
 * method is thread-safe and every write is atomic: once a method returns, the write is durable
 * for that storage (forced to disk for the journal).
 *
 * <pre>{@code
 * try (Storage storage = Storage.journal(Path.of("studies.journal"))) {
 *     Study study = Study.builder().name("s").storage(storage).loadIfExists(true).build();
 *     ...
 * }
 * }</pre>
 *
 * <p>Mutating methods throw {@link IllegalArgumentException} for an unknown study or trial and
 * {@link IllegalStateException} when the trial is not in a state that allows the change (e.g. a
 * parameter set on a finished trial). Stability: evolving (a JDBC storage will implement it).
 */
public interface Storage extends AutoCloseable {

    /** @return a new, empty in-memory storage */
    static Storage inMemory() {
        return new InMemoryStorage();
    }

    /**
     * Opens (or creates) a journal file and replays it.
     *
     * @param file the journal's path; its parent directory must exist
     * @return the storage
     * @throws java.io.UncheckedIOException if the file cannot be opened or read
     */
    static Storage journal(Path file) {
        return JournalStorage.open(file);
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
     * @param name a study name
     * @return the study, if the storage has it
     */
    Optional<StudyInfo> findStudy(String name);

    /** @return the names of every study, in order of creation */
    List<String> studyNames();

    /**
     * Creates a RUNNING trial with the next number.
     *
     * @param study the study
     * @return the trial's number
     */
    int createTrial(String study);

    /**
     * Creates a WAITING trial with fixed parameters.
     *
     * @param study       the study
     * @param fixedParams external parameter values
     * @return the trial's number
     */
    int enqueueTrial(String study, Map<String, Object> fixedParams);

    /**
     * Atomically moves the oldest WAITING trial to RUNNING.
     *
     * @param study the study
     * @return its number, or empty when none is waiting
     */
    OptionalInt claimWaitingTrial(String study);

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
     */
    void setParam(String study, int number, String name, Distribution distribution, double internal);

    /**
     * Records an intermediate value of a RUNNING trial (a later report at the same step replaces it).
     *
     * @param study  the study
     * @param number the trial
     * @param step   the step
     * @param value  the value
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
     * @param value  the value
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

    /** Releases files; the in-memory storage does nothing. */
    @Override
    void close();
}
