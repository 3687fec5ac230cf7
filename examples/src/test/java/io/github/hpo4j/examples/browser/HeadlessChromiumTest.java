package io.github.hpo4j.examples.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness itself: what the browser tests rely on it to see, it sees. */
class HeadlessChromiumTest {

    @Test
    void consoleErrors_dialogs_andBlockedScripts_areReported(@TempDir Path dir) throws Exception {
        try (HeadlessChromium b = HeadlessChromium.start(Browsers.chromium(), 800, 600)) {
            Path page = dir.resolve("bad.html");
            Files.writeString(page, "<!DOCTYPE html><html><body><script>console.error('broken'); alert('hi');</script></body></html>");
            b.navigate(page.toUri().toString());
            assertEquals(List.of("alert: hi"), b.dialogs());
            assertTrue(b.errors().stream().anyMatch(e -> e.contains("broken")), b.errors().toString());

            Path blocked = dir.resolve("blocked.html");
            Files.writeString(blocked, "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\""
                    + " content=\"default-src 'none'\"></head><body><script>document.title = 'ran'</script></body></html>");
            int before = b.errors().size();
            b.navigate(blocked.toUri().toString());
            assertEquals("", b.evaluate("document.title").asText(), "the policy blocks the inline script");
            assertTrue(b.errors().size() > before, "a blocked script is reported: " + b.errors());
        }
    }
}
