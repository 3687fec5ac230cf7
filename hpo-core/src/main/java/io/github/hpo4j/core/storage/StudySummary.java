package io.github.hpo4j.core.storage;

import io.github.hpo4j.core.study.Objective;
import io.github.hpo4j.core.trial.TrialState;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link Storage#studySummaries()} says of a study: its objectives, how many trials it holds
 * in each state, its best value (one objective) and when it was created and last active.
 *
 * <pre>{@code
 * for (StudySummary s : storage.studySummaries()) {
 *     System.out.println(s.name() + ": " + s.trials() + " trials, best " + s.bestValue().orElse(Double.NaN));
 * }
 * }</pre>
 *
 * <p>Stability: evolving (fields may be added).
 *
 * @param name         the study
 * @param objectives   its objectives
 * @param countByState trials by state (every state present, zero when none)
 * @param bestValue    the best COMPLETE value of a single-objective study
 * @param bestTrial    the number of that trial
 * @param created      the first trial's start (or creation, where the storage records it)
 * @param lastActivity the latest start or completion of any trial
 */
public record StudySummary(String name, List<Objective> objectives, Map<TrialState, Integer> countByState,
                           Optional<Double> bestValue, Optional<Integer> bestTrial, Optional<Instant> created,
                           Optional<Instant> lastActivity) {

    /** Copies the collections. */
    public StudySummary {
        objectives = List.copyOf(objectives);
        EnumMap<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        for (TrialState s : TrialState.values()) {
            counts.put(s, countByState.getOrDefault(s, 0));
        }
        countByState = java.util.Collections.unmodifiableMap(counts);
    }

    /** @return all trials, in any state */
    public int trials() {
        return countByState.values().stream().mapToInt(Integer::intValue).sum();
    }
}
