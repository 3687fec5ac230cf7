package io.github.hpo4j.core.study;

import io.github.hpo4j.core.trial.Trial;

/**
 * A single-objective function for {@link Study#optimize}: asks the trial for parameters, trains,
 * returns the value.
 *
 * <pre>{@code
 * study.optimize(trial -> {
 *     double x = trial.suggestFloat("x", -10, 10);
 *     return (x - 2) * (x - 2);
 * }, 100);
 * }</pre>
 *
 * <p>Throwing {@link io.github.hpo4j.core.trial.TrialPrunedException} records the trial as pruned;
 * any other exception records it as failed with its message, and the study goes on.
 *
 * <p>Stability: stable.
 */
@FunctionalInterface
public interface ObjectiveFunction {
    /**
     * @param trial the live trial
     * @return the objective value
     * @throws Exception anything; the trial is recorded as failed
     */
    double evaluate(Trial trial) throws Exception;
}
