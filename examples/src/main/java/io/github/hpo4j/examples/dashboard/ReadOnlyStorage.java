package io.github.hpo4j.examples.dashboard;

import io.github.hpo4j.core.storage.Storage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a storage URL for looking only: a journal read-only and lenient (never locked or written;
 * damaged records skipped and counted, so a view keeps working and can say what it skipped), any
 * other URL as {@link Storage#open} does.
 */
public final class ReadOnlyStorage {

    private ReadOnlyStorage() {
    }

    /**
     * @param url {@code journal:PATH}, {@code memory:} or {@code jdbc:...}
     * @return the storage
     * @throws IllegalArgumentException if the URL is bad or its journal does not exist
     */
    public static Storage open(String url) {
        if (url != null && url.startsWith("journal:")) {
            Path path = Path.of(url.substring("journal:".length()));
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("--storage: " + path + ": no such journal file");
            }
            return Storage.journalBuilder(path).readOnly(true).lenient(true).open();
        }
        return Storage.open(url);
    }
}
