package io.github.hpo4j.search.report;

import io.github.hpo4j.metrics.ci.ConfidenceIntervals;
import io.github.hpo4j.metrics.ci.Interval;
import io.github.hpo4j.metrics.sweep.OperatingPoint;
import io.github.hpo4j.metrics.sweep.PrecisionRecallCurve;
import io.github.hpo4j.metrics.sweep.RocCurve;
import io.github.hpo4j.metrics.sweep.ScoreTable;
import io.github.hpo4j.metrics.sweep.ThresholdSweep;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A threshold page for a binary classifier's scores, as one self-contained HTML file: precision
 * and recall as two separate curves over the threshold, the precision-recall and ROC curves, ROC
 * AUC and average precision with confidence intervals, the operating-point table and the score
 * histogram by class.
 *
 * <pre>{@code
 * SweepReport.builder(scores, labels).title("churn model, March").build().writeTo(Path.of("sweep.html"));
 * }</pre>
 *
 * <p>Intervals: DeLong for the AUC, a class-stratified bootstrap (seeded) for average precision,
 * Wilson for precision and recall at an operating point; all at 95 %. Curves are drawn through at
 * most 400 of their points; the tables and downloads hold exact values. Immutable once built.
 * Stability: evolving.
 */
public final class SweepReport {

    private static final int MAX_CURVE_POINTS = 400;
    private static final int BINS = 30;

    private final double[] scores;
    private final boolean[] labels;
    private final String title;
    private final int replicates;
    private final long seed;

    private SweepReport(Builder b) {
        this.scores = b.scores;
        this.labels = b.labels;
        this.title = b.title;
        this.replicates = b.replicates;
        this.seed = b.seed;
    }

    /**
     * @param scores the model's scores, finite
     * @param labels true for positives, one per score
     * @return a builder
     * @throws IllegalArgumentException if the arrays are null, empty, of different lengths, or a score is not finite
     */
    public static Builder builder(double[] scores, boolean[] labels) {
        return new Builder(scores, labels);
    }

    /** @return the HTML document */
    public String html() {
        ScoreTable table = ScoreTable.of(scores, labels);
        ThresholdSweep sweep = table.sweep();
        Html h = new Html();
        Page.start(h, title, scores.length + " scores · " + (long) table.totalPositives() + " positives · "
                + (long) table.totalNegatives() + " negatives", null);
        h.raw("<main><div id=\"report\">");
        summary(h, table, sweep);
        thresholdCurves(h, sweep);
        h.raw("<section id=\"curves\"><h2>Precision-recall and ROC curves</h2><div class=\"row\">");
        prCurve(h, sweep);
        rocCurve(h, sweep);
        h.raw("</div></section>");
        operatingPoints(h, sweep);
        histogram(h);
        h.raw("</div></main>");
        Page.end(h);
        return h.toString();
    }

    /**
     * Writes the page to a file (UTF-8), replacing it.
     *
     * @param file the file
     * @throws UncheckedIOException if it cannot be written
     */
    public void writeTo(Path file) {
        Page.write(file, html());
    }

    private boolean bothClasses(ScoreTable t) {
        return t.totalPositives() > 0 && t.totalNegatives() > 0;
    }

    private void summary(Html h, ScoreTable table, ThresholdSweep sweep) {
        h.raw("<section id=\"summary\"><h2>Summary</h2>");
        if (!bothClasses(table)) {
            h.raw("<p class=\"banner\">Only one class is present: ROC AUC and the curves that need both are undefined.</p>");
        }
        h.raw("<table id=\"summary-table\"><tr><th class=\"l\">measure</th><th>value</th><th>95 % interval</th><th class=\"l\">method</th></tr>");
        if (bothClasses(table)) {
            // the intervals need two rows of each class; with fewer, the values alone
            boolean intervals = table.totalPositives() >= 2 && table.totalNegatives() >= 2;
            String few = "interval needs at least two rows of each class";
            row(h, "roc-auc", "ROC AUC", sweep.rocAuc(), intervals ? ConfidenceIntervals.deLongAuc(table, 0.95) : null,
                    intervals ? "DeLong" : few);
            row(h, "average-precision", "average precision", sweep.averagePrecision(),
                    intervals ? ConfidenceIntervals.bootstrapAveragePrecision(scores, labels, replicates, 0.95, seed) : null,
                    intervals ? "bootstrap, " + replicates + " class-stratified resamples, seed " + seed : few);
        }
        h.raw("</table></section>");
    }

    private static void row(Html h, String id, String name, double v, Interval ci, String method) {
        h.raw("<tr id=\"").raw(id).raw("\"><td class=\"l\">").text(name).raw("</td><td data-v=\"").text(Html.exact(v))
                .raw("\">").text(Html.cell(v)).raw("</td><td>").text(ci == null ? "—" : Html.cell(ci.lower()) + " – "
                        + Html.cell(ci.upper())).raw("</td><td class=\"l\">").text(method).raw("</td></tr>");
    }

    /** Indices of at most {@link #MAX_CURVE_POINTS} points spread over a curve, ends included. */
    private static int[] thin(int n) {
        if (n <= MAX_CURVE_POINTS) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] out = new int[MAX_CURVE_POINTS];
        for (int i = 0; i < MAX_CURVE_POINTS; i++) {
            out[i] = (int) Math.round(i * (n - 1) / (double) (MAX_CURVE_POINTS - 1));
        }
        return out;
    }

    private void thresholdCurves(Html h, ThresholdSweep sweep) {
        h.raw("<section id=\"threshold\"><h2>Precision and recall over the threshold</h2>");
        h.raw("<p class=\"note\">Two separate curves: a row is predicted positive when its score is at or above the"
                + " threshold.</p><figure>");
        int n = sweep.size();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
        }
        Plot p = new Plot(h, "chart-threshold", 760, 340, Scale.linear(lo, hi), Scale.linear(0, 1), "threshold",
                "precision, recall");
        p.begin();
        int[] idx = thin(n);
        double[] xs = new double[idx.length];
        double[] prec = new double[idx.length];
        double[] rec = new double[idx.length];
        int k = 0;
        StringBuilder csv = new StringBuilder("threshold,precision,recall,true_positives,false_positives,false_positive_rate\n");
        for (int i = 0; i < n; i++) {
            OperatingPoint op = sweep.point(i);
            csv.append(Html.exact(op.threshold())).append(',').append(Html.exact(op.precision())).append(',')
                    .append(Html.exact(op.recall())).append(',').append(Html.exact(op.truePositives())).append(',')
                    .append(Html.exact(op.falsePositives())).append(',').append(Html.exact(op.falsePositiveRate())).append('\n');
        }
        for (int i : idx) {
            OperatingPoint op = sweep.point(i);
            if (Double.isNaN(op.recall())) {
                continue;
            }
            xs[k] = op.threshold();
            prec[k] = op.precision();
            rec[k] = op.recall();
            k++;
        }
        p.line(xs, prec, k, "curve", "#3b6fd1", "precision", false, null);
        p.line(xs, rec, k, "curve", "#d1495b", "recall", false, null);
        for (int i = 0; i < k; i++) {
            String tip = "threshold " + Html.format(xs[i]) + "\nprecision " + Html.format(prec[i]) + "\nrecall "
                    + Html.format(rec[i]);
            h.raw("<circle class=\"pt\" r=\"5\" fill=\"transparent\" cx=\"").coord(p.px(xs[i])).raw("\" cy=\"")
                    .coord(p.py(prec[i])).raw('"').attr("data-tip", tip).raw("/>");
        }
        p.end();
        h.raw("<figcaption><span class=\"legend\"><span><i class=\"sw\" style=\"background:#3b6fd1\"></i>precision</span>"
                + "<span><i class=\"sw\" style=\"background:#d1495b\"></i>recall</span></span>");
        Page.csv(h, "csv-threshold", "threshold.csv", csv);
        h.raw("</figcaption></figure></section>");
    }

    private void prCurve(Html h, ThresholdSweep sweep) {
        PrecisionRecallCurve c = sweep.precisionRecallCurve();
        h.raw("<figure>");
        Plot p = new Plot(h, "chart-pr", 420, 340, Scale.linear(0, 1), Scale.linear(0, 1), "recall", "precision");
        p.begin();
        int[] idx = thin(c.recall().length);
        double[] xs = new double[idx.length];
        double[] ys = new double[idx.length];
        int k = 0;
        for (int i : idx) {
            if (Double.isFinite(c.recall()[i]) && Double.isFinite(c.precision()[i])) {
                xs[k] = c.recall()[i];
                ys[k] = c.precision()[i];
                k++;
            }
        }
        p.line(xs, ys, k, "curve", "#3b6fd1", "precision-recall curve, AP " + Html.format(sweep.averagePrecision()),
                false, null);
        p.end();
        h.raw("<figcaption>Average precision ").text(Html.format(sweep.averagePrecision()))
                .raw("; every point's recall and precision are in the threshold CSV above.</figcaption></figure>");
    }

    private void rocCurve(Html h, ThresholdSweep sweep) {
        if (!bothClasses(sweep.table())) {
            return;
        }
        RocCurve c = sweep.rocCurve();
        h.raw("<figure>");
        Plot p = new Plot(h, "chart-roc", 420, 340, Scale.linear(0, 1), Scale.linear(0, 1), "false positive rate",
                "true positive rate");
        p.begin();
        p.line(new double[] {0, 1}, new double[] {0, 1}, 2, "curve", "#b8c2d6", "chance", false, null);
        int[] idx = thin(c.fpr().length);
        double[] xs = new double[idx.length];
        double[] ys = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            xs[i] = c.fpr()[idx[i]];
            ys[i] = c.tpr()[idx[i]];
        }
        p.line(xs, ys, xs.length, "curve", "#d1495b", "ROC curve, AUC " + Html.format(sweep.rocAuc()), false, null);
        p.end();
        h.raw("<figcaption>ROC AUC ").text(Html.format(sweep.rocAuc()))
                .raw("; every point's false positive rate and recall (true positive rate) are in the threshold CSV above.")
                .raw("</figcaption></figure>");
    }

    private void operatingPoints(Html h, ThresholdSweep sweep) {
        h.raw("<section id=\"operating-points\"><h2>Operating points</h2>");
        h.raw("<table id=\"operating-table\"><tr><th class=\"l\">rule</th><th>threshold</th><th>precision</th>"
                + "<th>95 % interval</th><th>recall</th><th>95 % interval</th><th>TP</th><th>FP</th><th>FN</th></tr>");
        List<Object[]> rules = new ArrayList<>();
        for (double p : new double[] {0.5, 0.8, 0.9, 0.95}) {
            rules.add(new Object[] {"max recall at precision ≥ " + Html.format(p), sweep.maxRecallAtPrecision(p)});
        }
        for (double r : new double[] {0.5, 0.8, 0.9, 0.95}) {
            rules.add(new Object[] {"max precision at recall ≥ " + Html.format(r), sweep.maxPrecisionAtRecall(r)});
        }
        for (double q : new double[] {0.01, 0.05, 0.1}) {
            rules.add(new Object[] {"top " + Html.format(q * 100) + " % of scores", sweep.topFraction(q)});
        }
        for (Object[] rule : rules) {
            @SuppressWarnings("unchecked")
            Optional<OperatingPoint> op = (Optional<OperatingPoint>) rule[1];
            h.raw("<tr><td class=\"l\">").text(rule[0]).raw("</td>");
            if (op.isEmpty()) {
                h.raw("<td colspan=\"8\" class=\"l\">no threshold reaches it</td></tr>");
                continue;
            }
            OperatingPoint o = op.get();
            h.raw("<td data-v=\"").text(Html.exact(o.threshold())).raw("\">").text(Html.cell(o.threshold())).raw("</td>");
            h.raw("<td data-v=\"").text(Html.exact(o.precision())).raw("\">").text(Html.cell(o.precision())).raw("</td>");
            interval(h, o.truePositives() + o.falsePositives() > 0
                    ? ConfidenceIntervals.wilsonPrecision(o, 0.95) : null);
            h.raw("<td data-v=\"").text(Html.exact(o.recall())).raw("\">").text(Html.cell(o.recall())).raw("</td>");
            interval(h, o.truePositives() + o.falseNegatives() > 0 ? ConfidenceIntervals.wilsonRecall(o, 0.95) : null);
            h.raw("<td>").text(Html.cell(o.truePositives())).raw("</td><td>").text(Html.cell(o.falsePositives()))
                    .raw("</td><td>").text(Html.cell(o.falseNegatives())).raw("</td></tr>");
        }
        h.raw("</table></section>");
    }

    private static void interval(Html h, Interval ci) {
        h.raw("<td>");
        if (ci != null) {
            h.text(Html.cell(ci.lower())).raw(" – ").text(Html.cell(ci.upper()));
        }
        h.raw("</td>");
    }

    private void histogram(Html h) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
        }
        double width = hi > lo ? (hi - lo) / BINS : 1;
        long[] pos = new long[BINS];
        long[] neg = new long[BINS];
        for (int i = 0; i < scores.length; i++) {
            int b = hi > lo ? Math.min(BINS - 1, (int) ((scores[i] - lo) / width)) : 0;
            if (labels[i]) {
                pos[b]++;
            } else {
                neg[b]++;
            }
        }
        long max = 1;
        for (int b = 0; b < BINS; b++) {
            max = Math.max(max, Math.max(pos[b], neg[b]));
        }
        h.raw("<section id=\"histogram\"><h2>Scores by class</h2><figure>");
        Plot p = new Plot(h, "chart-histogram", 760, 300, Scale.linear(lo, lo + width * BINS), Scale.linear(0, max),
                "score", "rows");
        p.begin();
        StringBuilder csv = new StringBuilder("bin_low,bin_high,positives,negatives\n");
        for (int b = 0; b < BINS; b++) {
            double x0 = lo + b * width;
            double mid = x0 + width / 2;
            String range = Html.format(x0) + " – " + Html.format(x0 + width);
            if (neg[b] > 0) {
                p.rect(x0 + width * 0.05, mid, 0, neg[b], "bar neg", "#9aa3b2", range + "\nnegatives " + neg[b], null);
            }
            if (pos[b] > 0) {
                p.rect(mid, x0 + width * 0.95, 0, pos[b], "bar pos", "#d1495b", range + "\npositives " + pos[b], null);
            }
            csv.append(Html.exact(x0)).append(',').append(Html.exact(x0 + width)).append(',').append(pos[b]).append(',')
                    .append(neg[b]).append('\n');
        }
        p.end();
        h.raw("<figcaption><span class=\"legend\"><span><i class=\"sw\" style=\"background:#d1495b\"></i>positives</span>"
                + "<span><i class=\"sw\" style=\"background:#9aa3b2\"></i>negatives</span></span>");
        Page.csv(h, "csv-histogram", "histogram.csv", csv);
        h.raw("</figcaption></figure></section>");
    }

    /** Configures a sweep page; every method checks its argument at once. */
    public static final class Builder {
        private final double[] scores;
        private final boolean[] labels;
        private String title = "threshold sweep";
        private int replicates = 200;
        private long seed;

        private Builder(double[] scores, boolean[] labels) {
            if (scores == null || labels == null || scores.length == 0 || scores.length != labels.length) {
                throw new IllegalArgumentException("scores, labels: need the same, non-zero length (got "
                        + (scores == null ? "null" : scores.length) + " and " + (labels == null ? "null" : labels.length) + ")");
            }
            for (int i = 0; i < scores.length; i++) {
                if (!Double.isFinite(scores[i])) {
                    throw new IllegalArgumentException("scores: score " + i + " (" + scores[i] + ") is not finite");
                }
            }
            this.scores = scores.clone();
            this.labels = labels.clone();
        }

        /**
         * @param title the page's title
         * @return this builder
         * @throws IllegalArgumentException if title is blank
         */
        public Builder title(String title) {
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("title: must not be blank (" + title + ")");
            }
            this.title = title;
            return this;
        }

        /**
         * @param replicates bootstrap resamples for the average precision's interval, {@code >= 10} (default 200)
         * @param seed       the resampling's seed (default 0)
         * @return this builder
         * @throws IllegalArgumentException if replicates {@code < 10}
         */
        public Builder bootstrap(int replicates, long seed) {
            if (replicates < 10) {
                throw new IllegalArgumentException("replicates (" + replicates + ") must be >= 10");
            }
            this.replicates = replicates;
            this.seed = seed;
            return this;
        }

        /** @return the page */
        public SweepReport build() {
            return new SweepReport(this);
        }
    }
}
