package io.github.hpo4j.search.report;

import io.github.hpo4j.core.study.Direction;
import io.github.hpo4j.core.study.Objective;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialRecord;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A study as one self-contained HTML file: overview, optimization history, parameter importance,
 * slices, contour, parallel coordinates, learning curves, Pareto fronts, the top configurations,
 * metrics over time, insight cards, group comparison and a timeline, each shown only where the
 * study has the data. The file makes no network request (a Content-Security-Policy forbids any),
 * draws every chart as inline SVG, and keeps each chart's numbers in a table or a CSV download.
 *
 * <pre>{@code
 * StudyReport report = StudyReport.of(study);            // or StudyReport.builder()...build()
 * report.writeTo(Path.of("report.html"));
 * String html = report.html();                          // e.g. for a service's admin page
 * }</pre>
 *
 * <p>Immutable once built; {@link #html()} renders on first use and returns the same document after.
 * Stability: evolving (sections may be added; their ids stay).
 */
public final class StudyReport {

    final String title;
    final List<Objective> objectives;
    final List<TrialRecord> trials;
    final Integer baseline;
    final Map<String, Direction> metricDirections;
    final String groupBy;
    final Map<String, List<String>> categories;
    final String subtitle;

    private StudyReport(Builder b) {
        this.title = b.title;
        this.objectives = List.copyOf(b.objectives);
        this.trials = List.copyOf(b.trials);
        this.baseline = b.baseline;
        this.metricDirections = Map.copyOf(b.metricDirections);
        this.groupBy = b.groupBy;
        this.categories = new LinkedHashMap<>(b.categories);
        this.subtitle = b.subtitle;
    }

    /** @return a builder; {@link Builder#objectives} and {@link Builder#trials} are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A report of a study's current trials with the default settings.
     *
     * @param study the study
     * @return the report
     * @throws NullPointerException if study is null
     */
    public static StudyReport of(Study study) {
        Objects.requireNonNull(study, "study");
        return builder().title(study.name()).objectives(study.objectives()).trials(study.trials()).build();
    }

    private volatile String document;

    /** @return the whole HTML document */
    public String html() {
        String d = document;
        if (d == null) {
            d = new StudyPage(this).document(null);
            document = d;
        }
        return d;
    }

    /**
     * The report's body alone (the {@code <div id="report">} element and what it holds), for a page
     * that frames it, such as the dashboard.
     *
     * @return the HTML fragment
     */
    public String fragment() {
        Html h = new Html();
        new StudyPage(this).body(h);
        return h.toString();
    }

    /**
     * The document framed for a live view: the body carries the URLs the page's script polls.
     * For the dashboard; a file report has no use for it.
     *
     * @param statusUrl   the JSON to poll ({@code {"version": ..., "trials": n, "skipped": k}})
     * @param fragmentUrl where {@link #fragment()} is served
     * @param version     the current version, to compare the polled one against
     * @param banner      a warning shown above the report (e.g. damaged records skipped), or null
     * @return the HTML document
     */
    public String liveHtml(String statusUrl, String fragmentUrl, String version, String banner) {
        return new StudyPage(this).document(new StudyPage.Live(statusUrl, fragmentUrl, version, banner));
    }

    /**
     * The ids of the sections this report shows (e.g. {@code overview}, {@code history},
     * {@code importance}), in page order.
     *
     * @return the section ids
     */
    public List<String> sections() {
        return StudyPage.sectionIds(html());
    }

    /**
     * Writes the report to a file (UTF-8), replacing it.
     *
     * @param file the file
     * @throws UncheckedIOException if it cannot be written
     */
    public void writeTo(Path file) {
        Page.write(file, html());
    }

    /**
     * The Content-Security-Policy of the pages {@link #liveHtml} makes, for a server to send as a
     * header too: no outside source, only the page's own script, fetches to its own origin.
     *
     * @return the policy
     */
    public static String livePolicy() {
        return Page.LIVE_POLICY;
    }

    /** @return the baseline trial's number, when one is set */
    public Optional<Integer> baseline() {
        return Optional.ofNullable(baseline);
    }

    /** Configures a report; every method checks its argument at once. */
    public static final class Builder {
        private String title = "study";
        private String subtitle;
        private List<Objective> objectives;
        private List<TrialRecord> trials;
        private Integer baseline;
        private final Map<String, Direction> metricDirections = new LinkedHashMap<>();
        private String groupBy;
        private final Map<String, List<String>> categories = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param title the page's title, usually the study's name
         * @return this builder
         * @throws IllegalArgumentException if title is null or blank
         */
        public Builder title(String title) {
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("title: must not be blank (" + title + ")");
            }
            this.title = title;
            return this;
        }

        /**
         * @param subtitle a line under the title (e.g. where the study is stored), or null
         * @return this builder
         */
        public Builder subtitle(String subtitle) {
            this.subtitle = subtitle;
            return this;
        }

        /**
         * @param objectives the study's objectives, in order
         * @return this builder
         * @throws IllegalArgumentException if objectives is null or empty
         */
        public Builder objectives(List<Objective> objectives) {
            if (objectives == null || objectives.isEmpty()) {
                throw new IllegalArgumentException("objectives: at least one is needed (" + objectives + ")");
            }
            this.objectives = new ArrayList<>(objectives);
            return this;
        }

        /**
         * @param trials the trials to report, any states
         * @return this builder
         * @throws IllegalArgumentException if trials is null
         */
        public Builder trials(List<TrialRecord> trials) {
            if (trials == null) {
                throw new IllegalArgumentException("trials: must not be null");
            }
            this.trials = new ArrayList<>(trials);
            return this;
        }

        /**
         * Marks a trial as the baseline that the overview measures the best against. Without
         * one, a trial whose attribute {@code baseline} is {@code true} is taken, if any.
         *
         * @param trialNumber the baseline trial's number
         * @return this builder
         * @throws IllegalArgumentException if trialNumber is negative
         */
        public Builder baseline(int trialNumber) {
            if (trialNumber < 0) {
                throw new IllegalArgumentException("baseline: trial number (" + trialNumber + ") must be >= 0");
            }
            this.baseline = trialNumber;
            return this;
        }

        /**
         * Says which way a named metric is better, for the heat colours of the top-configurations
         * table. Without it, a metric whose name says loss, error, rmse, mae, mse, latency or
         * time is taken as lower-better and any other as higher-better.
         *
         * @param name      the metric
         * @param direction which way is better
         * @return this builder
         * @throws IllegalArgumentException if name is blank or direction null
         */
        public Builder metric(String name, Direction direction) {
            if (name == null || name.isBlank() || direction == null) {
                throw new IllegalArgumentException("metric: name (" + name + ") and direction (" + direction
                        + ") are required");
            }
            metricDirections.put(name, direction);
            return this;
        }

        /**
         * Adds the group comparison: best and mean of each objective and metric per value of a
         * trial attribute (e.g. {@code dataset}).
         *
         * @param attribute the attribute
         * @return this builder
         * @throws IllegalArgumentException if attribute is blank
         */
        public Builder groupBy(String attribute) {
            if (attribute == null || attribute.isBlank()) {
                throw new IllegalArgumentException("groupBy: attribute must not be blank (" + attribute + ")");
            }
            this.groupBy = attribute;
            return this;
        }

        /**
         * Groups parameters under a heading in the insight cards; parameters in no category go
         * under "other".
         *
         * @param category the heading
         * @param params   its parameters
         * @return this builder
         * @throws IllegalArgumentException if category is blank or params empty
         */
        public Builder category(String category, String... params) {
            if (category == null || category.isBlank() || params == null || params.length == 0) {
                throw new IllegalArgumentException("category: a name (" + category + ") and at least one parameter"
                        + " are required");
            }
            categories.put(category, List.of(params));
            return this;
        }

        /**
         * @return the report
         * @throws IllegalStateException if objectives or trials were not set
         */
        public StudyReport build() {
            if (objectives == null || trials == null) {
                throw new IllegalStateException("objectives and trials are required");
            }
            return new StudyReport(this);
        }
    }
}
