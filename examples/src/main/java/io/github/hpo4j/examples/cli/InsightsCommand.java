package io.github.hpo4j.examples.cli;

import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.study.Direction;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.tpe.insights.Analysis;
import io.github.hpo4j.tpe.insights.Insights;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code hpo insights --input history.csv --metric recall@100 --direction maximize
 * [--metrics ndcg@10,rmse] [--quantile 0.3] [--json]}: which parameter values go with good
 * results. Every column other than the metric columns is a parameter; values are kept as the
 * strings they are (numbers compared by value).
 */
@Command(name = "insights", mixinStandardHelpOptions = true,
        description = "Which parameter values go with good results in a CSV history of experiments: Laplace-smoothed"
                + " TPE scores, confidence, importance, untested gaps. A sample: examples/data/history.csv.")
final class InsightsCommand extends HpoCommand {

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The CSV history, one experiment a row.")
    Path input;

    @Option(names = "--metric", required = true, paramLabel = "NAME", description = "The column to judge experiments by.")
    String metric;

    @Option(names = "--direction", paramLabel = "maximize|minimize",
            description = "Whether higher or lower --metric is better (default: ${DEFAULT-VALUE}).")
    String directionArg = "maximize";

    @Option(names = "--metrics", paramLabel = "A,B,...", description = "Other metric columns (not parameters).")
    String others = "";

    @Option(names = "--quantile", paramLabel = "Q",
            description = "Share of experiments counted as good, in (0, 1) (default: ${DEFAULT-VALUE}).")
    double quantile = 0.3;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Direction direction = Direction.parse(directionArg);
        Set<String> metrics = new LinkedHashSet<>();
        metrics.add(metric);
        for (String m : others.split(",")) {
            if (!m.isBlank()) {
                metrics.add(m.trim());
            }
        }
        List<TrialRecord> history = read(input, metrics);
        Analysis a = Insights.builder().metric(metric, direction).quantile(quantile).build().analyze(history);
        if (json) {
            out.println(a.report().toJson());
            return 0;
        }
        out.print(a.report().toText());
        out.println();
        out.println("importance (bias-corrected Cramér's V² of value vs good/bad):");
        for (Analysis.ParamImportance p : a.importance()) {
            out.printf(Locale.ROOT, "  %-14s %.3f%n", p.param(), p.importance());
        }
        List<Analysis.Gap> gaps = a.gaps();
        if (!gaps.isEmpty()) {
            out.println();
            for (Analysis.Gap g : gaps) {
                out.printf(Locale.ROOT, "  %s %s never tested%n", g.param(), g.untested());
            }
        }
        return 0;
    }

    static List<TrialRecord> read(Path input, Set<String> metrics) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        for (CsvRows.Row row : CsvRows.parse(input, InputFile.read(input))) {
            if (!(row.cells().length == 1 && row.cells()[0].isBlank())) {
                rows.add(row.cells());
                lines.add(row.line());
            }
        }
        if (rows.size() < 2) {
            throw new IllegalArgumentException(input + ": needs a header and at least one row");
        }
        String[] header = rows.get(0);
        Set<String> names = new LinkedHashSet<>();
        for (int c = 0; c < header.length; c++) {
            header[c] = header[c].trim();
            if (header[c].isEmpty()) {
                throw new IllegalArgumentException(input + ": line 1: column " + (c + 1) + " has no name");
            }
            if (!names.add(header[c])) {
                throw new IllegalArgumentException(input + ": line 1: column '" + SweepCommand.clip(header[c])
                        + "' appears twice");
            }
        }
        for (String m : metrics) {
            if (!names.contains(m)) {
                throw new IllegalArgumentException((m.equals(metrics.iterator().next()) ? "--metric" : "--metrics")
                        + ": no column '" + m + "' in " + input + " (columns: " + names + ")");
            }
        }
        Map<Integer, Set<String>> choices = new LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
            if (!metrics.contains(header[c])) {
                choices.put(c, new LinkedHashSet<>());
            }
        }
        for (int r = 1; r < rows.size(); r++) {
            String[] row = rows.get(r);
            if (row.length != header.length) {
                throw new IllegalArgumentException(input + ": line " + lines.get(r) + ": " + row.length
                        + " cells, the header has " + header.length);
            }
            for (Map.Entry<Integer, Set<String>> e : choices.entrySet()) {
                String v = row[e.getKey()].trim();
                if (!v.isEmpty()) {
                    e.getValue().add(v);
                }
            }
        }
        Map<Integer, CategoricalDistribution> dists = new LinkedHashMap<>();
        choices.forEach((c, set) -> {
            if (!set.isEmpty()) {
                dists.put(c, new CategoricalDistribution(new ArrayList<>(set)));
            }
        });
        List<TrialRecord> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            String[] row = rows.get(r);
            TrialRecord.Builder b = TrialRecord.builder(r - 1);
            for (int c = 0; c < header.length; c++) {
                String v = row[c].trim();
                if (v.isEmpty()) {
                    continue;
                }
                if (metrics.contains(header[c])) {
                    double x;
                    try {
                        x = Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        x = Double.NaN;
                    }
                    if (!Double.isFinite(x) || v.toLowerCase(java.util.Locale.ROOT).contains("x")) {
                        throw new IllegalArgumentException(input + ": line " + lines.get(r) + ": " + header[c] + " '"
                                + SweepCommand.clip(v) + "' is not a finite decimal number");
                    }
                    b.metric(header[c], x);
                } else {
                    b.param(header[c], dists.get(c), v);
                }
            }
            out.add(b.build());
        }
        return out;
    }
}
