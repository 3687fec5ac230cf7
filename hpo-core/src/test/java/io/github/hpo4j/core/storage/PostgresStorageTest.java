package io.github.hpo4j.core.storage;

/** The JDBC storage on PostgreSQL ({@code HPO_TEST_POSTGRES_URL}, default the local server's test database). */
class PostgresStorageTest extends JdbcStorageTest {
    @Override
    String url() {
        return TestDatabases.url(TestDatabases.POSTGRES);
    }
}
