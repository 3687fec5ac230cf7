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
