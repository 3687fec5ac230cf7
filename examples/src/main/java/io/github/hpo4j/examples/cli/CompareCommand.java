package io.github.hpo4j.examples.cli;

import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.sampler.Sampler;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.examples.quickstart.TrainingRunStandIn;
import io.github.hpo4j.search.auto.AutoSampler;
import io.github.hpo4j.search.gp.GpSampler;
import io.github.hpo4j.tpe.sampler.TpeSampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code hpo compare [--trials N] [--seeds N]}: the mlsim stand-in for a training run optimised
 * with TPE, random search, the GP sampler and the auto sampler, same budget and seeds; prints the best values.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "TPE, random search, the GP sampler and the auto sampler side by side on the mlsim stand-in for a"
                + " training run, same budget and seeds.")
final class CompareCommand extends HpoCommand {

    @Option(names = "--trials", paramLabel = "N", description = "Trials per run (default: ${DEFAULT-VALUE}).")
    int trials = 100;

    @Option(names = "--seeds", paramLabel = "N", description = "Runs per sampler, seeds 0..N-1 (default: ${DEFAULT-VALUE}).")
    int seeds = 5;

    @Mixin
    ProgressOptions progressOptions = new ProgressOptions();

    @Override
    public Integer call() {
        if (trials <= 0 || seeds <= 0) {
            throw new IllegalArgumentException("--trials (" + trials + ") and --seeds (" + seeds + ") must be > 0");
        }
        out.printf(Locale.ROOT, "mlsim (optimum 0.1), %d trials per run%n", trials);
        out.printf(Locale.ROOT, "%-6s %12s %12s %12s %12s%n", "seed", "TPE", "random", "GP", "auto");
        double[] tpe = new double[seeds];
        double[] rnd = new double[seeds];
        double[] gp = new double[seeds];
        double[] auto = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            tpe[s] = best(TpeSampler.builder().seed(s).build(), trials, progressOptions.line(err, trials));
            rnd[s] = best(new RandomSampler(s), trials, progressOptions.line(err, trials));
            gp[s] = best(GpSampler.builder().seed(s).build(), trials, progressOptions.line(err, trials));
            auto[s] = best(AutoSampler.builder().seed(s).build(), trials, progressOptions.line(err, trials));
            out.printf(Locale.ROOT, "%-6d %12.4f %12.4f %12.4f %12.4f%n", s, tpe[s], rnd[s], gp[s], auto[s]);
        }
        out.printf(Locale.ROOT, "%-6s %12.4f %12.4f %12.4f %12.4f%n", "median", median(tpe), median(rnd), median(gp),
                median(auto));
        return 0;
    }

    private static double best(Sampler sampler, int trials, ProgressLine line) {
        Study study = Study.builder().sampler(sampler).minimize("loss").build();
        study.optimize(TrainingRunStandIn::evaluate, trials, 1, null, line == null ? List.of() : List.of(line));
        return study.bestTrial().orElseThrow().value();
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
