package io.github.hpo4j.core.storage;

/** The JDBC storage on MariaDB ({@code HPO_TEST_MARIADB_URL}, default the local server's test database). */
class MariaDbStorageTest extends JdbcStorageTest {
    @Override
    String url() {
        return TestDatabases.url(TestDatabases.MARIADB);
    }

    @org.junit.jupiter.api.Test
    void wrongPassword_isAStorageExceptionSayingWhatToCheck() {
        String wrong = url().replace("user=root", "user=root&password=wrong-password");
        StorageException e = org.junit.jupiter.api.Assertions.assertThrows(StorageException.class, () -> Storage.open(wrong));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("check that the server runs and that the URL,"
                + " user and password are right"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertFalse(e.getMessage().contains("wrong-password"), "the password is not printed");
    }
}
