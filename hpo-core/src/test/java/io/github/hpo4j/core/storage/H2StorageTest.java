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

    @Test
    void askAt10000Trials_readsOnlyWhatChanged() {
        io.github.hpo4j.core.trial.TrialRecord done = io.github.hpo4j.core.trial.TrialRecord.builder(0)
                .param("x", io.github.hpo4j.core.space.FloatDistribution.of(0, 1), 0.5).values(1.0).build();
        for (int i = 0; i < 10_000; i++) {
            storage.addTrial("s", done);
        }
        JdbcStorage other = (JdbcStorage) Storage.open(url());
        try {
            io.github.hpo4j.core.study.Study a = io.github.hpo4j.core.study.Study.load("s", storage,
                    new io.github.hpo4j.core.sampler.RandomSampler(1));
            io.github.hpo4j.core.study.Study b = io.github.hpo4j.core.study.Study.load("s", other,
                    new io.github.hpo4j.core.sampler.RandomSampler(2));
            assertEquals(10_000, b.trials().size());
            long before = other.trialsRead.get();
            assertEquals(10_000, before, "the first read reads every trial once");
            io.github.hpo4j.core.trial.Trial t = a.ask(); // another worker's ask
            a.tell(t, t.suggestFloat("x", 0, 1));
            io.github.hpo4j.core.trial.Trial mine = b.ask();
            b.tell(mine, mine.suggestFloat("x", 0, 1));
            assertEquals(10_002, b.trials().size());
            long read = other.trialsRead.get() - before;
            assertTrue(read <= 8, "an ask and tell at 10,000 trials read " + read + " trial rows");
        } finally {
            other.close();
        }
    }
}
