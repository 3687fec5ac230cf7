package io.github.hpo4j.core.storage;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The database servers the JDBC tests run against. URLs come from environment variables
 * ({@code HPO_TEST_POSTGRES_URL}, {@code HPO_TEST_MARIADB_URL}) or default to the local servers.
 * Outside CI an unreachable server skips its tests with one line saying how to point them at one;
 * in CI ({@code CI=true}) it fails them.
 */
public final class TestDatabases {

    /** PostgreSQL: the local server's {@code test} database (trust authentication). */
    public static final String POSTGRES = "POSTGRES";
    /** MariaDB: the local server's {@code test} database (root, no password). */
    public static final String MARIADB = "MARIADB";

    private static final List<String> TABLES = List.of("hpo_constraints", "hpo_attrs", "hpo_intermediate", "hpo_metrics",
            "hpo_values", "hpo_params", "hpo_trials", "hpo_study_attrs", "hpo_studies", "hpo_schema");

    private TestDatabases() {
    }

    /**
     * @param which {@link #POSTGRES} or {@link #MARIADB}
     * @return the JDBC URL of a reachable server (the test is skipped or failed otherwise)
     */
    public static String url(String which) {
        String env = "HPO_TEST_" + which + "_URL";
        String url = System.getenv(env);
        if (url == null || url.isBlank()) {
            url = which.equals(POSTGRES) ? "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"
                    : "jdbc:mariadb://127.0.0.1:3306/test?user=root";
        }
        try (Connection c = DriverManager.getConnection(url)) {
            return url;
        } catch (SQLException e) {
            String msg = which + " tests: no server at " + url + " (" + e.getMessage() + "); set " + env
                    + " to a JDBC URL to run them";
            if ("true".equals(System.getenv("CI"))) {
                fail("in CI " + msg);
            }
            assumeTrue(false, msg);
            return null;
        }
    }

    /** Drops hpo4j's tables, for a test that starts from an empty database. */
    public static void dropTables(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String t : TABLES) {
                s.execute("DROP TABLE IF EXISTS " + t);
            }
        }
    }
}
