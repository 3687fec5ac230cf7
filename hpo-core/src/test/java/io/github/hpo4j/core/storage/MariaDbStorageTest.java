package io.github.hpo4j.core.storage;

/** The JDBC storage on MariaDB ({@code HPO_TEST_MARIADB_URL}, default the local server's test database). */
class MariaDbStorageTest extends JdbcStorageTest {
    @Override
    String url() {
        return TestDatabases.url(TestDatabases.MARIADB);
    }
}
