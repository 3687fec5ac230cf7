package io.github.hpo4j.benchmarks.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.sampler.Sampler;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.tpe.sampler.TpeSampler;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The quality protocol of {@code ../shared/reference/functions.md}: for each objective and seed
 * 0..29, a fresh study of 100 trials; the median and mean best value per sampler, printed as a
 * Markdown table beside Optuna 3.1.0's figures.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.hpo4j.benchmarks.quality.TpeQuality [baseline.json] [seeds] [trials] [first seed]</pre>
 */
public final class TpeQuality {

    private TpeQuality() {
    }

    /**
     * @param args optional: baseline file (default: the copy in this jar's resources, reference/optuna_baseline_100_trials.json), seeds
     *             (30), trials (100), first seed (0)
     * @throws IOException if the baseline cannot be read
     */
    public static void main(String[] args) throws IOException {
        File baseline = args.length > 0 ? new File(args[0]) : null;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int trials = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int firstSeed = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        JsonNode optuna;
        if (baseline != null) {
            optuna = baseline.isFile() ? new ObjectMapper().readTree(baseline).path("functions") : null;
        } else {
            try (java.io.InputStream in = TpeQuality.class.getResourceAsStream("/reference/optuna_baseline_100_trials.json")) {
                optuna = new ObjectMapper().readTree(in).path("functions");
            }
        }
        System.out.printf(Locale.ROOT,
                "| function | sampler | hpo4j median | hpo4j mean | Optuna median | Optuna mean | seeds equal to Optuna's |%n");
        System.out.printf("|---|---|---|---|---|---|---|%n");
        String[][] samplers = {{"tpe", "TPE univariate"}, {"tpe_mv", "TPE multivariate"},
            {"tpe32", "TPE univariate, Optuna 3.2+ scoring"}, {"tpe_mv32", "TPE multivariate, Optuna 3.2+ scoring"},
            {"random", "random"}};
        for (BenchmarkObjective f : BenchmarkObjective.values()) {
            for (String[] s : samplers) {
                double[] best = new double[seeds];
                long t0 = System.nanoTime();
                for (int i = 0; i < seeds; i++) {
                    Study study = Study.builder().sampler(sampler(s[0], firstSeed + i)).minimize("value").build();
                    study.optimize(f::evaluate, trials);
                    best[i] = study.bestTrial().orElseThrow().value();
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                JsonNode ref = optuna == null ? null : optuna.path(f.key()).path(s[0].replace("32", ""));
                // seed for seed against Optuna's own per-seed best values (same seeds only)
                String equal = "—";
                JsonNode perSeed = ref == null ? null : ref.path("per_seed");
                if (perSeed != null && perSeed.isArray() && firstSeed == 0 && seeds <= perSeed.size()) {
                    int same = 0;
                    double largest = 0;
                    for (int i = 0; i < seeds; i++) {
                        double diff = Math.abs(best[i] - perSeed.get(i).asDouble());
                        same += diff <= 1e-9 ? 1 : 0;
                        largest = diff <= 1e-9 ? Math.max(largest, diff) : largest;
                    }
                    equal = same + " of " + seeds
                            + (same > 0 ? String.format(Locale.ROOT, " (within %.1e)", largest) : "");
                }
                System.out.printf(Locale.ROOT, "| %s | %s | %.4f | %.4f | %s | %s | %s |%n", f.key(), s[1], median(best),
                        Arrays.stream(best).average().orElse(Double.NaN),
                        ref == null ? "n/a" : String.format(Locale.ROOT, "%.4f", ref.path("median").asDouble()),
                        ref == null ? "n/a" : String.format(Locale.ROOT, "%.4f", ref.path("mean").asDouble()), equal);
                System.err.printf(Locale.ROOT, "%s %s: %.1f s%n", f.key(), s[0], secs);
            }
        }
    }

    static Sampler sampler(String kind, long seed) {
        switch (kind) {
            case "tpe":
                return TpeSampler.builder().seed(seed).multivariate(false).build();
            case "tpe_mv":
                return TpeSampler.builder().seed(seed).multivariate(true).build();
            case "tpe32":
                return TpeSampler.builder().seed(seed).multivariate(false).unscaledKernels(false).discreteLogInts(true)
                        .build();
            case "tpe_mv32":
                return TpeSampler.builder().seed(seed).multivariate(true).unscaledKernels(false).discreteLogInts(true)
                        .build();
            default:
                return new RandomSampler(seed);
        }
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
