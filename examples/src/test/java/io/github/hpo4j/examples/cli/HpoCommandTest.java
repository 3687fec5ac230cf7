package io.github.hpo4j.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HpoCommandTest {

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Hpo.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void quickstart_runsAndResumesFromTheJournal(@TempDir Path dir) {
        String journal = dir.resolve("q.journal").toString();
        Result first = run("quickstart", "--journal", journal, "--trials", "5");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("0 trials before, 5 run now"), first.out());
        Result second = run("quickstart", "--journal", journal, "--trials", "3");
        assertTrue(second.out().contains("5 trials before, 3 run now"), second.out());
        assertTrue(second.out().contains("best of 8:"), second.out());
    }

    @Test
    void unknownSubCommand_exitsWith2() {
        Result r = run("nope");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("hpo: unknown sub-command 'nope'"), r.err());
        assertEquals(1, r.err().lines().count());
    }

    @Test
    void unknownOption_isAOneLineError() {
        Result r = run("quickstart", "--bogus", "1");
        assertEquals(2, r.code());
        assertEquals("hpo quickstart: unknown options or arguments '--bogus', '1'; see 'hpo quickstart --help'\n", r.err());
        Result typo = run("sweep", "--inptu", "f.csv");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("(did you mean --input?)"), typo.err());
        assertEquals(1, typo.err().lines().count());
        assertEquals(2, run("quickstart", "foo").code(), "extra words are refused");
    }

    @Test
    void batches_printsSeriesAwareBesidePlainShuffle() {
        Result r = run("batches", "--items", "500", "--series", "40", "--batch-size", "8");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("plain shuffle") && r.out().contains("largest-first"), r.out());
        assertEquals("hpo batches: --batch-size (0) must be > 0\n", run("batches", "--batch-size", "0").err());
    }

    @Test
    void sweep_json_hasTheContractKeys(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("p.csv");
        java.nio.file.Files.writeString(csv, "label,score,weight\n0,0.1,1\n0,0.4,1\n1,0.35,1\n1,0.8,1\n");
        Result r = run("sweep", "--input", csv.toString(), "--thresholds", "0.3,0.5", "--json");
        assertEquals(0, r.code(), r.err());
        com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertEquals(0.75, j.get("roc_auc").asDouble(), 1e-12);
        assertEquals(0.8333333333333333, j.get("average_precision").asDouble(), 1e-12);
        assertEquals("[0.1,0.35,0.4,0.8]", j.get("thresholds").toString());
        assertEquals("[1.0,1.0,0.5,0.5,0.0]", j.get("recall").toString());
        assertEquals(2, j.get("table").size());
        assertEquals(1.0, j.get("table").get(1).get("precision").asDouble());
    }

    @Test
    void sweep_malformedFile_namesTheLine(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        java.nio.file.Files.writeString(csv, "label,score\n0,0.1\n1,abc\n");
        Result r = run("sweep", "--input", csv.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("line 3: score 'abc' is not a number"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void insights_onTheShippedSample_printsCardsAndJson() throws Exception {
        Path sample = Path.of("data/history.csv");
        Result text = run("insights", "--input", sample.toString(), "--metric", "recall@100", "--metrics", "ndcg@10,rmse",
                "--direction", "maximize");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("60 experiments"), text.out());
        Result json = run("insights", "--input", sample.toString(), "--metric", "recall@100", "--metrics", "ndcg@10,rmse",
                "--direction", "maximize", "--json");
        com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertEquals(60, j.get("total_experiments").asInt());
        assertTrue(j.get("analysis").get("other").size() == 7, "7 parameters, no metric among them");
    }

    @Test
    void insights_unknownMetric_isAOneLineError() {
        Result r = run("insights", "--input", "data/history.csv", "--metric", "auc", "--direction", "maximize");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("hpo insights: --metric: no column 'auc'"), r.err());
    }

    @Test
    void tune_runsTheThreeRounds_andPrintsTheBestConfigurationAsJson() throws Exception {
        Result r = run("tune", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("round 3:"), r.out());
        String json = r.out().substring(r.out().lastIndexOf("best configuration (JSON):") + 26).trim();
        java.util.Map<?, ?> best = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, java.util.Map.class);
        double sum = 0;
        for (String w : io.github.hpo4j.examples.tuning.RecommenderTuningExample.WEIGHTS) {
            sum += ((Number) best.get(w)).doubleValue();
        }
        assertEquals(1.0, sum, 1e-9);
        assertTrue(r.out().contains("improvement"), r.out());
    }

    @Test
    void compare_printsTpeRandomGpAndAutoSideBySide() {
        Result r = run("compare", "--seeds", "2", "--trials", "30");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(1).matches("seed\\s+TPE\\s+random\\s+GP\\s+auto"), lines.get(1));
        String[] median = lines.get(lines.size() - 1).trim().split("\\s+");
        assertEquals("median", median[0]);
        assertEquals(5, median.length, lines.toString());
        for (int i = 1; i < 5; i++) {
            double v = Double.parseDouble(median[i]);
            assertTrue(v >= 0.1 && v < 1, "mlsim's optimum is 0.1: " + v);
        }
    }

    @Test
    void report_writesTheStudysPage_andTheSweepPage_andRefusesBadInputInOneLine(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("q.journal");
        assertEquals(0, run("quickstart", "--journal", journal.toString(), "--trials", "12", "--quiet").code());
        Path html = dir.resolve("r.html");
        Result r = run("report", "--storage", "journal:" + journal, "--study", "quickstart", "--output", html.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("wrote " + html) && r.out().contains("12 trials; sections: overview, history"), r.out());
        String page = java.nio.file.Files.readString(html);
        assertTrue(page.contains("<b id=\"kpi-trials\">12</b>") && page.endsWith("</html>\n"));
        // the journal was only read: no lock taken, nothing written
        Result again = run("quickstart", "--journal", journal.toString(), "--trials", "1", "--quiet");
        assertEquals(0, again.code(), again.err());

        Path sweep = dir.resolve("s.html");
        Result s = run("report", "--sweep", "data/predictions.csv", "--output", sweep.toString());
        assertEquals(0, s.code(), s.err());
        assertTrue(java.nio.file.Files.readString(sweep).contains("id=\"chart-threshold\""));

        Result noStudy = run("report", "--storage", "journal:" + journal, "--study", "nope");
        assertEquals(2, noStudy.code());
        assertEquals("hpo report: --study: no study 'nope' in journal:" + journal + " (studies: [quickstart])\n", noStudy.err());
        for (String[] missing : List.of(new String[] {"report", "--storage", "journal:" + dir.resolve("none.journal"), "--study", "s"},
                new String[] {"dashboard", "--storage", "journal:" + dir.resolve("none.journal"), "--port", "0"},
                new String[] {"report", "--storage", "journal:" + dir, "--study", "s"},
                new String[] {"report", "--study", "s"})) {
            Result m = run(missing);
            assertEquals(2, m.code(), String.join(" ", missing));
            assertEquals(1, m.err().lines().count(), m.err());
        }
        assertEquals("hpo dashboard: --storage: " + dir.resolve("none.journal") + ": no such journal file\n",
                run("dashboard", "--storage", "journal:" + dir.resolve("none.journal")).err());
        assertEquals(2, run("report", "--storage", "journal:" + journal, "--study", "quickstart", "--baseline", "-1").code());
        Result both = run("report", "--sweep", "data/predictions.csv", "--study", "x");
        assertEquals(2, both.code());
        assertTrue(both.err().startsWith("hpo report: --sweep: give either"), both.err());
        Result badMetric = run("report", "--storage", "journal:" + journal, "--study", "quickstart", "--metric", "auc=up");
        assertEquals("hpo report: --metric: auc=up: the direction must be min or max\n", badMetric.err());
        Result badPort = run("dashboard", "--storage", "journal:" + journal, "--port", "70000");
        assertEquals(2, badPort.code());
        assertEquals("hpo dashboard: --port: 70000 is not a port (0..65535)\n", badPort.err());
    }

    @Test
    void journalCheckAndRepair_nameTheDamagedLine_andCopyTheRest(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("j.journal");
        assertEquals(0, run("quickstart", "--journal", journal.toString(), "--trials", "4").code());
        Result ok = run("journal", "check", journal.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("intact"), ok.out());
        java.util.List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(journal));
        lines.set(5, lines.get(5).replace(':', ';'));
        java.nio.file.Files.write(journal, lines);
        Result bad = run("journal", "check", journal.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.out().contains("line 6: not JSON"), bad.out());
        assertTrue(bad.out().contains("hpo journal repair"), bad.out());
        Result json = run("journal", "check", journal.toString(), "--json");
        assertTrue(json.out().contains("\"line\" : 6"), json.out());
        Result quick = run("quickstart", "--journal", journal.toString(), "--trials", "1");
        assertEquals(2, quick.code());
        assertTrue(quick.err().contains("damaged line 6"), quick.err());
        assertEquals(1, quick.err().lines().count(), quick.err());
        Path fixed = dir.resolve("fixed.journal");
        Result repair = run("journal", "repair", journal.toString(), "--output", fixed.toString());
        assertEquals(0, repair.code(), repair.err());
        assertTrue(repair.out().contains("1 damaged line(s) dropped"), repair.out());
        assertEquals(0, run("journal", "check", fixed.toString()).code());
        assertEquals(0, run("quickstart", "--journal", fixed.toString(), "--trials", "1").code());
        Result again = run("journal", "repair", journal.toString(), "--output", fixed.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("exists"), again.err());
        assertEquals(2, run("journal", "check", dir.resolve("none").toString()).code());
        assertEquals(2, run("journal", "check").code());
        assertEquals(2, run("journal", "repair", journal.toString()).code());
    }

    @Test
    void insights_readsTheLibrarysOwnExport_withItsParamsOnly(@TempDir Path dir) throws Exception {
        io.github.hpo4j.core.study.Study study = io.github.hpo4j.core.study.Study.builder()
                .sampler(new io.github.hpo4j.core.sampler.RandomSampler(3)).minimize("loss").build();
        study.optimize(t -> {
            double lr = t.suggestCategorical("lr", List.of(0.001, 0.01, 0.1));
            int k = t.suggestInt("k", 1, 4);
            t.setUserAttr("host", "a");
            t.setMetric("auc", 0.5 + k / 10.0);
            return Math.abs(Math.log10(lr) + 2) + k;
        }, 40);
        Path csv = dir.resolve("export.csv");
        try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(csv)) {
            io.github.hpo4j.core.io.TrialsCsv.write(study.trials(), w);
        }
        Result r = run("insights", "--input", csv.toString(), "--metric", "value", "--direction", "minimize", "--json");
        assertEquals(0, r.code(), r.err());
        com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        java.util.Set<String> params = new java.util.TreeSet<>();
        j.get("importance").forEach(p -> params.add(p.get("param").asText()));
        assertEquals(java.util.Set.of("k", "lr"), params, "number, state, times and attrs_* are not parameters");
        assertEquals(40, j.get("total_experiments").asInt());
        Result auc = run("insights", "--input", csv.toString(), "--metric", "auc");
        assertEquals(0, auc.code(), auc.err());
        Result nope = run("insights", "--input", csv.toString(), "--metric", "value", "--metrics", "nope");
        assertEquals(2, nope.code());
        assertTrue(nope.err().contains("--metrics: no metric 'nope'"), nope.err());
    }

    @Test
    void insights_metricLookingColumns_areAnErrorNamingThem_unlessDeclared() throws Exception {
        Result r = run("insights", "--input", "data/history.csv", "--metric", "recall@100");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("ndcg@10 (50 distinct numbers in 60 rows), rmse (59 distinct numbers in 60 rows)"
                + " look like metrics"), r.err());
        Result declared = run("insights", "--input", "data/history.csv", "--metric", "recall@100", "--metrics", "ndcg@10",
                "--params", "rmse");
        assertEquals(0, declared.code(), declared.err());
        assertTrue(declared.out().contains("\nrmse\n"), "rmse analysed as a parameter");
    }

    @Test
    void insights_textAndJson_carryTheSameSections_numbersAsPeopleWriteThem() throws Exception {
        String[] args = {"insights", "--input", "data/history.csv", "--metric", "recall@100", "--metrics", "ndcg@10,rmse"};
        Result text = run(args);
        assertEquals(0, text.code(), text.err());
        for (String section : List.of("== TPE score of each value", "== importance", "== interaction of the two most"
                + " important: lr × l2", "== sweet spots", "== untested values", "== suggestions")) {
            assertTrue(text.out().contains(section), section + " missing:\n" + text.out());
        }
        assertTrue(text.out().contains("lr         0.0022, 0.022 (log scale)"), text.out());
        assertTrue(text.out().contains("batch_size 192, 320, 384, 448\n"), text.out());
        List<String> withJson = new java.util.ArrayList<>(List.of(args));
        withJson.add("--json");
        com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run(withJson.toArray(new String[0])).out());
        for (String key : List.of("analysis", "total_experiments", "importance", "interaction", "sweet_spots", "gaps",
                "suggestions")) {
            assertTrue(j.has(key), key + " missing from the JSON");
        }
        assertEquals("[192,320,384,448]", j.get("gaps").get(1).get("untested").toString());
        assertEquals(7, j.get("importance").size());
        assertEquals(5, j.get("suggestions").size());
    }

    @Test
    void tune_roundCountsAgreeWithTheBar_bestConfigurationOnce_keysInTheSpacesOrder() throws Exception {
        Result r = run("tune", "--progress");
        assertEquals(0, r.code(), r.err());
        java.util.regex.Matcher rounds = java.util.regex.Pattern.compile("round \\d: (\\d+) ").matcher(r.out());
        java.util.regex.Matcher bars = java.util.regex.Pattern.compile("\\] (\\d+)/\\1 trials, best [0-9.]+, [0-9.]+ s elapsed, about [0-9.]+ s left *\\n").matcher(r.err());
        for (int i = 0; i < 3; i++) {
            assertTrue(rounds.find() && bars.find(), r.out() + r.err());
            assertEquals(rounds.group(1), bars.group(1), "round " + (i + 1) + " announced " + rounds.group(1));
        }
        assertEquals(1, r.out().split("best configuration", -1).length - 1, r.out());
        String json = r.out().substring(r.out().lastIndexOf("best configuration (JSON):") + 26).trim();
        assertTrue(json.startsWith("{\"min_score\":"), "the space's order: " + json);
        assertEquals(json, run("tune", "--quiet").out().substring(r.out().lastIndexOf("best configuration (JSON):") + 26)
                .trim(), "the same keys in the same order on every run");
        assertEquals("", run("tune").err(), "no bar when standard error is not a terminal");
    }

    @Test
    void longRuns_showProgressPerTrial_withBestSoFarAndTimeLeft(@TempDir Path dir) {
        Result q = run("quickstart", "--journal", dir.resolve("p.journal").toString(), "--trials", "4", "--progress");
        assertEquals(0, q.code(), q.err());
        List<String> lines = q.err().lines().toList();
        assertEquals(4, lines.size(), q.err());
        assertTrue(lines.get(3).matches("4/4 trials, best [0-9.e+-]+, [0-9.]+ s elapsed, about [0-9.]+ s left"), lines.get(3));
        Result c = run("compare", "--trials", "3", "--seeds", "1", "--progress");
        assertEquals(12, c.err().lines().count(), c.err());
        assertEquals("", run("quickstart", "--journal", dir.resolve("p.journal").toString(), "--trials", "2").err(),
                "no progress unless on a terminal or asked for");
    }

    @Test
    void shippedSamples_serveEverySubCommandThatReadsAFile() {
        Result sweep = run("sweep", "--input", "data/predictions.csv");
        assertEquals(0, sweep.code(), sweep.err());
        assertTrue(sweep.out().contains("300 rows, positives 105, negatives 252"), sweep.out());
        Result journal = run("journal", "check", "data/sample.journal");
        assertEquals(0, journal.code(), journal.err());
        assertTrue(journal.out().contains("intact"), journal.out());
    }

    @Test
    void sweep_undefinedAuc_saysWhy(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("one-class.csv");
        java.nio.file.Files.writeString(csv, "label,score\n1,0.2\n1,0.7\n");
        Result r = run("sweep", "--input", csv.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ROC AUC (undefined: no negative row (only one class present))"), r.out());
        Result j = run("sweep", "--input", csv.toString(), "--json");
        assertTrue(j.out().contains("\"roc_auc\":null"), j.out());
    }

    @Test
    void administration_onAJournalAndADatabase_studiesTrialsBestCopyDelete(@TempDir Path dir) throws Exception {
        String journal = "journal:" + dir.resolve("a.journal");
        String db = "jdbc:h2:" + dir.resolve("db").toAbsolutePath() + ";AUTO_SERVER=FALSE";
        assertEquals(0, run("quickstart", "--storage", journal, "--study", "q", "--trials", "6").code());
        Result studies = run("studies", "--storage", journal, "--json");
        assertEquals(0, studies.code(), studies.err());
        com.fasterxml.jackson.databind.JsonNode s = new com.fasterxml.jackson.databind.ObjectMapper().readTree(studies.out());
        assertEquals("q", s.get(0).get("name").asText());
        assertEquals(6, s.get(0).get("states").get("COMPLETE").asInt());
        Result copy = run("copy", "--storage", journal, "--study", "q", "--to", db);
        assertEquals(0, copy.code(), copy.err());
        assertTrue(copy.out().contains("6 trials"), copy.out());
        Result best = run("best", "--storage", db, "--study", "q", "--json");
        Result bestJournal = run("best", "--storage", journal, "--study", "q", "--json");
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(m.readTree(bestJournal.out()), m.readTree(best.out()), "the copy's best trial is the original's");
        assertEquals(6, new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                run("trials", "--storage", db, "--study", "q", "--json").out()).size());
        Result refused = run("delete", "--storage", db, "--study", "q");
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("add --yes"), refused.err());
        assertEquals(0, run("delete", "--storage", db, "--study", "q", "--yes").code());
        assertTrue(run("studies", "--storage", db).out().lines().count() == 1, "only the header is left");
        Result bad = run("studies", "--storage", "ftp://x");
        assertEquals(2, bad.code());
        assertEquals(1, bad.err().lines().count(), bad.err());
        Result noStudy = run("best", "--storage", journal, "--study", "nope");
        assertTrue(noStudy.err().contains("--study: no study 'nope'"), noStudy.err());
    }

    @Test
    void badNumbersInOptions_areOneLineErrors() {
        Result q = run("insights", "--input", "data/history.csv", "--metric", "recall@100", "--metrics", "ndcg@10,rmse",
                "--quantile", "2");
        assertEquals(2, q.code());
        assertEquals("hpo insights: --quantile (2.0) must be in (0, 1)\n", q.err());
        Result d = run("insights", "--input", "data/history.csv", "--metric", "recall@100", "--metrics", "ndcg@10,rmse",
                "--direction", "sideways");
        assertEquals(2, d.code());
        assertEquals(1, d.err().lines().count(), d.err());
        assertEquals(2, run("quickstart", "--trials", "0").code());
        assertEquals(2, run("quickstart", "--workers", "-1").code());
        assertEquals(2, run("compare", "--trials", "0").code());
    }
}
