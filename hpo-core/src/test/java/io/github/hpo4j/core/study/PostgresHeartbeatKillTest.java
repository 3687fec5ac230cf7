package io.github.hpo4j.core.study;

import io.github.hpo4j.core.storage.TestDatabases;

/** The kill test with the workers on PostgreSQL: a killed worker's trial fails by heartbeat and runs again. */
class PostgresHeartbeatKillTest extends HeartbeatKillTest {

    @Override
    String storageUrl() throws Exception {
        String url = TestDatabases.url(TestDatabases.POSTGRES);
        TestDatabases.dropTables(url);
        return url;
    }

    @Override
    int kills() {
        return 3;
    }

    @Override
    int target() {
        return 150;
    }
}
