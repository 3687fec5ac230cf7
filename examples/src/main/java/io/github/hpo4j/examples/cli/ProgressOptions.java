package io.github.hpo4j.examples.cli;

import java.io.PrintStream;
import picocli.CommandLine.Option;

/** The {@code --quiet} and {@code --progress} options of the commands that run long (a picocli mixin). */
final class ProgressOptions {

    @Option(names = "--quiet", description = "No progress, even on a terminal.")
    boolean quiet;

    @Option(names = "--progress", description = "Progress on standard error even when not on a terminal (on one, a bar).")
    boolean progress;

    /** Whether progress is shown: on a terminal unless --quiet, or when asked for. */
    boolean shown() {
        return !quiet && (progress || System.console() != null);
    }

    /** A progress printer for a run of {@code planned} trials, or null for none. */
    ProgressLine line(PrintStream err, int planned) {
        return ProgressLine.of(err, planned, quiet, progress);
    }
}
