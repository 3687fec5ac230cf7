package io.github.hpo4j.core.storage;

/**
 * A damaged record of a storage: where it is and what is wrong with it.
 *
 * <pre>{@code
 * for (SkippedRecord r : storage.skippedRecords()) {
 *     log.warn("line {} skipped: {}", r.line(), r.reason());
 * }
 * }</pre>
 *
 * <p>Stability: stable.
 *
 * @param line   the record's line number in the journal, from 1
 * @param reason what is wrong (a checksum mismatch, a line that is not JSON, an event that does
 *               not fit the state the lines before it built)
 */
public record SkippedRecord(long line, String reason) {
    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}
