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
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        double[] scores = new double[3000];
        boolean[] labels = new boolean[3000];
        for (int i = 0; i < scores.length; i++) {
            labels[i] = rnd.nextDouble() < 0.3;
            scores[i] = 1 / (1 + Math.exp(-(rnd.nextGaussian() + (labels[i] ? 1.2 : -0.6))));
        }
        SweepReport.builder(scores, labels).title("sample sweep").build().writeTo(dir.resolve("sweep.html"));
    }
}
