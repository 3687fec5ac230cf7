package io.github.hpo4j.core.storage;

import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.study.Objective;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
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
abstract class EventLogStorage implements Storage {

    /** The replayed state; guarded by {@link #lock()}. */
    final LogState state = new LogState();

    /** Guards {@link #state} and the log. */
    abstract Lock lock();

    /** Reads what other writers appended since the last call. Called with {@link #lock()} held. */
    abstract void catchUp();

    /** Starts an exclusive write (e.g. takes a file lock). Called with {@link #lock()} held. */
    void beginWrite() {
    }

    /** Ends an exclusive write. */
    void endWrite() {
    }

    /** Makes the event durable. Called with the write begun, after {@link LogState#check}. */
    abstract void persist(Event event);

    /** Appends the event made by {@code factory} (null: nothing to append); returns its trial number or -1. */
    final int append(Supplier<Event> factory) {
        Lock lock = lock();
        lock.lock();
        try {
            beginWrite();
            try {
                catchUp();
                Event event = factory.get();
                if (event == null) {
                    return -1;
                }
                state.check(event);
                persist(event);
                return state.apply(event);
            } finally {
                endWrite();
            }
        } finally {
            lock.unlock();
        }
    }

    final <T> T read(Supplier<T> reader) {
        Lock lock = lock();
        lock.lock();
        try {
            catchUp();
            return reader.get();
        } finally {
            lock.unlock();
        }
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    @Override
    public void createStudy(String name, List<Objective> objectives) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name (" + name + ") must not be blank");
        }
        List<Objective> objs = List.copyOf(Objects.requireNonNull(objectives, "objectives"));
        append(() -> new Event.StudyCreated(name, objs));
    }

    @Override
    public Optional<StudyInfo> findStudy(String name) {
        return read(() -> Optional.ofNullable(state.info(name)));
    }

    @Override
    public List<String> studyNames() {
        return read(state::studyNames);
    }

    @Override
    public int createTrial(String study) {
        return append(() -> new Event.TrialCreated(study, TrialState.RUNNING, Map.of(), now()));
    }

    @Override
    public int enqueueTrial(String study, Map<String, Object> fixedParams) {
        Map<String, Object> fixed = Map.copyOf(fixedParams);
        return append(() -> new Event.TrialCreated(study, TrialState.WAITING, fixed, now()));
    }

    @Override
    public OptionalInt claimWaitingTrial(String study) {
        int n = append(() -> {
            int w = state.firstWaiting(study);
            return w < 0 ? null : new Event.WaitingClaimed(study, w, now());
        });
        return n < 0 ? OptionalInt.empty() : OptionalInt.of(n);
    }

    @Override
    public int addTrial(String study, TrialRecord record) {
        Objects.requireNonNull(record, "record");
        return append(() -> new Event.TrialAdded(study, record));
    }

    @Override
    public void setParam(String study, int number, String name, Distribution distribution, double internal) {
        append(() -> new Event.ParamSet(study, number, name, distribution, internal));
    }

    @Override
    public void reportIntermediate(String study, int number, int step, double value) {
        append(() -> new Event.IntermediateReported(study, number, step, value));
    }

    @Override
    public void setUserAttr(String study, int number, String key, Object value) {
        append(() -> new Event.UserAttrSet(study, number, key, value));
    }

    @Override
    public void setMetric(String study, int number, String name, double value) {
        append(() -> new Event.MetricSet(study, number, name, value));
    }

    @Override
    public void setConstraints(String study, int number, double[] values) {
        double[] copy = values.clone();
        append(() -> new Event.ConstraintsSet(study, number, copy));
    }

    @Override
    public void finishTrial(String study, int number, TrialState finalState, double[] values, String failure) {
        double[] copy = values == null ? new double[0] : values.clone();
        append(() -> new Event.TrialFinished(study, number, finalState, copy, failure, now()));
    }

    @Override
    public List<TrialRecord> trials(String study) {
        return read(() -> state.trials(study));
    }

    @Override
    public TrialRecord trial(String study, int number) {
        return read(() -> state.trial(study, number));
    }
}
