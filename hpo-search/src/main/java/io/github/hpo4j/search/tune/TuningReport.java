package io.github.hpo4j.search.tune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.hpo4j.core.io.TrialsCsv;
import io.github.hpo4j.core.study.Direction;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a tuning study achieved: counts, mean and best value, the best configuration, the
 * improvement over the baseline, and the best value so far after each trial (the tuning
 * history); as text, JSON and a {@code summary.csv} with one row per trial.
 *
 * <p>Stability: evolving.
 *
 * @param direction     the objective's direction
 * @param trials        every trial of the study, by number
 * @param baselineValue the baseline's value, when a baseline was run
 */
public record TuningReport(Direction direction, List<TrialRecord> trials, Optional<Double> baselineValue) {

    /** Copies the trials. */
    public TuningReport {
        trials = List.copyOf(trials);
    }

    /** @return the number of trials */
    public int count() {
        return trials.size();
    }

    /**
     * @param state a state
     * @return how many trials ended in it
     */
    public long count(TrialState state) {
        return trials.stream().filter(t -> t.state() == state).count();
    }

    private List<TrialRecord> complete() {
        return trials.stream().filter(t -> t.state() == TrialState.COMPLETE && t.values().size() == 1).toList();
    }

    /** @return the mean value of the COMPLETE trials (NaN without any) */
    public double mean() {
        return complete().stream().mapToDouble(TrialRecord::value).average().orElse(Double.NaN);
    }

    /** @return the best COMPLETE trial */
    public Optional<TrialRecord> best() {
        TrialRecord best = null;
        for (TrialRecord t : complete()) {
            if (best == null || direction.isBetter(t.value(), best.value())) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    /** @return best value minus baseline value, sign-adjusted so that positive is better; empty without a baseline */
    public Optional<Double> improvement() {
        if (baselineValue.isEmpty() || best().isEmpty()) {
            return Optional.empty();
        }
        double b = baselineValue.get();
        double v = best().get().value();
        return Optional.of(direction == Direction.MINIMIZE ? b - v : v - b);
    }

    /** @return the best value so far after each trial, in trial order (NaN before the first COMPLETE one) */
    public List<Double> bestSoFar() {
        List<Double> out = new ArrayList<>();
        double best = Double.NaN;
        for (TrialRecord t : trials) {
            if (t.state() == TrialState.COMPLETE && t.values().size() == 1
                    && (Double.isNaN(best) || direction.isBetter(t.value(), best))) {
                best = t.value();
            }
            out.add(best);
        }
        return out;
    }

    /** @return the best configuration as JSON, ready to apply to a model's configuration */
    public String bestParamsJson() {
        try {
            return new ObjectMapper().writeValueAsString(best().map(TrialRecord::params).orElse(Map.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the report as JSON */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trials", count());
        m.put("completed", count(TrialState.COMPLETE));
        m.put("failed", count(TrialState.FAIL));
        m.put("pruned", count(TrialState.PRUNED));
        m.put("mean", finiteOrNull(mean()));
        m.put("best_value", best().map(TrialRecord::value).orElse(null));
        m.put("best_params", best().map(TrialRecord::params).orElse(null));
        m.put("baseline_value", baselineValue.orElse(null));
        m.put("improvement", improvement().orElse(null));
        m.put("best_so_far", bestSoFar().stream().map(TuningReport::finiteOrNull).toList());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Double finiteOrNull(double d) {
        return Double.isFinite(d) ? d : null;
    }

    /** @return a short text report: {@link #summaryText()} and the best configuration */
    public String toText() {
        StringBuilder b = new StringBuilder(summaryText());
        best().ifPresent(t -> b.append("best configuration ").append(bestParamsJson()).append('\n'));
        return b.toString();
    }

    /** @return counts, mean and best value, baseline and improvement; the text report without the best configuration */
    public String summaryText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d trials: %d complete, %d failed, %d pruned%n", count(),
                count(TrialState.COMPLETE), count(TrialState.FAIL), count(TrialState.PRUNED)));
        b.append(String.format(Locale.ROOT, "mean %.6g, best %s%n", mean(),
                best().map(t -> String.format(Locale.ROOT, "%.6g (trial %d)", t.value(), t.number())).orElse("-")));
        baselineValue.ifPresent(v -> b.append(String.format(Locale.ROOT, "baseline %.6g, improvement %.6g%n", v,
                improvement().orElse(Double.NaN))));
        return b.toString();
    }

    /**
     * Writes {@code summary.csv}: one row per trial with its state, value, duration, parameters and metrics.
     *
     * @param file where to write
     * @throws UncheckedIOException if writing fails
     */
    public void writeSummaryCsv(Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            TrialsCsv.write(trials, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
