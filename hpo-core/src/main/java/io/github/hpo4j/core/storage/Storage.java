package io.github.hpo4j.core.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where studies and their trials are kept: the handle users open, list and close. Studies are
 * created, run and read through {@link io.github.hpo4j.core.study.Study}; the events a study
 * writes are the SPI {@link io.github.hpo4j.core.storage.spi.StorageBackend}, which every
 * storage implements.
 *
 * <p>Two storages come with hpo-core: {@link #inMemory()} and {@link #journal(Path)}, an
 * append-only file of checksummed JSON lines that threads and processes on one machine can
 * share ({@link #journalBuilder(Path)} for read-only or lenient opening and a lock timeout).
 * Every write is atomic and durable once it returns.
 *
 * <pre>{@code
 * try (Storage storage = Storage.journal(Path.of("studies.journal"))) {
 *     Study study = Study.builder().name("s").storage(storage).loadIfExists(true).build();
 *     System.out.println(storage.studyNames());
 * }
 * }</pre>
 *
 * <p>Stability: evolving (study summaries and administration will be added).
 */
public interface Storage extends AutoCloseable {

    /** @return a new, empty in-memory storage */
    static Storage inMemory() {
        return new InMemoryStorage();
    }

    /**
     * Opens (or creates) a journal file for reading and writing and replays it.
     *
     * @param file the journal's path; its parent directory must exist
     * @return the storage
     * @throws DamagedJournalException      if complete lines of the file are damaged
     * @throws java.io.UncheckedIOException if the file cannot be opened or read
     */
    static Storage journal(Path file) {
        return journalBuilder(file).open();
    }

    /**
     * @param file the journal's path
     * @return a builder for the journal's options (read-only, lenient, lock timeout)
     * @throws NullPointerException if {@code file} is null
     */
    static JournalBuilder journalBuilder(Path file) {
        return new JournalBuilder(file);
    }

    /**
     * Opens studies in a relational database through a data source (the service's own pool),
     * creating or upgrading hpo4j's tables. PostgreSQL, MariaDB/MySQL and H2 are tested; the
     * driver is the caller's. Many processes on many machines can share one study.
     *
     * @param dataSource where connections come from; not closed by {@link #close()}
     * @return the storage
     * @throws StorageException      if the database cannot be reached
     * @throws IllegalStateException if its hpo4j schema is newer than this library
     */
    static Storage jdbc(javax.sql.DataSource dataSource) {
        java.util.Objects.requireNonNull(dataSource, "dataSource");
        return JdbcStorage.open(dataSource, null, String.valueOf(dataSource));
    }

    /**
     * Opens a storage named by a URL, so that every program and command takes one
     * {@code --storage URL}:
     * <ul>
     *   <li>{@code memory:} a new in-memory storage;</li>
     *   <li>{@code journal:PATH} a journal file ({@link #journal(Path)});</li>
     *   <li>{@code jdbc:…} a database through its JDBC driver, which must be on the class path
     *       ({@code jdbc:postgresql://host:5432/db?user=u&password=p}, {@code jdbc:mariadb://…},
     *       {@code jdbc:h2:…}), with a small built-in connection pool.</li>
     * </ul>
     *
     * @param url the storage's URL
     * @return the storage
     * @throws IllegalArgumentException if the URL is blank or its scheme unknown
     * @throws StorageException         if the database cannot be reached or refuses the credentials
     */
    static Storage open(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url (" + url + ") must not be blank");
        }
        if (url.equals("memory:")) {
            return inMemory();
        }
        if (url.startsWith("journal:")) {
            String path = url.substring("journal:".length());
            if (path.isBlank()) {
                throw new IllegalArgumentException("url (" + url + "): journal: needs a path, e.g. journal:studies.journal");
            }
            return journal(Path.of(path));
        }
        if (url.startsWith("jdbc:")) {
            try {
                java.sql.DriverManager.getDriver(url);
            } catch (java.sql.SQLException e) {
                throw new IllegalArgumentException("url (" + url.replaceAll("password=[^&;]*", "password=***")
                        + "): no JDBC driver on the class path takes it; add the database's driver (e.g."
                        + " org.postgresql:postgresql, org.mariadb.jdbc:mariadb-java-client, com.h2database:h2)", e);
            }
            JdbcPool pool = new JdbcPool(url, new java.util.Properties());
            return JdbcStorage.open(pool, pool, pool.toString());
        }
        throw new IllegalArgumentException("url (" + url + "): unknown scheme; use memory:, journal:PATH or jdbc:...");
    }

    /**
     * @return the names of every study, in order of creation
     * @throws IllegalStateException if the storage is closed
     */
    List<String> studyNames();

    /**
     * @param name a study name
     * @return the study's objectives, if the storage has it
     * @throws IllegalStateException if the storage is closed
     */
    Optional<StudyInfo> findStudy(String name);

    /**
     * @return a summary of every study, in order of creation: trial counts by state, best value,
     *     objectives, first and last activity
     * @throws IllegalStateException if the storage is closed
     */
    List<StudySummary> studySummaries();

    /**
     * Deletes a study and all its trials.
     *
     * @param name the study
     * @throws IllegalArgumentException if there is no such study
     * @throws IllegalStateException    if the storage is closed or read-only
     */
    void deleteStudy(String name);

    /**
     * Copies a study, trial for trial (numbers, times, parameters, values, metrics, attributes),
     * from one storage to another, e.g. journal → PostgreSQL → journal. Trials that were still
     * WAITING or RUNNING are copied as WAITING trials with the parameters they had.
     *
     * @param from the storage holding the study
     * @param name the study
     * @param to   the storage to copy it into; must not hold a study of that name
     * @return the number of trials copied
     * @throws IllegalArgumentException if {@code from} has no such study or {@code to} already has one
     */
    static int copyStudy(Storage from, String name, Storage to) {
        return StudyCopy.copy(io.github.hpo4j.core.storage.spi.StorageBackend.of(from), name,
                io.github.hpo4j.core.storage.spi.StorageBackend.of(to));
    }

    /** @return whether writes are refused (a journal opened read-only) */
    default boolean isReadOnly() {
        return false;
    }

    /**
     * The records a lenient storage skipped because they were damaged; always empty for a strict
     * one, which throws instead.
     *
     * @return the skipped records, in the order met
     */
    default List<SkippedRecord> skippedRecords() {
        return List.of();
    }

    /** Releases what the storage holds; later calls but {@code close} throw {@link IllegalStateException}. */
    @Override
    void close();
}
