package io.github.hpo4j.benchmarks.quality;

import io.github.hpo4j.core.space.FloatDistribution;
import io.github.hpo4j.core.study.ObjectiveFunction;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.Trial;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.util.SplittableRandom;

/**
 * The history the ask benchmarks start from: {@code trials} completed trials of Σ(x_i − 1)² over
 * [−5, 5]^dims (the objective of {@code ../shared/reference/baselines.md}), parameters x0, x1, …,
 * drawn from {@code SplittableRandom(1)}.
 */
public final class SphereHistory {

    private SphereHistory() {
    }

    /** @return the objective Σ(x_i − 1)² over [−5, 5]^dims, its parameters x0, x1, … */
    public static ObjectiveFunction objective(int dims) {
        return t -> {
            double s = 0;
            for (int j = 0; j < dims; j++) {
                double x = t.suggestFloat("x" + j, -5, 5);
                s += (x - 1) * (x - 1);
            }
            return s;
        };
    }

    /**
     * One ask with a suggestion per parameter, told FAIL (which samplers ignore), so that the
     * history keeps its size: what the ask benchmarks time.
     *
     * @return the sum of the suggested values
     */
    public static double askAndFail(Study study, String[] names) {
        Trial t = study.ask();
        double s = 0;
        for (String n : names) {
            s += t.suggestFloat(n, -5, 5);
        }
        study.tell(t, TrialState.FAIL);
        return s;
    }

    /**
     * Adds the trials to a study.
     *
     * @return the parameter names
     */
    public static String[] fill(Study study, int trials, int dims) {
        String[] names = new String[dims];
        for (int j = 0; j < dims; j++) {
            names[j] = "x" + j;
        }
        SplittableRandom r = new SplittableRandom(1);
        FloatDistribution d = FloatDistribution.of(-5, 5);
        for (int i = 0; i < trials; i++) {
            TrialRecord.Builder b = TrialRecord.builder(i);
            double s = 0;
            for (int j = 0; j < dims; j++) {
                double x = -5 + 10 * r.nextDouble();
                b.param(names[j], d, x);
                s += (x - 1) * (x - 1);
            }
            study.addTrial(b.values(s).build());
        }
        return names;
    }
}
