package io.github.hpo4j.core.sampler;

import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters that every finished trial of a study has, each with the same distribution
 * (Optuna's intersection search space): what a sampler that chooses parameters jointly may
 * choose for the next trial. Kept up to date from ask to ask: a trial that has ended never
 * changes, so each is read once, and an ask on a 10,000-trial study reads the trials from the
 * oldest one still running on, not all of them.
 *
 * <pre>{@code
 * IntersectionSearchSpace space = new IntersectionSearchSpace(true, List.of());
 * Map<String, Distribution> joint = space.calculate(study);
 * }</pre>
 *
 * <p>Not thread-safe: a sampler calls it under its own lock. Stability: evolving.
 */
public final class IntersectionSearchSpace {

    private final boolean includePruned;
    private final List<TrialRecord> first;
    private String study;
    private Object storage;
    /** The intersection so far; null before the first finished trial. */
    private Map<String, Distribution> space;
    /** By position in the study: whether the trial has been read (it had ended). */
    private boolean[] seen = new boolean[0];
    /** Every trial before this position has been read. */
    private int readPrefix;
    private boolean firstRead;

    /**
     * @param includePruned whether PRUNED trials count as finished (as TPE's), or COMPLETE ones only
     * @param first         trials to intersect before the study's own (a warm start), in order
     */
    public IntersectionSearchSpace(boolean includePruned, List<TrialRecord> first) {
        this.includePruned = includePruned;
        this.first = List.copyOf(first);
    }

    /**
     * @param study the study; a different study (or the same name on another storage) starts over
     * @return the parameters every finished trial shares, in the first such trial's order; empty
     *     before any trial finished. A new map the caller may change.
     */
    public Map<String, Distribution> calculate(Study study) {
        if (!study.name().equals(this.study) || study.storage() != storage) {
            this.study = study.name();
            this.storage = study.storage();
            space = null;
            seen = new boolean[0];
            readPrefix = 0;
            firstRead = false;
        }
        if (!firstRead) {
            for (TrialRecord t : first) {
                intersect(t);
            }
            firstRead = true;
        }
        List<TrialRecord> trials = study.trials();
        if (seen.length < trials.size()) {
            seen = Arrays.copyOf(seen, Math.max(trials.size(), seen.length * 2));
        }
        for (int i = readPrefix; i < trials.size(); i++) {
            if (!seen[i]) {
                TrialRecord t = trials.get(i);
                if (t.state().isFinished()) {
                    intersect(t);
                    seen[i] = true;
                }
            }
        }
        while (readPrefix < trials.size() && seen[readPrefix]) {
            readPrefix++;
        }
        return space == null ? new LinkedHashMap<>() : new LinkedHashMap<>(space);
    }

    private boolean counts(TrialRecord t) {
        return t.state() == TrialState.COMPLETE || (includePruned && t.state() == TrialState.PRUNED);
    }

    private void intersect(TrialRecord t) {
        if (!counts(t)) {
            return;
        }
        if (space == null) {
            space = new LinkedHashMap<>(t.distributions());
        } else if (!space.isEmpty()) {
            space.entrySet().removeIf(e -> !e.getValue().equals(t.distributions().get(e.getKey())));
        }
    }
}
