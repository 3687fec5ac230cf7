package io.github.hpo4j.core.storage;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Journal lines replayed into a {@link LogState}: each complete line is checked (checksum, JSON,
 * event, fits the state) and applied, or recorded as damage with its line number. Knows the
 * journal's formats: format-1 lines (no checksum) are accepted only before the first format-2 line.
 * Not thread-safe: its {@link JournalFile} guards it.
 */
final class Replay {

    private static final Logger LOG = LoggerFactory.getLogger(Replay.class);

    private final Path path;
    private final LogState state;
    /** Receives each applied event, with its trial number made explicit; null for none. */
    private final Consumer<Event> sink;

    /** Complete lines replayed so far. */
    long lines;
    /** Whether a format-2 (checksummed) line has been read: from then on every line needs one. */
    boolean checksummedSeen;
    /** Length of a last line applied without its newline, 0 for none. */
    int appliedTail;
    /** Length of a torn tail already reported, -1 for none. */
    long tornReported = -1;
    /** Length of the unfinished last line, 0 for none (set by {@link #tail}). */
    int unfinished;
    final List<SkippedRecord> damage = new ArrayList<>();
    /** Events applied. */
    long events;

    Replay(Path path, LogState state, Consumer<Event> sink) {
        this.path = path;
        this.state = state;
        this.sink = sink;
    }

    /** Whether the bytes after the last newline were found damaged (a whole event and more). */
    boolean tailDamaged() {
        return !damage.isEmpty() && damage.get(damage.size() - 1).line() == lines + 1;
    }

    private void damaged(long line, String reason) {
        if (!damage.isEmpty() && damage.get(damage.size() - 1).line() == line) {
            return;
        }
        damage.add(new SkippedRecord(line, reason));
        // a strict handle throws with the damage; a lenient one logs what it skips
        LOG.debug("journal {}: line {} is damaged: {}", path, line, reason);
    }

    /** One complete line, without its newline. */
    void line(byte[] a, int from, int len) {
        long line = ++lines;
        unfinished = 0;
        if (appliedTail > 0) {
            boolean same = len == appliedTail;
            appliedTail = 0;
            if (same) {
                return; // applied before its newline arrived
            }
        }
        if (len == 0) {
            damaged(line, "empty line");
            return;
        }
        JournalLine.Parsed p = JournalLine.parse(a, from, len);
        if (!p.ok()) {
            damaged(line, p.error());
            return;
        }
        apply(line, p);
    }

    private void apply(long line, JournalLine.Parsed p) {
        if (p.checksummed()) {
            checksummedSeen = true;
        } else if (checksummedSeen) {
            damaged(line, "no checksum, after lines that have one");
            return;
        }
        JsonNode node = p.node();
        if ("journal".equals(node.path("op").asText())) {
            if (!p.checksummed()) {
                damaged(line, "a header without a checksum");
                return;
            }
            int format = node.path("format").asInt(-1);
            if (format > EventCodec.FORMAT) {
                throw new IllegalStateException("journal " + path + " has format " + format
                        + ", written by a newer hpo4j; this version reads formats 1 to " + EventCodec.FORMAT);
            }
            return;
        }
        Event event;
        try {
            event = EventCodec.decode(node);
            state.check(event);
        } catch (RuntimeException e) {
            damaged(line, e.getMessage() == null ? e.toString() : e.getMessage());
            return;
        }
        int number = state.apply(event);
        events++;
        if (sink != null) {
            sink.accept(explicit(event, number));
        }
    }

    /** A creation event read from format 1 carries no number: the one it was given. */
    private static Event explicit(Event e, int number) {
        if (e instanceof Event.TrialCreated c && c.number() < 0) {
            return new Event.TrialCreated(c.study(), number, c.state(), c.fixedParams(), c.attributes(), c.heartbeat(),
                    c.timeMillis());
        }
        if (e instanceof Event.TrialAdded a && a.number() < 0) {
            return new Event.TrialAdded(a.study(), number, a.record());
        }
        return e;
    }

    /** The bytes after the last newline: a write in flight or torn, a whole event lacking its newline, or damage. */
    void tail(byte[] tail) {
        unfinished = tail.length;
        if (appliedTail == tail.length) {
            return;
        }
        JournalLine.Parsed whole = JournalLine.parse(tail, 0, tail.length);
        if (whole.ok() && (whole.checksummed() || !checksummedSeen)) {
            LOG.warn("journal {}: the last line lacks its newline (a crash right after writing it); applied", path);
            appliedTail = tail.length;
            unfinished = 0;
            apply(lines + 1, whole);
            return;
        }
        int end = completeEventEnd(tail);
        if (end > 0) {
            damaged(lines + 1, "a complete event followed by " + (tail.length - end) + " stray byte(s) without a newline");
            return;
        }
        if (tornReported != tail.length && sink == null) {
            tornReported = tail.length;
            LOG.info("journal {}: the last {} byte(s) are an unfinished line (a write in flight, or torn by a crash:"
                    + " then the next write cuts it)", path, tail.length);
        }
    }

    /** The end of a whole checksummed event at the start of {@code tail}, or -1. */
    private static int completeEventEnd(byte[] tail) {
        for (int end = JournalLine.SUFFIX + 2; end < tail.length; end++) {
            if (tail[end - 1] == '}' && JournalLine.hasChecksum(tail, 0, end)
                    && JournalLine.parse(tail, 0, end).ok()) {
                return end;
            }
        }
        return -1;
    }
}
