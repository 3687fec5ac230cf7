package io.github.hpo4j.core.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * A handle on a journal file: the log as a file of checksummed JSON lines, shared by threads and
 * by processes on one machine. Handles on one file in one JVM share one {@link JournalFile} (its
 * channel, lock and replayed state); a handle adds its own options (read-only, lenient, lock
 * timeout) and its own closed flag, so closing one never disturbs another.
 */
final class JournalStorage extends EventLogStorage {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JournalStorage.class);

    private final JournalFile file;
    private final boolean readOnly;
    private final boolean lenient;
    private final Duration lockTimeout;

    private JournalStorage(JournalFile file, boolean readOnly, boolean lenient, Duration lockTimeout) {
        this.file = file;
        this.readOnly = readOnly;
        this.lenient = lenient;
        this.lockTimeout = lockTimeout;
    }

    static JournalStorage open(Path path, boolean readOnly, boolean lenient, Duration lockTimeout) {
        JournalFile file = JournalFile.acquire(path, !readOnly);
        JournalStorage s = new JournalStorage(file, readOnly, lenient, lockTimeout);
        try {
            s.read(() -> null);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    @Override
    LogState state() {
        return file.state;
    }

    @Override
    Lock lock() {
        return file.lock;
    }

    /** Damage records this handle has already logged (lenient handles log what they skip). */
    private int damageLogged;

    @Override
    void catchUp() {
        file.catchUp();
        if (!lenient) {
            file.throwIfDamaged();
            return;
        }
        List<SkippedRecord> damage = file.damage();
        for (; damageLogged < damage.size(); damageLogged++) {
            SkippedRecord d = damage.get(damageLogged);
            LOG.warn("journal {}: skipping damaged line {}: {}", file.path, d.line(), d.reason());
        }
    }

    @Override
    void beginWrite() {
        file.lockFile(lockTimeout);
    }

    @Override
    void endWrite() {
        file.unlockFile();
    }

    @Override
    void persist(List<Event> events) {
        file.append(events);
    }

    @Override
    void release() {
        file.release();
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public List<SkippedRecord> skippedRecords() {
        ensureOpen();
        return lenient ? file.damage() : List.of();
    }

    @Override
    public String toString() {
        return "JournalStorage[" + file.path + (readOnly ? ", read-only" : "") + (lenient ? ", lenient" : "") + "]";
    }
}
