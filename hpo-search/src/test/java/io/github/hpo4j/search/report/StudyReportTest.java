package io.github.hpo4j.search.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.study.Direction;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StudyReportTest {

    private static final Study SINGLE = SampleStudies.singleObjective(120, 7);
    private static final String HTML = SampleStudies.report(SINGLE).html();

    /** The markup of the element with this id (an svg, a table, a section). */
    static String element(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertTrue(at >= 0, "no element " + id);
        int open = html.lastIndexOf('<', at);
        String tag = html.substring(open + 1, html.indexOf(' ', open));
        int depth = 0;
        Matcher m = Pattern.compile("<(/?)" + tag + "[\\s>]").matcher(html);
        m.region(open, html.length());
        while (m.find()) {
            depth += m.group(1).isEmpty() ? 1 : -1;
            if (depth == 0) {
                return html.substring(open, html.indexOf('>', m.start()) + 1);
            }
        }
        throw new AssertionError("unclosed " + id);
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    private static List<TrialRecord> in(TrialState s) {
        return SINGLE.trials(s);
    }

    @Test
    void seededStudy_hasEverySectionItsDataAllows_andNoParetoForOneObjective() {
        assertEquals(List.of("overview", "history", "importance", "slices", "contour", "parallel", "intermediate", "top",
                "metrics", "insights", "groups", "timeline"), SampleStudies.report(SINGLE).sections());
        assertFalse(HTML.contains("id=\"pareto\""));
    }

    @Test
    void history_hasAMarkPerTrial_byState() {
        String svg = element(HTML, "chart-history");
        assertEquals(in(TrialState.COMPLETE).size(), count(svg, "class=\"m complete\""));
        assertEquals(in(TrialState.PRUNED).size(), count(svg, "class=\"m pruned\""));
        assertEquals(in(TrialState.FAIL).size(), count(svg, "class=\"m fail\""));
        assertTrue(in(TrialState.PRUNED).size() > 5 && in(TrialState.FAIL).size() > 3);
    }

    @Test
    void bestSoFar_neverGoesTheWrongWay_andEndsAtTheBest() {
        // minimising: on screen y grows downwards, so the line's y never decreases
        String g = element(HTML, "best-so-far");
        Matcher m = Pattern.compile("points=\"([^\"]+)\"").matcher(g);
        assertTrue(m.find());
        double prevY = Double.NEGATIVE_INFINITY;
        double prevX = Double.NEGATIVE_INFINITY;
        for (String pt : m.group(1).split(" ")) {
            double x = Double.parseDouble(pt.split(",")[0]);
            double y = Double.parseDouble(pt.split(",")[1]);
            assertTrue(y >= prevY && x >= prevX, "best so far went up at " + pt);
            prevY = y;
            prevX = x;
        }
        // the download's best_so_far column: the running minimum of the complete trials' values
        String csv = textareaValue(HTML, "csv-history-0");
        double running = Double.POSITIVE_INFINITY;
        int rows = 0;
        for (String line : csv.split("\n")) {
            String[] f = line.split(",", -1);
            if (!f[1].equals("COMPLETE")) {
                continue;
            }
            running = Math.min(running, Double.parseDouble(f[2]));
            assertEquals(running, Double.parseDouble(f[3]), line);
            rows++;
        }
        assertEquals(in(TrialState.COMPLETE).size(), rows);
        assertEquals(SINGLE.bestTrial().orElseThrow().value(), running);
    }

    static String textareaValue(String html, String id) {
        String el = element(html, id);
        String inner = el.substring(el.indexOf('>') + 1, el.lastIndexOf("</textarea>"));
        return inner.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    @Test
    void slices_parallelCurvesAndTimeline_haveAMarkPerDataPoint() {
        List<TrialRecord> complete = in(TrialState.COMPLETE);
        for (int i = 0; i < 4; i++) {
            assertEquals(complete.size(), count(element(HTML, "chart-slice-" + i), " data-t="), "slice " + i);
        }
        assertEquals(complete.size(), count(element(HTML, "chart-parallel"), "class=\"pc m\""));
        long withCurves = SINGLE.trials().stream().filter(t -> !t.intermediateValues().isEmpty()).count();
        String curves = element(HTML, "chart-intermediate");
        assertEquals(withCurves, count(curves, "class=\"lc m\""));
        assertEquals(in(TrialState.PRUNED).size(), count(curves, "class=\"m pruned stop\""));
        assertEquals(SINGLE.trials().size(), count(element(HTML, "chart-timeline"), "class=\"m s-"));
        // two metrics per complete trial
        assertEquals(2 * complete.size(), count(element(HTML, "chart-metrics"), "class=\"m k"));
        assertEquals(complete.size(), count(element(HTML, "chart-contour"), " data-t="));
    }

    @Test
    void metrics_ofDifferentScales_getTwoAxes() {
        String svg = element(HTML, "chart-metrics");
        assertTrue(svg.contains("class=\"title y2\""), "rmse (tens) beside recall (0..1) needs a right axis");
        assertTrue(HTML.contains("rmse (right axis)"));
    }

    @Test
    void tables_holdTheStudysNumbers() {
        TrialRecord best = SINGLE.bestTrial().orElseThrow();
        assertTrue(HTML.contains("<b id=\"best-value\">" + Html.exact(best.value()) + "</b>"));
        String top = element(HTML, "top-table");
        Matcher rows = Pattern.compile("<tr data-t=\"(\\d+)\"><td>\\d+</td><td style=\"[^\"]*\" data-v=\"([^\"]+)\"").matcher(top);
        List<TrialRecord> sorted = new ArrayList<>(in(TrialState.COMPLETE));
        sorted.sort((a, b) -> Double.compare(a.value(), b.value()));
        int k = 0;
        while (rows.find()) {
            assertEquals(sorted.get(k).number(), Integer.parseInt(rows.group(1)));
            assertEquals(sorted.get(k).value(), Double.parseDouble(rows.group(2)));
            k++;
        }
        assertEquals(20, k);
        // group comparison: best loss per dataset, computed here from the records
        Map<String, Double> bestBy = new TreeMap<>();
        for (TrialRecord t : in(TrialState.COMPLETE)) {
            bestBy.merge((String) t.attributes().get("dataset"), t.value(), Math::min);
        }
        String groups = element(HTML, "group-table");
        for (Map.Entry<String, Double> e : bestBy.entrySet()) {
            assertTrue(groups.contains("<td class=\"l\">" + e.getKey() + "</td>"), e.getKey());
            assertTrue(groups.contains("data-v=\"" + Html.exact(e.getValue()) + "\""), e.toString());
        }
        // the baseline is trial 0 (attribute baseline=true)
        double base = SINGLE.trial(0).value();
        String expected = Html.format(Math.round((base - best.value()) / Math.abs(base) * 1000) / 10.0) + " %";
        assertTrue(HTML.contains("<b id=\"improvement\">" + expected + "</b>"), expected);
        // trial counts by state
        assertTrue(HTML.contains("<b id=\"kpi-pruned\">" + in(TrialState.PRUNED).size() + "</b>"));
    }

    @Test
    void topTable_coloursEachMetricInItsOwnDirection() {
        String top = element(HTML, "top-table");
        // first row: best loss (lowest) is green; recall@100 (higher-better) of the best trial is its highest: green;
        // rmse (lower-better by its name) of the best trial is its lowest: green
        Matcher row = Pattern.compile("<tr data-t=\"\\d+\">(.*?)</tr>").matcher(top);
        assertTrue(row.find());
        Matcher bg = Pattern.compile("background:(#[0-9a-f]{6})").matcher(row.group(1));
        List<String> colours = new ArrayList<>();
        while (bg.find()) {
            colours.add(bg.group(1));
        }
        assertEquals(List.of(Colors.heat(1), Colors.heat(1), Colors.heat(1)), colours);
        StudyReport flipped = StudyReport.builder().objectives(SINGLE.objectives()).trials(SINGLE.trials())
                .metric("rmse", Direction.MAXIMIZE).build();
        Matcher row2 = Pattern.compile("<tr data-t=\"\\d+\">(.*?)</tr>").matcher(element(flipped.html(), "top-table"));
        assertTrue(row2.find());
        assertTrue(row2.group(1).contains(Colors.heat(0)), "rmse said higher-better: the lowest is red");
    }

    @Test
    void twoObjectives_showTheParetoFrontOfTheStudy() {
        Study mo = SampleStudies.twoObjectives(80, 3);
        String html = SampleStudies.report(mo).html();
        assertTrue(SampleStudies.report(mo).sections().contains("pareto"));
        String svg = element(html, "chart-pareto-0-1");
        assertEquals(mo.bestTrials().size(), count(svg, "class=\"m front\""));
        assertEquals(80, count(svg, " data-t="));
        assertTrue(html.contains("<b id=\"front-size\">" + mo.bestTrials().size() + "</b>"));
        String csv = textareaValue(html, "csv-pareto-0-1");
        assertEquals(mo.bestTrials().size(), csv.lines().filter(l -> l.endsWith(",true")).count());
        for (TrialRecord t : mo.bestTrials()) {
            assertTrue(csv.contains("\n" + t.number() + "," + Html.exact(t.values().get(0)) + "," + Html.exact(t.values().get(1))
                    + ",true\n"), t.toString());
        }
    }

    @Test
    void threeObjectives_showTheFrontAsPairs() {
        Study three = Study.builder().name("three").minimize("a").minimize("b").maximize("c")
                .sampler(new io.github.hpo4j.core.sampler.RandomSampler(2)).build();
        three.optimizeMulti(t -> {
            double x = t.suggestFloat("x", 0, 1);
            double y = t.suggestFloat("y", 0, 1);
            return new double[] {x, 1 - x + y, y * x};
        }, 30, 1, null);
        String html = SampleStudies.report(three).html();
        for (String pair : List.of("0-1", "0-2", "1-2")) {
            String svg = element(html, "chart-pareto-" + pair);
            assertEquals(three.bestTrials().size(), count(svg, "class=\"m front\""), pair);
            assertEquals(30, count(svg, " data-t="), pair);
        }
    }

    @Test
    void hostileNames_areText_neverMarkup() {
        String html = SampleStudies.report(SampleStudies.hostile()).html();
        for (String evil : SampleStudies.evil()) {
            if (!evil.equals(SampleStudies.EVIL_END)) {
                assertFalse(html.contains(evil), evil);
            }
        }
        assertEquals(2, count(html, "</script>"), "closing the data block and the page's script only");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertEquals(1, count(html, "<script>"), "only the page's own script");
        assertFalse(html.contains("<img"));
        // the data block may not be closed early by a value
        String data = html.substring(html.indexOf("id=\"hpo-data\">"), html.indexOf("</script>", html.indexOf("id=\"hpo-data\"")));
        assertFalse(data.contains("<"));
    }

    @Test
    void page_makesNoRequest_andAllowsOnlyItsOwnScript() {
        String markup = HTML.replace(Page.SCRIPT, "");
        assertFalse(Pattern.compile("(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(markup).find());
        assertFalse(HTML.contains("http://") || HTML.contains("https://") || HTML.contains("@import") || HTML.contains("url("));
        assertTrue(HTML.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; script-src &#39;"
                + Page.SCRIPT_HASH + "&#39;"));
    }

    @Test
    void thousandTrials_fitInTwoMegabytes() {
        String html = SampleStudies.report(SampleStudies.singleObjective(1000, 11)).html();
        int bytes = html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertTrue(bytes < 2_000_000, bytes + " bytes");
    }

    @Test
    void pastTheDenseLimit_repeatedMarksAreLeftOut_butEveryTrialKeepsItsOwn() {
        Study big = SampleStudies.singleObjective(StudyPage.DENSE + 100, 5);
        String html = SampleStudies.report(big).html();
        int complete = big.trials(TrialState.COMPLETE).size();
        assertEquals(0, count(element(html, "chart-metrics"), "class=\"m k"), "metric lines only");
        assertEquals(2, count(element(html, "chart-metrics"), "<polyline"));
        assertEquals(complete, count(element(html, "chart-slice-0"), " data-t="));
        assertEquals(complete, count(element(html, "chart-history"), "class=\"m complete\""));
        assertEquals(0, count(element(html, "chart-contour"), " data-t="));
    }

    @Test
    void emptyStudy_showsTheOverviewAlone() {
        StudyReport r = StudyReport.builder().objectives(SINGLE.objectives()).trials(List.of()).build();
        assertEquals(List.of("overview"), r.sections());
        assertTrue(r.html().contains("No trial has completed yet."));
    }

    @Test
    void builder_badArguments_throwNamingThem() {
        assertEquals("baseline: trial number (-1) must be >= 0",
                assertThrows(IllegalArgumentException.class, () -> StudyReport.builder().baseline(-1)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StudyReport.builder().objectives(List.of()))
                .getMessage().startsWith("objectives:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StudyReport.builder().title(" "))
                .getMessage().startsWith("title:"));
        assertThrows(IllegalStateException.class, () -> StudyReport.builder().build());
    }
}
