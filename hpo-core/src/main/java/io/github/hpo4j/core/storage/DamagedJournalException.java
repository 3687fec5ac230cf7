package io.github.hpo4j.core.storage;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A journal has damaged lines: their checksums do not match, they are not events, or they do not
 * fit what the lines before them built. The message names the lines and says how to recover:
 * copy every intact event to a new file with {@code hpo journal repair FILE --output NEW}, or open
 * the journal with {@link JournalBuilder#lenient(boolean) lenient(true)} to skip them.
 *
 * <pre>{@code
 * try (Storage s = Storage.journal(file)) {
 *     ...
 * } catch (DamagedJournalException e) {
 *     e.damage().forEach(d -> log.error("{}", d));
 * }
 * }</pre>
 *
 * <p>Stability: stable.
 */
public final class DamagedJournalException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int LISTED = 10;

    private final transient Path file;
    private final transient List<SkippedRecord> damage;

    DamagedJournalException(Path file, List<SkippedRecord> damage) {
        super(message(file, damage));
        this.file = file;
        this.damage = List.copyOf(damage);
    }

    private static String message(Path file, List<SkippedRecord> damage) {
        String lines = damage.stream().limit(LISTED).map(d -> Long.toString(d.line())).collect(Collectors.joining(", "));
        String more = damage.size() > LISTED ? " and " + (damage.size() - LISTED) + " more" : "";
        return "journal " + file + ": damaged line" + (damage.size() == 1 ? " " : "s ") + lines + more
                + " (line " + damage.get(0).line() + ": " + damage.get(0).reason() + "); copy the intact events with"
                + " 'hpo journal repair " + file + " --output NEW', or open it with"
                + " Storage.journalBuilder(file).lenient(true) to skip them";
    }

    /** @return the journal */
    public Path file() {
        return file;
    }

    /** @return the damaged lines, in file order */
    public List<SkippedRecord> damage() {
        return damage;
    }
}
