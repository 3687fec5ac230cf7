package io.github.hpo4j.examples.cli;

import io.github.hpo4j.examples.batching.SeriesBatchingExample;
import java.io.PrintStream;

/**
 * {@code hpo batches [--items N] [--series N] [--batch-size N] [--seed S]}: distinct series per
 * batch for a plain shuffle beside the series-aware samplers, on a toy dataset.
 */
final class BatchesCommand implements Command {

    @Override
    public String name() {
        return "batches";
    }

    @Override
    public String summary() {
        return "series-aware batches beside a plain shuffle on a toy dataset (--items, --series, --batch-size)";
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) {
        int items = args.getInt("items", 2_000);
        int series = args.getInt("series", 60);
        int batch = args.getInt("batch-size", 16);
        long seed = args.getInt("seed", 42);
        args.requireAllUsed();
        if (items <= 0) {
            throw new IllegalArgumentException("--items (" + items + ") must be > 0");
        }
        if (batch <= 0) {
            throw new IllegalArgumentException("--batch-size (" + batch + ") must be > 0");
        }
        if (series <= 0) {
            throw new IllegalArgumentException("--series (" + series + ") must be > 0");
        }
        SeriesBatchingExample.run(out, items, series, batch, seed);
        return 0;
    }
}
