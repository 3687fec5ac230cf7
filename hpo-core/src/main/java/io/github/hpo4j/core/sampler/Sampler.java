package io.github.hpo4j.core.sampler;

import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialRecord;
import java.util.Map;

/**
 * Chooses parameter values for a study's trials.
 *
 * <p>Values travel in the internal representation of their {@link Distribution} (the number
 * itself, or a categorical index), so implementations work on primitive doubles. A sampler sees
 * the study's trials (finished and running) through {@link Study#trials}, read from the storage.
 *
 * <p>Two hooks, as in Optuna: <em>relative</em> sampling chooses several parameters jointly
 * when the trial starts (over a search space the sampler infers, typically the parameters every
 * finished trial shares); <em>independent</em> sampling chooses one parameter at a time, for the
 * parameters the relative step did not cover.
 *
 * <pre>{@code
 * Sampler sampler = new RandomSampler(42);
 * Study study = Study.builder().sampler(sampler).minimize("loss").build();
 * }</pre>
 *
 * <p>Implementations must be thread-safe: {@link Study#optimize} with several workers calls them
 * concurrently. Stability: evolving (TPE may add hooks with default implementations).
 */
public interface Sampler {

    /**
     * Chooses one parameter value.
     *
     * @param study        the study
     * @param trial        the running trial, with the parameters chosen so far
     * @param name         the parameter
     * @param distribution its distribution
     * @return an internal value inside {@code distribution}
     */
    double sampleIndependent(Study study, TrialRecord trial, String name, Distribution distribution);

    /**
     * The parameters to choose jointly for this trial; empty for purely independent samplers.
     *
     * @param study the study
     * @param trial the trial just created
     * @return name to distribution
     */
    default Map<String, Distribution> inferRelativeSearchSpace(Study study, TrialRecord trial) {
        return Map.of();
    }

    /**
     * Chooses the parameters of a relative search space jointly.
     *
     * @param study       the study
     * @param trial       the trial just created
     * @param searchSpace what {@link #inferRelativeSearchSpace} returned
     * @return internal values by name; a name left out falls back to independent sampling
     */
    default Map<String, Double> sampleRelative(Study study, TrialRecord trial, Map<String, Distribution> searchSpace) {
        return Map.of();
    }

    /**
     * Called after a trial is told, with its final record.
     *
     * @param study the study
     * @param trial the finished trial
     */
    default void afterTrial(Study study, TrialRecord trial) {
    }
}
