package io.github.hpo4j.core.study;

import io.github.hpo4j.core.storage.TestDatabases;

/** The kill test with the workers on MariaDB: a killed worker's trial fails by heartbeat and runs again. */
class MariaDbHeartbeatKillTest extends HeartbeatKillTest {

    @Override
    String storageUrl() throws Exception {
        String url = TestDatabases.url(TestDatabases.MARIADB);
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
