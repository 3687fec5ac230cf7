package io.github.hpo4j.tpe.insights;

import io.github.hpo4j.core.study.Direction;
import io.github.hpo4j.core.trial.TrialRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One analysed history: the report, and what else it tells — parameter importance, pairwise
 * interactions, trends as experiments accumulated, sweet spots, untested gaps and suggestions.
 *
 * <p>Immutable. Stability: evolving.
 */
public final class Analysis {

    private final Insights settings;
    private final List<TrialRecord> trials;
    private final double[] metric;
    private final boolean[] good;
    private final double threshold;
    private final int skipped;
    /** Parameter names in order of first appearance (derived ones last). */
    private final List<String> params;
    /** Per parameter, per trial: the raw value (null when absent). */
    private final Map<String, Object[]> raw;
    private final Map<String, ValueMapper> mappers;
    private final InsightsReport report;

    Analysis(Insights settings, List<TrialRecord> trials, double[] metric, int skipped) {
        this.settings = settings;
        this.trials = List.copyOf(trials);
        this.metric = metric;
        this.skipped = skipped;
        double[] sorted = Insights.sortedCopy(metric);
        boolean max = settings.direction == Direction.MAXIMIZE;
        this.threshold = Insights.quantileOf(sorted, max ? 1 - settings.quantile : settings.quantile);
        this.good = new boolean[metric.length];
        for (int i = 0; i < metric.length; i++) {
            good[i] = max ? metric[i] >= threshold : metric[i] <= threshold;
        }
        Map<String, Object[]> values = new LinkedHashMap<>();
        for (int i = 0; i < trials.size(); i++) {
            for (Map.Entry<String, Object> e : trials.get(i).params().entrySet()) {
                int row = i;
                values.computeIfAbsent(e.getKey(), k -> new Object[trials.size()])[row] = e.getValue();
            }
        }
        for (DerivedParam d : settings.derived) {
            Object[] col = values.computeIfAbsent(d.name(), k -> new Object[trials.size()]);
            for (int i = 0; i < trials.size(); i++) {
                if (col[i] == null) {
                    Map<String, Object> p = new HashMap<>(trials.get(i).params());
                    col[i] = d.compute(p).orElse(null);
                }
            }
        }
        this.raw = values;
        this.params = List.copyOf(values.keySet());
        Map<String, ValueMapper> prepared = new HashMap<>();
        settings.mappers.forEach((name, m) -> {
            Object[] col = values.get(name);
            if (col != null) {
                List<Object> all = new ArrayList<>();
                for (Object o : col) {
                    if (o != null) {
                        all.add(o);
                    }
                }
                prepared.put(name, m.prepare(all));
            }
        });
        this.mappers = prepared;
        this.report = buildReport();
    }

    /** Counts of one value. */
    private static final class Acc {
        final String label;
        int n;
        int nGood;
        double sum;
        double best;

        Acc(String label, double first) {
            this.label = label;
            this.best = first;
        }
    }

    private <K> void add(Map<K, Acc> accs, K key, String label, int i) {
        Acc a = accs.get(key);
        if (a == null) {
            a = new Acc(label, metric[i]);
            accs.put(key, a);
        }
        a.n++;
        a.nGood += good[i] ? 1 : 0;
        a.sum += metric[i];
        if (settings.direction.isBetter(metric[i], a.best)) {
            a.best = metric[i];
        }
    }

    /** Counts per value of one parameter over the trials selected by {@code rows} (null: all). */
    private Map<Object, Acc> count(String param, boolean[] rows) {
        Object[] col = raw.get(param);
        ValueMapper m = mappers.get(param);
        Map<Object, Acc> accs = new LinkedHashMap<>();
        for (int i = 0; i < col.length; i++) {
            Object v = col[i];
            if (v == null || (rows != null && !rows[i])) {
                continue;
            }
            if (m == null) {
                Object key = ValueKey.of(v);
                Acc a = accs.get(key);
                add(accs, key, a == null ? ValueKey.label(v) : a.label, i);
            } else {
                for (String label : m.map(v)) {
                    add(accs, label, label, i);
                }
            }
        }
        return accs;
    }

    private ValueStats stats(Acc a) {
        double total = a.n + settings.alpha + settings.beta;
        double pGood = (a.nGood + settings.alpha) / total;
        double pBad = (a.n - a.nGood + settings.beta) / total;
        Confidence c = a.n >= settings.highCutoff ? Confidence.HIGH
                : a.n >= settings.mediumCutoff ? Confidence.MEDIUM : Confidence.LOW;
        return new ValueStats(a.label, pGood / pBad, a.sum / a.n, a.best, a.n, a.nGood, c.label());
    }

    private List<ValueStats> sortedStats(Map<Object, Acc> accs) {
        List<ValueStats> out = new ArrayList<>(accs.size());
        for (Acc a : accs.values()) {
            out.add(stats(a));
        }
        out.sort(Insights.BY_SCORE);
        return out;
    }

    private InsightsReport buildReport() {
        Map<String, List<ParamAnalysis>> byCat = new LinkedHashMap<>();
        for (String c : settings.categories) {
            byCat.put(c, new ArrayList<>());
        }
        for (String p : params) {
            String cat = settings.categoryOf.getOrDefault(p, "other");
            byCat.computeIfAbsent(cat, k -> new ArrayList<>())
                    .add(new ParamAnalysis(p, p, sortedStats(count(p, null))));
        }
        byCat.values().removeIf(List::isEmpty);
        int goodCount = 0;
        for (boolean g : good) {
            goodCount += g ? 1 : 0;
        }
        return new InsightsReport(byCat, threshold, trials.size(), goodCount, skipped);
    }

    /** @return the report: scores per parameter value, by category */
    public InsightsReport report() {
        return report;
    }

    /**
     * How strongly a parameter goes with good results.
     *
     * @param param      the parameter
     * @param importance bias-corrected Cramér's V² between its values and the good/bad label, in [0, 1]
     * @param values     distinct values (bins) it was measured over
     */
    public record ParamImportance(String param, double importance, int values) {
    }

    /**
     * Parameters ranked by how much the good/bad split depends on them. Method: for each
     * parameter, the chi-square statistic G = Σ_v n_v (r_v − r̄)² / (r̄ (1 − r̄)) of its values'
     * good rates r_v against the overall rate r̄, corrected for the k − 1 it has on average when
     * the parameter is pure noise, and scaled by the trial count: max(0, G − (k − 1)) / N.
     * Numeric parameters with more than 10 distinct values are first cut into 5 equal-count
     * bins, so a continuous noise parameter (every value seen once) scores near 0.
     *
     * @return every parameter, most important first
     */
    public List<ParamImportance> importance() {
        int n = good.length;
        double rbar = 0;
        for (boolean g : good) {
            rbar += g ? 1 : 0;
        }
        rbar /= n;
        List<ParamImportance> out = new ArrayList<>();
        for (String p : params) {
            Map<Object, Acc> accs = binnedCounts(p);
            int total = 0;
            double g = 0;
            for (Acc a : accs.values()) {
                total += a.n;
            }
            if (total == 0 || rbar == 0 || rbar == 1) {
                out.add(new ParamImportance(p, 0, accs.size()));
                continue;
            }
            for (Acc a : accs.values()) {
                double r = a.nGood / (double) a.n;
                g += a.n * (r - rbar) * (r - rbar);
            }
            g /= rbar * (1 - rbar);
            double v = Math.max(0, g - (accs.size() - 1)) / total;
            out.add(new ParamImportance(p, Math.min(1, v), accs.size()));
        }
        out.sort(Comparator.comparingDouble(ParamImportance::importance).reversed());
        return out;
    }

    private Map<Object, Acc> binnedCounts(String param) {
        Map<Object, Acc> accs = count(param, null);
        boolean numeric = !mappers.containsKey(param) && accs.size() > 10;
        if (numeric) {
            for (Object k : accs.keySet()) {
                if (Double.isNaN(ValueKey.numeric(k))) {
                    numeric = false;
                    break;
                }
            }
        }
        if (!numeric) {
            return accs;
        }
        ValueMapper bins = ValueMapper.quantileBins(5).prepare(java.util.Arrays.stream(raw.get(param))
                .filter(java.util.Objects::nonNull).toList());
        Map<Object, Acc> out = new LinkedHashMap<>();
        Object[] col = raw.get(param);
        for (int i = 0; i < col.length; i++) {
            if (col[i] != null) {
                String label = bins.map(col[i]).get(0);
                add(out, label, label, i);
            }
        }
        return out;
    }

    /**
     * A pair of values of two parameters and its score.
     *
     * @param first  the first parameter's value
     * @param second the second parameter's value
     * @param stats  the pair's statistics (its {@code value} is {@code first × second})
     */
    public record PairStats(String first, String second, ValueStats stats) {
    }

    /**
     * Scores over value pairs of two parameters (e.g. learning rate × batch size).
     *
     * @param a a parameter
     * @param b another
     * @return every pair seen, best first
     * @throws IllegalArgumentException if either parameter is unknown
     */
    public List<PairStats> interaction(String a, String b) {
        Object[] ca = column(a);
        Object[] cb = column(b);
        Map<List<Object>, Acc> accs = new LinkedHashMap<>();
        Map<List<Object>, String[]> labels = new HashMap<>();
        for (int i = 0; i < ca.length; i++) {
            if (ca[i] == null || cb[i] == null) {
                continue;
            }
            List<Object> key = List.of(ValueKey.of(ca[i]), ValueKey.of(cb[i]));
            labels.putIfAbsent(key, new String[] {ValueKey.label(ca[i]), ValueKey.label(cb[i])});
            add(accs, key, labels.get(key)[0] + " × " + labels.get(key)[1], i);
        }
        List<PairStats> out = new ArrayList<>();
        accs.forEach((k, acc) -> out.add(new PairStats(labels.get(k)[0], labels.get(k)[1], stats(acc))));
        out.sort(Comparator.comparing(PairStats::stats, Insights.BY_SCORE));
        return out;
    }

    private Object[] column(String param) {
        Object[] c = raw.get(param);
        if (c == null) {
            throw new IllegalArgumentException("param: unknown parameter '" + param + "' (known: " + params + ")");
        }
        return c;
    }

    /**
     * The analysis over a growing prefix of the history.
     *
     * @param experiments the prefix length
     * @param bestValue   per parameter, its top-scored value over the prefix
     */
    public record TrendPoint(int experiments, Map<String, String> bestValue) {
    }

    /**
     * Whether each parameter's best value changed as experiments accumulated: the analysis of
     * the first {@code step}, {@code 2·step}, ... trials in completion order (trial number when
     * there is no completion time). The good threshold is recomputed for each prefix.
     *
     * @param step prefix increment, {@code >= 1}
     * @return one point per prefix, the last being the whole history
     * @throws IllegalArgumentException if {@code step < 1}
     */
    public List<TrendPoint> trends(int step) {
        if (step < 1) {
            throw new IllegalArgumentException("step (" + step + ") must be >= 1");
        }
        Integer[] order = new Integer[trials.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparing((Integer i) -> trials.get(i).complete().orElse(Instant.MAX))
                .thenComparingInt(i -> trials.get(i).number()));
        List<TrendPoint> out = new ArrayList<>();
        for (int len = Math.min(step, order.length); ; len = Math.min(len + step, order.length)) {
            List<TrialRecord> prefix = new ArrayList<>();
            for (int k = 0; k < len; k++) {
                prefix.add(trials.get(order[k]));
            }
            InsightsReport r = settings.analyze(prefix).report();
            Map<String, String> best = new LinkedHashMap<>();
            r.analysis().values().forEach(ps -> ps.forEach(p -> best.put(p.param(), p.values().get(0).value())));
            out.add(new TrendPoint(len, best));
            if (len == order.length) {
                break;
            }
        }
        return out;
    }

    /**
     * A value's share of the top trials.
     *
     * @param param the parameter
     * @param value the value
     * @param share fraction of the top N trials that hold it
     * @param topN  N
     */
    public record SweetSpot(String param, String value, double share, int topN) {
    }

    /**
     * The share of the top {@code n} trials (by the metric) that hold each value, per parameter
     * ("dropout 0.5 in 56.7 % of the top 60").
     *
     * @param n how many top trials, {@code >= 1}
     * @return per parameter, values by share, highest first
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Map<String, List<SweetSpot>> sweetSpots(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n (" + n + ") must be >= 1");
        }
        Integer[] order = new Integer[metric.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Direction d = settings.direction;
        java.util.Arrays.sort(order, (x, y) -> Double.compare(d.toMinimized(metric[x]), d.toMinimized(metric[y])));
        int top = Math.min(n, order.length);
        boolean[] rows = new boolean[metric.length];
        for (int k = 0; k < top; k++) {
            rows[order[k]] = true;
        }
        Map<String, List<SweetSpot>> out = new LinkedHashMap<>();
        for (String p : params) {
            List<SweetSpot> spots = new ArrayList<>();
            for (Acc a : count(p, rows).values()) {
                spots.add(new SweetSpot(p, a.label, a.n / (double) top, top));
            }
            spots.sort(Comparator.comparingDouble(SweetSpot::share).reversed());
            out.put(p, spots);
        }
        return out;
    }

    /**
     * Untested values inside a numeric parameter's tested range.
     *
     * @param param    the parameter
     * @param step     the grid step (the smallest gap between tested values; on a log scale the
     *                 smallest ratio)
     * @param untested values on that grid (on a log scale, geometric midpoints of the widest
     *                 ratios), inside the range, never tried
     * @param logScale whether the parameter was tried on a log scale
     */
    public record Gap(String param, double step, List<Double> untested, boolean logScale) {

        /**
         * A gap on a linear grid.
         *
         * @param param    the parameter
         * @param step     the grid's step
         * @param untested the untested values
         */
        public Gap(String param, double step, List<Double> untested) {
            this(param, step, untested, false);
        }

        /**
         * How far a value is from another in steps of this gap's grid (ratios for a log scale).
         *
         * @param a a value
         * @param b another
         * @return the distance in steps
         */
        public double steps(double a, double b) {
            return logScale ? Math.abs(Math.log(a / b)) / Math.log(step) : Math.abs(a - b) / step;
        }
    }

    /**
     * For every numeric parameter (no mapper, every value a number, at least 3 distinct), the
     * values on the grid of its smallest spacing between tested values that were never tried
     * ("dropout 0.35, 0.40, 0.45 never tested"). Parameters whose grid would exceed 100 points
     * (continuous ones) are left out. A parameter tried on a log scale (positive values spanning
     * at least a factor of 10, spaced by ratios rather than differences) gets the geometric
     * midpoints of its widest ratios instead, to two significant digits ({@code lr 0.0022, 0.022
     * never tested} between 0.001 and 0.005, 0.01 and 0.05), its {@code step} the smallest ratio.
     *
     * @return gaps per parameter, only parameters with at least one
     */
    public List<Gap> gaps() {
        List<Gap> out = new ArrayList<>();
        for (String p : params) {
            double[] xs = numericValues(p);
            if (xs == null || xs.length < 3) {
                continue;
            }
            if (isLogScaled(xs)) {
                Gap g = logGap(p, xs);
                if (g != null) {
                    out.add(g);
                }
                continue;
            }
            double step = Double.POSITIVE_INFINITY;
            for (int i = 1; i < xs.length; i++) {
                step = Math.min(step, xs[i] - xs[i - 1]);
            }
            double span = xs[xs.length - 1] - xs[0];
            long points = Math.round(span / step) + 1;
            if (points > 100) {
                continue;
            }
            List<Double> untested = new ArrayList<>();
            int j = 0;
            for (long k = 0; k < points; k++) {
                double v = xs[0] + k * step;
                while (j < xs.length && xs[j] < v - step * 1e-6) {
                    j++;
                }
                if (j >= xs.length || Math.abs(xs[j] - v) > step * 1e-6) {
                    untested.add(roundTo(v, step));
                }
            }
            if (!untested.isEmpty()) {
                out.add(new Gap(p, step, untested));
            }
        }
        return out;
    }

    /** Positive values over at least a decade whose spacing grows with the value (ratios vary less than differences). */
    private static boolean isLogScaled(double[] xs) {
        if (xs[0] <= 0 || xs[xs.length - 1] / xs[0] < 10) {
            return false;
        }
        double minDiff = Double.POSITIVE_INFINITY;
        double maxDiff = 0;
        double minRatio = Double.POSITIVE_INFINITY;
        double maxRatio = 0;
        for (int i = 1; i < xs.length; i++) {
            double d = xs[i] - xs[i - 1];
            double r = xs[i] / xs[i - 1];
            minDiff = Math.min(minDiff, d);
            maxDiff = Math.max(maxDiff, d);
            minRatio = Math.min(minRatio, r);
            maxRatio = Math.max(maxRatio, r);
        }
        return maxDiff / minDiff > Math.log(maxRatio) / Math.log(minRatio);
    }

    /** The geometric midpoints of the ratios wider than 1.5 times the narrowest, or null. */
    private static Gap logGap(String p, double[] xs) {
        double minRatio = Double.POSITIVE_INFINITY;
        for (int i = 1; i < xs.length; i++) {
            minRatio = Math.min(minRatio, xs[i] / xs[i - 1]);
        }
        List<Double> untested = new ArrayList<>();
        for (int i = 1; i < xs.length; i++) {
            if (xs[i] / xs[i - 1] > 1.5 * minRatio) {
                double mid = Math.sqrt(xs[i] * xs[i - 1]);
                untested.add(new java.math.BigDecimal(mid).round(new java.math.MathContext(2)).doubleValue());
            }
        }
        return untested.isEmpty() ? null : new Gap(p, minRatio, untested, true);
    }

    private static double roundTo(double v, double step) {
        double digits = Math.max(0, Math.ceil(-Math.log10(step)) + 2);
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** Distinct numeric values of a parameter, ascending; null when it is not numeric. */
    private double[] numericValues(String p) {
        if (mappers.containsKey(p)) {
            return null;
        }
        java.util.TreeSet<Double> set = new java.util.TreeSet<>();
        for (Object v : raw.get(p)) {
            if (v == null) {
                continue;
            }
            double x = ValueKey.numeric(ValueKey.of(v));
            if (Double.isNaN(x)) {
                return null;
            }
            set.add(x);
        }
        return set.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * {@code k} new configurations that fill the gaps next to the winners: the best trial's
     * parameters with one numeric parameter moved to an untested grid value beside its
     * top-scored value, nearest gaps first, then further ones.
     *
     * @param k how many, {@code >= 1}
     * @return configurations ready for {@code study.enqueue(...)}; fewer than k when there are not enough gaps
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public List<Map<String, Object>> suggest(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k (" + k + ") must be >= 1");
        }
        int bestRow = 0;
        for (int i = 1; i < metric.length; i++) {
            if (settings.direction.isBetter(metric[i], metric[bestRow])) {
                bestRow = i;
            }
        }
        Map<String, Object> base = new LinkedHashMap<>(trials.get(bestRow).params());
        record Candidate(String param, double value, double distance) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Gap g : gaps()) {
            ParamAnalysis pa = report.param(g.param());
            double winner = ValueKey.numeric(ValueKey.of(pa.values().get(0).value()));
            for (double v : g.untested()) {
                candidates.add(new Candidate(g.param(), v, g.steps(v, winner)));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::distance));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Candidate c : candidates) {
            if (out.size() >= k) {
                break;
            }
            Map<String, Object> cfg = new LinkedHashMap<>(base);
            Object old = base.get(c.param());
            cfg.put(c.param(), old instanceof Integer || old instanceof Long ? (Object) (int) Math.round(c.value())
                    : (Object) c.value());
            out.add(cfg);
        }
        return out;
    }

    /**
     * {@code k} configurations drawn from a TPE sampler fitted on the history (warm start), with
     * the constant liar keeping them apart: the trials' own distributions define the space.
     *
     * @param k    how many, {@code >= 1}
     * @param seed the sampler's seed
     * @return configurations ready for {@code study.enqueue(...)}
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public List<Map<String, Object>> suggestWithTpe(int k, long seed) {
        if (k < 1) {
            throw new IllegalArgumentException("k (" + k + ") must be >= 1");
        }
        List<TrialRecord> history = new ArrayList<>();
        Map<String, io.github.hpo4j.core.space.Distribution> space = new LinkedHashMap<>();
        for (int i = 0; i < trials.size(); i++) {
            TrialRecord t = trials.get(i);
            history.add(t.toBuilder().values(metric[i]).build());
            t.distributions().forEach(space::putIfAbsent);
        }
        io.github.hpo4j.core.study.Study study = io.github.hpo4j.core.study.Study.builder()
                .objective(new io.github.hpo4j.core.study.Objective(settings.metric, settings.direction))
                .sampler(io.github.hpo4j.tpe.sampler.TpeSampler.builder().seed(seed).warmStart(history).build())
                .build();
        List<Map<String, Object>> out = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            io.github.hpo4j.core.trial.Trial t = study.ask();
            space.forEach(t::suggest);
            out.add(new LinkedHashMap<>(t.params()));
        }
        return out;
    }

    /** @return the trials analysed */
    public List<TrialRecord> trials() {
        return trials;
    }

    /**
     * @param row an index into {@link #trials()}
     * @return the primary metric of that trial
     */
    public double metricOf(int row) {
        return metric[row];
    }

    /**
     * @param param a parameter
     * @return its top-scored value, if it has any
     */
    public Optional<String> bestValue(String param) {
        try {
            return Optional.of(report.param(param).values().get(0).value());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
