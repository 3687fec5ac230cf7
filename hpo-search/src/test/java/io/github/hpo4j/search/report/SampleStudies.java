package io.github.hpo4j.search.report;

import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.Trial;
import io.github.hpo4j.core.trial.TrialState;
import java.util.List;

/** Seeded studies for the report tests: every kind of trial and data a report shows. */
public final class SampleStudies {

    public static final String EVIL_SCRIPT = "<script>alert(1)</script>";
    public static final String EVIL_IMG = "\"><img src=x onerror=alert(1)>";
    public static final String EVIL_END = "</script>";

    private SampleStudies() {
    }

    /**
     * A single-objective study of {@code n} trials: lr (log float), layers (int), optimizer
     * (categorical), dropout (stepped float); learning curves; every 11th trial pruned, every
     * 17th failed; metrics recall@100 (0..1) and rmse (tens); attributes dataset and baseline.
     */
    public static Study singleObjective(int n, long seed) {
        Study study = Study.builder().name("sample").minimize("loss").sampler(new RandomSampler(seed)).build();
        for (int i = 0; i < n; i++) {
            Trial t = study.ask();
            double lr = t.suggestFloat("lr", 1e-5, 1e-1, true);
            int layers = t.suggestInt("layers", 1, 6);
            String opt = (String) t.suggest("optimizer",
                    io.github.hpo4j.core.space.CategoricalDistribution.of("adam", "sgd", "rmsprop"));
            double dropout = t.suggestFloat("dropout", 0.0, 0.5, 0.1);
            double loss = Math.pow(Math.log10(lr) + 3, 2) + 0.3 * Math.abs(layers - 3) + (opt.equals("adam") ? 0 : 0.5)
                    + dropout + 0.01 * (i % 7);
            boolean pruned = i % 11 == 5;
            int steps = pruned ? 1 + i % 3 : 5;
            for (int step = 0; step < steps; step++) {
                t.report(step, loss + 2.0 / (step + 1));
            }
            t.setUserAttr("dataset", i % 3 == 0 ? "movies" : "books");
            if (i == 0) {
                t.setUserAttr("baseline", true);
            }
            if (pruned) {
                study.tell(t, TrialState.PRUNED);
            } else if (i % 17 == 3) {
                study.tellFailure(t, "out of memory");
            } else {
                t.setMetric("recall@100", 1 / (1 + loss));
                t.setMetric("rmse", 10 + 5 * loss);
                study.tell(t, loss);
            }
        }
        return study;
    }

    /** A two-objective study (error down, speed up). */
    public static Study twoObjectives(int n, long seed) {
        Study study = Study.builder().name("mo").minimize("error").maximize("speed").sampler(new RandomSampler(seed)).build();
        for (int i = 0; i < n; i++) {
            Trial t = study.ask();
            double x = t.suggestFloat("x", 0, 1);
            double y = t.suggestFloat("y", 0, 1);
            study.tell(t, x * x + 0.1 * y, 1 - Math.sqrt(x) + 0.05 * y);
        }
        return study;
    }

    /** A study whose names, attributes and failure messages are markup. */
    public static Study hostile() {
        Study study = Study.builder().name(EVIL_SCRIPT).minimize(EVIL_IMG).sampler(new RandomSampler(3)).build();
        for (int i = 0; i < 12; i++) {
            Trial t = study.ask();
            double a = t.suggestFloat(EVIL_SCRIPT, 0, 1);
            Object c = t.suggest(EVIL_IMG, io.github.hpo4j.core.space.CategoricalDistribution.of(EVIL_END, EVIL_SCRIPT));
            t.setUserAttr(EVIL_END, EVIL_IMG);
            t.setMetric(EVIL_END, a);
            if (i == 4) {
                study.tellFailure(t, EVIL_SCRIPT + EVIL_IMG + EVIL_END);
            } else {
                study.tell(t, a + (c.equals(EVIL_END) ? 1 : 0));
            }
        }
        return study;
    }

    public static StudyReport report(Study s) {
        return StudyReport.builder().title(s.name()).objectives(s.objectives()).trials(s.trials()).groupBy("dataset")
                .category("training", "lr", "dropout").build();
    }

    public static List<String> evil() {
        return List.of(EVIL_SCRIPT, EVIL_IMG, EVIL_END);
    }
}
