package io.github.hpo4j.examples.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import io.github.hpo4j.search.report.SampleStudies;
import io.github.hpo4j.search.report.SweepReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report files in headless Chromium: they load without a console error, draw, hover, and show hostile text as text. */
class ReportInBrowserTest {

    private static HeadlessChromium browser;

    @BeforeAll
    static void start() throws Exception {
        browser = HeadlessChromium.start(Browsers.chromium(), 1300, 900);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void studyReport_loadsWithoutErrors_drawsEveryTrial_andShowsATrialOnHover(@TempDir Path dir) throws Exception {
        Study study = SampleStudies.singleObjective(120, 7);
        Path file = dir.resolve("report.html");
        SampleStudies.report(study).writeTo(file);
        browser.navigate(file.toUri().toString());
        int complete = study.trials(TrialState.COMPLETE).size();
        assertEquals(complete, browser.evaluate("document.querySelectorAll('#chart-history circle.m.complete').length").asInt());
        assertEquals(complete, browser.evaluate("document.querySelectorAll('#chart-parallel .pc').length").asInt());
        // every section is laid out with a size (nothing collapsed)
        assertTrue(browser.evaluate("[...document.querySelectorAll('section')].every(s => s.getBoundingClientRect().height > 40)")
                .asBoolean());
        TrialRecord best = study.bestTrial().orElseThrow();
        browser.evaluate("document.querySelector('#chart-history [data-t=\"" + best.number() + "\"]')"
                + ".dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))");
        String tip = browser.evaluate("document.querySelector('.tip').hidden ? '' : document.querySelector('.tip').textContent")
                .asText();
        assertTrue(tip.startsWith("trial " + best.number() + " · COMPLETE"), tip);
        assertTrue(tip.contains("optimizer = " + best.params().get("optimizer")), tip);
        // the slice's download: built by the page's script from its data, one row per completed trial
        browser.evaluate("URL.createObjectURL = b => { window.lastBlob = b; return 'blob:test'; };"
                + " HTMLAnchorElement.prototype.click = function () { window.lastDownload = this.download; }; 0");
        browser.evaluate("document.querySelector('button[data-csv=\"csv-slice-0\"]').click()");
        String csv = browser.evaluateAsync("window.lastBlob.text()").asText();
        String[] lines = csv.split("\n");
        assertEquals("trial,lr,loss", lines[0]);
        assertEquals("slice-0.csv", browser.evaluate("window.lastDownload").asText());
        assertEquals(complete + 1, lines.length);
        TrialRecord first = study.trials(TrialState.COMPLETE).get(0);
        assertEquals(first.number() + "," + first.params().get("lr") + "," + first.value(), lines[1]);
        browser.screenshot(Browsers.screenshots().resolve("report.png"));
        assertEquals(List.of(), browser.errors());
        assertEquals(List.of(), browser.dialogs());
    }

    @Test
    void hostileNames_renderAsText_andOpenNoDialog(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hostile.html");
        SampleStudies.report(SampleStudies.hostile()).writeTo(file);
        browser.navigate(file.toUri().toString());
        assertEquals(SampleStudies.EVIL_SCRIPT, browser.evaluate("document.querySelector('h1').textContent").asText());
        assertEquals(0, browser.evaluate("document.querySelectorAll('img').length").asInt());
        assertEquals(1, browser.evaluate("document.querySelectorAll('script:not([type])').length").asInt());
        // the parameter names are table text
        String table = browser.evaluate("document.querySelector('#top-table').textContent").asText();
        assertTrue(table.contains(SampleStudies.EVIL_SCRIPT) && table.contains(SampleStudies.EVIL_IMG), table);
        // the failure message reaches the tooltip as text
        browser.evaluate("document.querySelector('#chart-history .m.fail').dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))");
        String tip = browser.evaluate("document.querySelector('.tip').textContent").asText();
        assertTrue(tip.contains("failure: " + SampleStudies.EVIL_SCRIPT + SampleStudies.EVIL_IMG + SampleStudies.EVIL_END), tip);
        assertEquals(0, browser.evaluate("document.querySelectorAll('.tip img, .tip script').length").asInt());
        browser.screenshot(Browsers.screenshots().resolve("report-hostile.png"));
        assertEquals(List.of(), browser.dialogs());
        assertEquals(List.of(), browser.errors());
    }

    @Test
    void sweepPage_loadsWithoutErrors_withTwoSeparateCurves(@TempDir Path dir) throws Exception {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] scores = new double[3000];
        boolean[] labels = new boolean[3000];
        for (int i = 0; i < scores.length; i++) {
            labels[i] = rnd.nextDouble() < 0.3;
            scores[i] = 1 / (1 + Math.exp(-(rnd.nextGaussian() + (labels[i] ? 1.2 : -0.6))));
        }
        Path file = dir.resolve("sweep.html");
        SweepReport.builder(scores, labels).title("sample sweep").build().writeTo(file);
        browser.navigate(file.toUri().toString());
        assertEquals(2, browser.evaluate("document.querySelectorAll('#chart-threshold polyline').length").asInt());
        assertTrue(Files.size(file) < 2_000_000);
        browser.screenshot(Browsers.screenshots().resolve("sweep.png"));
        assertEquals(List.of(), browser.errors());
    }
}
