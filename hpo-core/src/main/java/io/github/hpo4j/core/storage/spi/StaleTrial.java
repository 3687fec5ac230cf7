package io.github.hpo4j.core.storage.spi;

import java.util.OptionalInt;

/**
 * A RUNNING trial that a storage failed because its heartbeat stopped, and the WAITING trial
 * that retries its configuration, if the retry policy allowed one.
 *
 * <pre>{@code
 * for (StaleTrial s : backend.failStaleTrials("demo", Duration.ofMinutes(2), 1)) {
 *     log.info("trial {} failed as stale, retried as {}", s.number(), s.retry());
 * }
 * }</pre>
 *
 * <p>Stability: evolving.
 *
 * @param number the failed trial
 * @param retry  the WAITING trial enqueued with its parameters, if any
 */
public record StaleTrial(int number, OptionalInt retry) {
}
