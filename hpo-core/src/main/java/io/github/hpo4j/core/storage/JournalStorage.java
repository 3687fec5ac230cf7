package io.github.hpo4j.core.storage;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hpo4j.core.internal.JsonCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log as a file of JSON lines, shared by threads (a lock per file in this JVM) and by
 * processes on one machine (an exclusive {@link FileLock} around every append).
 *
 * <p>Every append: take the locks, read what other processes appended, check the event against
 * the now-current state, write the line, {@link FileChannel#force force} it to disk, release.
 * Readers consume complete lines only. A last line without its newline is a write torn by a
 * crash: it is logged and ignored (or, if it is a complete event that only lacks the newline,
 * applied), and the next append starts a fresh line after it.
 */
final class JournalStorage extends EventLogStorage {

    private static final Logger LOG = LoggerFactory.getLogger(JournalStorage.class);
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
    private static final int CHUNK = 1 << 20;

    private final Path path;
    /** Reopened when an interrupt closed it (FileChannel is interruptible); guarded by {@link #lock}. */
    private FileChannel channel;
    private volatile boolean closed;
    private final ReentrantLock lock;
    private FileLock fileLock;
    /** Bytes of the file replayed so far: always just after a newline (or 0). */
    private long offset;
    private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    private JournalStorage(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
        this.lock = LOCKS.computeIfAbsent(path, p -> new ReentrantLock());
    }

    static JournalStorage open(Path file) {
        Path p = file.toAbsolutePath().normalize();
        FileChannel ch;
        try {
            ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal " + p, e);
        }
        JournalStorage s = new JournalStorage(p, ch);
        s.lock.lock();
        s.beginWrite();
        try {
            s.catchUp();
            long size = ch.size();
            if (size > s.offset) {
                LOG.warn("journal {}: the last {} byte(s) have no newline (a write torn by a crash); ignored",
                        p, size - s.offset);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + p, e);
        } finally {
            s.endWrite();
            s.lock.unlock();
        }
        return s;
    }

    @Override
    Lock lock() {
        return lock;
    }

    /**
     * The open channel: an interrupt of a thread in the middle of I/O closes a FileChannel, so a
     * channel closed by anything but {@link #close()} is opened again. An interrupt arriving
     * mid-write leaves at most a torn line, which the log already tolerates, and the replay offset
     * only moves past fully written lines, so nothing acknowledged is lost.
     */
    private FileChannel ensureOpen() {
        if (!channel.isOpen() && !closed) {
            try {
                channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                LOG.warn("journal {}: reopened after an interrupt closed it", path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot reopen journal " + path, e);
            }
        }
        return channel;
    }

    /** Runs channel I/O with the thread's interrupt flag cleared (and restored), so a pending interrupt cannot close it. */
    private <T> T io(IoAction<T> action) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            return action.run(ensureOpen());
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

    @Override
    void beginWrite() {
        try {
            fileLock = io(FileChannel::lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock journal " + path, e);
        }
    }

    @Override
    void endWrite() {
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

    @Override
    void catchUp() {
        try {
            long size = io(FileChannel::size);
            if (size <= offset) {
                return;
            }
            partial.reset();
            long pos = offset;
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
                            replay(line, 0, line.length, offset);
                        } else {
                            replay(a, start, i - start, offset);
                        }
                        offset = pos + i + 1;
                        start = i + 1;
                    }
                }
                if (start < n) {
                    partial.write(a, start, n - start);
                }
                pos += n;
            }
            partial.reset();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + path, e);
        }
    }

    /** Applies one line; a line that is not a valid event is logged and skipped. */
    private boolean replay(byte[] buf, int from, int len, long at) {
        if (len == 0) {
            return false;
        }
        Event event;
        try {
            JsonNode node = JsonCodec.MAPPER.readTree(buf, from, len);
            event = EventCodec.decode(node);
            state.check(event);
        } catch (IOException | RuntimeException e) {
            LOG.warn("journal {}: skipping the line at byte {} ({} bytes): {}", path, at, len, e.toString());
            return false;
        }
        state.apply(event);
        return true;
    }

    @Override
    void persist(Event event) {
        try {
            byte[] json = JsonCodec.MAPPER.writeValueAsBytes(EventCodec.encode(event));
            long size = io(FileChannel::size);
            boolean torn = size > offset;
            if (torn) {
                // We hold the exclusive lock, so nobody is writing: the tail was torn by a crash.
                int len = (int) (size - offset);
                ByteBuffer tail = ByteBuffer.allocate(len);
                io(ch -> ch.read(tail, offset));
                if (replay(tail.array(), 0, len, offset)) {
                    LOG.warn("journal {}: a complete last line lacked its newline; applied", path);
                }
            }
            ByteBuffer out = ByteBuffer.allocate(json.length + (torn ? 2 : 1));
            if (torn) {
                out.put((byte) '\n');
            }
            out.put(json).put((byte) '\n').flip();
            long end = io(ch -> {
                long pos = size;
                while (out.hasRemaining()) {
                    pos += ch.write(out, pos);
                }
                ch.force(false);
                return pos;
            });
            offset = end;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to journal " + path, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close journal " + path, e);
        }
    }

    @Override
    public String toString() {
        return "JournalStorage[" + path + "]";
    }
}
