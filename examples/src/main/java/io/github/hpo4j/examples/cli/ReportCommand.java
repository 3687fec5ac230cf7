package io.github.hpo4j.examples.cli;

import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.storage.StudyInfo;
import io.github.hpo4j.core.storage.spi.StorageBackend;
import io.github.hpo4j.core.study.Direction;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.examples.dashboard.ReadOnlyStorage;
import io.github.hpo4j.search.report.StudyReport;
import io.github.hpo4j.search.report.SweepReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hpo report --storage URL --study NAME [--output report.html]}: a study as one
 * self-contained HTML file; {@code hpo report --sweep predictions.csv}: the threshold page of a
 * label,score CSV.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a self-contained HTML report (no network request; opens offline): of a study"
                + " (--storage, --study), or the threshold page of a label,score CSV (--sweep).",
            "Example: hpo report --storage journal:studies.journal --study demo --output report.html"})
final class ReportCommand extends HpoCommand {

    @Option(names = "--storage", paramLabel = "URL", description = "The storage: journal:PATH (opened read-only), jdbc:...")
    String storage;

    @Option(names = "--study", paramLabel = "NAME", description = "The study to report.")
    String study;

    @Option(names = "--sweep", paramLabel = "FILE", description = "A CSV of label,score[,weight] rows: write its threshold page.")
    Path sweep;

    @Option(names = "--output", paramLabel = "FILE", defaultValue = "report.html",
            description = "Where to write the HTML (default: ${DEFAULT-VALUE}); - for standard output.")
    String output;

    @Option(names = "--baseline", paramLabel = "TRIAL", description = "The trial the overview measures the best against.")
    Integer baseline;

    @Option(names = "--group-by", paramLabel = "ATTRIBUTE",
            description = "Add the group comparison: best and mean per value of this trial attribute (e.g. dataset).")
    String groupBy;

    @Option(names = "--metric", paramLabel = "NAME=DIRECTION",
            description = "Which way a named metric is better (min or max), for the top table's colours; repeatable.")
    Map<String, String> metrics;

    @Override
    public Integer call() throws Exception {
        String html;
        String what;
        if (sweep != null) {
            if (storage != null || study != null) {
                throw new IllegalArgumentException("--sweep: give either --sweep FILE or --storage and --study, not both");
            }
            SweepCommand.Data d = SweepCommand.read(sweep);
            boolean[] labels = java.util.Arrays.copyOf(d.labels, d.n);
            double[] scores = java.util.Arrays.copyOf(d.scores, d.n);
            html = SweepReport.builder(scores, labels).title("threshold sweep: " + sweep.getFileName()).build().html();
            what = "threshold page of " + d.n + " rows";
        } else {
            if (storage == null || study == null) {
                throw new IllegalArgumentException("--storage and --study: both are needed (or --sweep FILE)");
            }
            try (Storage s = ReadOnlyStorage.open(storage)) {
                StudyInfo info = s.findStudy(study).orElseThrow(() -> new IllegalArgumentException(
                        "--study: no study '" + study + "' in " + storage + " (studies: " + s.studyNames() + ")"));
                List<TrialRecord> trials = StorageBackend.of(s).trials(study);
                StudyReport.Builder b = StudyReport.builder().title(study).objectives(info.objectives()).trials(trials);
                if (baseline != null) {
                    b.baseline(baseline);
                }
                if (groupBy != null) {
                    b.groupBy(groupBy);
                }
                if (metrics != null) {
                    metrics.forEach((k, v) -> b.metric(k, direction(k, v)));
                }
                StudyReport r = b.build();
                html = r.html();
                List<String> sections = r.sections();
                what = trials.size() + " trials; sections: " + String.join(", ", sections);
                if (!s.skippedRecords().isEmpty()) {
                    err.println("warning: " + storage + ": " + s.skippedRecords().size()
                            + " damaged record(s) skipped; the report shows the rest");
                }
            }
        }
        if (output.equals("-")) {
            out.print(html);
        } else {
            Path file = Path.of(output);
            Files.writeString(file, html, StandardCharsets.UTF_8);
            out.printf("wrote %s (%,d bytes): %s%n", file, html.getBytes(StandardCharsets.UTF_8).length, what);
        }
        return 0;
    }

    private static Direction direction(String metric, String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "min", "minimize", "lower" -> Direction.MINIMIZE;
            case "max", "maximize", "higher" -> Direction.MAXIMIZE;
            default -> throw new IllegalArgumentException("--metric: " + metric + "=" + text + ": the direction must be min or max");
        };
    }
}
