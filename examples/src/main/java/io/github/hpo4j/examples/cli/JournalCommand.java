package io.github.hpo4j.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpo4j.core.storage.JournalRepair;
import io.github.hpo4j.core.storage.JournalReport;
import io.github.hpo4j.core.storage.SkippedRecord;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hpo journal check FILE [--json]} and {@code hpo journal repair FILE --output NEW [--json]}:
 * checks a journal line by line (exit 0 when intact, 1 when lines are damaged), or copies every
 * intact event to a new journal and reports what was dropped.
 */
@Command(name = "journal", mixinStandardHelpOptions = true,
        description = "Check a journal file for damaged lines, or copy its intact events to a new file.",
        subcommands = {JournalCommand.Check.class, JournalCommand.Repair.class})
final class JournalCommand extends HpoCommand {

    @Override
    public Integer call() {
        throw new IllegalArgumentException("a sub-command is needed: check FILE, or repair FILE --output NEW");
    }

    private static Path existing(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": not a regular file");
        }
        return file;
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "List the damaged lines of a journal. Exit code 0 when it is intact, 1 when lines are damaged.")
    static final class Check extends HpoCommand {
        @Parameters(paramLabel = "FILE", description = "The journal.")
        Path file;

        @Option(names = "--json", description = "Print the report as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            JournalReport r = JournalRepair.check(existing(file));
            print(r, null, json, out);
            return r.intact() ? 0 : 1;
        }
    }

    @Command(name = "repair", mixinStandardHelpOptions = true,
            description = "Copy every intact event of a journal (numbers and times kept) to a new journal, and report"
                    + " the damaged lines dropped. The journal itself is not changed.")
    static final class Repair extends HpoCommand {
        @Parameters(paramLabel = "FILE", description = "The damaged journal.")
        Path file;

        @Option(names = "--output", required = true, paramLabel = "NEW", description = "The new journal; must not exist.")
        Path output;

        @Option(names = "--json", description = "Print the report as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            JournalReport r = JournalRepair.repair(existing(file), output);
            print(r, output, json, out);
            return 0;
        }
    }

    private static void print(JournalReport r, Path output, boolean json, PrintStream out) throws Exception {
        if (json) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("file", r.file().toString()).put("lines", r.lines()).put("events", r.events())
                    .put("intact", r.intact()).put("unfinished_bytes", r.unfinishedBytes());
            if (output != null) {
                o.put("output", output.toString()).put("kept", r.events()).put("dropped", r.damage().size());
            }
            ArrayNode d = o.putArray("damage");
            for (SkippedRecord s : r.damage()) {
                d.addObject().put("line", s.line()).put("reason", s.reason());
            }
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(o));
            return;
        }
        out.printf("%s: %d lines, %d events, %s%n", r.file(), r.lines(), r.events(),
                r.intact() ? "intact" : r.damage().size() + " damaged line(s)");
        for (SkippedRecord s : r.damage()) {
            out.printf("  line %d: %s%n", s.line(), s.reason());
        }
        if (r.unfinishedBytes() > 0) {
            out.printf("  an unfinished last line of %d byte(s) (torn by a crash, or a write in flight); the next write"
                    + " cuts it%n", r.unfinishedBytes());
        }
        if (output != null) {
            out.printf("wrote %s: %d events kept, %d damaged line(s) dropped%n", output, r.events(), r.damage().size());
        } else if (!r.intact()) {
            out.printf("to copy the intact events: hpo journal repair %s --output NEW%n", r.file());
        }
    }
}
