package io.github.hpo4j.examples.cli;

import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.study.Direction;
import io.github.hpo4j.core.io.TrialsCsv;
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

    @Option(names = "--params", paramLabel = "A,B,...",
            description = "Numeric columns with many distinct values that are parameters, not metrics.")
    String paramsArg = "";

    @Override
    public Integer call() throws IOException {
        Direction direction = Direction.parse(directionArg);
        if (!(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("--quantile (" + quantile + ") must be in (0, 1)");
        }
        Set<String> metrics = new LinkedHashSet<>();
        metrics.add(metric);
        metrics.addAll(list(others));
        List<TrialRecord> history = read(input, metrics, new LinkedHashSet<>(list(paramsArg)));
        Analysis a = Insights.builder().metric(metric, direction).quantile(quantile).build().analyze(history);
        InsightsOutput view = new InsightsOutput(a);
        out.print(json ? view.json() : view.text());
        return 0;
    }

    private static List<String> list(String commaSeparated) {
        List<String> out = new ArrayList<>();
        for (String m : commaSeparated.split(",")) {
            if (!m.isBlank()) {
                out.add(m.trim());
            }
        }
        return out;
    }

    /** The export of {@link TrialsCsv#write}: its own columns are read as such, not as parameters. */
    static boolean isTrialsExport(String[] header) {
        Set<String> h = new LinkedHashSet<>(List.of(header));
        return h.contains("number") && h.contains("state") && h.stream().anyMatch(c -> c.startsWith("params_"));
    }

    static List<TrialRecord> read(Path input, Set<String> metrics, Set<String> numericParams) throws IOException {
        String text = InputFile.read(input);
        List<String[]> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        for (CsvRows.Row row : CsvRows.parse(input, text)) {
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
        if (isTrialsExport(header)) {
            return readExport(input, text, header, metrics);
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
        List<String> looksLikeMetric = new ArrayList<>();
        for (Map.Entry<Integer, Set<String>> e : choices.entrySet()) {
            String name = header[e.getKey()];
            if (!numericParams.contains(name) && looksLikeMetric(e.getValue(), rows.size() - 1)) {
                looksLikeMetric.add(name + " (" + e.getValue().size() + " distinct numbers in " + (rows.size() - 1)
                        + " rows)");
            }
        }
        if (!looksLikeMetric.isEmpty()) {
            throw new IllegalArgumentException(input + ": column(s) " + String.join(", ", looksLikeMetric)
                    + " look like metrics, not parameters: name them in --metrics (or in --params if they are"
                    + " parameters)");
        }
        for (String p : numericParams) {
            if (!names.contains(p)) {
                throw new IllegalArgumentException("--params: no column '" + p + "' in " + input);
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

    /** A numeric column whose values are nearly all distinct (a measurement, not a setting). */
    static boolean looksLikeMetric(Set<String> values, int rows) {
        if (values.size() < 10 || values.size() < 0.5 * rows) {
            return false;
        }
        for (String v : values) {
            try {
                if (!Double.isFinite(Double.parseDouble(v))) {
                    return false;
                }
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the library's own export: parameters from {@code params_*}, metrics from
     * {@code metrics_*} and the objective {@code value} (named {@code value}); {@code number},
     * {@code state}, times and {@code attrs_*} are not parameters.
     */
    private static List<TrialRecord> readExport(Path input, String text, String[] header, Set<String> metrics) {
        Set<String> known = new LinkedHashSet<>();
        for (String h : header) {
            if (h.startsWith("metrics_")) {
                known.add(h.substring(8));
            }
        }
        known.add("value");
        for (String m : metrics) {
            if (!known.contains(m)) {
                throw new IllegalArgumentException((m.equals(metrics.iterator().next()) ? "--metric" : "--metrics")
                        + ": no metric '" + m + "' in " + input + ", a trials export (metrics: " + known + ")");
            }
        }
        List<TrialRecord> trials;
        try {
            trials = TrialsCsv.read(new java.io.StringReader(text), Set.of());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(input + ": " + e.getMessage().replaceFirst("^input: ", ""), e);
        }
        List<TrialRecord> out = new ArrayList<>(trials.size());
        for (TrialRecord t : trials) {
            if (t.state() == io.github.hpo4j.core.trial.TrialState.COMPLETE && t.values().size() == 1) {
                out.add(t.toBuilder().metric("value", t.values().get(0)).build());
            } else {
                out.add(t);
            }
        }
        return out;
    }
}
