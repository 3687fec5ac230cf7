package io.github.hpo4j.benchmarks.report;

import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.examples.browser.HeadlessChromium;
import io.github.hpo4j.search.report.SampleStudies;
import io.github.hpo4j.search.report.StudyReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * How long a study report takes to build in Java and to render in headless Chromium, and how big
 * it is, at 1,000 and 10,000 trials (the report tests' sample study: 4 parameters, learning
 * curves of 5 steps, 2 metrics, every section). Browser time: from the navigation to two
 * animation frames after the load event (the first paint of the finished page), the median of 5
 * loads in one browser.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.hpo4j.benchmarks.report.ReportRender [chromium]</pre>
 */
public final class ReportRender {

    private ReportRender() {
    }

    public static void main(String[] args) throws Exception {
        Path chromium = args.length > 0 ? Path.of(args[0]) : HeadlessChromium.find()
                .orElseThrow(() -> new IllegalStateException("no chromium: apt-get install chromium"));
        Path dir = Files.createTempDirectory("hpo-report-bench");
        try (HeadlessChromium b = HeadlessChromium.start(chromium, 1300, 900)) {
            for (int n : new int[] {1_000, 10_000}) {
                Study study = SampleStudies.singleObjective(n, 11);
                StudyReport report = SampleStudies.report(study);
                report.html(); // warm-up
                long t0 = System.nanoTime();
                String html = report.html();
                double buildMs = (System.nanoTime() - t0) / 1e6;
                Path file = dir.resolve("report-" + n + ".html");
                Files.writeString(file, html, StandardCharsets.UTF_8);
                double[] wall = new double[5];
                double[] load = new double[5];
                b.navigate("about:blank");
                for (int i = 0; i < wall.length; i++) {
                    long s = System.nanoTime();
                    load[i] = b.navigate(file.toUri().toString());
                    wall[i] = (System.nanoTime() - s) / 1e6;
                    b.navigate("about:blank");
                }
                Arrays.sort(wall);
                Arrays.sort(load);
                b.navigate(file.toUri().toString());
                String phases = b.evaluate("(() => { const e = performance.getEntriesByType('navigation')[0];"
                        + " return 'parsed ' + Math.round(e.domInteractive) + ' ms, script done '"
                        + " + Math.round(e.domContentLoadedEventEnd) + ' ms, load ' + Math.round(e.loadEventEnd) + ' ms, '"
                        + " + document.getElementsByTagName('*').length + ' elements'; })()").asText();
                b.navigate("about:blank");
                System.out.printf(Locale.ROOT, "%,d trials: %,d bytes; Java builds it in %.0f ms; Chromium: load event"
                        + " %.0f ms, painted %.0f ms (median of 5; min %.0f, max %.0f); one load: %s%n", n,
                        html.getBytes(StandardCharsets.UTF_8).length, buildMs, load[2], wall[2], wall[0], wall[4], phases);
                if (!b.errors().isEmpty()) {
                    throw new IllegalStateException("console errors: " + b.errors());
                }
            }
        }
    }
}
