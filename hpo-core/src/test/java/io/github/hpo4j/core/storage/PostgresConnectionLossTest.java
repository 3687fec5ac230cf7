package io.github.hpo4j.core.storage;

import java.sql.Statement;

/** On PostgreSQL: {@code pg_terminate_backend}. */
class PostgresConnectionLossTest extends ConnectionLossTest {
    @Override
    String url() {
        return TestDatabases.url(TestDatabases.POSTGRES);
    }

    @Override
    void killOthers(Statement admin) throws Exception {
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid <> pg_backend_pid()");
    }
}
