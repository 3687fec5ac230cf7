package io.github.hpo4j.core.storage;

/**
 * A storage could not do what was asked and retrying will not help: a database that stays
 * unreachable, refuses the credentials, or keeps failing a write after the bounded retries. The
 * write was not acknowledged. The message says what to check.
 *
 * <pre>{@code
 * try (Storage s = Storage.open("jdbc:postgresql://db:5432/hpo?user=hpo")) {
 *     ...
 * } catch (StorageException e) {
 *     log.error("studies unavailable: {}", e.getMessage());
 * }
 * }</pre>
 *
 * <p>Stability: stable.
 */
public final class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and what to check
     * @param cause   the underlying error
     */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
