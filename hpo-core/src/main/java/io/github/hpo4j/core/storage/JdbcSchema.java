package io.github.hpo4j.core.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of the JDBC storage, one per kind of event, and their versions. Created and upgraded
 * at open by idempotent migrations; a schema newer than this library is refused. The same SQL
 * runs on PostgreSQL, MariaDB/MySQL and H2 (portable types; names that are no keyword anywhere).
 *
 * <pre>
 * hpo_schema       (id, version)                                 one row: the schema's version
 * hpo_studies      (study_id, name, objectives, next_number,     a study; next_number and
 *                   changes, created_ms, updated_ms)             changes count its writes
 * hpo_study_attrs  (study_id, attr_key, attr_value)              study user attributes (JSON)
 * hpo_trials       (study_id, trial_number, state, fixed_params, a trial; change_seq = the
 *                   start_ms, complete_ms, failure,              study's changes when a numbering
 *                   heartbeat_ms, change_seq, request_id,        write made it;
 *                   record)                                      request_id: the call that did,
 *                                                                for a retry; record: the whole
 *                                                                trial as JSON, what readers fetch
 * hpo_params       (study_id, trial_number, param_name, distribution, internal)
 * hpo_values       (study_id, trial_number, idx, val, special)   objective values
 * hpo_metrics      (study_id, trial_number, metric_name, val, special)
 * hpo_intermediate (study_id, trial_number, step_no, val, special)
 * hpo_attrs        (study_id, trial_number, attr_key, attr_value)
 * hpo_constraints  (study_id, trial_number, idx, val, special)
 * </pre>
 * Version 2 adds an index on (study_id, state, trial_number), by which an ask finds waiting trials.
 * Version 3 adds {@code hpo_trials.row_version}, counted up by every write of a trial's record:
 * a worker that knows a trial's version writes it without reading it first, and a write that
 * finds another version changes nothing (the worker then reads, under the row's lock).
 * A double is {@code val}; NaN and infinities, which not every database stores, are
 * {@code special} ('NaN', 'Infinity', '-Infinity') with {@code val} null.
 */
final class JdbcSchema {

    /** The version this library writes and reads. */
    static final int VERSION = 3;

    /** Migration {@code i} takes the schema from version {@code i} to {@code i + 1}; each statement is idempotent. */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            "CREATE TABLE IF NOT EXISTS hpo_studies (study_id INT NOT NULL PRIMARY KEY, name VARCHAR(512) NOT NULL UNIQUE,"
                    + " objectives TEXT NOT NULL, next_number INT NOT NULL, changes BIGINT NOT NULL,"
                    + " created_ms BIGINT NOT NULL, updated_ms BIGINT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS hpo_study_attrs (study_id INT NOT NULL, attr_key VARCHAR(255) NOT NULL,"
                    + " attr_value TEXT NOT NULL, PRIMARY KEY (study_id, attr_key))",
            "CREATE TABLE IF NOT EXISTS hpo_trials (study_id INT NOT NULL, trial_number INT NOT NULL,"
                    + " state VARCHAR(16) NOT NULL, fixed_params TEXT, start_ms BIGINT, complete_ms BIGINT, failure TEXT,"
                    + " heartbeat_ms BIGINT, change_seq BIGINT NOT NULL, request_id VARCHAR(40), record TEXT,"
                    + " PRIMARY KEY (study_id, trial_number))",
            "CREATE INDEX IF NOT EXISTS hpo_trials_by_change ON hpo_trials (study_id, change_seq)",
            "CREATE TABLE IF NOT EXISTS hpo_params (study_id INT NOT NULL, trial_number INT NOT NULL,"
                    + " param_name VARCHAR(255) NOT NULL, distribution TEXT NOT NULL, internal DOUBLE PRECISION NOT NULL,"
                    + " PRIMARY KEY (study_id, trial_number, param_name))",
            "CREATE TABLE IF NOT EXISTS hpo_values (study_id INT NOT NULL, trial_number INT NOT NULL, idx INT NOT NULL,"
                    + " val DOUBLE PRECISION, special VARCHAR(16), PRIMARY KEY (study_id, trial_number, idx))",
            "CREATE TABLE IF NOT EXISTS hpo_metrics (study_id INT NOT NULL, trial_number INT NOT NULL,"
                    + " metric_name VARCHAR(255) NOT NULL, val DOUBLE PRECISION, special VARCHAR(16),"
                    + " PRIMARY KEY (study_id, trial_number, metric_name))",
            "CREATE TABLE IF NOT EXISTS hpo_intermediate (study_id INT NOT NULL, trial_number INT NOT NULL,"
                    + " step_no INT NOT NULL, val DOUBLE PRECISION, special VARCHAR(16),"
                    + " PRIMARY KEY (study_id, trial_number, step_no))",
            "CREATE TABLE IF NOT EXISTS hpo_attrs (study_id INT NOT NULL, trial_number INT NOT NULL,"
                    + " attr_key VARCHAR(255) NOT NULL, attr_value TEXT NOT NULL, PRIMARY KEY (study_id, trial_number, attr_key))",
            "CREATE TABLE IF NOT EXISTS hpo_constraints (study_id INT NOT NULL, trial_number INT NOT NULL,"
                    + " idx INT NOT NULL, val DOUBLE PRECISION, special VARCHAR(16),"
                    + " PRIMARY KEY (study_id, trial_number, idx))"),
            // version 2: an ask finds the waiting trials of a study without a scan or a lock
            List.of("CREATE INDEX IF NOT EXISTS hpo_trials_by_state ON hpo_trials (study_id, state, trial_number)"),
            // version 3: a record's version, for writes that need not read it first
            List.of("ALTER TABLE hpo_trials ADD COLUMN IF NOT EXISTS row_version BIGINT DEFAULT 0 NOT NULL"));

    private JdbcSchema() {
    }

    /**
     * Brings the schema to {@link #VERSION} within the caller's transaction.
     *
     * @throws IllegalStateException if the schema is newer than this library
     */
    static void migrate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS hpo_schema (id INT NOT NULL PRIMARY KEY, version INT NOT NULL)");
        }
        int version = readVersion(c);
        if (version < 0) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO hpo_schema (id, version) VALUES (1, 0)")) {
                p.executeUpdate();
            }
            version = 0;
        }
        // the row lock makes concurrent openers migrate one after the other
        try (PreparedStatement p = c.prepareStatement("SELECT version FROM hpo_schema WHERE id = 1 FOR UPDATE");
             ResultSet r = p.executeQuery()) {
            r.next();
            version = r.getInt(1);
        }
        if (version > VERSION) {
            throw new IllegalStateException("the database's hpo4j schema has version " + version + ", newer than this"
                    + " library's " + VERSION + ": upgrade hpo4j to use it (a newer hpo4j wrote it)");
        }
        for (int v = version; v < VERSION; v++) {
            try (Statement s = c.createStatement()) {
                for (String sql : MIGRATIONS.get(v)) {
                    s.execute(sql);
                }
            }
        }
        if (version < VERSION) {
            try (PreparedStatement p = c.prepareStatement("UPDATE hpo_schema SET version = ? WHERE id = 1")) {
                p.setInt(1, VERSION);
                p.executeUpdate();
            }
        }
    }

    private static int readVersion(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT version FROM hpo_schema WHERE id = 1");
             ResultSet r = p.executeQuery()) {
            return r.next() ? r.getInt(1) : -1;
        }
    }
}
