package io.github.hpo4j.examples.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * A sub-command of {@code hpo}: prints to the streams {@link Hpo} hands it and returns its exit
 * code; throws {@link IllegalArgumentException} (exit 2, one line) for bad input.
 */
abstract class HpoCommand implements Callable<Integer> {

    /** Standard output and error, set by {@link Hpo} before the command runs. */
    PrintStream out = System.out;
    PrintStream err = System.err;
}
