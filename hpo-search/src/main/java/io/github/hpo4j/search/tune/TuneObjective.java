package io.github.hpo4j.search.tune;

import io.github.hpo4j.core.trial.Trial;
import java.util.Map;

/**
 * The host's training pipeline as the tuner calls it: a configuration in, a value out. The
 * live trial is there to report intermediate values (for pruners) and to record metrics.
 *
 * <pre>{@code
 * TuneObjective objective = (config, trial) -> {
 *     Model m = train(config);
 *     trial.setMetric("recall@100", m.recallAt(100));
 *     return m.validationLoss();
 * };
 * }</pre>
 *
 * <p>Stability: evolving.
 */
@FunctionalInterface
public interface TuneObjective {
    /**
     * @param config the configuration (parameter name to value)
     * @param trial  the live trial
     * @return the objective value
     * @throws Exception anything; the trial is recorded as failed and the run goes on
     */
    double evaluate(Map<String, Object> config, Trial trial) throws Exception;
}
