package io.github.hpo4j.examples.cli;

import io.github.hpo4j.core.storage.DamagedJournalException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code hpo} command: {@code java -jar examples/target/hpo.jar <sub-command> [options]}.
 * Sub-commands, options and help come from the annotated command classes (picocli). An error in
 * the input or a file prints one line on standard error naming the file (and line, where there is
 * one) and exits with code 2; {@code --debug} adds the stack trace.
 */
@Command(name = "hpo", mixinStandardHelpOptions = true, versionProvider = Hpo.Version.class,
        description = "Hyperparameter optimisation on the JVM: examples and tools of hpo4j.",
        subcommands = {QuickstartCommand.class, BatchesCommand.class, SweepCommand.class, InsightsCommand.class,
            CompareCommand.class, TuneCommand.class, JournalCommand.class, StudiesCommands.Studies.class,
            StudiesCommands.Trials.class, StudiesCommands.Best.class, StudiesCommands.Copy.class,
            StudiesCommands.Delete.class, ReportCommand.class, DashboardCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Run 'hpo SUB --help' for a sub-command's options. Exit codes: 0 done, 1 a finding"
                + " (e.g. 'journal check' found damage) or an internal error, 2 bad input."})
public final class Hpo implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "On an error, print the stack trace too.")
    boolean debug;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a sub-command is needed");
    }

    /**
     * @param argv sub-command and its options
     */
    public static void main(String[] argv) {
        int code = run(List.of(argv), System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /** Runs the command line with the given streams; returns the exit code. */
    static int run(List<String> argv, PrintStream out, PrintStream err) {
        boolean debug = argv.contains("--debug");
        CommandLine cl = new CommandLine(new Hpo(), new StreamsFactory(out, err));
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine where = ex.getCommandLine();
            // an unknown word is the first thing to say, before what is missing because of it
            if (!(ex instanceof CommandLine.UnmatchedArgumentException) && !where.getUnmatchedArguments().isEmpty()) {
                ex = new CommandLine.UnmatchedArgumentException(where, where.getUnmatchedArguments());
            }
            String message = oneLine(ex.getMessage());
            String suggestion = "";
            if (ex instanceof CommandLine.UnmatchedArgumentException u) {
                List<String> unmatched = u.getUnmatched();
                boolean subCommand = !where.getSubcommands().isEmpty() && !unmatched.isEmpty()
                        && !unmatched.get(0).startsWith("-");
                message = subCommand ? "unknown sub-command '" + unmatched.get(0) + "'"
                        : (unmatched.size() == 1 ? "unknown option or argument '" : "unknown options or arguments '")
                        + String.join("', '", unmatched) + "'";
                if (!u.getSuggestions().isEmpty()) {
                    suggestion = " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
                }
            }
            String name = where.getCommandSpec().qualifiedName();
            err.println(name + ": " + message + suggestion + "; see '" + name + " --help'");
            if (debug) {
                ex.printStackTrace(err);
            }
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String name = commandLine.getCommandSpec().qualifiedName();
            Failure f = describe(ex);
            err.println(name + ": " + f.message());
            if (debug) {
                ex.printStackTrace(err);
            }
            return f.exitCode();
        });
        int code = cl.execute(argv.toArray(new String[0]));
        out.flush();
        err.flush();
        return code;
    }

    /** What to tell the user about an exception, and the exit code. */
    record Failure(String message, int exitCode) {
    }

    static Failure describe(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            Failure inner = describe(u.getCause());
            String m = u.getMessage();
            // the unchecked wrapper names the file; the cause says what went wrong
            return new Failure(m != null && !m.equals(u.getCause().toString()) ? oneLine(m) : inner.message(), 2);
        }
        if (e instanceof NoSuchFileException n) {
            return new Failure(n.getFile() + ": no such file", 2);
        }
        if (e instanceof AccessDeniedException a) {
            return new Failure(a.getFile() + ": permission denied", 2);
        }
        if (e instanceof FileSystemException fs) {
            return new Failure(fs.getFile() + ": " + fs.getReason(), 2);
        }
        if (e instanceof IOException) {
            return new Failure(oneLine(String.valueOf(e.getMessage())), 2);
        }
        if (e instanceof IllegalArgumentException || e instanceof DamagedJournalException
                || e instanceof io.github.hpo4j.core.storage.StorageException
                || e instanceof IllegalStateException) {
            return new Failure(oneLine(String.valueOf(e.getMessage())), 2);
        }
        return new Failure("internal error: " + oneLine(String.valueOf(e.getMessage()))
                + " (run again with --debug for the stack trace)", 1);
    }

    private static String oneLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    /** Creates the commands, handing each the streams it prints to. */
    private static final class StreamsFactory implements CommandLine.IFactory {
        private final PrintStream out;
        private final PrintStream err;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        StreamsFactory(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            K k = fallback.create(cls);
            if (k instanceof HpoCommand c) {
                c.out = out;
                c.err = err;
            }
            return k;
        }
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Hpo.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"hpo " + p.getProperty("version", "(unknown version)") + " (hpo4j), Java "
                    + System.getProperty("java.version")};
        }
    }
}
