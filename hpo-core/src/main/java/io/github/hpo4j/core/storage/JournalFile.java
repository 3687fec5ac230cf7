package io.github.hpo4j.core.storage;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One journal file as this JVM sees it: one channel, one lock, one replayed state, shared by every
 * handle on the file (keyed by its real path, reference-counted). The operating system releases
 * every lock a process holds on a file when any channel of that file is closed; with one channel
 * per file per JVM, closing a handle can never drop the lock another handle holds.
 *
 * <p>Reading: complete lines only, each checked (CRC-32C, JSON, event, fits the state) and
 * applied; a line that fails is recorded as damage with its line number. The bytes after the last
 * newline are a write in flight or torn by a crash, unless they hold a whole event (applied: only
 * its newline is missing) or a whole event and more (damage). Writing: under the JVM lock and an
 * exclusive file lock, catch up, cut a torn tail, append the lines, force them to disk.
 */
final class JournalFile {

    private static final Logger LOG = LoggerFactory.getLogger(JournalFile.class);
    private static final int CHUNK = 1 << 20;
    /** Open files by real path; guarded by itself. */
    private static final Map<Path, JournalFile> OPEN = new HashMap<>();
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hpo-journal-lock-watchdog");
        t.setDaemon(true);
        return t;
    });

    final Path path;
    final ReentrantLock lock = new ReentrantLock();
    final LogState state = new LogState();

    // all below guarded by lock
    private FileChannel channel;
    private boolean writable;
    private int refs;
    private FileLock fileLock;
    /** Bytes replayed so far: always just after a newline (or 0). */
    private long offset;
    /** The live replay of the file into {@link #state}. */
    private final Replay live;
    private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);

    private JournalFile(Path path) {
        this.path = path;
        this.live = new Replay(path, state, null);
    }

    /** A handle's share of the file at {@code file}, created (and opened for writing) if {@code write}. */
    static JournalFile acquire(Path file, boolean write) {
        Path abs = file.toAbsolutePath().normalize();
        Path real;
        try {
            if (write) {
                try {
                    Files.createFile(abs);
                } catch (FileAlreadyExistsException exists) {
                    // opened as it is
                } catch (NoSuchFileException e) {
                    throw new UncheckedIOException("cannot create journal " + abs + ": its directory does not exist", e);
                }
            } else if (!Files.exists(abs)) {
                throw new IllegalArgumentException("file: no journal at " + abs);
            }
            if (Files.isDirectory(abs)) {
                throw new IllegalArgumentException("file: " + abs + " is a directory, not a journal");
            }
            real = abs.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal " + abs + ": " + e.getMessage(), e);
        }
        synchronized (OPEN) {
            JournalFile f = OPEN.computeIfAbsent(real, JournalFile::new);
            f.lock.lock();
            try {
                if (f.channel == null || (write && !f.writable)) {
                    f.openChannel(write || f.writable);
                }
                f.refs++;
            } finally {
                f.lock.unlock();
            }
            return f;
        }
    }

    /** Gives back a handle's share; the last one closes the channel. */
    void release() {
        synchronized (OPEN) {
            lock.lock();
            try {
                if (--refs == 0) {
                    OPEN.remove(path);
                    try {
                        channel.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot close journal " + path, e);
                    }
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Opens (or reopens, e.g. for writing) the channel; no file lock is held when this runs. */
    private void openChannel(boolean write) {
        try {
            FileChannel ch = write
                    ? FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)
                    : FileChannel.open(path, StandardOpenOption.READ);
            FileChannel old = channel;
            channel = ch;
            writable = write;
            if (old != null) {
                old.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * The open channel. An interrupt of a thread in the middle of I/O closes a FileChannel, so a
     * channel closed by anything but the last release is opened again. A write cut that way is
     * not acknowledged and leaves at most a torn tail, which the next write cuts.
     */
    private FileChannel channel() {
        if (!channel.isOpen() && refs > 0) {
            openChannel(writable);
            LOG.warn("journal {}: reopened after an interrupt closed it", path);
        }
        return channel;
    }

    /** Runs channel I/O with the thread's interrupt flag cleared (and restored), so a pending interrupt cannot close it. */
    private <T> T io(IoAction<T> action) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            return action.run(channel());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @FunctionalInterface
    private interface IoAction<T> {
        T run(FileChannel ch) throws IOException;
    }

    /** Takes the exclusive file lock, waiting at most {@code timeout} for another process. Called with {@link #lock} held. */
    void lockFile(Duration timeout) {
        try {
            FileLock l = io(FileChannel::tryLock);
            if (l == null) {
                l = lockWaiting(timeout);
            }
            fileLock = l;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock journal " + path + ": " + e.getMessage(), e);
        }
    }

    private FileLock lockWaiting(Duration timeout) throws IOException {
        AtomicBoolean timedOut = new AtomicBoolean();
        FileChannel waiting = channel();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            timedOut.set(true);
            try {
                waiting.close(); // the only way to end a blocked lock(); this JVM holds no lock on the file now
            } catch (IOException ignored) {
                // closing anyway
            }
        }, Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        try {
            FileLock l = io(FileChannel::lock);
            watchdog.cancel(false);
            if (timedOut.get()) {
                throw new AsynchronousCloseException();
            }
            return l;
        } catch (AsynchronousCloseException e) {
            watchdog.cancel(false);
            if (!timedOut.get()) {
                throw e;
            }
            channel(); // reopen
            throw new IllegalStateException("journal " + path + ": could not lock it within " + timeout.toMillis()
                    + " ms; " + holder());
        }
    }

    /** Who holds the lock, as far as the operating system says (Linux: /proc/locks). */
    private String holder() {
        try {
            Object ino = Files.getAttribute(path, "unix:ino");
            Path locks = Path.of("/proc/locks");
            if (Files.isReadable(locks)) {
                for (String line : Files.readAllLines(locks)) {
                    String[] f = line.trim().split("\\s+");
                    // 1: POSIX  ADVISORY  WRITE 12345 08:01:123456 0 EOF
                    if (f.length >= 6 && f[5].endsWith(":" + ino)) {
                        return "process " + f[4] + " holds it";
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the operating system does not tell
        }
        return "another process holds it";
    }

    void unlockFile() {
        FileLock l = fileLock;
        fileLock = null;
        if (l != null && l.isValid()) {
            try {
                l.release();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unlock journal " + path, e);
            }
        }
    }

    /** The damage met so far. */
    List<SkippedRecord> damage() {
        lock.lock();
        try {
            return List.copyOf(live.damage);
        } finally {
            lock.unlock();
        }
    }

    /** Throws if any damage was met. Called with {@link #lock} held. */
    void throwIfDamaged() {
        if (!live.damage.isEmpty()) {
            throw new DamagedJournalException(path, live.damage);
        }
    }

    /** Reads what was appended since the last call. Called with {@link #lock} held. */
    void catchUp() {
        try {
            long size = io(FileChannel::size);
            if (size < offset) {
                throw new IllegalStateException("journal " + path + " shrank from " + offset + " to " + size
                        + " bytes while open: something other than hpo4j changed it");
            }
            if (size > offset) {
                offset = read(live, offset, size);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Feeds the bytes in [from, size) to a replay, line by line, then its tail; returns the offset
     * just after the last complete line. Called with {@link #lock} held.
     */
    private long read(Replay replay, long from, long size) throws IOException {
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        long pos = from;
        long end = from;
        while (pos < size) {
            chunk.clear();
            long at = pos;
            int n = io(ch -> ch.read(chunk, at));
            if (n <= 0) {
                break;
            }
            byte[] a = chunk.array();
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (a[i] == '\n') {
                    if (partial.size() > 0) {
                        partial.write(a, start, i - start);
                        byte[] line = partial.toByteArray();
                        partial.reset();
                        replay.line(line, 0, line.length);
                    } else {
                        replay.line(a, start, i - start);
                    }
                    end = pos + i + 1;
                    start = i + 1;
                }
            }
            if (start < n) {
                partial.write(a, start, n - start);
            }
            pos += n;
        }
        if (partial.size() > 0) {
            replay.tail(partial.toByteArray());
        }
        return end;
    }

    /**
     * Replays the whole file afresh into its own state, handing each event that applies to
     * {@code sink}; the live state is not touched.
     */
    Replay scan(java.util.function.Consumer<Event> sink) {
        lock.lock();
        try {
            Replay r = new Replay(path, new LogState(), sink);
            read(r, 0, io(FileChannel::size));
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + path + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Appends the events' lines and forces them to disk. Called with the file lock held, right after {@link #catchUp()}. */
    void append(List<Event> events) {
        if (!writable) {
            throw new IllegalStateException("journal " + path + " is open read-only");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * events.size());
        long newLines = 0;
        try {
            long size = io(FileChannel::size);
            long pos = size;
            if (size > offset) {
                if (live.appliedTail > 0 || live.tailDamaged()) {
                    // a whole event lacking its newline, or a damaged tail a lenient writer keeps: end the line
                    out.write('\n');
                    newLines++;
                    live.appliedTail = 0;
                } else {
                    LOG.warn("journal {}: cutting an unfinished last line of {} byte(s) (a write torn by a crash)",
                            path, size - offset);
                    io(ch -> ch.truncate(offset));
                    pos = offset;
                    live.tornReported = -1;
                }
            }
            if (pos == 0) {
                out.write(JournalLine.encode(EventCodec.header()));
                out.write('\n');
                newLines++;
            }
            for (Event e : events) {
                out.write(JournalLine.encode(EventCodec.encode(e)));
                out.write('\n');
                newLines++;
            }
            ByteBuffer buf = ByteBuffer.wrap(out.toByteArray());
            long start = pos;
            long end = io(ch -> {
                long p = start;
                while (buf.hasRemaining()) {
                    p += ch.write(buf, p);
                }
                ch.force(false);
                return p;
            });
            offset = end;
            live.lines += newLines;
            live.checksummedSeen = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to journal " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "JournalFile[" + path + ", " + refs + " handle(s)]";
    }
}
