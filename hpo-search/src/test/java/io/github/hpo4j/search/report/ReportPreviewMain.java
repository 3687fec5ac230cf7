package io.github.hpo4j.search.report;

import java.nio.file.Path;

/** Writes the sample reports to a directory, to look at: {@code ReportPreviewMain DIR}. */
final class ReportPreviewMain {
    private ReportPreviewMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        SampleStudies.report(SampleStudies.singleObjective(120, 7)).writeTo(dir.resolve("single.html"));
        SampleStudies.report(SampleStudies.twoObjectives(80, 3)).writeTo(dir.resolve("multi.html"));
        SampleStudies.report(SampleStudies.hostile()).writeTo(dir.resolve("hostile.html"));
    }
}
