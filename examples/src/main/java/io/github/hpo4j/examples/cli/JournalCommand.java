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
import java.util.List;

/**
 * {@code hpo journal check FILE [--json]} and {@code hpo journal repair FILE --output NEW [--json]}:
 * checks a journal line by line (exit 0 when intact, 1 when lines are damaged), or copies every
 * intact event to a new journal and reports what was dropped.
 */
final class JournalCommand implements Command {

    @Override
    public String name() {
        return "journal";
    }

    @Override
    public String summary() {
        return "check FILE: find damaged lines; repair FILE --output NEW: copy the intact events (--json)";
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws Exception {
        List<String> words = args.positional();
        boolean json = args.flag("json");
        if (words.isEmpty() || !(words.get(0).equals("check") || words.get(0).equals("repair"))) {
            throw new IllegalArgumentException("usage: hpo journal check FILE | hpo journal repair FILE --output NEW");
        }
        if (words.size() != 2) {
            throw new IllegalArgumentException("journal " + words.get(0) + " takes one FILE"
                    + (words.size() > 2 ? " (extra: " + words.subList(2, words.size()) + ")" : ""));
        }
        Path file = Path.of(words.get(1));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such journal file");
        }
        if (words.get(0).equals("check")) {
            args.requireAllUsed();
            JournalReport r = JournalRepair.check(file);
            print(r, null, json, out);
            return r.intact() ? 0 : 1;
        }
        Path output = Path.of(args.require("output"));
        args.requireAllUsed();
        JournalReport r = JournalRepair.repair(file, output);
        print(r, output, json, out);
        return 0;
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
