package io.github.hpo4j.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpo4j.metrics.sweep.OperatingPoint;
import io.github.hpo4j.metrics.sweep.PrecisionRecallCurve;
import io.github.hpo4j.metrics.sweep.PrecisionRecallTable;
import io.github.hpo4j.metrics.sweep.ScoreTable;
import io.github.hpo4j.metrics.sweep.ThresholdSweep;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
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
final class SweepCommand implements Command {

    @Override
    public String name() {
        return "sweep";
    }

    @Override
    public String summary() {
        return "precision/recall sweep, ROC AUC and AP of label,score[,weight] CSV (--input, --thresholds, --json)";
    }

    @Override
    public int run(Args args, PrintStream out, PrintStream err) throws IOException {
        Path input = Path.of(args.require("input"));
        String thresholdsArg = args.get("thresholds", null);
        boolean json = args.flag("json");
        args.requireAllUsed();
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

    private static final class Data {
        double[] scores = new double[1024];
        boolean[] labels = new boolean[1024];
        double[] weights;
        int n;
    }

    static Data read(Path input) throws IOException {
        Data d = new Data();
        try (BufferedReader r = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                throw new IllegalArgumentException(input + ": empty file (expected a header with label,score)");
            }
            String[] cols = header.split(",", -1);
            int label = -1;
            int score = -1;
            int weight = -1;
            for (int i = 0; i < cols.length; i++) {
                String c = cols[i].trim().replace("\"", "");
                if (c.equals("label")) {
                    label = i;
                } else if (c.equals("score")) {
                    score = i;
                } else if (c.equals("weight")) {
                    weight = i;
                }
            }
            if (label < 0 || score < 0) {
                throw new IllegalArgumentException(input + ": line 1: the header needs 'label' and 'score' columns, got '"
                        + header + "'");
            }
            if (weight >= 0) {
                d.weights = new double[1024];
            }
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
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
                    throw new IllegalArgumentException(input + ": line " + lineNo + ": label '" + l + "' is not 0 or 1");
                }
                d.scores[d.n] = number(input, lineNo, "score", cells[score]);
                if (!Double.isFinite(d.scores[d.n])) {
                    throw new IllegalArgumentException(input + ": line " + lineNo + ": score '" + cells[score].trim()
                            + "' is not finite");
                }
                if (d.weights != null) {
                    double w = number(input, lineNo, "weight", cells[weight]);
                    if (!(w >= 0) || Double.isInfinite(w)) {
                        throw new IllegalArgumentException(input + ": line " + lineNo + ": weight '" + cells[weight].trim()
                                + "' must be finite and >= 0");
                    }
                    d.weights[d.n] = w;
                }
                d.n++;
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--input: no such file " + input);
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

    private static double number(Path input, int line, String what, String cell) {
        try {
            return Double.parseDouble(cell.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(input + ": line " + line + ": " + what + " '" + cell.trim()
                    + "' is not a number");
        }
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
        out.printf(Locale.ROOT, "%s: %d rows, positives %.6g, negatives %.6g, %d distinct scores%n", input, d.n,
                t.totalPositives(), t.totalNegatives(), t.size());
        out.printf(Locale.ROOT, "ROC AUC %.6f   average precision %.6f%n%n", sweep.rocAuc(), sweep.averagePrecision());
        double[] ts = thresholds != null ? thresholds : new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
        PrecisionRecallTable table = sweep.table(ts);
        out.print(table.toText());
    }
}
