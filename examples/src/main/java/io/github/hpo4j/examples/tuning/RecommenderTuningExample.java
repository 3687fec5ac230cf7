package io.github.hpo4j.examples.tuning;

import io.github.hpo4j.core.space.SearchSpace;
import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.study.Objective;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.search.bayes.BayesianSearch;
import io.github.hpo4j.search.constraint.ConstrainedSpace;
import io.github.hpo4j.search.constraint.SimplexGroup;
import io.github.hpo4j.search.grid.GridSearch;
import io.github.hpo4j.search.tune.TuneObjective;
import io.github.hpo4j.search.tune.Tuner;
import io.github.hpo4j.search.tune.TuningListener;
import io.github.hpo4j.search.tune.TuningReport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tuning workflow end to end on a synthetic recommender scoring model: five component
 * weights that must sum to 1 and two thresholds; a quick random round (with today's
 * configuration as the baseline), a focused Bayesian round of 20, a grid round around the best
 * thresholds; then the report and the winning configuration as JSON.
 *
 * <pre>java -jar examples/target/hpo.jar tune</pre>
 */
public final class RecommenderTuningExample {

    /** The five scoring components. */
    public static final List<String> WEIGHTS = List.of("w_relevance", "w_personal", "w_popularity", "w_recency",
            "w_diversity");
    private static final double[] IDEAL = {0.35, 0.3, 0.1, 0.15, 0.1};

    /** The thresholds' space; the weights are a simplex group beside it. */
    public static final SearchSpace SPACE = SearchSpace.builder()
            .addFloat("min_score", 0.0, 0.5, 0.01)
            .addInt("max_per_category", 1, 10)
            .build();

    private RecommenderTuningExample() {
    }

    /** A deterministic stand-in for an offline evaluation: NDCG@10 of the blended ranking. */
    public static final TuneObjective OFFLINE_NDCG = (config, trial) -> {
        double err = 0;
        for (int i = 0; i < WEIGHTS.size(); i++) {
            double w = ((Number) config.get(WEIGHTS.get(i))).doubleValue();
            err += (w - IDEAL[i]) * (w - IDEAL[i]);
        }
        double minScore = ((Number) config.get("min_score")).doubleValue();
        int perCat = ((Number) config.get("max_per_category")).intValue();
        double ndcg = 0.42 - 1.5 * err - 0.6 * (minScore - 0.18) * (minScore - 0.18) - 0.004 * Math.abs(perCat - 4);
        trial.setMetric("ndcg@10", ndcg);
        trial.setMetric("coverage", 0.5 + 0.05 * perCat - minScore);
        return ndcg;
    };

    /**
     * @param out      where to print the report
     * @param progress where the progress bar goes (null for none)
     * @param seed     seed of every random choice
     * @return the final report
     */
    public static TuningReport run(PrintStream out, PrintStream progress, long seed) {
        Storage storage = Storage.inMemory();
        Study study = Study.builder().name("recommender").storage(storage).maximize("ndcg@10").build();
        TuningListener bar = progress == null ? null : new TuningListener() {
            private long roundStart;
            private double best = Double.NaN;

            @Override
            public synchronized void onTrialFinished(TrialRecord t, int f, int p) {
                if (f == 1) {
                    roundStart = System.nanoTime();
                }
                if (t.state() == io.github.hpo4j.core.trial.TrialState.COMPLETE && !(t.value() <= best)) {
                    best = t.value();
                }
                double elapsed = (System.nanoTime() - roundStart) / 1e9;
                double left = p > 0 ? elapsed / f * Math.max(0, p - f) : 0;
                int width = 30;
                int filled = p > 0 ? (int) Math.round(width * (double) f / p) : width;
                progress.printf(Locale.ROOT, "\r[%s%s] %d/%d trials, best %.4f, %.1f s elapsed, about %.1f s left  ",
                        "#".repeat(filled), " ".repeat(width - filled), f, p, best, elapsed, left);
                if (f == p) {
                    progress.println();
                }
            }
        };
        Map<String, Object> today = new LinkedHashMap<>();
        for (String w : WEIGHTS) {
            today.put(w, 0.2);
        }
        today.put("min_score", 0.3);
        today.put("max_per_category", 8);

        // 1. a quick random round over the constrained space
        ConstrainedSpace constrained = ConstrainedSpace.builder(SPACE)
                .simplex(SimplexGroup.of(WEIGHTS, new double[] {0.05, 0.05, 0, 0, 0}, new double[] {0.7, 0.7, 0.4, 0.4, 0.4}))
                .build();
        out.println("round 1: 31 configurations: today's baseline, then 30 random ones (weights uniform on the simplex)");
        Tuner.builder(study, SPACE).configurations(constrained.generate(30, seed)).baseline(today).listener(bar).build()
                .run(OFFLINE_NDCG);

        // 2. a focused Bayesian round of 20 (TPE on the history; weights renormalised to sum to 1)
        SearchSpace all = withWeights();
        List<Map<String, Object>> bayes = new ArrayList<>();
        for (Map<String, Object> c : BayesianSearch.over(all, Objective.maximize("ndcg@10")).history(study.trials())
                .seed(seed).propose(20)) {
            bayes.add(normaliseWeights(c));
        }
        out.println("round 2: 20 Bayesian configurations (TPE, constant liar)");
        Tuner.builder(study, SPACE).configurations(bayes).listener(bar).build().run(OFFLINE_NDCG);

        // 3. a grid around the best thresholds, weights kept
        TrialRecord best = study.bestTrial().orElseThrow();
        Map<String, Object> thresholds = new LinkedHashMap<>();
        thresholds.put("min_score", best.params().get("min_score"));
        thresholds.put("max_per_category", best.params().get("max_per_category"));
        List<Map<String, Object>> grid = new ArrayList<>();
        for (Map<String, Object> g : GridSearch.around(SPACE, thresholds).radius(0.25).steps(2)
                .mode(GridSearch.Mode.FULL_PRODUCT).generate()) {
            Map<String, Object> c = new LinkedHashMap<>();
            for (String w : WEIGHTS) {
                c.put(w, best.params().get(w));
            }
            c.putAll(g);
            if (!c.equals(best.params()) && !grid.contains(c)) {
                grid.add(c); // the best configuration itself has run already
            }
        }
        out.printf(Locale.ROOT, "round 3: %d grid configurations around the best thresholds%n", grid.size());
        TuningReport report = Tuner.builder(study, SPACE).configurations(grid).listener(bar).build().run(OFFLINE_NDCG);
        out.println();
        out.print(report.summaryText());
        out.println();
        out.println("best configuration (JSON):");
        out.println(report.bestParamsJson());
        return report;
    }

    private static SearchSpace withWeights() {
        SearchSpace.Builder b = SearchSpace.builder();
        SPACE.distributions().forEach(b::add);
        for (String w : WEIGHTS) {
            b.addFloat(w, 0.0, 1.0, false);
        }
        return b.build();
    }

    private static Map<String, Object> normaliseWeights(Map<String, Object> c) {
        double sum = 0;
        for (String w : WEIGHTS) {
            sum += (Double) c.get(w);
        }
        Map<String, Object> out = new LinkedHashMap<>(c);
        double acc = 0;
        for (int i = 0; i < WEIGHTS.size(); i++) {
            double v = i == WEIGHTS.size() - 1 ? 1 - acc : (Double) c.get(WEIGHTS.get(i)) / sum;
            acc += v;
            out.put(WEIGHTS.get(i), Math.max(0, v));
        }
        return out;
    }
}
