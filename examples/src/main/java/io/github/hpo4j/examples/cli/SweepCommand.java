package io.github.hpo4j.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpo4j.metrics.sweep.OperatingPoint;
import io.github.hpo4j.metrics.sweep.PrecisionRecallCurve;
import io.github.hpo4j.metrics.sweep.PrecisionRecallTable;
import io.github.hpo4j.metrics.sweep.ScoreTable;
import io.github.hpo4j.metrics.sweep.ThresholdSweep;
import java.io.IOException;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code hpo sweep --input predictions.csv [--thresholds 0.1,0.5,0.9] [--json]}: precision and
 * recall over thresholds for a CSV with a header holding {@code label}, {@code score} and
 * optionally {@code weight}.
 *
 * <p>JSON keys: {@code precision}, {@code recall}, {@code thresholds} (scikit-learn's
 * precision-recall curve), {@code roc_auc}, {@code average_precision} (null when undefined),
 * and {@code table} when thresholds are given.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Precision and recall over thresholds, ROC AUC and average precision (scikit-learn's"
                + " semantics) of a CSV with a header holding label (0/1), score and optionally weight."
                + " A sample: examples/data/predictions.csv.")
final class SweepCommand extends HpoCommand {

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The CSV of label,score[,weight] rows.")
    Path input;

    @Option(names = "--thresholds", paramLabel = "T,T,...",
            description = "Thresholds for the table (default: 0.1, 0.2, ... 0.9).")
    String thresholdsArg;

    @Option(names = "--json", description = "Print JSON: precision, recall, thresholds, roc_auc, average_precision"
            + " (null when undefined), table.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        double[] thresholds = thresholdsArg == null ? null : parseThresholds(thresholdsArg);
        Data data = read(input);
        ThresholdSweep sweep = ScoreTable.of(data.scores, data.labels, data.weights).sweep();
        if (json) {
            out.println(toJson(sweep, thresholds));
        } else {
            printText(out, input, data, sweep, thresholds);
        }
        return 0;
    }

    static double[] parseThresholds(String s) {
        String[] parts = s.split(",");
        double[] t = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                t[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--thresholds: '" + parts[i].trim() + "' is not a number");
            }
            if (!Double.isFinite(t[i])) {
                throw new IllegalArgumentException("--thresholds: '" + parts[i].trim() + "' is not finite");
            }
        }
        return t;
    }

    static final class Data {
        double[] scores = new double[1024];
        boolean[] labels = new boolean[1024];
        double[] weights;
        int n;
    }

    static Data read(Path input) throws IOException {
        Data d = new Data();
        List<CsvRows.Row> rows = CsvRows.parse(input, InputFile.read(input));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(input + ": empty file (expected a header with label,score)");
        }
        String[] cols = rows.get(0).cells();
        int label = -1;
        int score = -1;
        int weight = -1;
        for (int i = 0; i < cols.length; i++) {
            String c = cols[i].trim();
            if (c.equals("label") || c.equals("score") || c.equals("weight")) {
                int previous = c.equals("label") ? label : c.equals("score") ? score : weight;
                if (previous >= 0) {
                    throw new IllegalArgumentException(input + ": line 1: column '" + c + "' appears twice (columns "
                            + (previous + 1) + " and " + (i + 1) + ")");
                }
                if (c.equals("label")) {
                    label = i;
                } else if (c.equals("score")) {
                    score = i;
                } else {
                    weight = i;
                }
            }
        }
        if (label < 0 || score < 0) {
            throw new IllegalArgumentException(input + ": line 1: the header needs 'label' and 'score' columns, got "
                    + java.util.Arrays.toString(cols));
        }
        if (weight >= 0) {
            d.weights = new double[1024];
        }
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            long lineNo = row.line();
            String[] cells = row.cells();
            if (cells.length == 1 && cells[0].isBlank()) {
                continue;
            }
            if (cells.length != cols.length) {
                throw new IllegalArgumentException(input + ": line " + lineNo + ": " + cells.length
                        + " cells, the header has " + cols.length);
            }
            if (d.n == d.scores.length) {
                d.scores = Arrays.copyOf(d.scores, d.n * 2);
                d.labels = Arrays.copyOf(d.labels, d.n * 2);
                if (d.weights != null) {
                    d.weights = Arrays.copyOf(d.weights, d.n * 2);
                }
            }
            String l = cells[label].trim();
            if (l.equals("1") || l.equals("1.0") || l.equalsIgnoreCase("true")) {
                d.labels[d.n] = true;
            } else if (!(l.equals("0") || l.equals("0.0") || l.equalsIgnoreCase("false"))) {
                throw new IllegalArgumentException(input + ": line " + lineNo + ": label '" + clip(l) + "' is not 0 or 1");
            }
            d.scores[d.n] = number(input, lineNo, "score", cells[score]);
            if (!Double.isFinite(d.scores[d.n])) {
                throw new IllegalArgumentException(input + ": line " + lineNo + ": score '" + clip(cells[score].trim())
                        + "' is not finite");
            }
            if (d.weights != null) {
                double w = number(input, lineNo, "weight", cells[weight]);
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException(input + ": line " + lineNo + ": weight '"
                            + clip(cells[weight].trim()) + "' must be finite and >= 0");
                }
                d.weights[d.n] = w;
            }
            d.n++;
        }
        if (d.n == 0) {
            throw new IllegalArgumentException(input + ": no rows after the header");
        }
        d.scores = Arrays.copyOf(d.scores, d.n);
        d.labels = Arrays.copyOf(d.labels, d.n);
        if (d.weights != null) {
            d.weights = Arrays.copyOf(d.weights, d.n);
        }
        return d;
    }

    private static String defined(double v, String why) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : "(" + why + ")";
    }

    /** A cell as shown in a message: at most 40 characters. */
    static String clip(String cell) {
        return cell.length() <= 40 ? cell : cell.substring(0, 37) + "...";
    }

    private static double number(Path input, long line, String what, String cell) {
        String c = cell.trim();
        // decimal numbers only: no hex floats, no "NaN" or "Infinity" words that Java would take
        if (c.isEmpty() || !c.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw new IllegalArgumentException(input + ": line " + line + ": " + what + " '" + clip(c)
                    + "' is not a number");
        }
        return Double.parseDouble(c);
    }

    static String toJson(ThresholdSweep sweep, double[] thresholds) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        PrecisionRecallCurve pr = sweep.precisionRecallCurve();
        root.set("precision", array(m, pr.precision()));
        root.set("recall", array(m, pr.recall()));
        root.set("thresholds", array(m, pr.thresholds()));
        putNumber(root, "roc_auc", sweep.rocAuc());
        putNumber(root, "average_precision", sweep.averagePrecision());
        if (thresholds != null) {
            ArrayNode table = root.putArray("table");
            for (OperatingPoint p : sweep.table(thresholds).rows()) {
                ObjectNode row = table.addObject();
                putNumber(row, "threshold", p.threshold());
                putNumber(row, "precision", p.precision());
                putNumber(row, "recall", p.recall());
                putNumber(row, "tp", p.truePositives());
                putNumber(row, "fp", p.falsePositives());
                putNumber(row, "fn", p.falseNegatives());
                putNumber(row, "tn", p.trueNegatives());
            }
        }
        return m.writeValueAsString(root);
    }

    private static ArrayNode array(ObjectMapper m, double[] xs) {
        ArrayNode a = m.createArrayNode();
        for (double x : xs) {
            if (Double.isFinite(x)) {
                a.add(x);
            } else {
                a.addNull();
            }
        }
        return a;
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    private static void printText(PrintStream out, Path input, Data d, ThresholdSweep sweep, double[] thresholds) {
        ScoreTable t = sweep.table();
        out.printf(Locale.ROOT, "%s: %d rows, positives %s, negatives %s, %d distinct scores%n", input, d.n,
                PrecisionRecallTable.count(t.totalPositives()), PrecisionRecallTable.count(t.totalNegatives()), t.size());
        out.printf(Locale.ROOT, "ROC AUC %s   average precision %s%n%n",
                defined(sweep.rocAuc(), t.totalPositives() == 0 ? "undefined: no positive row"
                        : t.totalNegatives() == 0 ? "undefined: no negative row (only one class present)" : "undefined"),
                defined(sweep.averagePrecision(), t.totalPositives() == 0 ? "undefined: no positive row" : "undefined"));
        double[] ts = thresholds != null ? thresholds : new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
        PrecisionRecallTable table = sweep.table(ts);
        out.print(table.toText());
    }
}
