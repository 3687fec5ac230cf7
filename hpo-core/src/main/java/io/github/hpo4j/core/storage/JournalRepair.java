package io.github.hpo4j.core.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a journal line by line, and copies the intact events of a damaged one to a new file.
 * Neither writes to the journal it reads. The {@code hpo journal check} and
 * {@code hpo journal repair} commands call these.
 *
 * <pre>{@code
 * JournalReport report = JournalRepair.check(Path.of("studies.journal"));
 * if (!report.intact()) {
 *     JournalRepair.repair(Path.of("studies.journal"), Path.of("studies.repaired.journal"));
 * }
 * }</pre>
 *
 * <p>Repair keeps every event that applies, in file order, with its trial number and times
 * (format-1 journals come out in format 2), and drops damaged lines and the events that depend on
 * what they held (e.g. the parameters of a trial whose creation line is damaged): trial numbers
 * never shift. Stability: stable.
 */
public final class JournalRepair {

    private static final int BATCH = 4096;

    private JournalRepair() {
    }

    /**
     * Reads a journal and reports what it holds.
     *
     * @param file the journal
     * @return the report
     * @throws IllegalArgumentException     if there is no file
     * @throws java.io.UncheckedIOException if it cannot be read
     */
    public static JournalReport check(Path file) {
        JournalFile in = JournalFile.acquire(file, false);
        try {
            Replay r = in.scan(e -> { });
            return new JournalReport(in.path, r.lines, r.events, r.damage, r.unfinished);
        } finally {
            in.release();
        }
    }

    /**
     * Copies the intact events of {@code file} to a new journal at {@code output}.
     *
     * @param file   the journal to read
     * @param output the new journal; must not exist
     * @return the report on {@code file}: what was kept ({@code events}) and what was dropped ({@code damage})
     * @throws IllegalArgumentException     if there is no {@code file}, or {@code output} exists
     * @throws java.io.UncheckedIOException if a file cannot be read or written
     */
    public static JournalReport repair(Path file, Path output) {
        if (Files.exists(output)) {
            throw new IllegalArgumentException("output: " + output + " exists; repair writes a new file");
        }
        List<Event> events = new ArrayList<>();
        JournalFile in = JournalFile.acquire(file, false);
        Replay r;
        try {
            r = in.scan(events::add);
        } finally {
            in.release();
        }
        JournalFile out = JournalFile.acquire(output, true);
        try {
            for (int from = 0; from < events.size() || from == 0; from += BATCH) {
                List<Event> batch = events.subList(from, Math.min(events.size(), from + BATCH));
                out.lock.lock();
                try {
                    out.lockFile(Duration.ofSeconds(60));
                    try {
                        out.catchUp();
                        if (!batch.isEmpty()) {
                            out.append(batch);
                        }
                    } finally {
                        out.unlockFile();
                    }
                } finally {
                    out.lock.unlock();
                }
            }
        } finally {
            out.release();
        }
        try {
            if (Files.size(output) == 0) {
                Files.delete(output);
                throw new IllegalArgumentException("file: " + file + " holds no intact event; nothing written");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JournalReport(in.path, r.lines, r.events, r.damage, r.unfinished);
    }
}
