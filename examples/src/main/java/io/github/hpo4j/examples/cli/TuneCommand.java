package io.github.hpo4j.examples.cli;

import io.github.hpo4j.examples.tuning.RecommenderTuningExample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hpo tune [--seed S] [--quiet]}: the end-to-end tuning workflow on a synthetic
 * recommender scoring model (random, Bayesian and grid rounds, report, best configuration as
 * JSON), with a progress bar on standard error.
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = "The tuning workflow on a synthetic recommender scoring model: a random round with today's"
                + " configuration as baseline, a Bayesian round, a grid round around the best; the report and the"
                + " winning configuration as JSON.")
final class TuneCommand extends HpoCommand {

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every round (default: ${DEFAULT-VALUE}).")
    long seed = 7;

    @Mixin
    ProgressOptions progressOptions = new ProgressOptions();

    @Override
    public Integer call() {
        RecommenderTuningExample.run(out, progressOptions.shown() ? err : null, seed);
        return 0;
    }
}
