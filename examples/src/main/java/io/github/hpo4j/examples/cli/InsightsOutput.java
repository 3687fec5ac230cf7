package io.github.hpo4j.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpo4j.tpe.insights.Analysis;
import io.github.hpo4j.tpe.insights.Confidence;
import io.github.hpo4j.tpe.insights.InsightsReport;
import io.github.hpo4j.tpe.insights.ParamAnalysis;
import io.github.hpo4j.tpe.insights.ValueStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code hpo insights} prints: the same sections as text (aligned, each with a heading) and
 * as JSON (the report's keys, then importance, interaction, sweet spots, gaps and suggestions).
 */
final class InsightsOutput {

    private static final int TOP = 20;
    private static final int SUGGESTIONS = 5;

    private final Analysis analysis;
    private final InsightsReport report;
    private final List<Analysis.ParamImportance> importance;
    private final List<Analysis.Gap> gaps;
    private final Map<String, List<Analysis.SweetSpot>> sweetSpots;
    private final List<Map<String, Object>> suggestions;
    private final List<Analysis.PairStats> interaction;

    InsightsOutput(Analysis a) {
        this.analysis = a;
        this.report = a.report();
        this.importance = a.importance();
        this.gaps = a.gaps();
        this.sweetSpots = a.sweetSpots(TOP);
        this.suggestions = a.suggest(SUGGESTIONS);
        this.interaction = importance.size() >= 2
                ? a.interaction(importance.get(0).param(), importance.get(1).param()) : List.of();
    }

    /** A number as people write it: integers without decimals, others in at most 6 significant digits. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            return s.replaceFirst("\\.?0+e", "e");
        }
        return s.contains(".") ? s.replaceFirst("0+$", "").replaceFirst("\\.$", "") : s;
    }

    private static Object value(Object v) {
        return v instanceof Double d ? num(d) : String.valueOf(v);
    }

    String text() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d experiments, %d good (threshold %s), %d skipped%n",
                report.totalExperiments(), report.goodExperiments(), num(report.goodThreshold()), report.skipped()));
        boolean onlyDefault = report.analysis().size() == 1;
        report.analysis().forEach((cat, ps) -> {
            b.append('\n').append(onlyDefault ? "== TPE score of each value (trials in brackets) =="
                    : "== " + cat + ": TPE score of each value (trials in brackets) ==").append('\n');
            for (ParamAnalysis p : ps) {
                int width = 5;
                for (ValueStats v : p.values()) {
                    width = Math.max(width, Math.min(40, v.value().length()));
                }
                b.append(p.param()).append('\n');
                for (ValueStats v : p.values()) {
                    b.append(String.format(Locale.ROOT, "  %-" + width + "s %6.2f (%d)%s%n", SweepCommand.clip(v.value()),
                            v.tpeScore(), v.count(), v.confidence() == Confidence.LOW ? " •" : ""));
                }
            }
        });
        b.append("• low confidence: fewer trials than the medium cut-off\n");
        b.append("\n== importance (bias-corrected Cramér's V² of value vs good/bad) ==\n");
        int w = importance.stream().mapToInt(p -> p.param().length()).max().orElse(5);
        for (Analysis.ParamImportance p : importance) {
            b.append(String.format(Locale.ROOT, "  %-" + w + "s %.3f%n", p.param(), p.importance()));
        }
        if (!interaction.isEmpty()) {
            b.append("\n== interaction of the two most important: ").append(importance.get(0).param()).append(" × ")
                    .append(importance.get(1).param()).append(", best pairs ==\n");
            for (Analysis.PairStats ps : interaction.subList(0, Math.min(5, interaction.size()))) {
                b.append(String.format(Locale.ROOT, "  %s × %s  %.2f (%d)%n", ps.first(), ps.second(),
                        ps.stats().tpeScore(), ps.stats().count()));
            }
        }
        b.append("\n== sweet spots: share of the best ").append(TOP).append(" experiments holding a value ==\n");
        sweetSpots.forEach((param, spots) -> {
            if (!spots.isEmpty()) {
                Analysis.SweetSpot top = spots.get(0);
                b.append(String.format(Locale.ROOT, "  %-" + w + "s %s in %.0f %%%n", param, top.value(), 100 * top.share()));
            }
        });
        if (!gaps.isEmpty()) {
            b.append("\n== untested values inside the tested range ==\n");
            for (Analysis.Gap g : gaps) {
                StringBuilder vs = new StringBuilder();
                for (double v : g.untested()) {
                    vs.append(vs.length() == 0 ? "" : ", ").append(num(v));
                }
                b.append(String.format(Locale.ROOT, "  %-" + w + "s %s%s%n", g.param(), vs,
                        g.logScale() ? " (log scale)" : ""));
            }
        }
        if (!suggestions.isEmpty()) {
            b.append("\n== suggestions: the best experiment with one value moved into a gap ==\n");
            for (Map<String, Object> s : suggestions) {
                StringBuilder cfg = new StringBuilder();
                s.forEach((k, v) -> cfg.append(cfg.length() == 0 ? "" : ", ").append(k).append('=').append(value(v)));
                b.append("  ").append(cfg).append('\n');
            }
        }
        return b.toString();
    }

    String json() {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            ObjectNode root = (ObjectNode) m.readTree(report.toJson());
            ArrayNode imp = root.putArray("importance");
            for (Analysis.ParamImportance p : importance) {
                imp.addObject().put("param", p.param()).put("importance", p.importance()).put("values", p.values());
            }
            ArrayNode inter = root.putArray("interaction");
            for (Analysis.PairStats ps : interaction) {
                ObjectNode o = inter.addObject();
                o.put("first_param", importance.get(0).param()).put("second_param", importance.get(1).param())
                        .put("first", ps.first()).put("second", ps.second());
                o.set("stats", m.valueToTree(ps.stats()));
            }
            ObjectNode spots = root.putObject("sweet_spots");
            sweetSpots.forEach((param, list) -> {
                ArrayNode a = spots.putArray(param);
                for (Analysis.SweetSpot s : list) {
                    a.addObject().put("value", s.value()).put("share", s.share()).put("top_n", s.topN());
                }
            });
            ArrayNode g = root.putArray("gaps");
            for (Analysis.Gap gap : gaps) {
                ObjectNode o = g.addObject().put("param", gap.param()).put("log_scale", gap.logScale());
                ArrayNode vs = o.putArray("untested");
                for (double v : gap.untested()) {
                    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                        vs.add((long) v);
                    } else {
                        vs.add(v);
                    }
                }
            }
            ArrayNode sug = root.putArray("suggestions");
            for (Map<String, Object> s : suggestions) {
                JsonNode node = m.valueToTree(s);
                sug.add(node);
            }
            return m.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
