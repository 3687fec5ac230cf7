package io.github.hpo4j.search.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.space.FloatDistribution;
import io.github.hpo4j.core.space.IntDistribution;
import io.github.hpo4j.core.study.Direction;
import io.github.hpo4j.core.study.Objective;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import io.github.hpo4j.tpe.insights.Analysis;
import io.github.hpo4j.tpe.insights.Insights;
import io.github.hpo4j.tpe.insights.InsightsReport;
import io.github.hpo4j.tpe.insights.ParamAnalysis;
import io.github.hpo4j.tpe.insights.ValueStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Renders a {@link StudyReport}: one method per section, each writing nothing when the study lacks its data. */
final class StudyPage {

    /** What a live (dashboard) page adds. */
    record Live(String statusUrl, String fragmentUrl, String version, String banner) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PARALLEL_AXES = 10;
    private static final int TOP_ROWS = 20;
    /**
     * Past this many trials, marks that repeat what another mark of the same chart shows are left
     * out (the metric lines' dots, the contour's trial dots), to keep big pages quick to open.
     */
    static final int DENSE = 2000;

    private final StudyReport r;
    private final List<TrialRecord> trials;
    private final List<TrialRecord> complete;
    private final List<String> params;
    private final Map<String, Distribution> dists;
    private final List<String> metricNames;
    private final Objective primary;
    private final boolean multi;
    private final int maxNumber;
    private Analysis analysis;
    private boolean analysed;

    StudyPage(StudyReport r) {
        this.r = r;
        this.trials = r.trials.stream().sorted(Comparator.comparingInt(TrialRecord::number)).toList();
        this.complete = trials.stream().filter(t -> t.state() == TrialState.COMPLETE
                && t.values().size() == r.objectives.size()).toList();
        Set<String> ps = new LinkedHashSet<>();
        Map<String, Distribution> ds = new LinkedHashMap<>();
        Set<String> ms = new LinkedHashSet<>();
        for (TrialRecord t : trials) {
            ps.addAll(t.params().keySet());
            ds.putAll(t.distributions());
            ms.addAll(t.metrics().keySet());
        }
        this.params = List.copyOf(ps);
        this.dists = ds;
        this.metricNames = List.copyOf(ms);
        this.primary = r.objectives.get(0);
        this.multi = r.objectives.size() > 1;
        this.maxNumber = trials.isEmpty() ? 0 : trials.get(trials.size() - 1).number();
    }

    // ------------------------------------------------------------------ page

    String document(Live live) {
        Html h = new Html();
        String attrs = live == null ? null
                : " data-live=\"" + Html.escape(live.statusUrl()) + "\" data-fragment=\"" + Html.escape(live.fragmentUrl())
                + "\" data-version=\"" + Html.escape(live.version()) + "\"";
        String sub = r.subtitle != null ? r.subtitle : trials.size() + " trials · " + objectiveText();
        Page.start(h, r.title, sub, attrs);
        if (live != null) {
            h.raw("<nav style=\"background:#1d2330;padding:0 24px 10px\"><a href=\"/\">all studies</a>"
                    + "<span id=\"live-status\" class=\"live\">live</span></nav>");
        }
        h.raw("<main>");
        if (live != null && live.banner() != null) {
            h.raw("<div class=\"banner\" id=\"damage\">").text(live.banner()).raw("</div>");
        }
        body(h);
        h.raw("</main>");
        Page.end(h);
        return h.toString();
    }

    private String objectiveText() {
        StringBuilder b = new StringBuilder();
        for (Objective o : r.objectives) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(o.direction() == Direction.MINIMIZE ? "minimize " : "maximize ").append(o.name());
        }
        return b.toString();
    }

    void body(Html h) {
        h.raw("<div id=\"report\">");
        overview(h);
        if (!complete.isEmpty()) {
            history(h);
            importance(h);
            slices(h);
            contour(h);
            parallel(h);
        }
        intermediate(h);
        if (multi && complete.size() > 0) {
            pareto(h);
        }
        if (!complete.isEmpty()) {
            topConfigurations(h);
        }
        metricsOverTime(h);
        if (!multi && !complete.isEmpty()) {
            insights(h);
        }
        groups(h);
        timeline(h);
        data(h);
        h.raw("</div>");
    }

    /** The ids of the sections in a rendered document, in page order. */
    static List<String> sectionIds(String html) {
        List<String> ids = new ArrayList<>();
        int at = 0;
        while ((at = html.indexOf("<section id=\"", at)) >= 0) {
            at += 13;
            ids.add(html.substring(at, html.indexOf('"', at)));
        }
        return ids;
    }

    private static void section(Html h, String id, String title) {
        h.raw("<section id=\"").raw(id).raw("\"><h2>").text(title).raw("</h2>");
    }

    // ------------------------------------------------------------------ values

    private double goodness(double v, double lo, double hi, Direction d) {
        if (!(hi > lo)) {
            return 1;
        }
        double t = (v - lo) / (hi - lo);
        return d == Direction.MAXIMIZE ? t : 1 - t;
    }

    private double[] range(List<TrialRecord> ts, int objective) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (TrialRecord t : ts) {
            double v = t.values().get(objective);
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new double[] {lo, hi};
    }

    /** [lowest, highest] finite value of a named metric among some trials. */
    private static double[] metricRange(String name, List<TrialRecord> ts) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (TrialRecord t : ts) {
            Double v = t.metrics().get(name);
            if (v != null && Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new double[] {lo, hi};
    }

    /** The axis of a parameter: log for log distributions, bands for categoricals. */
    private Scale paramScale(String p) {
        Distribution d = dists.get(p);
        if (d instanceof CategoricalDistribution c) {
            List<String> names = new ArrayList<>();
            for (Object o : c.choices()) {
                names.add(String.valueOf(o));
            }
            return Scale.bands(names);
        }
        if (d instanceof FloatDistribution f) {
            return f.log() ? Scale.log(f.low(), f.high()) : Scale.linear(f.low(), f.high());
        }
        if (d instanceof IntDistribution i) {
            if (!i.log() && (i.high() - i.low()) / i.step() < 20) {
                return Scale.linear(i.low() - 0.5 * i.step(), i.high() + 0.5 * i.step()); // room for a cell per value
            }
            return i.log() ? Scale.log(i.low(), i.high()) : Scale.linear(i.low(), i.high());
        }
        return Scale.linear(0, 1);
    }

    /** A parameter's value as a number on its axis (a category's index), NaN when absent. */
    private double paramValue(TrialRecord t, String p) {
        Object v = t.params().get(p);
        if (v == null) {
            return Double.NaN;
        }
        Distribution d = dists.get(p);
        if (d instanceof CategoricalDistribution c) {
            int i = c.choices().indexOf(v);
            if (i < 0) {
                String s = String.valueOf(v);
                for (int k = 0; k < c.choices().size(); k++) {
                    if (String.valueOf(c.choices().get(k)).equals(s)) {
                        return k;
                    }
                }
            }
            return i < 0 ? Double.NaN : i;
        }
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private Direction metricDirection(String name) {
        Direction d = r.metricDirections.get(name);
        if (d != null) {
            return d;
        }
        String n = name.toLowerCase(Locale.ROOT);
        for (String lowerBetter : List.of("loss", "error", "rmse", "mae", "mse", "latency", "time")) {
            if (n.contains(lowerBetter)) {
                return Direction.MINIMIZE;
            }
        }
        return Direction.MAXIMIZE;
    }

    private Analysis analysis() {
        if (!analysed) {
            analysed = true;
            if (complete.size() >= 4 && !params.isEmpty()) {
                String metric = objectiveMetricName();
                List<TrialRecord> withMetric = new ArrayList<>(complete.size());
                for (TrialRecord t : complete) {
                    withMetric.add(t.toBuilder().metric(metric, t.values().get(0)).build());
                }
                Insights.Builder b = Insights.builder().metric(metric, primary.direction());
                for (String p : params) {
                    // a continuous parameter (more than 10 distinct numbers) is scored in 5 equal-count bins
                    Set<Object> distinct = new java.util.HashSet<>();
                    for (TrialRecord t : complete) {
                        Object v = t.params().get(p);
                        if (v != null) {
                            distinct.add(v);
                        }
                    }
                    if (!(dists.get(p) instanceof CategoricalDistribution) && distinct.size() > 10) {
                        b.mapper(p, io.github.hpo4j.tpe.insights.ValueMapper.quantileBins(5));
                    }
                }
                Set<String> known = new LinkedHashSet<>(params);
                r.categories.forEach((cat, ps) -> {
                    String[] in = ps.stream().filter(known::contains).toArray(String[]::new);
                    if (in.length > 0) {
                        b.category(cat, in);
                    }
                });
                try {
                    analysis = b.build().analyze(withMetric);
                } catch (IllegalArgumentException e) {
                    analysis = null; // e.g. values that are all equal: no good/bad split to score
                }
            }
        }
        return analysis;
    }

    private String objectiveMetricName() {
        return metricNames.contains(primary.name()) ? "objective:" + primary.name() : primary.name();
    }

    // ------------------------------------------------------------------ sections

    private void overview(Html h) {
        section(h, "overview", "Overview");
        Map<TrialState, Integer> byState = new EnumMap<>(TrialState.class);
        for (TrialRecord t : trials) {
            byState.merge(t.state(), 1, Integer::sum);
        }
        h.raw("<div><span class=\"kpi\">trials<b id=\"kpi-trials\">").num(trials.size()).raw("</b></span>");
        for (TrialState s : TrialState.values()) {
            if (byState.containsKey(s)) {
                h.raw("<span class=\"kpi\">").text(s.name().toLowerCase(Locale.ROOT)).raw("<b id=\"kpi-")
                        .text(s.name().toLowerCase(Locale.ROOT)).raw("\">").num(byState.get(s)).raw("</b></span>");
            }
        }
        Instant first = null;
        Instant last = null;
        for (TrialRecord t : trials) {
            if (t.start().isPresent() && (first == null || t.start().get().isBefore(first))) {
                first = t.start().get();
            }
            Instant end = t.complete().orElse(t.start().orElse(null));
            if (end != null && (last == null || end.isAfter(last))) {
                last = end;
            }
        }
        if (first != null && last != null) {
            Duration elapsed = Duration.between(first, last);
            double hours = elapsed.toMillis() / 3.6e6;
            h.raw("<span class=\"kpi\">elapsed<b id=\"kpi-elapsed\">").text(duration(elapsed)).raw("</b></span>");
            if (elapsed.toSeconds() >= 60) {
                h.raw("<span class=\"kpi\">trials per hour<b id=\"kpi-rate\">")
                        .text(Html.format(Math.round(trials.size() / hours * 10) / 10.0)).raw("</b></span>");
            } else if (hours > 0) {
                h.raw("<span class=\"kpi\">trials per second<b id=\"kpi-rate\">")
                        .text(Html.format(Math.round(trials.size() / (hours * 3600) * 10) / 10.0)).raw("</b></span>");
            }
        }
        h.raw("</div>");
        if (complete.isEmpty()) {
            h.raw("<p class=\"note\">No trial has completed yet.</p></section>");
            return;
        }
        List<TrialRecord> best = multi ? front(complete) : List.of(bestOf(complete));
        if (!multi) {
            TrialRecord b = best.get(0);
            h.raw("<p>Best ").text(primary.name()).raw(": <b id=\"best-value\">").text(Html.exact(b.values().get(0)))
                    .raw("</b> (trial <span id=\"best-trial\">").num(b.number()).raw("</span>)");
            baseline(h, b);
            h.raw("</p>");
        } else {
            h.raw("<p><b id=\"front-size\">").num(best.size()).raw("</b> trials on the Pareto front (").text(objectiveText())
                    .raw(").</p>");
        }
        h.raw("<h3>Best configuration").raw(multi ? "s" : "").raw(" (JSON, as <code>apply best</code> takes it)</h3>");
        StringBuilder json = new StringBuilder();
        try {
            if (multi) {
                List<Map<String, Object>> all = new ArrayList<>();
                for (TrialRecord t : best) {
                    all.add(t.params());
                }
                json.append(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
            } else {
                json.append(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(best.get(0).params()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        h.raw("<pre id=\"best-config\">").text(json).raw("</pre><button type=\"button\" data-copy=\"best-config\">Copy</button>");
        h.raw("</section>");
    }

    private void baseline(Html h, TrialRecord best) {
        TrialRecord base = null;
        for (TrialRecord t : complete) {
            if (r.baseline != null ? t.number() == r.baseline
                    : Boolean.TRUE.equals(t.attributes().get("baseline")) || "true".equals(t.attributes().get("baseline"))) {
                base = t;
                break;
            }
        }
        if (base == null) {
            return;
        }
        double b = base.values().get(0);
        double v = best.values().get(0);
        double gain = primary.direction() == Direction.MINIMIZE ? b - v : v - b;
        h.raw("; baseline (trial ").num(base.number()).raw(") ").text(Html.format(b)).raw(": <b id=\"improvement\">")
                .text(b != 0 ? Html.format(Math.round(gain / Math.abs(b) * 1000) / 10.0) + " %" : Html.format(gain))
                .raw("</b> better");
    }

    private static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return Html.format(d.toMillis() / 1000.0) + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    private TrialRecord bestOf(List<TrialRecord> ts) {
        TrialRecord best = null;
        for (TrialRecord t : ts) {
            double v = t.values().get(0);
            if (Double.isNaN(v)) {
                continue;
            }
            if (best == null || primary.direction().isBetter(v, best.values().get(0))) {
                best = t;
            }
        }
        return best == null ? ts.get(0) : best;
    }

    private void history(Html h) {
        section(h, "history", "Optimization history");
        h.raw("<div class=\"row\">");
        for (int k = 0; k < Math.min(3, r.objectives.size()); k++) {
            Objective o = r.objectives.get(k);
            double[] rg = range(complete, k);
            for (TrialRecord t : trials) {
                if (t.state() == TrialState.PRUNED && t.values().size() > k && Double.isFinite(t.values().get(k))) {
                    rg[0] = Math.min(rg[0], t.values().get(k));
                    rg[1] = Math.max(rg[1], t.values().get(k));
                }
            }
            Scale y = Scale.auto(rg[0], rg[1]);
            Plot p = new Plot(h, "chart-history" + (k == 0 ? "" : "-" + k), 680, 320, Scale.linear(0, maxNumber), y,
                    "trial", o.name() + (y instanceof Scale.Log ? " (log scale)" : ""));
            h.raw("<figure>");
            p.begin();
            StringBuilder csv = new StringBuilder("trial,state,").append(Page.field(o.name()));
            if (!multi) {
                csv.append(",best_so_far");
            }
            csv.append('\n');
            double[] bx = new double[complete.size() * 2];
            double[] by = new double[complete.size() * 2];
            int nb = 0;
            double best = Double.NaN;
            for (TrialRecord t : trials) {
                if (t.state() == TrialState.COMPLETE && t.values().size() > k) {
                    double v = t.values().get(k);
                    if (!Double.isFinite(v)) {
                        continue;
                    }
                    p.dot(t.number(), v, "complete", null, t.number());
                    if (!multi) {
                        if (Double.isNaN(best) || o.direction().isBetter(v, best)) {
                            if (nb > 0) {
                                bx[nb] = t.number();
                                by[nb] = best;
                                nb++;
                            }
                            best = v;
                        }
                        bx[nb] = t.number();
                        by[nb] = best;
                        nb++;
                    }
                    csv.append(t.number()).append(",COMPLETE,").append(Html.exact(v));
                    if (!multi) {
                        csv.append(',').append(Html.exact(best));
                    }
                    csv.append('\n');
                } else if (t.state() == TrialState.PRUNED && t.values().size() > k && Double.isFinite(t.values().get(k))) {
                    p.cross(p.px(t.number()), p.py(t.values().get(k)), "pruned", t.number());
                    csv.append(t.number()).append(",PRUNED,").append(Html.exact(t.values().get(k))).append(multi ? "\n" : ",\n");
                } else if (t.state() == TrialState.FAIL || t.state() == TrialState.PRUNED) {
                    String cls = t.state() == TrialState.FAIL ? "fail" : "pruned";
                    p.cross(p.px(t.number()), 320 - Plot.BOTTOM - 5, cls, t.number());
                    csv.append(t.number()).append(',').append(t.state()).append(multi ? ",\n" : ",,\n");
                }
            }
            if (!multi && nb > 0) {
                bx[nb] = maxNumber;
                by[nb] = best;
                nb++;
                h.raw("<g id=\"best-so-far\">");
                p.line(bx, by, nb, "best", null, "best so far", false, null);
                h.raw("</g>");
            }
            p.end();
            h.raw("<figcaption><span class=\"legend\"><span><i class=\"sw\" style=\"background:#3b6fd1\"></i>complete</span>"
                    + "<span><i class=\"sw\" style=\"background:#e08a00\"></i>pruned (×)</span>"
                    + "<span><i class=\"sw\" style=\"background:#c62828\"></i>failed (× on the axis)</span>")
                    .raw(multi ? "" : "<span><i class=\"sw\" style=\"background:#d1495b\"></i>best so far</span>").raw("</span> ");
            Page.csv(h, "csv-history-" + k, "history-" + o.name() + ".csv", csv);
            h.raw("</figcaption></figure>");
        }
        h.raw("</div></section>");
    }

    private void importance(Html h) {
        Analysis a = analysis();
        if (a == null) {
            return;
        }
        List<Analysis.ParamImportance> imp = a.importance();
        section(h, "importance", "Parameter importance");
        h.raw("<p class=\"note\" id=\"importance-method\">hpo4j insights importance: bias-corrected χ² of the good/bad split"
                + " (Cramér's V², 0 = no link, 1 = decides it), good = the best 30 % by ").text(primary.name())
                .raw("; numeric parameters with more than 10 values in 5 equal-count bins.</p>");
        double max = 0;
        for (Analysis.ParamImportance pi : imp) {
            max = Math.max(max, pi.importance());
        }
        int height = 40 + 24 * imp.size();
        List<String> names = imp.stream().map(Analysis.ParamImportance::param).toList();
        Plot p = new Plot(h, "chart-importance", 680, Math.max(120, height), Scale.linear(0, Math.max(max, 1e-3)),
                Scale.bands(reverse(names)), "importance", "parameter");
        h.raw("<div class=\"row\"><figure>");
        p.begin();
        for (int i = 0; i < imp.size(); i++) {
            Analysis.ParamImportance pi = imp.get(i);
            int band = names.size() - 1 - i;
            p.rect(0, Math.max(pi.importance(), 0), band - 0.35, band + 0.35, "bar", null,
                    pi.param() + ": " + Html.format(pi.importance()) + " over " + pi.values() + " values", null);
        }
        p.end();
        h.raw("</figure><table id=\"importance-table\"><tr><th class=\"l\">parameter</th><th>importance</th><th>values</th></tr>");
        for (Analysis.ParamImportance pi : imp) {
            h.raw("<tr><td class=\"l\">").text(pi.param()).raw("</td><td>").text(Html.format(pi.importance()))
                    .raw("</td><td>").num(pi.values()).raw("</td></tr>");
        }
        h.raw("</table></div></section>");
    }

    private static List<String> reverse(List<String> xs) {
        List<String> out = new ArrayList<>(xs);
        java.util.Collections.reverse(out);
        return out;
    }

    private void slices(Html h) {
        if (params.isEmpty()) {
            return;
        }
        section(h, "slices", "Slices: " + primary.name() + " against each parameter");
        double[] rg = range(complete, 0);
        Scale y = Scale.auto(rg[0], rg[1]);
        h.raw("<p class=\"note\">Colour: trial number (dark = early, bright = late). Log axes for log parameters.</p>");
        h.raw("<div class=\"row\">");
        for (int i = 0; i < params.size(); i++) {
            String name = params.get(i);
            Scale x = paramScale(name);
            Plot p = new Plot(h, "chart-slice-" + i, 340, 250, x, y,
                    name + (x instanceof Scale.Log ? " (log)" : ""), primary.name());
            h.raw("<figure>");
            p.begin();
            for (TrialRecord t : complete) {
                double v = paramValue(t, name);
                double o = t.values().get(0);
                if (Double.isNaN(v) || !Double.isFinite(o)) {
                    continue;
                }
                p.dot(v, o, "", Colors.ramp(maxNumber == 0 ? 1 : t.number() / (double) maxNumber), t.number());
            }
            p.end();
            h.raw("<figcaption>");
            Page.csvFromTrials(h, "csv-slice-" + i, "slice-" + i + ".csv", List.of("n", "p:" + name, "v0"),
                    List.of("trial", name, primary.name()));
            h.raw("</figcaption></figure>");
        }
        h.raw("</div></section>");
    }

    private void contour(Html h) {
        if (params.size() < 2 || complete.size() < 5) {
            return;
        }
        List<String> pair = new ArrayList<>();
        Analysis a = analysis();
        if (a != null) {
            for (Analysis.ParamImportance pi : a.importance()) {
                if (dists.containsKey(pi.param()) && pair.size() < 2) {
                    pair.add(pi.param());
                }
            }
        }
        for (String p : params) {
            if (pair.size() < 2 && !pair.contains(p)) {
                pair.add(p);
            }
        }
        String px = pair.get(0);
        String py = pair.get(1);
        Scale sx = paramScale(px);
        Scale sy = paramScale(py);
        double[] bx = boundaries(px, sx);
        double[] by = boundaries(py, sy);
        int nx = bx.length - 1;
        int ny = by.length - 1;
        double[][] sum = new double[nx][ny];
        int[][] cnt = new int[nx][ny];
        List<TrialRecord> both = new ArrayList<>();
        for (TrialRecord t : complete) {
            double vx = paramValue(t, px);
            double vy = paramValue(t, py);
            double o = t.values().get(0);
            if (Double.isNaN(vx) || Double.isNaN(vy) || !Double.isFinite(o)) {
                continue;
            }
            both.add(t);
            int cx = cell(bx, vx);
            int cy = cell(by, vy);
            sum[cx][cy] += o;
            cnt[cx][cy]++;
        }
        if (both.size() < 5) {
            return;
        }
        section(h, "contour", "Interaction of the two most important parameters");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                if (cnt[i][j] > 0) {
                    double m = sum[i][j] / cnt[i][j];
                    lo = Math.min(lo, m);
                    hi = Math.max(hi, m);
                }
            }
        }
        h.raw("<p class=\"note\">Cells: mean ").text(primary.name()).raw(" of the trials in them (bright = better);")
                .raw(trials.size() <= DENSE ? " dots: trials." : " (trials not drawn one by one past " + DENSE + ").").raw(" Axes: <b>").text(px).raw("</b> and <b>").text(py).raw("</b>.</p><div class=\"row\"><figure>");
        Plot p = new Plot(h, "chart-contour", 560, 440, sx, sy, px, py);
        p.begin();
        StringBuilder csv = new StringBuilder("cell_x,cell_y,trials,mean\n");
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                if (cnt[i][j] == 0) {
                    continue;
                }
                double m = sum[i][j] / cnt[i][j];
                h.raw("<rect class=\"cell\" fill=\"").raw(Colors.ramp(goodness(m, lo, hi, primary.direction())))
                        .raw("\" opacity=\"0.8\"");
                h.attr("data-tip", "mean " + primary.name() + " " + Html.format(m) + " over " + cnt[i][j] + " trials");
                double x0 = p.px(bx[i]);
                double x1 = p.px(bx[i + 1]);
                double y0 = p.py(by[j + 1]);
                double y1 = p.py(by[j]);
                h.raw(" x=\"").coord(x0).raw("\" y=\"").coord(y0).raw("\" width=\"").coord(x1 - x0).raw("\" height=\"")
                        .coord(y1 - y0).raw("\"/>");
                csv.append(i).append(',').append(j).append(',').append(cnt[i][j]).append(',').append(Html.exact(m)).append('\n');
            }
        }
        for (int i = 0; i < both.size() && trials.size() <= DENSE; i++) {
            TrialRecord t = both.get(i);
            p.dot(paramValue(t, px), paramValue(t, py), "", "#ffffff", t.number());
        }
        p.end();
        h.raw("<figcaption>");
        Page.csv(h, "csv-contour", "contour.csv", csv);
        h.raw("</figcaption></figure></div></section>");
    }

    /**
     * The cell edges of a parameter's axis: a cell per category, per integer when there are at
     * most 20, else 10 equal parts of its range (equal on the log scale for log parameters).
     */
    private double[] boundaries(String param, Scale s) {
        if (s instanceof Scale.Bands b) {
            double[] out = new double[b.names().size() + 1];
            for (int i = 0; i < out.length; i++) {
                out[i] = i - 0.5;
            }
            return out;
        }
        Distribution d = dists.get(param);
        double lo;
        double hi;
        boolean log;
        if (d instanceof IntDistribution i) {
            if (!i.log() && (i.high() - i.low()) / i.step() < 20) {
                int n = (i.high() - i.low()) / i.step() + 1;
                double[] out = new double[n + 1];
                for (int k = 0; k <= n; k++) {
                    out[k] = i.low() + (k - 0.5) * i.step();
                }
                return out;
            }
            lo = i.low();
            hi = i.high();
            log = i.log();
        } else if (d instanceof FloatDistribution f) {
            lo = f.low();
            hi = f.high();
            log = f.log();
        } else {
            lo = 0;
            hi = 1;
            log = false;
        }
        double[] out = new double[11];
        for (int k = 0; k <= 10; k++) {
            out[k] = log ? lo * Math.pow(hi / lo, k / 10.0) : lo + (hi - lo) * k / 10.0;
        }
        return out;
    }

    /** The cell that holds a value: the last edge at or below it, clamped to the grid. */
    private static int cell(double[] edges, double v) {
        int c = 0;
        while (c + 2 < edges.length && v >= edges[c + 1]) {
            c++;
        }
        return c;
    }

    private void parallel(Html h) {
        if (params.isEmpty()) {
            return;
        }
        List<String> axes = new ArrayList<>();
        Analysis a = analysis();
        if (a != null) {
            for (Analysis.ParamImportance pi : a.importance()) {
                if (dists.containsKey(pi.param())) {
                    axes.add(pi.param());
                }
            }
        }
        for (String p : params) {
            if (!axes.contains(p)) {
                axes.add(p);
            }
        }
        if (axes.size() > MAX_PARALLEL_AXES) {
            axes = axes.subList(0, MAX_PARALLEL_AXES);
        }
        List<Scale> scales = new ArrayList<>();
        for (String p : axes) {
            scales.add(paramScale(p));
        }
        double[] rg = range(complete, 0);
        Scale objScale = Scale.auto(rg[0], rg[1]);
        section(h, "parallel", "Parallel coordinates");
        h.raw("<p class=\"note\">One line per completed trial that has every parameter shown");
        if (params.size() > axes.size()) {
            h.raw(" (the ").num(axes.size()).raw(" most important of ").num(params.size()).raw(" parameters)");
        }
        h.raw("; colour: ").text(primary.name()).raw(" (bright = better).</p>");
        int width = Math.max(560, 110 * (axes.size() + 1) + 40);
        int height = 360;
        int top = 34;
        int bottom = height - 30;
        double[] xs = new double[axes.size() + 1];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 50 + i * (width - 100.0) / Math.max(1, xs.length - 1);
        }
        h.raw("<figure><svg id=\"chart-parallel\" class=\"chart\" viewBox=\"0 0 ").num(width).raw(' ').num(height)
                .raw("\" width=\"").num(width).raw("\" height=\"").num(height).raw("\" role=\"img\" aria-label=\"parallel coordinates\">");
        double[] ys = new double[xs.length];
        for (TrialRecord t : complete) {
            double o = t.values().get(0);
            if (!Double.isFinite(o)) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < axes.size() && all; i++) {
                double v = paramValue(t, axes.get(i));
                all = !Double.isNaN(v);
                ys[i] = bottom - scales.get(i).fraction(v) * (bottom - top);
            }
            if (!all) {
                continue;
            }
            ys[axes.size()] = bottom - objScale.fraction(o) * (bottom - top);
            h.raw("<polyline class=\"pc m\" data-t=\"").num(t.number()).raw("\" stroke=\"")
                    .raw(Colors.ramp(goodness(o, rg[0], rg[1], primary.direction()))).raw("\" points=\"");
            for (int i = 0; i < xs.length; i++) {
                if (i > 0) {
                    h.raw(' ');
                }
                h.coord(xs[i]).raw(',').coord(ys[i]);
            }
            h.raw("\"/>");

        }
        for (int i = 0; i < xs.length; i++) {
            Scale s = i < axes.size() ? scales.get(i) : objScale;
            String name = i < axes.size() ? axes.get(i) : primary.name();
            h.raw("<g class=\"axis\"><line class=\"frame\" stroke=\"#9aa3b2\" x1=\"").coord(xs[i]).raw("\" x2=\"").coord(xs[i])
                    .raw("\" y1=\"").coord(top).raw("\" y2=\"").coord(bottom).raw("\"/>");
            h.raw("<text class=\"title\" x=\"").coord(xs[i]).raw("\" y=\"14\" text-anchor=\"middle\">").text(name).raw("</text>");
            for (Scale.Tick tk : s.ticks()) {
                double f = s.fraction(tk.value());
                if (f < -0.01 || f > 1.01) {
                    continue;
                }
                h.raw("<text x=\"").coord(xs[i] + 4).raw("\" y=\"").coord(bottom - f * (bottom - top) + 3).raw("\">")
                        .text(tk.label()).raw("</text>");
            }
            h.raw("</g>");
        }
        h.raw("</svg><figcaption>");
        List<String> cols = new ArrayList<>(List.of("n"));
        List<String> header = new ArrayList<>(List.of("trial"));
        for (String p : axes) {
            cols.add("p:" + p);
            header.add(p);
        }
        cols.add("v0");
        header.add(primary.name());
        Page.csvFromTrials(h, "csv-parallel", "parallel.csv", cols, header);
        h.raw("</figcaption></figure></section>");
    }

    private void intermediate(Html h) {
        List<TrialRecord> curves = trials.stream().filter(t -> !t.intermediateValues().isEmpty()).toList();
        if (curves.isEmpty()) {
            return;
        }
        int maxStep = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (TrialRecord t : curves) {
            maxStep = Math.max(maxStep, t.intermediateValues().lastKey());
            for (double v : t.intermediateValues().values()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        section(h, "intermediate", "Intermediate values (learning curves)");
        h.raw("<p class=\"note\">One line per trial; × marks where a pruned trial stopped.</p><figure>");
        Scale y = Scale.auto(lo, hi);
        Plot p = new Plot(h, "chart-intermediate", 680, 320, Scale.linear(0, maxStep), y, "step", "intermediate value");
        p.begin();
        StringBuilder csv = new StringBuilder("trial,state,step,value\n");
        for (TrialRecord t : curves) {
            int n = t.intermediateValues().size();
            double[] xs = new double[n];
            double[] ys = new double[n];
            int k = 0;
            for (Map.Entry<Integer, Double> e : t.intermediateValues().entrySet()) {
                if (!Double.isFinite(e.getValue())) {
                    continue;
                }
                xs[k] = e.getKey();
                ys[k] = e.getValue();
                k++;
                csv.append(t.number()).append(',').append(t.state()).append(',').append(e.getKey()).append(',')
                        .append(Html.exact(e.getValue())).append('\n');
            }
            p.line(xs, ys, k, "lc m", null, null, false, t.number());
            if (t.state() == TrialState.PRUNED && k > 0) {
                p.cross(p.px(xs[k - 1]), p.py(ys[k - 1]), "pruned stop", t.number());
            }
        }
        p.end();
        h.raw("<figcaption>");
        Page.csv(h, "csv-intermediate", "intermediate.csv", csv);
        h.raw("</figcaption></figure></section>");
    }

    private List<TrialRecord> front(List<TrialRecord> ts) {
        List<TrialRecord> out = new ArrayList<>();
        for (TrialRecord a : ts) {
            boolean dominated = false;
            for (TrialRecord b : ts) {
                if (a != b && dominates(b, a)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                out.add(a);
            }
        }
        return out;
    }

    private boolean dominates(TrialRecord a, TrialRecord b) {
        boolean strictly = false;
        for (int k = 0; k < r.objectives.size(); k++) {
            double x = r.objectives.get(k).direction().toMinimized(a.values().get(k));
            double y = r.objectives.get(k).direction().toMinimized(b.values().get(k));
            if (x > y) {
                return false;
            }
            strictly |= x < y;
        }
        return strictly;
    }

    private void pareto(Html h) {
        List<TrialRecord> front = front(complete);
        Set<Integer> onFront = new java.util.HashSet<>();
        front.forEach(t -> onFront.add(t.number()));
        section(h, "pareto", "Pareto front");
        h.raw("<p class=\"note\">In red: the ").num(front.size()).raw(" trials no other trial beats on every objective.</p>");
        h.raw("<div class=\"row\">");
        int m = r.objectives.size();
        int shown = 0;
        for (int i = 0; i < m && shown < 6; i++) {
            for (int j = i + 1; j < m && shown < 6; j++, shown++) {
                double[] ri = range(complete, i);
                double[] rj = range(complete, j);
                Plot p = new Plot(h, "chart-pareto-" + i + "-" + j, m == 2 ? 560 : 380, m == 2 ? 400 : 300,
                        Scale.linear(ri[0], ri[1]), Scale.linear(rj[0], rj[1]), r.objectives.get(i).name(),
                        r.objectives.get(j).name());
                h.raw("<figure>");
                p.begin();
                for (TrialRecord t : complete) {
                    if (!onFront.contains(t.number())) {
                        p.dot(t.values().get(i), t.values().get(j), "", "#b8c2d6", t.number());
                    }
                }
                if (m == 2) {
                    List<TrialRecord> sorted = front.stream().sorted(Comparator.comparingDouble(t -> t.values().get(0))).toList();
                    double[] xs = new double[sorted.size()];
                    double[] ys = new double[sorted.size()];
                    for (int k = 0; k < xs.length; k++) {
                        xs[k] = sorted.get(k).values().get(0);
                        ys[k] = sorted.get(k).values().get(1);
                    }
                    p.line(xs, ys, xs.length, "curve", "#d1495b", "Pareto front", false, null);
                }
                for (TrialRecord t : front) {
                    p.dot(t.values().get(i), t.values().get(j), "front", "#d1495b", t.number());
                }
                p.end();
                h.raw("<figcaption>");
                StringBuilder csv = new StringBuilder("trial,").append(Page.field(r.objectives.get(i).name())).append(',')
                        .append(Page.field(r.objectives.get(j).name())).append(",on_front\n");
                for (TrialRecord t : complete) {
                    csv.append(t.number()).append(',').append(Html.exact(t.values().get(i))).append(',')
                            .append(Html.exact(t.values().get(j))).append(',').append(onFront.contains(t.number())).append('\n');
                }
                Page.csv(h, "csv-pareto-" + i + "-" + j, "pareto-" + i + "-" + j + ".csv", csv);
                h.raw("</figcaption></figure>");
            }
        }
        h.raw("</div></section>");
    }

    private void topConfigurations(Html h) {
        List<TrialRecord> sorted = new ArrayList<>(complete);
        sorted.removeIf(t -> Double.isNaN(t.values().get(0)));
        sorted.sort((a, b) -> Double.compare(primary.direction().toMinimized(a.values().get(0)),
                primary.direction().toMinimized(b.values().get(0))));
        List<TrialRecord> top = sorted.subList(0, Math.min(TOP_ROWS, sorted.size()));
        section(h, "top", "Top configurations");
        h.raw("<p class=\"note\">The best ").num(top.size()).raw(" by ").text(primary.name())
                .raw("; each metric's cells coloured in its own direction (green = better), over all completed trials.</p>");
        h.raw("<table id=\"top-table\"><tr><th>trial</th>");
        for (Objective o : r.objectives) {
            h.raw("<th>").text(o.name()).raw(o.direction() == Direction.MINIMIZE ? " ↓" : " ↑").raw("</th>");
        }
        for (String mName : metricNames) {
            h.raw("<th>").text(mName).raw(metricDirection(mName) == Direction.MINIMIZE ? " ↓" : " ↑").raw("</th>");
        }
        for (String p : params) {
            h.raw("<th class=\"l\">").text(p).raw("</th>");
        }
        h.raw("</tr>");
        double[][] objRanges = new double[r.objectives.size()][];
        for (int k = 0; k < objRanges.length; k++) {
            objRanges[k] = range(complete, k);
        }
        Map<String, double[]> metricRanges = new LinkedHashMap<>();
        for (String mName : metricNames) {
            metricRanges.put(mName, metricRange(mName, complete));
        }
        for (TrialRecord t : top) {
            h.raw("<tr data-t=\"").num(t.number()).raw("\"><td>").num(t.number()).raw("</td>");
            for (int k = 0; k < r.objectives.size(); k++) {
                double v = t.values().get(k);
                h.raw("<td style=\"background:").raw(Colors.heat(goodness(v, objRanges[k][0], objRanges[k][1],
                        r.objectives.get(k).direction()))).raw("\" data-v=\"").text(Html.exact(v)).raw("\">")
                        .text(Html.cell(v)).raw("</td>");
            }
            for (String mName : metricNames) {
                Double v = t.metrics().get(mName);
                if (v == null) {
                    h.raw("<td></td>");
                    continue;
                }
                double[] rg = metricRanges.get(mName);
                h.raw("<td style=\"background:").raw(Colors.heat(goodness(v, rg[0], rg[1], metricDirection(mName))))
                        .raw("\" data-v=\"").text(Html.exact(v)).raw("\">").text(Html.cell(v)).raw("</td>");
            }
            for (String p : params) {
                Object v = t.params().get(p);
                h.raw("<td class=\"l\">").text(v == null ? "" : v instanceof Double d ? Html.format(d) : v).raw("</td>");
            }
            h.raw("</tr>");
        }
        h.raw("</table></section>");
    }

    private void metricsOverTime(Html h) {
        if (metricNames.isEmpty()) {
            return;
        }
        List<String> shown = metricNames.subList(0, Math.min(6, metricNames.size()));
        double[][] ranges = new double[shown.size()][];
        for (int i = 0; i < shown.size(); i++) {
            ranges[i] = metricRange(shown.get(i), trials);
        }
        // a metric goes on the right axis when its spread differs from the first's by more than 10x
        boolean[] right = new boolean[shown.size()];
        double firstSpread = spread(ranges[0]);
        boolean anyRight = false;
        for (int i = 1; i < shown.size(); i++) {
            double s = spread(ranges[i]);
            right[i] = firstSpread > 0 && s > 0 && (s / firstSpread > 10 || firstSpread / s > 10);
            anyRight |= right[i];
        }
        double llo = Double.POSITIVE_INFINITY;
        double lhi = Double.NEGATIVE_INFINITY;
        double rlo = Double.POSITIVE_INFINITY;
        double rhi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < shown.size(); i++) {
            if (right[i]) {
                rlo = Math.min(rlo, ranges[i][0]);
                rhi = Math.max(rhi, ranges[i][1]);
            } else {
                llo = Math.min(llo, ranges[i][0]);
                lhi = Math.max(lhi, ranges[i][1]);
            }
        }
        section(h, "metrics", "Named metrics over time");
        if (trials.size() > DENSE) {
            h.raw("<p class=\"note\">Lines only past ").num(DENSE).raw(" trials; the download holds every value.</p>");
        }
        String[] colors = Page.SERIES;
        StringBuilder leftTitle = new StringBuilder();
        StringBuilder rightTitle = new StringBuilder();
        for (int i = 0; i < shown.size(); i++) {
            StringBuilder b = right[i] ? rightTitle : leftTitle;
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(shown.get(i));
        }
        Plot p = new Plot(h, "chart-metrics", 760, 320, Scale.linear(0, maxNumber), Scale.linear(llo, lhi), "trial",
                leftTitle.toString());
        if (anyRight) {
            p.secondAxis(Scale.linear(rlo, rhi), rightTitle.toString());
        }
        h.raw("<figure>");
        p.begin();
        StringBuilder csv = new StringBuilder("trial");
        for (String s : shown) {
            csv.append(',').append(Page.field(s));
        }
        csv.append('\n');
        for (int i = 0; i < shown.size(); i++) {
            String name = shown.get(i);
            double[] xs = new double[trials.size()];
            double[] ys = new double[trials.size()];
            int n = 0;
            for (TrialRecord t : trials) {
                Double v = t.metrics().get(name);
                if (v != null && Double.isFinite(v)) {
                    xs[n] = t.number();
                    ys[n] = v;
                    n++;
                }
            }
            p.line(xs, ys, n, "curve", colors[i % colors.length], name, right[i], null);
            for (int k = 0; k < n && trials.size() <= DENSE; k++) {
                double cy = right[i] ? p.py2(ys[k]) : p.py(ys[k]);
                h.raw("<circle class=\"m k").num(i % colors.length).raw("\" data-t=\"").num(xs[k]).raw("\" cx=\"")
                        .coord(p.px(xs[k])).raw("\" cy=\"").coord(cy).raw("\"/>");
            }
        }
        for (TrialRecord t : trials) {
            if (t.metrics().isEmpty()) {
                continue;
            }
            csv.append(t.number());
            for (String s : shown) {
                Double v = t.metrics().get(s);
                csv.append(',').append(v == null ? "" : Html.exact(v));
            }
            csv.append('\n');
        }
        p.end();
        h.raw("<figcaption><span class=\"legend\">");
        for (int i = 0; i < shown.size(); i++) {
            h.raw("<span><i class=\"sw\" style=\"background:").raw(colors[i % colors.length]).raw("\"></i>").text(shown.get(i))
                    .raw(right[i] ? " (right axis)" : anyRight ? " (left axis)" : "").raw("</span>");
        }
        h.raw("</span>");
        Page.csv(h, "csv-metrics", "metrics.csv", csv);
        h.raw("</figcaption></figure></section>");
    }

    private static double spread(double[] range) {
        return Math.max(Math.abs(range[0]), Math.abs(range[1]));
    }

    private void insights(Html h) {
        Analysis a = analysis();
        if (a == null) {
            return;
        }
        InsightsReport rep = a.report();
        section(h, "insights", "Insights: which values go with good results");
        h.raw("<p class=\"legend note\">Score: TPE's p(good)/p(bad) with Laplace smoothing (1 = neutral, above 1 = found"
                + " more among the good trials); good = ").text(primary.direction() == Direction.MINIMIZE ? "≤ " : "≥ ")
                .text(Html.format(rep.goodThreshold())).raw(" (").num(rep.goodExperiments()).raw(" of ")
                .num(rep.totalExperiments()).raw(" trials). <span class=\"low\" style=\"display:inline\">Faded rows</span>:"
                        + " low confidence (few trials).</p>");
        Map<String, List<Analysis.SweetSpot>> spots = a.sweetSpots(Math.max(1, Math.min(20, complete.size() / 5)));
        Map<String, Analysis.Gap> gaps = new LinkedHashMap<>();
        for (Analysis.Gap g : a.gaps()) {
            gaps.put(g.param(), g);
        }
        for (Map.Entry<String, List<ParamAnalysis>> cat : rep.analysis().entrySet()) {
            h.raw("<h3>").text(cat.getKey()).raw("</h3><div class=\"cards\">");
            for (ParamAnalysis pa : cat.getValue()) {
                double maxScore = 0;
                for (ValueStats v : pa.values()) {
                    maxScore = Math.max(maxScore, v.tpeScore());
                }
                h.raw("<div class=\"card\" data-param=\"").text(pa.param()).raw("\"><h4>").text(pa.param()).raw("</h4>");
                h.raw("<table><tr><th class=\"l\">value</th><th class=\"l\">score</th><th>n</th><th>mean</th><th>best</th></tr>");
                List<ValueStats> values = pa.values();
                int shownRows = 0;
                for (ValueStats v : values) {
                    if (shownRows++ >= 12) {
                        break;
                    }
                    String cls = (v.confidence().name().equals("LOW") ? "low" : "") + (v.tpeScore() > 1 ? " good" : "");
                    h.raw("<tr class=\"").raw(cls.trim()).raw("\"><td class=\"l\">").text(v.value()).raw("</td><td class=\"l\">")
                            .raw("<span class=\"sbar\" style=\"width:").coord(maxScore > 0 ? 60 * v.tpeScore() / maxScore : 0)
                            .raw("px\"></span> ").text(Html.format(Math.round(v.tpeScore() * 100) / 100.0)).raw("</td><td>")
                            .num(v.count()).raw("</td><td>").text(Html.format(v.avg())).raw("</td><td>").text(Html.format(v.best()))
                            .raw("</td></tr>");
                }
                h.raw("</table>");
                if (values.size() > 12) {
                    h.raw("<p class=\"note\">").num(values.size() - 12).raw(" more values not shown.</p>");
                }
                List<Analysis.SweetSpot> s = spots.get(pa.param());
                if (s != null && !s.isEmpty()) {
                    Analysis.SweetSpot top = s.get(0);
                    h.raw("<p class=\"note\">Sweet spot: <b>").text(top.value()).raw("</b> in ")
                            .text(Html.format(Math.round(top.share() * 1000) / 10.0)).raw(" % of the top ").num(top.topN()).raw(".</p>");
                }
                Analysis.Gap g = gaps.get(pa.param());
                if (g != null && !g.untested().isEmpty()) {
                    h.raw("<p class=\"note\">Never tested: ");
                    for (int i = 0; i < Math.min(6, g.untested().size()); i++) {
                        h.raw(i > 0 ? ", " : "").text(Html.format(g.untested().get(i)));
                    }
                    h.raw(g.untested().size() > 6 ? ", …" : "").raw(".</p>");
                }
                h.raw("</div>");
            }
            h.raw("</div>");
        }
        List<Map<String, Object>> suggestions = a.suggest(3);
        if (!suggestions.isEmpty()) {
            h.raw("<h3>Suggestions (the best trial with one parameter moved into a gap)</h3><pre id=\"suggestions\">");
            for (Map<String, Object> s : suggestions) {
                try {
                    h.text(JSON.writeValueAsString(s)).raw('\n');
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            h.raw("</pre>");
        }
        h.raw("</section>");
    }

    private void groups(Html h) {
        if (r.groupBy == null) {
            return;
        }
        Map<String, List<TrialRecord>> byValue = new TreeMap<>();
        for (TrialRecord t : complete) {
            Object v = t.attributes().get(r.groupBy);
            if (v != null) {
                byValue.computeIfAbsent(String.valueOf(v), k -> new ArrayList<>()).add(t);
            }
        }
        if (byValue.isEmpty()) {
            return;
        }
        section(h, "groups", "Comparison by " + r.groupBy);
        h.raw("<table id=\"group-table\"><tr><th class=\"l\">").text(r.groupBy).raw("</th><th>trials</th>");
        for (Objective o : r.objectives) {
            h.raw("<th>best ").text(o.name()).raw("</th><th>mean ").text(o.name()).raw("</th>");
        }
        for (String mName : metricNames) {
            h.raw("<th>best ").text(mName).raw("</th><th>mean ").text(mName).raw("</th>");
        }
        h.raw("</tr>");
        for (Map.Entry<String, List<TrialRecord>> e : byValue.entrySet()) {
            h.raw("<tr><td class=\"l\">").text(e.getKey()).raw("</td><td>").num(e.getValue().size()).raw("</td>");
            for (int k = 0; k < r.objectives.size(); k++) {
                int kk = k;
                double[] vs = e.getValue().stream().mapToDouble(t -> t.values().get(kk)).filter(Double::isFinite).toArray();
                bestAndMean(h, vs, r.objectives.get(k).direction());
            }
            for (String mName : metricNames) {
                double[] vs = e.getValue().stream().map(t -> t.metrics().get(mName)).filter(v -> v != null && Double.isFinite(v))
                        .mapToDouble(Double::doubleValue).toArray();
                bestAndMean(h, vs, metricDirection(mName));
            }
            h.raw("</tr>");
        }
        h.raw("</table></section>");
    }

    private static void bestAndMean(Html h, double[] vs, Direction d) {
        if (vs.length == 0) {
            h.raw("<td></td><td></td>");
            return;
        }
        double best = d == Direction.MINIMIZE ? Arrays.stream(vs).min().getAsDouble() : Arrays.stream(vs).max().getAsDouble();
        double mean = Arrays.stream(vs).average().getAsDouble();
        h.raw("<td data-v=\"").text(Html.exact(best)).raw("\">").text(Html.cell(best)).raw("</td><td data-v=\"")
                .text(Html.exact(mean)).raw("\">").text(Html.cell(mean)).raw("</td>");
    }

    private void timeline(Html h) {
        List<TrialRecord> timed = trials.stream().filter(t -> t.start().isPresent()).sorted(
                Comparator.comparing((TrialRecord t) -> t.start().get()).thenComparingInt(TrialRecord::number)).toList();
        if (timed.isEmpty()) {
            return;
        }
        long t0 = timed.get(0).start().get().toEpochMilli();
        long tEnd = t0;
        for (TrialRecord t : timed) {
            tEnd = Math.max(tEnd, t.complete().orElse(t.start().get()).toEpochMilli());
        }
        // lanes: the trials' "worker" attribute when they have one, else each trial in the first lane free at its start
        boolean byWorker = timed.stream().allMatch(t -> t.attributes().get("worker") != null);
        List<String> laneNames = new ArrayList<>();
        int[] lane = new int[timed.size()];
        if (byWorker) {
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int i = 0; i < timed.size(); i++) {
                String w = String.valueOf(timed.get(i).attributes().get("worker"));
                lane[i] = index.computeIfAbsent(w, k -> index.size());
            }
            laneNames.addAll(index.keySet());
        } else {
            List<Long> freeAt = new ArrayList<>();
            for (int i = 0; i < timed.size(); i++) {
                TrialRecord t = timed.get(i);
                long s = t.start().get().toEpochMilli();
                long e = t.complete().map(Instant::toEpochMilli).orElse(tEnd);
                int l = -1;
                for (int k = 0; k < freeAt.size(); k++) {
                    if (freeAt.get(k) <= s) {
                        l = k;
                        break;
                    }
                }
                if (l < 0) {
                    l = freeAt.size();
                    freeAt.add(e);
                } else {
                    freeAt.set(l, e);
                }
                lane[i] = l;
            }
            for (int k = 0; k < freeAt.size(); k++) {
                laneNames.add("slot " + (k + 1));
            }
        }
        section(h, "timeline", "Timeline");
        h.raw("<p class=\"note\">").raw(byWorker ? "One row per worker (the trials' <code>worker</code> attribute)."
                : "Trials packed into rows by time: each row is one trial running at a time, so the number of rows is"
                + " the most trials that ran at once (give trials a <code>worker</code> attribute to see real workers).")
                .raw(" Colour: state.</p><figure>");
        double secs = Math.max(1e-3, (tEnd - t0) / 1000.0);
        int height = Math.max(140, 60 + 18 * laneNames.size());
        Plot p = new Plot(h, "chart-timeline", 760, Math.min(height, 900), Scale.linear(0, secs),
                Scale.bands(reverse(laneNames)), "seconds since the first trial started", byWorker ? "worker" : "row");
        p.begin();
        StringBuilder csv = new StringBuilder("trial,state,lane,start_s,end_s\n");
        int lanes = laneNames.size();
        for (int i = 0; i < timed.size(); i++) {
            TrialRecord t = timed.get(i);
            double s = (t.start().get().toEpochMilli() - t0) / 1000.0;
            double e = (t.complete().map(Instant::toEpochMilli).orElse(tEnd) - t0) / 1000.0;
            int band = lanes - 1 - lane[i];
            p.rect(s, e, band - 0.38, band + 0.38, "m s-" + t.state().name(), null, null, t.number());
            csv.append(t.number()).append(',').append(t.state()).append(',').append(Page.field(laneNames.get(lane[i])))
                    .append(',').append(Html.exact(s)).append(',').append(Html.exact(e)).append('\n');
        }
        p.end();
        h.raw("<figcaption><span class=\"legend\">");
        for (TrialState s : TrialState.values()) {
            h.raw("<span><svg width=\"10\" height=\"10\"><rect class=\"s-").raw(s.name())
                    .raw("\" width=\"10\" height=\"10\"/></svg> ").text(s.name().toLowerCase(Locale.ROOT)).raw("</span>");
        }
        h.raw("</span>");
        Page.csv(h, "csv-timeline", "timeline.csv", csv);
        h.raw("</figcaption></figure></section>");
    }

    /** The trials the script shows on hover: number, state, values, parameters, failure. */
    private void data(Html h) {
        List<Map<String, Object>> rows = new ArrayList<>(trials.size());
        for (TrialRecord t : trials) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", t.number());
            m.put("s", t.state().name());
            List<Object> vs = new ArrayList<>();
            for (double v : t.values()) {
                vs.add(Double.isFinite(v) ? v : String.valueOf(v));
            }
            m.put("v", vs);
            Map<String, Object> ps = new LinkedHashMap<>();
            t.params().forEach((k, v) -> ps.put(k, v instanceof Double d && !Double.isFinite(d) ? String.valueOf(d) : v));
            m.put("p", ps);
            t.failure().ifPresent(f -> m.put("f", f.length() > 300 ? f.substring(0, 300) + "…" : f));
            rows.add(m);
        }
        try {
            h.raw("<script type=\"application/json\" id=\"hpo-data\">").raw(Page.scriptSafe(JSON.writeValueAsString(rows)))
                    .raw("</script>");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
