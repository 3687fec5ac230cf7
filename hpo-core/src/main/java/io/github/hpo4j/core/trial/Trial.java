package io.github.hpo4j.core.trial;

import io.github.hpo4j.core.space.Distribution;
import java.util.List;
import java.util.Map;

/**
 * A live trial: the objective asks it for parameter values as it runs (define-by-run).
 *
 * <p>Asking for the same name twice returns the same value; asking for the same name with
 * another distribution is an error. Parameters may be conditional: ask for {@code "momentum"}
 * only when {@code optimizer} is {@code "sgd"}. Implementations are thread-safe, but one trial is
 * normally driven by one thread.
 *
 * <pre>{@code
 * Trial trial = study.ask();
 * double lr = trial.suggestFloat("lr", 1e-5, 1e-1, true);
 * int layers = trial.suggestInt("layers", 1, 6);
 * String opt = trial.suggestCategorical("optimizer", List.of("adam", "sgd"));
 * study.tell(trial, train(lr, layers, opt));
 * }</pre>
 *
 * <p>Every {@code suggest} method throws {@link IllegalArgumentException} naming the parameter
 * when the bounds are invalid ({@code lr: low (0.1) must be <= high (0.01)}), and
 * {@link IllegalStateException} once the trial is finished.
 *
 * <p>Stability: stable.
 */
public interface Trial {

    /** @return the trial's number in its study, from 0 */
    int number();

    /**
     * Suggests a continuous float on a linear scale.
     *
     * @param name parameter name
     * @param low  lower bound, inclusive
     * @param high upper bound, inclusive
     * @return the value
     * @throws IllegalArgumentException if the bounds are invalid or conflict with an earlier suggestion
     */
    default double suggestFloat(String name, double low, double high) {
        return suggestFloat(name, low, high, false);
    }

    /**
     * Suggests a continuous float, optionally in log space.
     *
     * @param name parameter name
     * @param low  lower bound, inclusive ({@code > 0} with {@code log})
     * @param high upper bound, inclusive
     * @param log  whether to sample uniformly in log space
     * @return the value
     * @throws IllegalArgumentException if the bounds are invalid or conflict with an earlier suggestion
     */
    double suggestFloat(String name, double low, double high, boolean log);

    /**
     * Suggests a float on the grid {@code low, low + step, ...}.
     *
     * @param name parameter name
     * @param low  lower bound, inclusive
     * @param high upper bound, inclusive
     * @param step grid step, {@code > 0}
     * @return the value
     * @throws IllegalArgumentException if the bounds are invalid or conflict with an earlier suggestion
     */
    double suggestFloat(String name, double low, double high, double step);

    /**
     * Suggests an integer.
     *
     * @param name parameter name
     * @param low  lower bound, inclusive
     * @param high upper bound, inclusive
     * @return the value
     * @throws IllegalArgumentException if the bounds are invalid or conflict with an earlier suggestion
     */
    default int suggestInt(String name, int low, int high) {
        return suggestInt(name, low, high, false);
    }

    /**
     * Suggests an integer, optionally in log space.
     *
     * @param name parameter name
     * @param low  lower bound, inclusive ({@code > 0} with {@code log})
     * @param high upper bound, inclusive
     * @param log  whether to sample uniformly in log space
     * @return the value
     * @throws IllegalArgumentException if the bounds are invalid or conflict with an earlier suggestion
     */
    int suggestInt(String name, int low, int high, boolean log);

    /**
     * Suggests an integer on the grid {@code low, low + step, ...}.
     *
     * @param name parameter name
     * @param low  lower bound, inclusive
     * @param high upper bound, inclusive
     * @param step grid step, {@code > 0}
     * @return the value
     * @throws IllegalArgumentException if the bounds are invalid or conflict with an earlier suggestion
     */
    int suggestInt(String name, int low, int high, int step);

    /**
     * Suggests one of the choices.
     *
     * @param name    parameter name
     * @param choices strings, numbers or booleans; non-empty, distinct
     * @param <T>     the choice type
     * @return one element of {@code choices}
     * @throws IllegalArgumentException if the choices are empty, repeat, or conflict with an earlier suggestion
     */
    <T> T suggestCategorical(String name, List<T> choices);

    /**
     * Suggests a value from any distribution, returning the external value.
     *
     * @param name         parameter name
     * @param distribution the distribution
     * @return a {@code Double}, an {@code Integer} or one of the choices
     * @throws IllegalArgumentException if the distribution conflicts with an earlier suggestion
     */
    Object suggest(String name, Distribution distribution);

    /**
     * Records a user attribute (a string, number or boolean) on the trial.
     *
     * @param key   the attribute name
     * @param value the value
     * @throws IllegalArgumentException if the key is blank or the value of another type
     */
    void setUserAttr(String key, Object value);

    /**
     * Records a named metric beside the objective values, e.g. {@code recall@100}.
     *
     * @param name  metric name
     * @param value the value, finite or infinite
     * @throws IllegalArgumentException if the name is blank or the value is NaN
     */
    void setMetric(String name, double value);

    /**
     * Reports an intermediate objective value (for pruners and learning curves). As in Optuna,
     * the first value reported for a step stands: a second report at the same step is ignored with
     * a warning.
     *
     * @param step  the step: epoch, budget used; {@code >= 0}
     * @param value the value at that step
     * @throws IllegalArgumentException if {@code step < 0} or the value is NaN
     */
    void report(int step, double value);

    /** @return whether the study's pruner says this trial should stop now */
    boolean shouldPrune();

    /**
     * Records constraint values; the trial is feasible when every value is {@code <= 0}.
     *
     * @param values the constraint values
     * @throws IllegalArgumentException if a value is NaN
     */
    void setConstraints(double... values);

    /** @return the parameters suggested so far, in order of suggestion */
    Map<String, Object> params();
}
