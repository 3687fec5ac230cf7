package io.github.hpo4j.core.storage;

import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.storage.spi.StaleTrial;
import io.github.hpo4j.core.storage.spi.StorageBackend;
import io.github.hpo4j.core.study.Objective;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/**
 * The storage logic shared by every log-backed storage: build an event, check it against the
 * replayed state, persist it, apply it. Subclasses say how the log is persisted and how to catch
 * up with writers elsewhere.
 */
abstract class EventLogStorage implements StorageBackend {

    private volatile boolean closed;

    /** The replayed state; guarded by {@link #lock()}. */
    abstract LogState state();

    /** Guards {@link #state()} and the log. */
    abstract Lock lock();

    /** Reads what other writers appended since the last call. Called with {@link #lock()} held. */
    abstract void catchUp();

    /** Starts an exclusive write (e.g. takes a file lock). Called with {@link #lock()} held. */
    void beginWrite() {
    }

    /** Ends an exclusive write. */
    void endWrite() {
    }

    /** Makes the events durable, all or none. Called with the write begun, after {@link LogState#check}. */
    abstract void persist(List<Event> events);

    /** Releases what the subclass holds; called once. */
    abstract void release();

    /** Throws if the storage is closed. */
    final void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("storage is closed: " + this);
        }
    }

    /**
     * Appends the events made by {@code factory} (empty: nothing to append) atomically; returns
     * the trial number the first concerns, or -1.
     */
    final int append(Supplier<List<Event>> factory) {
        ensureOpen();
        if (isReadOnly()) {
            throw new IllegalStateException("storage is read-only: " + this);
        }
        Lock lock = lock();
        lock.lock();
        try {
            beginWrite();
            try {
                catchUp();
                List<Event> events = factory.get();
                if (events.isEmpty()) {
                    return -1;
                }
                // several events are independent of each other (distinct trials, fresh numbers in
                // order), so each is checked against the state before any of them
                for (Event e : events) {
                    state().check(e);
                }
                persist(events);
                int first = -1;
                for (int i = 0; i < events.size(); i++) {
                    int n = state().apply(events.get(i));
                    if (i == 0) {
                        first = n;
                    }
                }
                return first;
            } finally {
                endWrite();
            }
        } finally {
            lock.unlock();
        }
    }

    final int append1(Supplier<Event> factory) {
        return append(() -> {
            Event e = factory.get();
            return e == null ? List.of() : List.of(e);
        });
    }

    final <T> T read(Supplier<T> reader) {
        ensureOpen();
        Lock lock = lock();
        lock.lock();
        try {
            catchUp();
            return reader.get();
        } finally {
            lock.unlock();
        }
    }

    static long now() {
        return System.currentTimeMillis();
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }

    @Override
    public void createStudy(String name, List<Objective> objectives) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name (" + name + ") must not be blank");
        }
        List<Objective> objs = List.copyOf(Objects.requireNonNull(objectives, "objectives"));
        append1(() -> new Event.StudyCreated(name, objs));
    }

    @Override
    public Optional<StudyInfo> findStudy(String name) {
        return read(() -> Optional.ofNullable(state().info(name)));
    }

    @Override
    public List<String> studyNames() {
        return read(() -> state().studyNames());
    }

    @Override
    public int createTrial(String study, boolean heartbeat) {
        return append1(() -> new Event.TrialCreated(study, state().nextNumber(study), TrialState.RUNNING, Map.of(),
                Map.of(), heartbeat, now()));
    }

    @Override
    public int enqueueTrial(String study, Map<String, Object> fixedParams, Map<String, Object> attributes) {
        // insertion order kept: a configuration reads back in the order it was given
        Map<String, Object> fixed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fixedParams));
        Map<String, Object> attrs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        return append1(() -> new Event.TrialCreated(study, state().nextNumber(study), TrialState.WAITING, fixed,
                attrs, false, now()));
    }

    @Override
    public OptionalInt claimWaitingTrial(String study, boolean heartbeat) {
        int n = append1(() -> {
            int w = state().firstWaiting(study);
            return w < 0 ? null : new Event.WaitingClaimed(study, w, heartbeat, now());
        });
        return n < 0 ? OptionalInt.empty() : OptionalInt.of(n);
    }

    @Override
    public int addTrial(String study, TrialRecord record) {
        Objects.requireNonNull(record, "record");
        return append1(() -> new Event.TrialAdded(study, state().nextNumber(study), record));
    }

    @Override
    public void setParam(String study, int number, String name, Distribution distribution, double internal) {
        append1(() -> new Event.ParamSet(study, number, name, distribution, internal));
    }

    @Override
    public void reportIntermediate(String study, int number, int step, double value) {
        append1(() -> new Event.IntermediateReported(study, number, step, value));
    }

    @Override
    public void setUserAttr(String study, int number, String key, Object value) {
        append1(() -> new Event.UserAttrSet(study, number, key, value));
    }

    @Override
    public void setMetric(String study, int number, String name, double value) {
        append1(() -> new Event.MetricSet(study, number, name, value));
    }

    @Override
    public void setConstraints(String study, int number, double[] values) {
        double[] copy = values.clone();
        append1(() -> new Event.ConstraintsSet(study, number, copy));
    }

    @Override
    public void finishTrial(String study, int number, TrialState finalState, double[] values, String failure) {
        double[] copy = values == null ? new double[0] : values.clone();
        append1(() -> new Event.TrialFinished(study, number, finalState, copy, failure, now()));
    }

    @Override
    public void recordHeartbeat(String study, int number) {
        append1(() -> new Event.HeartbeatRecorded(study, number, now()));
    }

    @Override
    public List<StaleTrial> failStaleTrials(String study, Duration gracePeriod, int maxRetries) {
        LogState.checkStalePolicy(gracePeriod, maxRetries);
        // most asks find nothing stale: look under the JVM lock only, take the file lock to fail
        if (read(() -> state().staleTrials(study, now() - gracePeriod.toMillis()).isEmpty())) {
            return List.of();
        }
        List<StaleTrial> failed = new ArrayList<>();
        append(() -> {
            failed.clear();
            long now = now();
            LogState s = state();
            List<Event> events = new ArrayList<>();
            int next = s.nextNumber(study);
            for (int n : s.staleTrials(study, now - gracePeriod.toMillis())) {
                TrialRecord dead = s.trial(study, n);
                int retry = LogState.retryCount(dead) < maxRetries ? next++ : -1;
                String failure = LogState.staleFailure(now - s.lastBeat(study, n), gracePeriod, retry);
                events.add(new Event.StaleTrialFailed(study, n, failure, retry, now));
                failed.add(new StaleTrial(n, retry >= 0 ? OptionalInt.of(retry) : OptionalInt.empty()));
            }
            return events;
        });
        return List.copyOf(failed);
    }

    @Override
    public List<TrialRecord> trials(String study) {
        return read(() -> state().trials(study));
    }

    @Override
    public TrialRecord trial(String study, int number) {
        return read(() -> state().trial(study, number));
    }

    @Override
    public List<StudySummary> studySummaries() {
        return read(() -> {
            List<StudySummary> out = new ArrayList<>();
            for (String name : state().studyNames()) {
                out.add(StudySummaries.of(state().info(name), state().trials(name)));
            }
            return out;
        });
    }

    @Override
    public void deleteStudy(String name) {
        append1(() -> new Event.StudyDeleted(name));
    }

    @Override
    public void setStudyAttr(String study, String key, Object value) {
        LogState.checkScalar(key, value);
        append1(() -> new Event.StudyAttrSet(study, key, value));
    }

    @Override
    public Map<String, Object> studyAttrs(String study) {
        return read(() -> state().studyAttrs(study));
    }
}
