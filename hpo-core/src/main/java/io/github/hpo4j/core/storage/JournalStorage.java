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
    private final FileChannel channel;
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

    @Override
    void beginWrite() {
        try {
            fileLock = channel.lock();
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
            long size = channel.size();
            if (size <= offset) {
                return;
            }
            partial.reset();
            long pos = offset;
            while (pos < size) {
                chunk.clear();
                int n = channel.read(chunk, pos);
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
            long size = channel.size();
            boolean torn = size > offset;
            if (torn) {
                // We hold the exclusive lock, so nobody is writing: the tail was torn by a crash.
                int len = (int) (size - offset);
                ByteBuffer tail = ByteBuffer.allocate(len);
                channel.read(tail, offset);
                if (replay(tail.array(), 0, len, offset)) {
                    LOG.warn("journal {}: a complete last line lacked its newline; applied", path);
                }
            }
            ByteBuffer out = ByteBuffer.allocate(json.length + (torn ? 2 : 1));
            if (torn) {
                out.put((byte) '\n');
            }
            out.put(json).put((byte) '\n').flip();
            long pos = size;
            while (out.hasRemaining()) {
                pos += channel.write(out, pos);
            }
            channel.force(false);
            offset = pos;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to journal " + path, e);
        }
    }

    @Override
    public void close() {
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
