package io.github.hpo4j.core.storage;

import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state a log replays into: studies and their trials. {@link #check} says whether an event
 * may be appended now; {@link #apply} applies one that passed. Not thread-safe: storages guard it.
 */
final class LogState {

    private static final class StudyModel {
        final StudyInfo info;
        final ArrayList<TrialRecord> trials = new ArrayList<>();
        int firstWaiting;
        List<TrialRecord> snapshot;

        StudyModel(StudyInfo info) {
            this.info = info;
        }
    }

    private final Map<String, StudyModel> studies = new LinkedHashMap<>();

    StudyInfo info(String study) {
        StudyModel m = studies.get(study);
        return m == null ? null : m.info;
    }

    List<String> studyNames() {
        return List.copyOf(studies.keySet());
    }

    List<TrialRecord> trials(String study) {
        StudyModel m = model(study);
        if (m.snapshot == null) {
            m.snapshot = Collections.unmodifiableList(new ArrayList<>(m.trials));
        }
        return m.snapshot;
    }

    TrialRecord trial(String study, int number) {
        StudyModel m = model(study);
        if (number < 0 || number >= m.trials.size()) {
            throw new IllegalArgumentException("number: study '" + study + "' has no trial " + number
                    + " (it has " + m.trials.size() + ")");
        }
        return m.trials.get(number);
    }

    /** The oldest WAITING trial's number, or -1. */
    int firstWaiting(String study) {
        StudyModel m = model(study);
        while (m.firstWaiting < m.trials.size() && m.trials.get(m.firstWaiting).state() != TrialState.WAITING) {
            m.firstWaiting++;
        }
        // enqueued trials are usually few: scan the rest only when the cursor ran off
        for (int i = m.firstWaiting; i < m.trials.size(); i++) {
            if (m.trials.get(i).state() == TrialState.WAITING) {
                return i;
            }
        }
        return -1;
    }

    private StudyModel model(String study) {
        StudyModel m = studies.get(study);
        if (m == null) {
            throw new IllegalArgumentException("study: no study '" + study + "' (studies: " + studies.keySet() + ")");
        }
        return m;
    }

    private TrialRecord running(String study, int number) {
        TrialRecord t = trial(study, number);
        if (t.state() != TrialState.RUNNING) {
            throw new IllegalStateException("trial " + number + " of study '" + study + "' is " + t.state()
                    + ", not RUNNING");
        }
        return t;
    }

    /** Throws if the event may not be appended to the current state. */
    void check(Event event) {
        if (event instanceof Event.StudyCreated e) {
            if (studies.containsKey(e.study())) {
                throw new IllegalArgumentException("name: study '" + e.study() + "' already exists");
            }
            if (e.objectives().isEmpty()) {
                throw new IllegalArgumentException("objectives: a study needs at least one");
            }
        } else if (event instanceof Event.TrialCreated e) {
            model(e.study());
        } else if (event instanceof Event.TrialAdded e) {
            StudyModel m = model(e.study());
            TrialRecord r = e.record();
            if (!r.state().isFinished()) {
                throw new IllegalArgumentException("record: state " + r.state() + " is not finished");
            }
            if (r.state() == TrialState.COMPLETE && r.values().size() != m.info.objectives().size()) {
                throw new IllegalArgumentException("record: " + r.values().size() + " values for "
                        + m.info.objectives().size() + " objective(s)");
            }
        } else if (event instanceof Event.WaitingClaimed e) {
            if (trial(e.study(), e.number()).state() != TrialState.WAITING) {
                throw new IllegalStateException("trial " + e.number() + " is not WAITING");
            }
        } else if (event instanceof Event.ParamSet e) {
            TrialRecord t = running(e.study(), e.number());
            if (t.params().containsKey(e.name())) {
                throw new IllegalStateException(e.name() + ": already set on trial " + e.number());
            }
            if (!e.distribution().containsInternal(e.internal())) {
                throw new IllegalArgumentException(e.name() + ": value (" + e.internal() + ") is outside "
                        + e.distribution());
            }
        } else if (event instanceof Event.TrialFinished e) {
            running(e.study(), e.number());
            if (!e.state().isFinished()) {
                throw new IllegalArgumentException("state (" + e.state() + ") must be COMPLETE, PRUNED or FAIL");
            }
            int n = model(e.study()).info.objectives().size();
            if (e.state() == TrialState.COMPLETE && e.values().length != n) {
                throw new IllegalArgumentException("values: " + e.values().length + " for " + n + " objective(s)");
            }
        } else if (event instanceof Event.IntermediateReported e) {
            running(e.study(), e.number());
        } else if (event instanceof Event.UserAttrSet e) {
            running(e.study(), e.number());
        } else if (event instanceof Event.MetricSet e) {
            running(e.study(), e.number());
        } else if (event instanceof Event.ConstraintsSet e) {
            running(e.study(), e.number());
        }
    }

    /** Applies a checked event; returns the trial number it concerns (or -1 for a study event). */
    int apply(Event event) {
        if (event instanceof Event.StudyCreated e) {
            studies.put(e.study(), new StudyModel(new StudyInfo(e.study(), e.objectives())));
            return -1;
        }
        StudyModel m = model(event.study());
        m.snapshot = null;
        if (event instanceof Event.TrialCreated e) {
            int number = m.trials.size();
            TrialRecord.Builder b = TrialRecord.builder(number).state(e.state());
            e.fixedParams().forEach(b::fixedParam);
            if (e.state() == TrialState.RUNNING) {
                b.start(Instant.ofEpochMilli(e.timeMillis()));
            }
            m.trials.add(b.build());
            return number;
        }
        if (event instanceof Event.TrialAdded e) {
            int number = m.trials.size();
            TrialRecord r = e.record();
            m.trials.add(new TrialRecord(number, r.state(), r.params(), r.distributions(), r.values(),
                    r.metrics(), r.attributes(), r.intermediateValues(), r.constraints(), r.fixedParams(),
                    r.start(), r.complete(), r.failure()));
            return number;
        }
        int number;
        TrialRecord.Builder b;
        if (event instanceof Event.WaitingClaimed e) {
            number = e.number();
            b = trial(e.study(), number).toBuilder().state(TrialState.RUNNING).start(Instant.ofEpochMilli(e.timeMillis()));
        } else if (event instanceof Event.ParamSet e) {
            number = e.number();
            b = trial(e.study(), number).toBuilder().internalParam(e.name(), e.distribution(), e.internal());
        } else if (event instanceof Event.IntermediateReported e) {
            number = e.number();
            b = trial(e.study(), number).toBuilder().intermediate(e.step(), e.value());
        } else if (event instanceof Event.UserAttrSet e) {
            number = e.number();
            b = trial(e.study(), number).toBuilder().attribute(e.key(), e.value());
        } else if (event instanceof Event.MetricSet e) {
            number = e.number();
            b = trial(e.study(), number).toBuilder().metric(e.name(), e.value());
        } else if (event instanceof Event.ConstraintsSet e) {
            number = e.number();
            b = trial(e.study(), number).toBuilder().constraints(e.values());
        } else if (event instanceof Event.TrialFinished e) {
            number = e.number();
            b = trial(e.study(), number).toBuilder().state(e.state()).values(e.values())
                    .failure(e.failure()).complete(Instant.ofEpochMilli(e.timeMillis()));
        } else {
            throw new IllegalStateException("unexpected event " + event);
        }
        m.trials.set(number, b.build());
        return number;
    }

}
