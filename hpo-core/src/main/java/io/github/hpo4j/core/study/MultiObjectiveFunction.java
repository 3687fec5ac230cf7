package io.github.hpo4j.core.study;

import io.github.hpo4j.core.trial.Trial;

/**
 * A function with one value per objective, for {@link Study#optimizeMulti}.
 *
 * <pre>{@code
 * study.optimizeMulti(trial -> new double[] {loss(trial), latency(trial)}, 50, 1, null);
 * }</pre>
 *
 * <p>Stability: stable.
 */
@FunctionalInterface
public interface MultiObjectiveFunction {
    /**
     * @param trial the live trial
     * @return one value per objective, in the study's order
     * @throws Exception anything; the trial is recorded as failed
     */
    double[] evaluate(Trial trial) throws Exception;
}
