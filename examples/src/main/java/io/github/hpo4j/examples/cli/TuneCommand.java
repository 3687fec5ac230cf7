package io.github.hpo4j.examples.cli;

import io.github.hpo4j.examples.tuning.RecommenderTuningExample;
import java.io.PrintStream;

/**
 * {@code hpo tune [--seed S] [--quiet]}: the end-to-end tuning workflow on a synthetic
 * recommender scoring model (random, Bayesian and grid rounds, report, best configuration as
 * JSON), with a progress bar on standard error.
 */
final class TuneCommand implements Command {

    @Override
    public String name() {
        return "tune";
    }

    @Override
    public String summary() {
        return "tuning workflow on a synthetic recommender: random, Bayesian, grid rounds, report (--seed)";
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) {
        long seed = args.getInt("seed", 7);
        boolean quiet = args.flag("quiet");
        args.requireAllUsed();
        RecommenderTuningExample.run(out, quiet ? null : err, seed);
        return 0;
    }
}
