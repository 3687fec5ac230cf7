package io.github.hpo4j.core.storage;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link JournalRepair} found in a journal: its complete lines, the events that apply, the
 * damaged lines, and an unfinished last line (a write torn by a crash, or still in flight).
 *
 * <pre>{@code
 * JournalReport r = JournalRepair.check(Path.of("studies.journal"));
 * if (!r.intact()) {
 *     r.damage().forEach(d -> System.err.println(d));
 * }
 * }</pre>
 *
 * <p>Stability: stable.
 *
 * @param file            the journal
 * @param lines           its complete lines
 * @param events          the events that apply (the header line is not an event)
 * @param damage          the damaged lines, in file order
 * @param unfinishedBytes the length of an unfinished last line, 0 for none
 */
public record JournalReport(Path file, long lines, long events, List<SkippedRecord> damage, long unfinishedBytes) {

    /** Copies the damage list. */
    public JournalReport {
        damage = List.copyOf(damage);
    }

    /** @return whether no line is damaged (an unfinished last line is not damage: the next write cuts it) */
    public boolean intact() {
        return damage.isEmpty();
    }
}
