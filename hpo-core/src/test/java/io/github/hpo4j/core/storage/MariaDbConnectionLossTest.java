package io.github.hpo4j.core.storage;

import java.sql.Statement;

/** On MariaDB: {@code KILL} each other connection to the database. */
class MariaDbConnectionLossTest extends ConnectionLossTest {
    @Override
    String url() {
        return TestDatabases.url(TestDatabases.MARIADB);
    }

    @Override
    void killOthers(Statement admin) throws Exception {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        try (java.sql.ResultSet r = admin.executeQuery("SELECT id FROM information_schema.processlist WHERE db = DATABASE()"
                + " AND id <> CONNECTION_ID()")) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        for (long id : ids) {
            try {
                admin.execute("KILL " + id);
            } catch (java.sql.SQLException gone) {
                // it ended on its own meanwhile
            }
        }
    }
}
