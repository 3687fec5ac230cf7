package io.github.hpo4j.core.storage;

import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state a log replays into: studies and their trials. {@link #check} says whether an event
 * may be applied now; {@link #apply} applies one that passed. Trials are kept by number; a number
 * can be missing only when a lenient reader skipped the line that created it. Not thread-safe:
 * storages guard it.
 */
final class LogState {

    /** User attribute naming the trial whose configuration a retry repeats. */
    static final String RETRIED_FROM = "retried_from";
    /** User attribute counting the retries of one configuration (1, 2, …). */
    static final String RETRY = "retry";

    private static final class StudyModel {
        final StudyInfo info;
        /** By number; missing where a lenient reader skipped the creation. */
        final TrialTable trials = new TrialTable();
        /** Last heartbeat by number, 0 for none. */
        long[] beats = new long[16];
        int firstWaiting;
        /** RUNNING trials with heartbeats, checked for staleness. */
        final java.util.TreeSet<Integer> beating = new java.util.TreeSet<>();
        final Map<String, Object> attrs = new LinkedHashMap<>();

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
        return model(study).trials.snapshot();
    }

    /** A study's user attributes. */
    Map<String, Object> studyAttrs(String study) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(model(study).attrs));
    }

    /** The number the next created trial gets. */
    int nextNumber(String study) {
        return model(study).trials.size();
    }

    TrialRecord trial(String study, int number) {
        StudyModel m = model(study);
        TrialRecord t = m.trials.get(number);
        if (t == null) {
            throw new IllegalArgumentException("number: study '" + study + "' has no trial " + number
                    + " (it has " + m.trials.present() + ")");
        }
        return t;
    }

    /** The last heartbeat of a trial in epoch milliseconds, 0 when it has none. */
    long lastBeat(String study, int number) {
        StudyModel m = model(study);
        return number < m.beats.length ? m.beats[number] : 0;
    }

    /** RUNNING trials with heartbeats whose last beat is before {@code before}, by number. */
    List<Integer> staleTrials(String study, long before) {
        StudyModel m = model(study);
        List<Integer> out = new ArrayList<>();
        for (int n : m.beating) {
            if (m.beats[n] < before) {
                out.add(n);
            }
        }
        return out;
    }

    /** The oldest WAITING trial's number, or -1. */
    int firstWaiting(String study) {
        StudyModel m = model(study);
        while (m.firstWaiting < m.trials.size() && !isWaiting(m.trials.get(m.firstWaiting))) {
            m.firstWaiting++;
        }
        // enqueued trials are usually few: scan the rest only when the cursor ran off
        for (int i = m.firstWaiting; i < m.trials.size(); i++) {
            if (isWaiting(m.trials.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isWaiting(TrialRecord t) {
        return t != null && t.state() == TrialState.WAITING;
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
            String why = t.failure().filter(f -> f.startsWith("stale:")).map(f -> " (" + f + ")").orElse("");
            throw new IllegalStateException("trial " + number + " of study '" + study + "' is " + t.state()
                    + ", not RUNNING" + why);
        }
        return t;
    }

    private static void checkNumber(StudyModel m, int number) {
        if (number >= 0 && number < m.trials.size()) {
            throw new IllegalArgumentException("number: trial " + number + " of study '" + m.info.name()
                    + "' already exists");
        }
    }

    /** Throws if the event may not be applied to the current state. */
    void check(Event event) {
        if (event instanceof Event.StudyCreated e) {
            if (studies.containsKey(e.study())) {
                throw new IllegalArgumentException("name: study '" + e.study() + "' already exists");
            }
            if (e.objectives().isEmpty()) {
                throw new IllegalArgumentException("objectives: a study needs at least one");
            }
        } else if (event instanceof Event.StudyDeleted e) {
            model(e.study());
        } else if (event instanceof Event.StudyAttrSet e) {
            model(e.study());
            if (e.key() == null || e.key().isBlank()) {
                throw new IllegalArgumentException("key (" + e.key() + ") must not be blank");
            }
        } else if (event instanceof Event.TrialCreated e) {
            checkNumber(model(e.study()), e.number());
            if (e.state() != TrialState.RUNNING && e.state() != TrialState.WAITING) {
                throw new IllegalArgumentException("state (" + e.state() + ") of a created trial must be RUNNING or WAITING");
            }
        } else if (event instanceof Event.TrialAdded e) {
            StudyModel m = model(e.study());
            checkNumber(m, e.number());
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
            if (running(e.study(), e.number()).intermediateValues().containsKey(e.step())) {
                throw new IllegalStateException("step " + e.step() + " of trial " + e.number() + " already has a value");
            }
        } else if (event instanceof Event.MetricSet e) {
            running(e.study(), e.number());
            if (Double.isNaN(e.value())) {
                throw new IllegalArgumentException(e.name() + ": metric value is NaN");
            }
        } else if (event instanceof Event.UserAttrSet e) {
            running(e.study(), e.number());
        } else if (event instanceof Event.ConstraintsSet e) {
            running(e.study(), e.number());
        } else if (event instanceof Event.HeartbeatRecorded e) {
            running(e.study(), e.number());
        } else if (event instanceof Event.StaleTrialFailed e) {
            running(e.study(), e.number());
            if (e.retry() >= 0) {
                checkNumber(model(e.study()), e.retry());
            }
        }
    }

    private static void beat(StudyModel m, int number, long time) {
        if (number >= m.beats.length) {
            m.beats = Arrays.copyOf(m.beats, Math.max(number + 1, m.beats.length * 2));
        }
        m.beats[number] = time;
        m.beating.add(number);
    }

    /** Applies a checked event; returns the trial number it concerns (or -1 for a study event). */
    int apply(Event event) {
        if (event instanceof Event.StudyCreated e) {
            studies.put(e.study(), new StudyModel(new StudyInfo(e.study(), e.objectives())));
            return -1;
        }
        if (event instanceof Event.StudyDeleted e) {
            studies.remove(e.study());
            return -1;
        }
        if (event instanceof Event.StudyAttrSet e) {
            model(e.study()).attrs.put(e.key(), e.value());
            return -1;
        }
        StudyModel m = model(event.study());
        if (event instanceof Event.TrialCreated e) {
            int number = e.number() < 0 ? m.trials.size() : e.number();
            TrialRecord.Builder b = TrialRecord.builder(number).state(e.state());
            e.fixedParams().forEach(b::fixedParam);
            e.attributes().forEach(b::attribute);
            if (e.state() == TrialState.RUNNING) {
                b.start(Instant.ofEpochMilli(e.timeMillis()));
            }
            m.trials.put(number, b.build());
            if (e.heartbeat()) {
                beat(m, number, e.timeMillis());
            }
            return number;
        }
        if (event instanceof Event.TrialAdded e) {
            int number = e.number() < 0 ? m.trials.size() : e.number();
            TrialRecord r = e.record();
            m.trials.put(number, new TrialRecord(number, r.state(), r.params(), r.distributions(), r.values(),
                    r.metrics(), r.attributes(), r.intermediateValues(), r.constraints(), r.fixedParams(),
                    r.start(), r.complete(), r.failure()));
            return number;
        }
        if (event instanceof Event.HeartbeatRecorded e) {
            beat(m, e.number(), e.timeMillis());
            return e.number();
        }
        int number;
        TrialRecord.Builder b;
        if (event instanceof Event.WaitingClaimed e) {
            number = e.number();
            b = trial(e.study(), number).toBuilder().state(TrialState.RUNNING).start(Instant.ofEpochMilli(e.timeMillis()));
            if (e.heartbeat()) {
                beat(m, number, e.timeMillis());
            }
        } else if (event instanceof Event.ParamSet e) {
            // the commonest event: one parameter more, the record's other parts shared
            number = e.number();
            m.trials.put(number, trial(e.study(), number).withInternalParam(e.name(), e.distribution(), e.internal()));
            return number;
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
            m.beating.remove(number);
        } else if (event instanceof Event.StaleTrialFailed e) {
            number = e.number();
            TrialRecord dead = trial(e.study(), number);
            b = dead.toBuilder().state(TrialState.FAIL).values(new double[0]).failure(e.failure())
                    .complete(Instant.ofEpochMilli(e.timeMillis()));
            m.beating.remove(number);
            if (e.retry() >= 0) {
                TrialRecord.Builder retry = TrialRecord.builder(e.retry()).state(TrialState.WAITING);
                dead.fixedParams().forEach(retry::fixedParam);
                dead.params().forEach(retry::fixedParam);
                retry.attribute(RETRIED_FROM, retriedFrom(dead));
                retry.attribute(RETRY, retryCount(dead) + 1);
                m.trials.put(e.retry(), retry.build());
            }
        } else {
            throw new IllegalStateException("unexpected event " + event);
        }
        m.trials.put(number, b.build());
        return number;
    }

    /** Checks the arguments of a stale-trial sweep, for every storage. */
    static void checkStalePolicy(java.time.Duration gracePeriod, int maxRetries) {
        java.util.Objects.requireNonNull(gracePeriod, "gracePeriod");
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("gracePeriod (" + gracePeriod + ") must not be negative");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries (" + maxRetries + ") must be >= 0");
        }
    }

    /** The failure message of a trial failed because its heartbeat stopped, for every storage. */
    static String staleFailure(long silentMillis, java.time.Duration gracePeriod, int retry) {
        return String.format(java.util.Locale.ROOT, "stale: no heartbeat for %.1f s (grace period %.1f s); its worker"
                + " stopped%s", silentMillis / 1000.0, gracePeriod.toMillis() / 1000.0,
                retry >= 0 ? "; retried as trial " + retry : "");
    }

    /** Checks that an attribute value is a string, number or boolean. */
    static void checkScalar(String key, Object value) {
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new IllegalArgumentException(key + ": attribute value (" + value + ") must be a string, number or boolean");
        }
    }

    /** The original trial whose configuration a trial runs (itself unless it is a retry). */
    static int retriedFrom(TrialRecord t) {
        return t.attributes().get(RETRIED_FROM) instanceof Number n ? n.intValue() : t.number();
    }

    /** How many times a trial's configuration was retried before it (0 for an original). */
    static int retryCount(TrialRecord t) {
        return t.attributes().get(RETRY) instanceof Number n ? n.intValue() : 0;
    }
}
