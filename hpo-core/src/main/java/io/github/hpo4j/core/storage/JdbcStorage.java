package io.github.hpo4j.core.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpo4j.core.internal.JsonCodec;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.storage.spi.StaleTrial;
import io.github.hpo4j.core.storage.spi.StorageBackend;
import io.github.hpo4j.core.study.Direction;
import io.github.hpo4j.core.study.Objective;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Studies in a relational database over plain JDBC ({@link JdbcSchema} for the tables). Every
 * write is one transaction: those that number trials (create, enqueue, claim, add, fail stale)
 * lock the study's row, so numbers are unique and gap-free under any concurrency; a change to one
 * trial locks only that trial's row, so a check (is it RUNNING?) holds until the commit. A trial
 * this storage runs is kept as it last wrote it, with its row's version: the next change is
 * written without reading the row first, on condition that the version is still that one (else
 * it is rolled back and done under the row's lock), and {@link #trial} answers it from memory.
 * Serialization failures, deadlocks and lost connections are retried a bounded number of times
 * with jitter. Reads keep each study's trials in memory and fetch, in one query by primary key,
 * only the trials created since the last read and those that were unfinished then: finished
 * trials never change.
 */
final class JdbcStorage implements StorageBackend {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStorage.class);
    private static final int MAX_ATTEMPTS = 8;
    private static final int MAX_NAME = 255;

    private final DataSource ds;
    private final AutoCloseable owned;
    private final String description;
    /** Whether the database returns an update's new values in the same statement (PostgreSQL's RETURNING). */
    private volatile boolean updateReturning;
    private volatile boolean closed;
    private final ConcurrentHashMap<String, StudyCache> caches = new ConcurrentHashMap<>();
    /** Trial rows read so far, for tests and benchmarks of the incremental reads. */
    final java.util.concurrent.atomic.AtomicLong trialsRead = new java.util.concurrent.atomic.AtomicLong();
    /** Queries that read trials (for tests: how many round trips the reads cost). */
    final java.util.concurrent.atomic.AtomicLong trialQueries = new java.util.concurrent.atomic.AtomicLong();

    /** What this storage knows of one study: its id, objectives and trials read so far. */
    private static final class StudyCache {
        final int id;
        final StudyInfo info;
        /** The highest trial number read, and the trials read while unfinished: what may have changed. */
        int maxNumber = -1;
        final java.util.TreeSet<Integer> unfinished = new java.util.TreeSet<>();
        /** The trials as last read, by number; snapshots share its blocks. */
        final TrialTable trials = new TrialTable();
        /**
         * Trials as this storage last wrote them (created, changed, finished), until a read finds
         * them finished: {@link #trial} answers from here without a round trip, as Optuna's cached
         * storage does for the trials its process runs. Another process can change such a trial
         * only by failing it as stale; the next write here then finds it no longer running.
         */
        final Map<Integer, Own> own = new java.util.HashMap<>();

        StudyCache(int id, StudyInfo info) {
            this.id = id;
            this.info = info;
        }
    }

    /** A trial as this storage last wrote it, and the row version that write left. */
    private record Own(TrialRecord record, long version) {
    }

    /** A trial's record with its row's version (read under the row's lock for a change). */
    private record Locked(TrialRecord record, long version) {
    }

    private JdbcStorage(DataSource ds, AutoCloseable owned, String description) {
        this.ds = ds;
        this.owned = owned;
        this.description = description;
    }

    /** Opens over a data source, creating or upgrading the schema. */
    static JdbcStorage open(DataSource ds, AutoCloseable owned, String description) {
        JdbcStorage s = new JdbcStorage(ds, owned, description);
        SQLException last = null;
        for (int attempt = 1; attempt <= 5; attempt++) {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try {
                    JdbcSchema.migrate(c);
                    c.commit();
                    s.updateReturning = "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
                    return s;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                last = e;
                if (isConnectionFailure(e)) {
                    break; // an unreachable server or refused credentials do not heal in a second
                }
                sleep(attempt); // several processes creating the tables at once: one wins, the others retry
            } catch (IllegalStateException e) {
                s.closeOwned();
                throw e;
            }
        }
        s.closeOwned();
        throw new StorageException("cannot open the database " + description + ": " + last.getMessage()
                + " (SQLState " + last.getSQLState() + "); check that the server runs and that the URL, user and"
                + " password are right", last);
    }

    // ---------------------------------------------------------------- transactions

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * A transaction's work. {@code retrying} is true when an earlier attempt failed in a way that
     * may have committed it (the connection broke after the commit was sent): the work must then
     * find what that attempt did instead of doing it twice.
     */
    @FunctionalInterface
    private interface TxWork<T> {
        T run(Connection c, boolean retrying) throws SQLException;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("storage is closed: " + this);
        }
    }

    private static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLRecoverableException || (state != null && (state.startsWith("08") || state.startsWith("28")));
    }

    private static boolean retryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                int code = s.getErrorCode();
                if ("40001".equals(state) || "40P01".equals(state) || code == 1213 || code == 1205
                        || (state != null && state.startsWith("08")) || "57P01".equals(state)
                        || s instanceof SQLTransientException || s instanceof SQLRecoverableException) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Before a retry: a lost connection empties the pool (its other idle connections likely died
     * with it) and is retried at once on a new one; a conflict waits a growing, jittered while.
     */
    private void afterFailure(boolean connectionLost, int attempt) {
        if (connectionLost && owned instanceof JdbcPool pool) {
            pool.evictIdle();
            if (attempt == 1) {
                return;
            }
        }
        sleep(attempt);
    }

    private static void sleep(int attempt) {
        long cap = Math.min(2000, 10L << Math.min(attempt, 8));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting to retry", e);
        }
    }

    /** Runs work in a transaction, retrying what the database says may succeed on a retry. */
    private <T> T tx(SqlWork<T> work) {
        return tx((c, retrying) -> work.run(c));
    }

    /** Runs work in a transaction, retrying what the database says may succeed on a retry. */
    private <T> T tx(TxWork<T> work) {
        ensureOpen();
        boolean maybeCommitted = false;
        for (int attempt = 1; ; attempt++) {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T t = work.run(c, maybeCommitted);
                    c.commit();
                    return t;
                } catch (SQLException | RuntimeException e) {
                    try {
                        c.rollback();
                    } catch (SQLException ignored) {
                        // the connection may be gone; the transaction is too
                    }
                    throw e;
                }
            } catch (SQLException e) {
                if (!retryable(e) || attempt >= MAX_ATTEMPTS) {
                    throw new StorageException("database " + description + ": " + e.getMessage() + " (SQLState "
                            + e.getSQLState() + (attempt > 1 ? ", after " + attempt + " attempts" : "") + ")", e);
                }
                LOG.debug("database {}: attempt {} failed ({}); retrying", description, attempt, e.getMessage());
                boolean lost = isConnectionFailure(e) || (e.getSQLState() != null && e.getSQLState().startsWith("57"));
                maybeCommitted |= lost;
                afterFailure(lost, attempt);
            }
        }
    }

    /** Runs reads on one connection in auto-commit mode, retrying as {@link #tx} does. */
    private <T> T read(SqlWork<T> work) {
        ensureOpen();
        for (int attempt = 1; ; attempt++) {
            try (Connection c = ds.getConnection()) {
                return work.run(c);
            } catch (SQLException e) {
                if (!retryable(e) || attempt >= MAX_ATTEMPTS) {
                    throw new StorageException("database " + description + ": " + e.getMessage() + " (SQLState "
                            + e.getSQLState() + ")", e);
                }
                afterFailure(isConnectionFailure(e) || (e.getSQLState() != null && e.getSQLState().startsWith("57")),
                        attempt);
            }
        }
    }

    // ---------------------------------------------------------------- values

    private static void setDouble(PreparedStatement p, int at, double v) throws SQLException {
        if (Double.isFinite(v)) {
            p.setDouble(at, v);
            p.setNull(at + 1, Types.VARCHAR);
        } else {
            p.setNull(at, Types.DOUBLE);
            p.setString(at + 1, Double.toString(v));
        }
    }

    private static double getDouble(ResultSet r, int at) throws SQLException {
        String special = r.getString(at + 1);
        return special != null ? Double.parseDouble(special) : r.getDouble(at);
    }

    private static String json(Object node) {
        try {
            return JsonCodec.MAPPER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String s) {
        try {
            return JsonCodec.MAPPER.readTree(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON in the database: " + s, e);
        }
    }

    private static String scalars(Map<String, Object> m) {
        ObjectNode o = JsonCodec.MAPPER.createObjectNode();
        m.forEach((k, v) -> o.set(k, JsonCodec.scalar(v)));
        return json(o);
    }

    private static Map<String, Object> scalars(String s) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (s != null) {
            parse(s).fields().forEachRemaining(e -> out.put(e.getKey(), JsonCodec.fromScalar(e.getValue())));
        }
        return out;
    }

    private static void checkName(String what, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " (" + name + ") must not be blank");
        }
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException(what + ": '" + name.substring(0, 40) + "…' is longer than " + MAX_NAME
                    + " characters");
        }
    }

    // ---------------------------------------------------------------- studies

    @Override
    public void createStudy(String name, List<Objective> objectives) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name (" + name + ") must not be blank");
        }
        if (name.length() > 512) {
            throw new IllegalArgumentException("name: a study name is at most 512 characters");
        }
        List<Objective> objs = List.copyOf(Objects.requireNonNull(objectives, "objectives"));
        if (objs.isEmpty()) {
            throw new IllegalArgumentException("objectives: a study needs at least one");
        }
        ArrayNode arr = JsonCodec.MAPPER.createArrayNode();
        for (Objective o : objs) {
            arr.addObject().put("name", o.name()).put("direction", o.direction().label());
        }
        String objectivesJson = json(arr);
        tx(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT version FROM hpo_schema WHERE id = 1 FOR UPDATE")) {
                p.executeQuery().close();
            }
            try (PreparedStatement p = c.prepareStatement("SELECT study_id FROM hpo_studies WHERE name = ?")) {
                p.setString(1, name);
                try (ResultSet r = p.executeQuery()) {
                    if (r.next()) {
                        throw new IllegalArgumentException("name: study '" + name + "' already exists");
                    }
                }
            }
            int id;
            try (PreparedStatement p = c.prepareStatement("SELECT COALESCE(MAX(study_id), 0) + 1 FROM hpo_studies");
                 ResultSet r = p.executeQuery()) {
                r.next();
                id = r.getInt(1);
            }
            long now = System.currentTimeMillis();
            try (PreparedStatement p = c.prepareStatement("INSERT INTO hpo_studies (study_id, name, objectives,"
                    + " next_number, changes, created_ms, updated_ms) VALUES (?, ?, ?, 0, 0, ?, ?)")) {
                p.setInt(1, id);
                p.setString(2, name);
                p.setString(3, objectivesJson);
                p.setLong(4, now);
                p.setLong(5, now);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** The study's cache, looked up in the database the first time. */
    private StudyCache cache(String study) {
        StudyCache c = caches.get(study);
        if (c != null) {
            return c;
        }
        Optional<StudyCache> found = lookUp(study);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("study: no study '" + study + "' (studies: " + studyNames() + ")");
        }
        return caches.computeIfAbsent(study, k -> found.get());
    }

    private Optional<StudyCache> lookUp(String study) {
        return read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT study_id, objectives FROM hpo_studies WHERE name = ?")) {
                p.setString(1, study);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    List<Objective> objs = new ArrayList<>();
                    for (JsonNode o : parse(r.getString(2))) {
                        objs.add(new Objective(o.path("name").asText(), Direction.parse(o.path("direction").asText())));
                    }
                    return Optional.of(new StudyCache(r.getInt(1), new StudyInfo(study, objs)));
                }
            }
        });
    }

    @Override
    public Optional<StudyInfo> findStudy(String name) {
        StudyCache c = caches.get(name);
        return c != null ? Optional.of(c.info) : lookUp(name).map(s -> s.info);
    }

    @Override
    public List<String> studyNames() {
        return read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT name FROM hpo_studies ORDER BY study_id");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- writes

    /** Locks the study's row, counts a change and returns [next trial number, the new change count]. */
    private static long[] lockStudy(Connection c, int id) throws SQLException {
        long next;
        long changes;
        try (PreparedStatement p = c.prepareStatement(
                "SELECT next_number, changes FROM hpo_studies WHERE study_id = ? FOR UPDATE")) {
            p.setInt(1, id);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalArgumentException("study: it was deleted");
                }
                next = r.getLong(1);
                changes = r.getLong(2) + 1;
            }
        }
        try (PreparedStatement p = c.prepareStatement(
                "UPDATE hpo_studies SET changes = ?, updated_ms = ? WHERE study_id = ?")) {
            p.setLong(1, changes);
            p.setLong(2, System.currentTimeMillis());
            p.setInt(3, id);
            p.executeUpdate();
        }
        return new long[] {next, changes};
    }

    private static void takeNumber(Connection c, int id, long number) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE hpo_studies SET next_number = ? WHERE study_id = ?")) {
            p.setLong(1, number + 1);
            p.setInt(2, id);
            p.executeUpdate();
        }
    }


    /** The trial's state, or an IllegalArgumentException when it does not exist. */
    private static TrialState state(Connection c, int id, String study, int number) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT state, failure FROM hpo_trials WHERE study_id = ? AND trial_number = ?")) {
            p.setInt(1, id);
            p.setInt(2, number);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalArgumentException("number: study '" + study + "' has no trial " + number);
                }
                return TrialState.valueOf(r.getString(1));
            }
        }
    }


    /** The trial's current record, or an IllegalArgumentException when it does not exist. */
    private static TrialRecord readRecord(Connection c, int id, String study, int number) throws SQLException {
        return readRow(c, id, study, number, false).record();
    }

    /** The trial's record and row version, its row locked until the transaction ends. */
    private static Locked readLocked(Connection c, int id, String study, int number) throws SQLException {
        return readRow(c, id, study, number, true);
    }

    private static Locked readRow(Connection c, int id, String study, int number, boolean lock) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT record, row_version FROM hpo_trials WHERE study_id = ?"
                + " AND trial_number = ?" + (lock ? " FOR UPDATE" : ""))) {
            p.setInt(1, id);
            p.setInt(2, number);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalArgumentException("number: study '" + study + "' has no trial " + number);
                }
                return new Locked(JsonCodec.toTrial(parse(r.getString(1))), r.getLong(2));
            }
        }
    }

    /**
     * Stores a trial's new record if its row still has the given version (and the trial still
     * runs), counting the version up; the mirrored columns as {@link #writeRecord}.
     *
     * @return whether the row had that version (else nothing changed)
     */
    private static boolean writeRecordIfVersion(Connection c, int id, TrialRecord record, long version)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE hpo_trials SET record = ?, state = ?, complete_ms = ?,"
                + " failure = ?, row_version = row_version + 1 WHERE study_id = ? AND trial_number = ?"
                + " AND row_version = ? AND state = 'RUNNING'")) {
            bindRecordColumns(p, record);
            p.setInt(5, id);
            p.setInt(6, record.number());
            p.setLong(7, version);
            return p.executeUpdate() == 1;
        }
    }




    /**
     * Stores a trial's new record and, in the same statement, the columns that mirror it (state,
     * completion time, failure); its change stamp stays.
     */
    private static void writeRecord(Connection c, int id, TrialRecord record) throws SQLException {
        writeRecord(c, id, record, null);
    }

    /** As above, and stamps the trial with the change when {@code seq} is given. */
    private static void writeRecord(Connection c, int id, TrialRecord record, Long seq) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE hpo_trials SET record = ?, state = ?, complete_ms = ?,"
                + " failure = ?, row_version = row_version + 1" + (seq == null ? "" : ", change_seq = ?")
                + " WHERE study_id = ? AND trial_number = ?")) {
            bindRecordColumns(p, record);
            int at = 5;
            if (seq != null) {
                p.setLong(at++, seq);
            }
            p.setInt(at++, id);
            p.setInt(at, record.number());
            p.executeUpdate();
        }
    }

    /** Binds parameters 1–4 of a record write: the record's JSON and the state, completion time and failure that mirror it. */
    private static void bindRecordColumns(PreparedStatement p, TrialRecord record) throws SQLException {
        p.setString(1, json(JsonCodec.trial(record)));
        p.setString(2, record.state().name());
        setLong(p, 3, record.complete().map(Instant::toEpochMilli).orElse(null));
        p.setString(4, record.failure().orElse(null));
    }

    private static TrialRecord requireRunning(TrialRecord t, String study) {
        if (t.state() != TrialState.RUNNING) {
            String why = t.failure().filter(f -> f.startsWith("stale:")).map(f -> " (" + f + ")").orElse("");
            throw new IllegalStateException("trial " + t.number() + " of study '" + study + "' is " + t.state()
                    + ", not RUNNING" + why);
        }
        return t;
    }

    /**
     * Inserts a trial's row with its record in one statement: the columns that mirror the record
     * (state, fixed parameters, times, failure) come from it.
     */
    private static void insertTrial(Connection c, int id, TrialRecord r, Long heartbeat, long seq, String request)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO hpo_trials (study_id, trial_number, state,"
                + " fixed_params, start_ms, complete_ms, failure, heartbeat_ms, change_seq, request_id, record)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setInt(1, id);
            p.setLong(2, r.number());
            p.setString(3, r.state().name());
            if (r.fixedParams().isEmpty()) {
                p.setNull(4, Types.VARCHAR);
            } else {
                p.setString(4, scalars(r.fixedParams()));
            }
            setLong(p, 5, r.start().map(Instant::toEpochMilli).orElse(null));
            setLong(p, 6, r.complete().map(Instant::toEpochMilli).orElse(null));
            p.setString(7, r.failure().orElse(null));
            setLong(p, 8, heartbeat);
            p.setLong(9, seq);
            p.setString(10, request);
            p.setString(11, json(JsonCodec.trial(r)));
            p.executeUpdate();
        }
    }

    /** The trial an earlier attempt of this call created or claimed, or -1. */
    private static int byRequest(Connection c, int id, String request) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT trial_number FROM hpo_trials WHERE study_id = ? AND request_id = ?")) {
            p.setInt(1, id);
            p.setString(2, request);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getInt(1) : -1;
            }
        }
    }

    private static String newRequest() {
        return java.util.UUID.randomUUID().toString();
    }

    private static void setLong(PreparedStatement p, int at, Long v) throws SQLException {
        if (v == null) {
            p.setNull(at, Types.BIGINT);
        } else {
            p.setLong(at, v);
        }
    }

    private static void insertAttr(Connection c, int id, long number, String key, Object value) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO hpo_attrs (study_id, trial_number, attr_key, attr_value) VALUES (?, ?, ?, ?)")) {
            p.setInt(1, id);
            p.setLong(2, number);
            p.setString(3, key);
            p.setString(4, json(JsonCodec.scalar(value)));
            p.executeUpdate();
        }
    }

    private static void insertDoubles(Connection c, String table, int id, long number, double[] values) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table
                + " (study_id, trial_number, idx, val, special) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < values.length; i++) {
                p.setInt(1, id);
                p.setLong(2, number);
                p.setInt(3, i);
                setDouble(p, 4, values[i]);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    @Override
    public int createTrial(String study, boolean heartbeat) {
        StudyCache s = cache(study);
        String request = newRequest();
        Own[] created = new Own[1];
        int n = tx((c, retrying) -> {
            created[0] = null;
            int done = retrying ? byRequest(c, s.id, request) : -1;
            if (done >= 0) {
                return done;
            }
            // the study's row stays locked from the number's update to the commit: three statements,
            // each one round trip, and nothing built while it is held but the trial's JSON
            long[] number = takeNextNumber(c, s.id, updateReturning);
            long now = System.currentTimeMillis();
            TrialRecord record = TrialRecord.builder((int) number[0]).state(TrialState.RUNNING)
                    .start(Instant.ofEpochMilli(now)).build();
            insertTrial(c, s.id, record, heartbeat ? now : null, number[1], request);
            created[0] = new Own(record, 0);
            return (int) number[0];
        });
        remember(s, n, created[0]);
        return n;
    }

    /**
     * Takes the study's next trial number and counts the change in one update (which locks the
     * study's row until the commit); returns [the number taken, the new change count].
     */
    private static long[] takeNextNumber(Connection c, int id, boolean returning) throws SQLException {
        if (returning) {
            // one round trip, so the study's row is held for one fewer
            try (PreparedStatement p = c.prepareStatement("UPDATE hpo_studies SET next_number = next_number + 1,"
                    + " changes = changes + 1, updated_ms = ? WHERE study_id = ? RETURNING next_number, changes")) {
                p.setLong(1, System.currentTimeMillis());
                p.setInt(2, id);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalArgumentException("study: it was deleted");
                    }
                    return new long[] {r.getLong(1) - 1, r.getLong(2)};
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE hpo_studies SET next_number = next_number + 1,"
                + " changes = changes + 1, updated_ms = ? WHERE study_id = ?")) {
            p.setLong(1, System.currentTimeMillis());
            p.setInt(2, id);
            if (p.executeUpdate() == 0) {
                throw new IllegalArgumentException("study: it was deleted");
            }
        }
        try (PreparedStatement p = c.prepareStatement("SELECT next_number, changes FROM hpo_studies WHERE study_id = ?");
             ResultSet r = bind(p, id).executeQuery()) {
            r.next();
            return new long[] {r.getLong(1) - 1, r.getLong(2)};
        }
    }

    private static PreparedStatement bind(PreparedStatement p, int id) throws SQLException {
        p.setInt(1, id);
        return p;
    }

    @Override
    public int enqueueTrial(String study, Map<String, Object> fixedParams, Map<String, Object> attributes) {
        StudyCache s = cache(study);
        Map<String, Object> fixed = new LinkedHashMap<>(fixedParams);
        Map<String, Object> attrs = new LinkedHashMap<>(attributes);
        attrs.keySet().forEach(k -> checkName("key", k));
        String request = newRequest();
        return tx((c, retrying) -> {
            int done = retrying ? byRequest(c, s.id, request) : -1;
            if (done >= 0) {
                return done;
            }
            long[] number = takeNextNumber(c, s.id, updateReturning);
            TrialRecord.Builder b = TrialRecord.builder((int) number[0]).state(TrialState.WAITING);
            fixed.forEach(b::fixedParam);
            attrs.forEach(b::attribute);
            insertTrial(c, s.id, b.build(), null, number[1], request);
            for (Map.Entry<String, Object> e : attrs.entrySet()) {
                insertAttr(c, s.id, number[0], e.getKey(), e.getValue());
            }
            return (int) number[0];
        });
    }

    @Override
    public OptionalInt claimWaitingTrial(String study, boolean heartbeat) {
        StudyCache s = cache(study);
        String request = newRequest();
        // most asks find no waiting trial: one indexed read, no transaction, no lock; a trial found
        // is claimed by locking its row alone and checking it still waits (another worker may have
        // taken it)
        boolean any = read(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT 1 FROM hpo_trials WHERE study_id = ? AND state = 'WAITING'");
                 ResultSet r = bind(p, s.id).executeQuery()) {
                return r.next();
            }
        });
        if (!any) {
            return OptionalInt.empty();
        }
        int n = tx((c, retrying) -> {
            int done = retrying ? byRequest(c, s.id, request) : -1;
            if (done >= 0) {
                return done;
            }
            int after = -1;
            while (true) {
                int w;
                try (PreparedStatement p = c.prepareStatement("SELECT MIN(trial_number) FROM hpo_trials"
                        + " WHERE study_id = ? AND state = 'WAITING' AND trial_number > ?")) {
                    p.setInt(1, s.id);
                    p.setInt(2, after);
                    try (ResultSet r = p.executeQuery()) {
                        r.next();
                        w = r.getInt(1);
                        if (r.wasNull()) {
                            return -1;
                        }
                    }
                }
                TrialRecord locked = readLocked(c, s.id, study, w).record();
                if (locked.state() != TrialState.WAITING) {
                    after = w; // claimed by another worker between the read and the lock
                    continue;
                }
                long now = System.currentTimeMillis();
                try (PreparedStatement p = c.prepareStatement("UPDATE hpo_trials SET state = 'RUNNING', start_ms = ?,"
                        + " heartbeat_ms = ?, request_id = ?, record = ?, row_version = row_version + 1"
                        + " WHERE study_id = ? AND trial_number = ?")) {
                    p.setLong(1, now);
                    setLong(p, 2, heartbeat ? now : null);
                    p.setString(3, request);
                    p.setString(4, json(JsonCodec.trial(locked.toBuilder().state(TrialState.RUNNING)
                            .start(Instant.ofEpochMilli(now)).build())));
                    p.setInt(5, s.id);
                    p.setInt(6, w);
                    p.executeUpdate();
                }
                return w;
            }
        });
        if (n >= 0) {
            remember(s, n, null);
        }
        return n < 0 ? OptionalInt.empty() : OptionalInt.of(n);
    }

    @Override
    public int addTrial(String study, TrialRecord record) {
        Objects.requireNonNull(record, "record");
        StudyCache s = cache(study);
        if (!record.state().isFinished()) {
            throw new IllegalArgumentException("record: state " + record.state() + " is not finished");
        }
        int nObj = s.info.objectives().size();
        if (record.state() == TrialState.COMPLETE && record.values().size() != nObj) {
            throw new IllegalArgumentException("record: " + record.values().size() + " values for " + nObj + " objective(s)");
        }
        String request = newRequest();
        return tx((c, retrying) -> {
            int done = retrying ? byRequest(c, s.id, request) : -1;
            if (done >= 0) {
                return done;
            }
            long[] number = takeNextNumber(c, s.id, updateReturning);
            long n = number[0];
            TrialRecord r = record;
            insertTrial(c, s.id, new TrialRecord((int) n, r.state(), r.params(), r.distributions(), r.values(), r.metrics(),
                    r.attributes(), r.intermediateValues(), r.constraints(), r.fixedParams(), r.start(), r.complete(),
                    r.failure()), null, number[1], request);
            for (Map.Entry<String, Distribution> e : record.distributions().entrySet()) {
                insertParam(c, s.id, n, e.getKey(), e.getValue(), record.internalParam(e.getKey()));
            }
            insertDoubles(c, "hpo_values", s.id, n, record.values().stream().mapToDouble(Double::doubleValue).toArray());
            for (Map.Entry<String, Double> e : record.metrics().entrySet()) {
                insertNamed(c, "hpo_metrics", "metric_name", s.id, n, e.getKey(), e.getValue());
            }
            for (Map.Entry<Integer, Double> e : record.intermediateValues().entrySet()) {
                insertStep(c, s.id, n, e.getKey(), e.getValue());
            }
            for (Map.Entry<String, Object> e : record.attributes().entrySet()) {
                insertAttr(c, s.id, n, e.getKey(), e.getValue());
            }
            insertDoubles(c, "hpo_constraints", s.id, n, record.constraints().stream().mapToDouble(Double::doubleValue).toArray());
            return (int) n;
        });
    }

    /** Whether the trial's parameter is stored with that value (a retry's check that the attempt before committed). */
    private static boolean paramIs(Connection c, int id, int number, String name, double internal) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT internal FROM hpo_params WHERE study_id = ?"
                + " AND trial_number = ? AND param_name = ?")) {
            p.setInt(1, id);
            p.setInt(2, number);
            p.setString(3, name);
            try (ResultSet r = p.executeQuery()) {
                return r.next() && r.getDouble(1) == internal;
            }
        }
    }

    /**
     * On PostgreSQL, a parameter of a trial this storage runs, in one statement (see
     * {@link #writeOwnAtOnce}).
     *
     * @return whether it was written; false when this path does not apply or another worker wrote
     *     the trial meanwhile (nothing changed: the caller writes it under the row's lock)
     * @throws IllegalStateException if the parameter is already set on the trial
     */
    private boolean setOwnParamAtOnce(StudyCache s, int number, String name, Distribution d, double internal) {
        Own mine = ownRunning(s, number);
        if (mine == null) {
            return false;
        }
        if (mine.record().params().containsKey(name)) {
            throw new IllegalStateException(name + ": already set on trial " + number);
        }
        return writeOwnAtOnce(s, mine, mine.record().withInternalParam(name, d, internal),
                "INSERT INTO hpo_params (study_id, trial_number, param_name, distribution, internal)"
                        + " SELECT ?, trial_number, ?, ?, ? FROM changed", (p, at) -> {
                    p.setInt(at, s.id);
                    p.setString(at + 1, name);
                    p.setString(at + 2, json(JsonCodec.distribution(d)));
                    p.setDouble(at + 3, internal);
                }, c -> paramIs(c, s.id, number, name, internal));
    }

    /** The trial as this storage runs it, if the one-statement writes apply (PostgreSQL) and it runs. */
    private Own ownRunning(StudyCache s, int number) {
        if (!updateReturning) {
            return null;
        }
        synchronized (s) {
            Own mine = s.own.get(number);
            return mine == null || mine.record().state() != TrialState.RUNNING ? null : mine;
        }
    }

    /** Binds the parameters of a side table's insert, from position {@code at} on. */
    private interface SideBinder {
        void bind(PreparedStatement p, int at) throws SQLException;
    }

    /**
     * On PostgreSQL, one statement for a change to a trial this storage runs: the record (and the
     * columns that mirror it) is updated if the row still has the version this storage left, and
     * a side table's row is inserted only if it was (a data-modifying WITH named {@code changed}),
     * so the commit is the only other round trip.
     *
     * @param insert      an {@code INSERT … SELECT … FROM changed}, its parameters bound by {@code bind}
     * @param alreadyDone on a retry, whether the attempt before committed
     * @return whether it was written (false: another worker wrote the trial meanwhile; nothing changed)
     */
    private boolean writeOwnAtOnce(StudyCache s, Own mine, TrialRecord changed, String insert, SideBinder bind,
                                   SqlWork<Boolean> alreadyDone) {
        int number = changed.number();
        boolean written = tx((c, retrying) -> {
            if (retrying && alreadyDone.run(c)) {
                return true; // the attempt before committed it
            }
            try (PreparedStatement p = c.prepareStatement("WITH changed AS (UPDATE hpo_trials SET record = ?,"
                    + " state = ?, complete_ms = ?, failure = ?, row_version = row_version + 1 WHERE study_id = ?"
                    + " AND trial_number = ? AND row_version = ? AND state = 'RUNNING' RETURNING trial_number) "
                    + insert)) {
                bindRecordColumns(p, changed);
                p.setInt(5, s.id);
                p.setInt(6, number);
                p.setLong(7, mine.version());
                bind.bind(p, 8);
                return p.executeUpdate() == 1;
            }
        });
        remember(s, number, written ? new Own(changed, mine.version() + 1) : null);
        return written;
    }

    private static void insertParam(Connection c, int id, long n, String name, Distribution d, double internal)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO hpo_params (study_id, trial_number, param_name,"
                + " distribution, internal) VALUES (?, ?, ?, ?, ?)")) {
            p.setInt(1, id);
            p.setLong(2, n);
            p.setString(3, name);
            p.setString(4, json(JsonCodec.distribution(d)));
            p.setDouble(5, internal);
            p.executeUpdate();
        }
    }

    /** Deletes a trial's rows of a table: those with {@code keyColumn = key}, or all when keyColumn is null. */
    private static void deleteTrialRows(Connection c, String table, int id, long n, String keyColumn, String key)
            throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table + " WHERE study_id = ? AND trial_number = ?"
                + (keyColumn == null ? "" : " AND " + keyColumn + " = ?"))) {
            del.setInt(1, id);
            del.setLong(2, n);
            if (keyColumn != null) {
                del.setString(3, key);
            }
            del.executeUpdate();
        }
    }

    private static void insertNamed(Connection c, String table, String nameColumn, int id, long n, String name, double v)
            throws SQLException {
        deleteTrialRows(c, table, id, n, nameColumn, name);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " (study_id, trial_number, " + nameColumn
                + ", val, special) VALUES (?, ?, ?, ?, ?)")) {
            p.setInt(1, id);
            p.setLong(2, n);
            p.setString(3, name);
            setDouble(p, 4, v);
            p.executeUpdate();
        }
    }

    private static void insertStep(Connection c, int id, long n, int step, double v) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO hpo_intermediate (study_id, trial_number, step_no, val,"
                + " special) VALUES (?, ?, ?, ?, ?)")) {
            p.setInt(1, id);
            p.setLong(2, n);
            p.setInt(3, step);
            setDouble(p, 4, v);
            p.executeUpdate();
        }
    }

    /**
     * A change to a RUNNING trial: lock, check, do, stamp. {@code alreadyDone} tells, on a retry
     * that may follow a commit, whether the earlier attempt's change is in place.
     */
    private void change(String study, int number, SqlWork<Boolean> alreadyDone, SqlWork<Void> work,
                        java.util.function.UnaryOperator<TrialRecord.Builder> update) {
        change(study, number, alreadyDone, t -> { }, work, update);
    }

    /** As above, with a check of the locked trial (a value set twice) before the work. */
    private void change(String study, int number, SqlWork<Boolean> alreadyDone,
                        java.util.function.Consumer<TrialRecord> check, SqlWork<Void> work,
                        java.util.function.UnaryOperator<TrialRecord.Builder> update) {
        StudyCache s = cache(study);
        Own mine;
        synchronized (s) {
            mine = s.own.get(number);
        }
        if (mine != null && mine.record().state() == TrialState.RUNNING) {
            // a trial this storage runs: written without reading it first, if no one else wrote it
            // since (its row's version says so); the write's statements are the only round trips
            TrialRecord current = mine.record();
            check.accept(current);
            TrialRecord changed = update.apply(current.toBuilder()).build();
            try {
                Own written = tx((c, retrying) -> {
                    if (retrying && alreadyDone != null && alreadyDone.run(c)) {
                        return null; // the attempt before committed it
                    }
                    work.run(c);
                    if (!writeRecordIfVersion(c, s.id, changed, mine.version())) {
                        throw new VersionMoved(); // rolled back, the work with it
                    }
                    return new Own(changed, mine.version() + 1);
                });
                remember(s, number, written);
                return;
            } catch (VersionMoved moved) {
                remember(s, number, null);
            }
        }
        Own written = tx((c, retrying) -> {
            // the trial's row is locked for the whole change; the study's row only at the end, to
            // count the change: changes are numbered in the order they commit, and writers to other
            // trials of the study wait for one statement and a commit, not for the whole change
            Locked locked = readLocked(c, s.id, study, number);
            if (retrying && alreadyDone != null && alreadyDone.run(c)) {
                return null; // the attempt before committed it
            }
            TrialRecord current = requireRunning(locked.record(), study);
            check.accept(current);
            work.run(c);
            // a trial's own change locks only its row: readers find it among the unfinished trials
            TrialRecord changed = update.apply(current.toBuilder()).build();
            writeRecord(c, s.id, changed);
            return new Own(changed, locked.version() + 1);
        });
        remember(s, number, written);
    }

    /** Thrown inside a write that found another row version; the write is rolled back and done under the lock. */
    private static final class VersionMoved extends RuntimeException {
        VersionMoved() {
            super(null, null, false, false);
        }
    }


    /**
     * Keeps a trial as this storage wrote it, for {@link #trial}; with null (a write whose
     * record is not known here), forgets it, so that the next read goes to the database.
     */
    private static void remember(StudyCache s, int number, Own written) {
        synchronized (s) {
            if (written == null) {
                s.own.remove(number);
            } else {
                s.own.put(number, written);
            }
        }
    }

    private void change(String study, int number, SqlWork<Void> work,
                        java.util.function.UnaryOperator<TrialRecord.Builder> update) {
        change(study, number, null, work, update);
    }

    private static boolean exists(Connection c, String sql, int id, int number, Object key, double value)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setInt(1, id);
            p.setInt(2, number);
            p.setObject(3, key);
            try (ResultSet r = p.executeQuery()) {
                return r.next() && (Double.isNaN(value) || getDouble(r, 1) == value);
            }
        }
    }

    @Override
    public void setParam(String study, int number, String name, Distribution distribution, double internal) {
        checkName("name", name);
        if (!distribution.containsInternal(internal)) {
            throw new IllegalArgumentException(name + ": value (" + internal + ") is outside " + distribution);
        }
        int id = cache(study).id;
        if (setOwnParamAtOnce(cache(study), number, name, distribution, internal)) {
            return;
        }
        change(study, number, c -> paramIs(c, id, number, name, internal), t -> {
            if (t.params().containsKey(name)) {
                throw new IllegalStateException(name + ": already set on trial " + number);
            }
        }, c -> {
            insertParam(c, id, number, name, distribution, internal);
            return null;
        }, b -> b.internalParam(name, distribution, internal));
    }

    @Override
    public void reportIntermediate(String study, int number, int step, double value) {
        int id = cache(study).id;
        change(study, number, c -> exists(c, "SELECT val, special FROM hpo_intermediate WHERE study_id = ? AND"
                + " trial_number = ? AND step_no = ?", id, number, step, value), t -> {
            if (t.intermediateValues().containsKey(step)) {
                throw new IllegalStateException("step " + step + " of trial " + number + " already has a value");
            }
        }, c -> {
            insertStep(c, id, number, step, value);
            return null;
        }, b -> b.intermediate(step, value));
    }

    @Override
    public void setUserAttr(String study, int number, String key, Object value) {
        checkName("key", key);
        int id = cache(study).id;
        change(study, number, c -> {
            deleteTrialRows(c, "hpo_attrs", id, number, "attr_key", key);
            insertAttr(c, id, number, key, value);
            return null;
        }, b -> b.attribute(key, value));
    }

    @Override
    public void setMetric(String study, int number, String name, double value) {
        checkName("name", name);
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException(name + ": metric value is NaN");
        }
        int id = cache(study).id;
        change(study, number, c -> {
            insertNamed(c, "hpo_metrics", "metric_name", id, number, name, value);
            return null;
        }, b -> b.metric(name, value));
    }

    @Override
    public void setConstraints(String study, int number, double[] values) {
        double[] copy = values.clone();
        int id = cache(study).id;
        change(study, number, c -> {
            deleteTrialRows(c, "hpo_constraints", id, number, null, null);
            insertDoubles(c, "hpo_constraints", id, number, copy);
            return null;
        }, b -> b.constraints(copy));
    }

    @Override
    public void finishTrial(String study, int number, TrialState finalState, double[] values, String failure) {
        double[] copy = values == null ? new double[0] : values.clone();
        if (!finalState.isFinished()) {
            throw new IllegalArgumentException("state (" + finalState + ") must be COMPLETE, PRUNED or FAIL");
        }
        StudyCache s = cache(study);
        int nObj = s.info.objectives().size();
        if (finalState == TrialState.COMPLETE && copy.length != nObj) {
            throw new IllegalArgumentException("values: " + copy.length + " for " + nObj + " objective(s)");
        }
        long now = System.currentTimeMillis();
        Own mine = copy.length == 1 ? ownRunning(s, number) : null;
        if (mine != null) {
            // one objective value: the record and the value's row in one statement
            TrialRecord changed = mine.record().toBuilder().state(finalState).values(copy).failure(failure)
                    .complete(Instant.ofEpochMilli(now)).build();
            if (writeOwnAtOnce(s, mine, changed, "INSERT INTO hpo_values (study_id, trial_number, idx, val, special)"
                    + " SELECT ?, trial_number, 0, ?, ? FROM changed", (p, at) -> {
                        p.setInt(at, s.id);
                        setDouble(p, at + 1, copy[0]);
                    }, c -> state(c, s.id, study, number) == finalState)) {
                return;
            }
        }
        // the state, time and failure columns are written with the record, in one statement
        change(study, number, c -> state(c, s.id, study, number) == finalState, c -> {
            insertDoubles(c, "hpo_values", s.id, number, copy);
            return null;
        }, b -> b.state(finalState).values(copy).failure(failure).complete(Instant.ofEpochMilli(now)));
    }

    @Override
    public void recordHeartbeat(String study, int number) {
        StudyCache s = cache(study);
        // a beat is no change to the trial: no lock on the study, no new change stamp
        int updated = tx(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE hpo_trials SET heartbeat_ms = ? WHERE study_id = ?"
                    + " AND trial_number = ? AND state = 'RUNNING'")) {
                p.setLong(1, System.currentTimeMillis());
                p.setInt(2, s.id);
                p.setInt(3, number);
                int n = p.executeUpdate();
                if (n == 0) {
                    requireRunning(readRecord(c, s.id, study, number), study);
                }
                return n;
            }
        });
        if (updated == 0) {
            throw new IllegalStateException("trial " + number + " of study '" + study + "' is not RUNNING");
        }
    }

    @Override
    public List<StaleTrial> failStaleTrials(String study, Duration gracePeriod, int maxRetries) {
        LogState.checkStalePolicy(gracePeriod, maxRetries);
        StudyCache s = cache(study);
        long before = System.currentTimeMillis() - gracePeriod.toMillis();
        // a cheap look first: most asks find nothing stale and take no lock
        boolean any = read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM hpo_trials WHERE study_id = ? AND state = 'RUNNING'"
                    + " AND heartbeat_ms IS NOT NULL AND heartbeat_ms < ?")) {
                p.setInt(1, s.id);
                p.setLong(2, before);
                try (ResultSet r = p.executeQuery()) {
                    return r.next();
                }
            }
        });
        if (!any) {
            return List.of();
        }
        List<StaleTrial> failed = tx(c -> {
            long[] lock = lockStudy(c, s.id);
            long next = lock[0];
            long now = System.currentTimeMillis();
            List<int[]> stale = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT trial_number, heartbeat_ms FROM hpo_trials WHERE study_id = ?"
                    + " AND state = 'RUNNING' AND heartbeat_ms IS NOT NULL AND heartbeat_ms < ? ORDER BY trial_number")) {
                p.setInt(1, s.id);
                p.setLong(2, now - gracePeriod.toMillis());
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        stale.add(new int[] {r.getInt(1), (int) Math.min(Integer.MAX_VALUE, now - r.getLong(2))});
                    }
                }
            }
            List<StaleTrial> out = new ArrayList<>();
            for (int[] st : stale) {
                TrialRecord dead = readRecord(c, s.id, study, st[0]);
                int retry = LogState.retryCount(dead) < maxRetries ? (int) next++ : -1;
                String failure = LogState.staleFailure(st[1], gracePeriod, retry);
                writeRecord(c, s.id, dead.toBuilder().state(TrialState.FAIL).values(new double[0]).failure(failure)
                        .complete(Instant.ofEpochMilli(now)).build(), lock[1]);
                if (retry >= 0) {
                    Map<String, Object> fixed = new LinkedHashMap<>(dead.fixedParams());
                    fixed.putAll(dead.params());
                    TrialRecord.Builder b = TrialRecord.builder(retry).state(TrialState.WAITING)
                            .attribute(LogState.RETRIED_FROM, LogState.retriedFrom(dead))
                            .attribute(LogState.RETRY, LogState.retryCount(dead) + 1);
                    fixed.forEach(b::fixedParam);
                    insertTrial(c, s.id, b.build(), null, lock[1], null);
                    insertAttr(c, s.id, retry, LogState.RETRIED_FROM, LogState.retriedFrom(dead));
                    insertAttr(c, s.id, retry, LogState.RETRY, LogState.retryCount(dead) + 1);
                }
                out.add(new StaleTrial(st[0], retry >= 0 ? OptionalInt.of(retry) : OptionalInt.empty()));
            }
            if (next != lock[0]) {
                takeNumber(c, s.id, next - 1);
            }
            return out;
        });
        for (StaleTrial t : failed) {
            remember(s, t.number(), null);
        }
        return failed;
    }

    // ---------------------------------------------------------------- reads



    /**
     * Brings a study's cache up to date with one query: the trials created since the last read and
     * those unfinished then (finished trials never change).
     */
    private StudyCache refresh(String study) {
        return refreshOnce(study);
    }

    private StudyCache refreshOnce(String study) {
        StudyCache s = cache(study);
        synchronized (s) {
            read(c -> {
                // finished trials never change: read only the trials created since the last read and
                // those that were unfinished then (a few per worker), by primary key
                StringBuilder sql = new StringBuilder("SELECT record FROM hpo_trials WHERE study_id = ? AND (trial_number > ?");
                List<Integer> open = new ArrayList<>(s.unfinished);
                if (!open.isEmpty()) {
                    sql.append(" OR trial_number IN (").append("?,".repeat(open.size() - 1)).append("?)");
                }
                sql.append(')');
                trialQueries.incrementAndGet();
                try (PreparedStatement p = c.prepareStatement(sql.toString())) {
                    p.setInt(1, s.id);
                    p.setInt(2, s.maxNumber);
                    for (int i = 0; i < open.size(); i++) {
                        p.setInt(3 + i, open.get(i));
                    }
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            TrialRecord t = JsonCodec.toTrial(parse(r.getString(1)));
                            TrialRecord before = s.trials.get(t.number());
                            if (!t.equals(before)) {
                                s.trials.put(t.number(), t);
                            }
                            s.maxNumber = Math.max(s.maxNumber, t.number());
                            Own mine = s.own.get(t.number());
                            if (t.state().isFinished()) {
                                s.unfinished.remove(t.number());
                                s.own.remove(t.number()); // read as it ended: never changes again
                            } else {
                                s.unfinished.add(t.number());
                                if (mine != null && !t.equals(mine.record())) {
                                    s.own.remove(t.number()); // written elsewhere: the next write reads it
                                }
                            }
                            trialsRead.incrementAndGet();
                        }
                    }
                }
                return null;
            });
            return s;
        }
    }

    @Override
    public List<TrialRecord> trials(String study) {
        StudyCache s = refresh(study);
        synchronized (s) {
            return s.trials.snapshot();
        }
    }

    @Override
    public TrialRecord trial(String study, int number) {
        StudyCache cached = cache(study);
        synchronized (cached) {
            Own mine = cached.own.get(number);
            if (mine != null) {
                return mine.record();
            }
        }
        StudyCache s = refresh(study);
        synchronized (s) {
            TrialRecord t = s.trials.get(number);
            if (t == null) {
                throw new IllegalArgumentException("number: study '" + study + "' has no trial " + number
                        + " (it has " + s.trials.present() + ")");
            }
            return t;
        }
    }

    @Override
    public List<StudySummary> studySummaries() {
        List<StudySummary> out = new ArrayList<>();
        for (String name : studyNames()) {
            StudyCache s;
            try {
                s = refresh(name);
            } catch (IllegalArgumentException deletedMeanwhile) {
                continue;
            }
            synchronized (s) {
                out.add(StudySummaries.of(s.info, s.trials.snapshot()));
            }
        }
        return out;
    }

    @Override
    public void deleteStudy(String name) {
        StudyCache s = cache(name);
        tx(c -> {
            lockStudy(c, s.id);
            for (String table : List.of("hpo_constraints", "hpo_attrs", "hpo_intermediate", "hpo_metrics", "hpo_values",
                    "hpo_params", "hpo_trials", "hpo_study_attrs", "hpo_studies")) {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE study_id = ?")) {
                    p.setInt(1, s.id);
                    p.executeUpdate();
                }
            }
            return null;
        });
        caches.remove(name, s);
    }

    @Override
    public void setStudyAttr(String study, String key, Object value) {
        checkName("key", key);
        LogState.checkScalar(key, value);
        StudyCache s = cache(study);
        tx(c -> {
            lockStudy(c, s.id);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM hpo_study_attrs WHERE study_id = ? AND attr_key = ?")) {
                del.setInt(1, s.id);
                del.setString(2, key);
                del.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO hpo_study_attrs (study_id, attr_key, attr_value) VALUES (?, ?, ?)")) {
                p.setInt(1, s.id);
                p.setString(2, key);
                p.setString(3, json(JsonCodec.scalar(value)));
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Map<String, Object> studyAttrs(String study) {
        StudyCache s = cache(study);
        return read(c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT attr_key, attr_value FROM hpo_study_attrs WHERE study_id = ? ORDER BY attr_key")) {
                p.setInt(1, s.id);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getString(1), JsonCodec.fromScalar(parse(r.getString(2))));
                    }
                }
            }
            return Collections.unmodifiableMap(out);
        });
    }

    private void closeOwned() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                LOG.debug("closing {}: {}", description, e.toString());
            }
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeOwned();
        }
    }

    @Override
    public String toString() {
        return "JdbcStorage[" + description + "]";
    }
}
