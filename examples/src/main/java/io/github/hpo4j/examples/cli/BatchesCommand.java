package io.github.hpo4j.examples.cli;

import io.github.hpo4j.examples.batching.SeriesBatchingExample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hpo batches [--items N] [--series N] [--batch-size N] [--seed S]}: distinct series per
 * batch for a plain shuffle beside the series-aware samplers, on a toy dataset.
 */
@Command(name = "batches", mixinStandardHelpOptions = true,
        description = "Distinct series per batch: a plain shuffle beside the series-aware batch samplers, on a toy"
                + " dataset of ITEMS training items that belong to SERIES series (e.g. users or sensors).")
final class BatchesCommand extends HpoCommand {

    @Option(names = "--items", paramLabel = "ITEMS", description = "Training items in the toy dataset (default: ${DEFAULT-VALUE}).")
    int items = 2_000;

    @Option(names = "--series", paramLabel = "SERIES",
            description = "Series the items belong to, at most ITEMS (default: ${DEFAULT-VALUE}).")
    int series = 60;

    @Option(names = "--batch-size", paramLabel = "N", description = "Items per batch (default: ${DEFAULT-VALUE}).")
    int batch = 16;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the shuffles (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Override
    public Integer call() {
        if (items <= 0) {
            throw new IllegalArgumentException("--items (" + items + ") must be > 0");
        }
        if (batch <= 0) {
            throw new IllegalArgumentException("--batch-size (" + batch + ") must be > 0");
        }
        if (series <= 0) {
            throw new IllegalArgumentException("--series (" + series + ") must be > 0");
        }
        if (series > items) {
            throw new IllegalArgumentException("--series (" + series + ") must be <= --items (" + items
                    + "): every series needs at least one item");
        }
        SeriesBatchingExample.run(out, items, series, batch, seed);
        return 0;
    }
}
