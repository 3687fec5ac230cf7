package io.github.hpo4j.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The JDBC storage on an embedded H2 database: runs on any machine. */
class H2StorageTest extends JdbcStorageTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private String url;

    @Override
    String url() {
        if (url == null) {
            url = "jdbc:h2:mem:hpo" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        }
        return url;
    }

    @Test
    void badUrls_sayWhatIsWrong() {
        assertEquals("url (ftp://x): unknown scheme; use memory:, journal:PATH or jdbc:...",
                assertThrows(IllegalArgumentException.class, () -> Storage.open("ftp://x")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Storage.open("jdbc:nosuchdb://h/db?password=secret"))
                .getMessage().contains("no JDBC driver on the class path takes it"));
        assertTrue(!assertThrows(IllegalArgumentException.class, () -> Storage.open("jdbc:nosuchdb://h/db?password=secret"))
                .getMessage().contains("secret"), "the password is not printed");
        assertThrows(IllegalArgumentException.class, () -> Storage.open("journal:"));
        assertThrows(IllegalArgumentException.class, () -> Storage.open(" "));
        StorageException down = assertThrows(StorageException.class,
                () -> Storage.open("jdbc:postgresql://127.0.0.1:1/none?user=x&connectTimeout=2"));
        assertTrue(down.getMessage().contains("check that the server runs"), down.getMessage());
    }
}
