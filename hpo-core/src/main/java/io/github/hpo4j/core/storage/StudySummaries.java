package io.github.hpo4j.core.storage;

import io.github.hpo4j.core.study.Direction;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A study's summary from its trials, for every storage. */
final class StudySummaries {

    private StudySummaries() {
    }

    static StudySummary of(StudyInfo info, List<TrialRecord> trials) {
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        Instant first = null;
        Instant last = null;
        TrialRecord best = null;
        Direction d = info.objectives().size() == 1 ? info.objectives().get(0).direction() : null;
        for (TrialRecord t : trials) {
            counts.merge(t.state(), 1, Integer::sum);
            for (Optional<Instant> at : List.of(t.start(), t.complete())) {
                if (at.isPresent()) {
                    first = first == null || at.get().isBefore(first) ? at.get() : first;
                    last = last == null || at.get().isAfter(last) ? at.get() : last;
                }
            }
            if (d != null && t.state() == TrialState.COMPLETE && (best == null || d.isBetter(t.value(), best.value()))) {
                best = t;
            }
        }
        return new StudySummary(info.name(), info.objectives(), counts,
                best == null ? Optional.empty() : Optional.of(best.value()),
                best == null ? Optional.empty() : Optional.of(best.number()), Optional.ofNullable(first),
                Optional.ofNullable(last));
    }
}
