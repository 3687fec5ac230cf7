package io.github.hpo4j.search.report;

import static io.github.hpo4j.search.report.StudyReportTest.count;
import static io.github.hpo4j.search.report.StudyReportTest.element;
import static io.github.hpo4j.search.report.StudyReportTest.textareaValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.metrics.sweep.ScoreTable;
import io.github.hpo4j.metrics.sweep.ThresholdSweep;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SweepReportTest {

    // 8 rows worked by hand: scores 0.9 0.8 0.7 0.6 0.55 0.4 0.3 0.1 with labels 1 1 0 1 0 0 1 0
    private static final double[] SCORES = {0.9, 0.8, 0.7, 0.6, 0.55, 0.4, 0.3, 0.1};
    private static final boolean[] LABELS = {true, true, false, true, false, false, true, false};
    private static final String HTML = SweepReport.builder(SCORES, LABELS).title("tiny").build().html();

    @Test
    void page_hasEverySection_andPrecisionAndRecallAsTwoCurves_neverF1() {
        for (String id : new String[] {"summary", "threshold", "curves", "operating-points", "histogram"}) {
            assertTrue(HTML.contains("<section id=\"" + id + "\""), id);
        }
        String svg = element(HTML, "chart-threshold");
        assertEquals(1, count(svg, "data-tip=\"precision\""));
        assertEquals(1, count(svg, "data-tip=\"recall\""));
        assertFalse(HTML.toLowerCase(java.util.Locale.ROOT).contains("f1"));
    }

    @Test
    void summary_aucAndAp_equalTheHandComputedValues() {
        // AUC: positive-negative pairs ranked right: 4 positives x 4 negatives = 16 pairs;
        // wrong: 0.6 < 0.7, 0.3 < 0.7, 0.3 < 0.55, 0.3 < 0.4 -> 12/16 = 0.75
        assertTrue(element(HTML, "roc-auc").contains("data-v=\"0.75\""));
        // AP = sum over positives of precision at its rank / 4: (1/1 + 2/2 + 3/4 + 4/7) / 4
        double ap = (1 + 1 + 0.75 + 4.0 / 7) / 4;
        Matcher m = Pattern.compile("data-v=\"([^\"]+)\"").matcher(element(HTML, "average-precision"));
        assertTrue(m.find());
        assertEquals(ap, Double.parseDouble(m.group(1)), 1e-12);
    }

    @Test
    void thresholdDownload_holdsEveryThresholdsPrecisionAndRecall() {
        String csv = textareaValue(HTML, "csv-threshold");
        // at threshold 0.6: predicted positive 0.9 0.8 0.7 0.6 -> TP 3, FP 1: precision 0.75, recall 0.75,
        // false positive rate 1/4
        assertTrue(csv.contains("\n0.6,0.75,0.75,3,1,0.25\n"), csv);
        ThresholdSweep sweep = ScoreTable.of(SCORES, LABELS).sweep();
        assertEquals(sweep.size() + 1, csv.split("\n").length);
    }

    @Test
    void histogram_countsEveryRowOnce() {
        String csv = textareaValue(HTML, "csv-histogram");
        long pos = 0;
        long neg = 0;
        for (String line : csv.split("\n")) {
            if (line.startsWith("bin_low")) {
                continue;
            }
            String[] f = line.split(",");
            pos += Long.parseLong(f[2]);
            neg += Long.parseLong(f[3]);
        }
        assertEquals(4, pos);
        assertEquals(4, neg);
        String svg = element(HTML, "chart-histogram");
        assertEquals(count(svg, "class=\"bar pos\""), csv.split("\n").length - 1 - (int) csv.lines().skip(1)
                .filter(l -> l.split(",")[2].equals("0")).count());
    }

    @Test
    void operatingPoints_maxRecallAtPrecisionHalf_isTheWholeSet() {
        // precision >= 0.5 holds down to threshold 0.3 (4 TP, 3 FP: 4/7): recall 1
        String table = element(HTML, "operating-table");
        Matcher row = Pattern.compile("<tr><td class=\"l\">max recall at precision ≥ 0.5</td><td data-v=\"([^\"]+)\">"
                + ".*?</td><td data-v=\"([^\"]+)\">").matcher(table);
        assertTrue(row.find(), table);
        assertEquals(0.3, Double.parseDouble(row.group(1)));
        assertEquals(4.0 / 7, Double.parseDouble(row.group(2)), 1e-12);
    }

    @Test
    void oneClassOnly_saysSo_insteadOfFailing() {
        String html = SweepReport.builder(new double[] {0.1, 0.2}, new boolean[] {false, false}).build().html();
        assertTrue(html.contains("Only one class is present"));
        assertFalse(html.contains("id=\"chart-roc\""));
    }

    @Test
    void oneRowOfEachClass_showsTheValuesWithoutIntervals() {
        String html = SweepReport.builder(new double[] {0.8, 0.3}, new boolean[] {true, false}).build().html();
        assertTrue(element(html, "roc-auc").contains("data-v=\"1\""), element(html, "roc-auc"));
        assertTrue(element(html, "roc-auc").contains("interval needs at least two rows of each class"));
    }

    @Test
    void builder_badInput_throwsNamingIt() {
        assertEquals("scores: score 1 (NaN) is not finite", assertThrows(IllegalArgumentException.class,
                () -> SweepReport.builder(new double[] {0.1, Double.NaN}, new boolean[] {true, false})).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SweepReport.builder(new double[] {0.1}, new boolean[0])).getMessage().startsWith("scores, labels"));
        assertEquals("replicates (5) must be >= 10", assertThrows(IllegalArgumentException.class,
                () -> SweepReport.builder(SCORES, LABELS).bootstrap(5, 1)).getMessage());
    }
}
