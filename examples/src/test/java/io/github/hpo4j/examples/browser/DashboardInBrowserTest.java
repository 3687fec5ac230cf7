package io.github.hpo4j.examples.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.examples.dashboard.Dashboard;
import io.github.hpo4j.examples.dashboard.LiveJournal;
import io.github.hpo4j.examples.dashboard.ReadOnlyStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard in headless Chromium: the list, a study's page refreshing as trials land, and a damaged journal. */
class DashboardInBrowserTest {

    @Test
    void studyPage_refreshesAsTrialsLand_andShowsDamage(@TempDir Path dir) throws Exception {
        try (LiveJournal journal = new LiveJournal(dir.resolve("live.journal"), "live <b>study</b>");
             HeadlessChromium b = HeadlessChromium.start(Browsers.chromium(), 1300, 900)) {
            journal.add(10);
            try (Storage reader = ReadOnlyStorage.open("journal:" + journal.path);
                 Dashboard d = Dashboard.start(reader, "127.0.0.1", 0)) {
                b.navigate(d.url());
                assertEquals("live <b>study</b>", b.evaluate("document.querySelector('#studies-table a').textContent").asText());
                b.screenshot(Browsers.screenshots().resolve("dashboard-index.png"));
                b.evaluate("document.querySelector('#studies-table a').click()");
                assertTrue(b.waitFor("location.pathname.startsWith('/study/')"
                        + " && document.getElementById('kpi-trials') !== null", Duration.ofSeconds(20)));
                assertEquals("10", b.evaluate("document.getElementById('kpi-trials').textContent").asText());
                journal.add(15);
                assertTrue(b.waitFor("document.getElementById('kpi-trials').textContent === '25'", Duration.ofSeconds(20)),
                        "the page did not refresh: " + b.evaluate("document.getElementById('live-status').textContent"));
                assertEquals(25 - 25 / 7, b.evaluate("document.querySelectorAll('#chart-history circle.m.complete').length").asInt());
                b.screenshot(Browsers.screenshots().resolve("dashboard-study.png"));
                journal.damage();
                assertTrue(b.waitFor("document.getElementById('live-status').textContent.includes('1 damaged records skipped')",
                        Duration.ofSeconds(20)));
                b.screenshot(Browsers.screenshots().resolve("dashboard-damaged.png"));
                assertEquals(List.of(), b.errors());
                assertEquals(List.of(), b.dialogs());
            }
        }
    }
}
