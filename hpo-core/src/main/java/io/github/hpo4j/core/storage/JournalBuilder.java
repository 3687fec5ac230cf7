package io.github.hpo4j.core.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Opens a journal storage with options. Each method checks its argument as it is set.
 *
 * <pre>{@code
 * // a dashboard: reads the journal while workers write it, never locks or writes it
 * try (Storage s = Storage.journalBuilder(Path.of("studies.journal")).readOnly(true).open()) {
 *     Study study = Study.load("demo", s);
 *     System.out.println(study.trials().size());
 * }
 * }</pre>
 *
 * <p>Handles on one file in one JVM (through any path, symbolic links included) share one open
 * file and one lock; closing one never affects another.
 *
 * <p>Stability: evolving.
 */
public final class JournalBuilder {

    private final Path file;
    private boolean readOnly;
    private boolean lenient;
    private Duration lockTimeout = Duration.ofSeconds(60);

    JournalBuilder(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * @param readOnly open for reading only: the file must exist, is never locked nor written,
     *                 and every write throws {@link IllegalStateException} (default false)
     * @return this builder
     */
    public JournalBuilder readOnly(boolean readOnly) {
        this.readOnly = readOnly;
        return this;
    }

    /**
     * @param lenient skip damaged lines, counting them in {@link Storage#skippedRecords()},
     *                instead of throwing {@link DamagedJournalException} (default false)
     * @return this builder
     */
    public JournalBuilder lenient(boolean lenient) {
        this.lenient = lenient;
        return this;
    }

    /**
     * @param timeout how long a write waits for another process's lock before it throws (default 60 s)
     * @return this builder
     * @throws IllegalArgumentException if the timeout is negative
     * @throws NullPointerException     if the timeout is null
     */
    public JournalBuilder lockTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout (" + timeout + ") must not be negative");
        }
        this.lockTimeout = timeout;
        return this;
    }

    /**
     * Opens the journal (creating it unless read-only) and replays it.
     *
     * @return the storage
     * @throws IllegalArgumentException     if a read-only journal does not exist
     * @throws DamagedJournalException      if the journal has damaged lines and is not opened leniently
     * @throws java.io.UncheckedIOException if the file cannot be opened or read
     */
    public Storage open() {
        return JournalStorage.open(file, readOnly, lenient, lockTimeout);
    }
}
