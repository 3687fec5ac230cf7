package io.github.hpo4j.examples.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code hpo} command: {@code java -jar examples/target/hpo.jar <sub-command> [options]}.
 *
 * <p>Sub-commands: {@code quickstart}. Errors in the input are printed as one line on standard
 * error with exit code 2, never as a stack trace.
 */
public final class Hpo {

    private final Map<String, Command> commands = new LinkedHashMap<>();

    Hpo() {
        register(new QuickstartCommand());
        register(new BatchesCommand());
        register(new SweepCommand());
        register(new InsightsCommand());
        register(new CompareCommand());
        register(new TuneCommand());
        register(new JournalCommand());
    }

    private void register(Command c) {
        commands.put(c.name(), c);
    }

    /**
     * @param argv sub-command and its options
     */
    public static void main(String[] argv) {
        int code = new Hpo().run(Arrays.asList(argv), System.out, System.err);
        System.out.flush();
        if (code != 0) {
            System.exit(code);
        }
    }

    int run(List<String> argv, PrintStream out, PrintStream err) {
        if (argv.isEmpty() || argv.get(0).equals("--help") || argv.get(0).equals("help")) {
            usage(argv.isEmpty() ? err : out);
            return argv.isEmpty() ? 2 : 0;
        }
        Command c = commands.get(argv.get(0));
        if (c == null) {
            err.println("hpo: unknown sub-command '" + argv.get(0) + "'");
            usage(err);
            return 2;
        }
        try {
            return c.run(new Args(argv.subList(1, argv.size()), FLAGS), out, err);
        } catch (IllegalArgumentException | java.io.UncheckedIOException
                 | io.github.hpo4j.core.storage.DamagedJournalException e) {
            err.println("hpo " + c.name() + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("hpo " + c.name() + ": " + e);
            return 1;
        }
    }

    private static final java.util.Set<String> FLAGS = java.util.Set.of("json", "help", "quiet");

    private void usage(PrintStream s) {
        s.println("usage: java -jar hpo.jar <sub-command> [options]");
        s.println();
        for (Command c : commands.values()) {
            s.printf("  %-12s %s%n", c.name(), c.summary());
        }
    }
}
