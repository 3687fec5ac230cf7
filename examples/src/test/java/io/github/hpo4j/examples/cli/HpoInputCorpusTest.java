package io.github.hpo4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every sub-command's help lists every option; every sub-command that reads a file, fed a corpus
 * of malformed files, ends with a result or with exit 2 and one line naming the file: never exit
 * 1, a hang, a class name or a stack trace.
 */
class HpoInputCorpusTest {

    @TempDir
    Path dir;

    private static HpoCommandTest.Result run(String... args) {
        return HpoCommandTest.run(args);
    }

    private static void collect(CommandLine cl, List<CommandLine> into) {
        into.add(cl);
        cl.getSubcommands().values().forEach(sub -> collect(sub, into));
    }

    @Test
    void everySubCommandsHelp_exits0_andListsEveryOption() {
        List<CommandLine> all = new ArrayList<>();
        collect(new CommandLine(new Hpo()), all);
        assertTrue(all.size() >= 9, all.size() + " commands");
        for (CommandLine cl : all) {
            CommandSpec spec = cl.getCommandSpec();
            if (spec.name().equals("help")) {
                continue;
            }
            List<String> words = new ArrayList<>(List.of(spec.qualifiedName(" ").split(" ")));
            words.remove(0);
            words.add("--help");
            HpoCommandTest.Result r = run(words.toArray(new String[0]));
            assertEquals(0, r.code(), spec.qualifiedName() + ": " + r.err());
            for (OptionSpec o : spec.options()) {
                assertTrue(r.out().contains(o.longestName()), spec.qualifiedName() + " --help lacks " + o.longestName()
                        + ":\n" + r.out());
            }
            if (!spec.subcommands().isEmpty()) {
                for (String sub : spec.subcommands().keySet()) {
                    assertTrue(r.out().contains(sub), spec.qualifiedName() + " --help lacks " + sub);
                }
            }
        }
        HpoCommandTest.Result version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("hpo "), version.out());
    }

    /** Malformed and odd files, by name. */
    private Map<String, byte[]> corpus() {
        Map<String, byte[]> c = new LinkedHashMap<>();
        Random r = new Random(5);
        for (int i = 0; i < 12; i++) {
            byte[] b = new byte[1 + r.nextInt(400)];
            r.nextBytes(b);
            c.put("random-" + i, b);
        }
        c.put("empty", new byte[0]);
        c.put("blank", "\n\n  \n".getBytes(StandardCharsets.UTF_8));
        c.put("bom", "\uFEFFlabel,score,metric,x\n1,0.5,0.2,a\n0,0.25,0.1,b\n".getBytes(StandardCharsets.UTF_8));
        c.put("crlf", "label,score,metric,x\r\n1,0.5,0.2,a\r\n0,0.25,0.1,b\r\n".getBytes(StandardCharsets.UTF_8));
        c.put("quotes", "\"label\",\"score\",\"metric\",\"x\"\n\"1\",\"0.5\",\"0.2\",\"a, b\"\n0,\"0.25\",0.1,\"say \"\"hi\"\"\"\n"
                .getBytes(StandardCharsets.UTF_8));
        c.put("unclosed-quote", "label,score,metric,x\n1,\"0.5,0.2,a\n".getBytes(StandardCharsets.UTF_8));
        c.put("duplicate-headers", "label,score,score,metric,metric,x\n1,0.5,0.4,0.2,0.3,a\n".getBytes(StandardCharsets.UTF_8));
        c.put("empty-name", "label,,score,metric\n1,2,0.5,0.3\n".getBytes(StandardCharsets.UTF_8));
        c.put("blank-name", "label,  ,score,metric\n1,2,0.5,0.3\n".getBytes(StandardCharsets.UTF_8));
        c.put("nan-infinity", "label,score,metric,x\n1,NaN,Infinity,a\n0,-Infinity,NaN,b\n".getBytes(StandardCharsets.UTF_8));
        c.put("hex-floats", "label,score,metric,x\n1,0x1.8p-1,0x1p-2,a\n0,0x1p-3,0x1p-1,b\n".getBytes(StandardCharsets.UTF_8));
        c.put("ragged", "label,score,metric,x\n1,0.5\n0,0.25,0.1,b,extra\n".getBytes(StandardCharsets.UTF_8));
        c.put("latin1", "label,score,metric,x\n1,0.5,0.2,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        c.put("header-only", "label,score,metric,x\n".getBytes(StandardCharsets.UTF_8));
        c.put("json-not-csv", "{\"op\":\"study\",\"study\":\"s\"}\n".getBytes(StandardCharsets.UTF_8));
        c.put("nul-bytes", "label,score,metric,x\n1,0.5\u0000,0.2,a\n".getBytes(StandardCharsets.UTF_8));
        StringBuilder longLine = new StringBuilder("label,score,metric,x\n1,0.5,0.2,");
        longLine.append("y".repeat(10 * 1024 * 1024)).append('\n');
        c.put("10mb-line", longLine.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder many = new StringBuilder("label,score,metric,x\n");
        for (int i = 0; i < 1_000_000; i++) {
            many.append(i % 3 == 0 ? 1 : 0).append(',').append((i % 997) / 997.0).append(',').append((i % 13) / 13.0)
                    .append(',').append(i % 5).append('\n');
        }
        c.put("1m-rows", many.toString().getBytes(StandardCharsets.UTF_8));
        return c;
    }

    private static void check(String what, Path file, HpoCommandTest.Result r) {
        String all = r.out() + r.err();
        assertTrue(r.code() == 0 || r.code() == 2 || (r.code() == 1 && what.startsWith("journal check") && r.err().isEmpty()),
                what + " exited " + r.code() + ": " + r.err());
        assertFalse(all.contains("Exception") || all.contains("java.") || all.contains("\tat "),
                what + " printed a class name or stack trace: " + r.err());
        if (r.code() == 2) {
            assertEquals(1, r.err().lines().count(), what + ": " + r.err());
            assertTrue(r.err().contains(file.getFileName().toString()), what + " does not name the file: " + r.err());
        }
    }

    @Test
    void malformedFiles_giveAResultOrOneLineNamingTheFile() throws Exception {
        for (Map.Entry<String, byte[]> e : corpus().entrySet()) {
            Path f = dir.resolve(e.getKey() + ".csv");
            Files.write(f, e.getValue());
            List<String[]> calls = List.of(
                    new String[] {"sweep", "--input", f.toString()},
                    new String[] {"sweep", "--input", f.toString(), "--json"},
                    new String[] {"insights", "--input", f.toString(), "--metric", "metric"},
                    new String[] {"report", "--sweep", f.toString(), "--output", dir.resolve(e.getKey() + ".html").toString()},
                    new String[] {"report", "--storage", "journal:" + f, "--study", "s", "--output",
                        dir.resolve(e.getKey() + ".study.html").toString()},
                    new String[] {"journal", "check", f.toString()},
                    new String[] {"journal", "repair", f.toString(), "--output", dir.resolve(e.getKey() + ".repaired").toString()});
            for (String[] call : calls) {
                String what = String.join(" ", call).replace(dir.toString(), "") + " [" + e.getKey() + "]";
                HpoCommandTest.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(call), what + " hung");
                check(what, f, r);
            }
        }
        for (String[] call : List.of(new String[] {"sweep", "--input", dir.toString()},
                new String[] {"insights", "--input", dir.toString(), "--metric", "m"},
                new String[] {"journal", "check", dir.toString()},
                new String[] {"report", "--sweep", dir.resolve("missing.csv").toString()},
                new String[] {"sweep", "--input", dir.resolve("missing.csv").toString()},
                new String[] {"quickstart", "--journal", dir.resolve("no/such/dir/q.journal").toString()})) {
            HpoCommandTest.Result r = run(call);
            assertEquals(2, r.code(), String.join(" ", call) + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }
}
