package io.github.hpo4j.examples.cli;

import java.io.PrintStream;

/** One sub-command of the {@code hpo} program. */
interface Command {

    /** @return the word that selects it, e.g. {@code quickstart} */
    String name();

    /** @return one line for the usage text */
    String summary();

    /**
     * @param args the arguments after the sub-command's name
     * @param out  standard output
     * @param err  standard error
     * @return the exit code
     * @throws Exception anything; reported by {@link Hpo} as a one-line error
     */
    int run(Args args, PrintStream out, PrintStream err) throws Exception;
}
