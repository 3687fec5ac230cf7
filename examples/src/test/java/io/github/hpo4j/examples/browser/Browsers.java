package io.github.hpo4j.examples.browser;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

/** The browser tests' gate: outside CI a missing Chromium skips them with one line; in CI it fails them. */
final class Browsers {

    private Browsers() {
    }

    static Path chromium() {
        java.util.Optional<Path> c = HeadlessChromium.find();
        if (c.isEmpty()) {
            String msg = "browser tests: no Chromium (install Debian's chromium, or set HPO_CHROMIUM to its path, to run them)";
            if ("true".equals(System.getenv("CI"))) {
                fail("in CI " + msg);
            }
            assumeTrue(false, msg);
        }
        return c.get();
    }

    /** Where screenshots go: {@code examples/target/screenshots}. */
    static Path screenshots() {
        return Path.of("target", "screenshots");
    }
}
