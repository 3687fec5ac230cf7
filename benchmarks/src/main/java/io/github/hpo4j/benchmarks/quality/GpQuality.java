package io.github.hpo4j.benchmarks.quality;

import io.github.hpo4j.core.sampler.Sampler;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.search.gp.GpSampler;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The TPE issue's quality protocol (functions.md: branin, hartmann6, mlsim; seeds 0..29; 100
 * trials) for the GP and auto samplers beside TPE (univariate and multivariate) and random: median and mean
 * best value, the best after 25 and 50 trials, and the GP's seed-by-seed wins against each TPE.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.hpo4j.benchmarks.quality.GpQuality [seeds] [trials] [samplers,...]</pre>
 */
public final class GpQuality {

    private GpQuality() {
    }

    static Sampler sampler(String kind, long seed) {
        switch (kind) {
            case "gp":
                return GpSampler.builder().seed(seed).build();
            case "auto":
                return io.github.hpo4j.search.auto.AutoSampler.builder().seed(seed).build();
            default:
                return TpeQuality.sampler(kind, seed);
        }
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        List<String> kinds = args.length > 2 ? List.of(args[2].split(",")) : List.of("gp", "auto", "tpe", "tpe_mv", "random");
        System.out.println("| function | sampler | median best | mean best | median @25 | median @50 | GP wins / losses / ties | s |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (BenchmarkObjective f : BenchmarkObjective.values()) {
            double[][] best = new double[kinds.size()][seeds];
            for (int k = 0; k < kinds.size(); k++) {
                double[] at25 = new double[seeds];
                double[] at50 = new double[seeds];
                long t0 = System.nanoTime();
                for (int i = 0; i < seeds; i++) {
                    Study study = Study.builder().sampler(sampler(kinds.get(k), i)).minimize("value").build();
                    study.optimize(f::evaluate, trials);
                    double run = Double.POSITIVE_INFINITY;
                    for (TrialRecord t : study.trials()) {
                        run = Math.min(run, t.value());
                        if (t.number() == 24) {
                            at25[i] = run;
                        }
                        if (t.number() == 49) {
                            at50[i] = run;
                        }
                    }
                    best[k][i] = run;
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                String wins = "";
                if (!kinds.get(k).equals("gp") && kinds.contains("gp")) {
                    double[] gp = best[kinds.indexOf("gp")];
                    int w = 0;
                    int l = 0;
                    int tie = 0;
                    for (int i = 0; i < seeds; i++) {
                        if (Math.abs(gp[i] - best[k][i]) <= 1e-12) {
                            tie++;
                        } else if (gp[i] < best[k][i]) {
                            w++;
                        } else {
                            l++;
                        }
                    }
                    wins = w + " / " + l + " / " + tie;
                }
                System.out.printf(Locale.ROOT, "| %s | %s | %.4f | %.4f | %.4f | %.4f | %s | %.0f |%n", f.key(), kinds.get(k),
                        TpeQuality.median(best[k]), Arrays.stream(best[k]).average().orElse(Double.NaN),
                        TpeQuality.median(at25), TpeQuality.median(at50), wins, secs);
            }
        }
    }
}
