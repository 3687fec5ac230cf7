package io.github.hpo4j.examples.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.hpo4j.core.storage.Storage;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(Dashboard d, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(d.url() + path.substring(1))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request written by hand, so that paths no client would send can be tried. */
    private static String raw(Dashboard d, String requestLine) throws Exception {
        try (Socket s = new Socket("127.0.0.1", d.port())) {
            s.getOutputStream().write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return answer.substring(0, answer.indexOf("\r\n"));
        }
    }

    @Test
    void trialsJson_growsWhileAnotherThreadAddsTrials(@TempDir Path dir) throws Exception {
        try (LiveJournal journal = new LiveJournal(dir.resolve("live.journal"), "live")) {
            journal.add(5);
            try (Storage reader = ReadOnlyStorage.open("journal:" + journal.path);
                 Dashboard d = Dashboard.start(reader, "127.0.0.1", 0)) {
                assertEquals(5, JSON.readTree(get(d, "/api/studies/live/trials").body()).size());
                AtomicReference<Throwable> failed = new AtomicReference<>();
                Thread writer = new Thread(() -> {
                    try {
                        for (int i = 0; i < 20; i++) {
                            journal.add(1);
                            Thread.sleep(10);
                        }
                    } catch (Throwable t) {
                        failed.set(t);
                    }
                });
                writer.start();
                List<Integer> seen = new ArrayList<>();
                long end = System.nanoTime() + 20_000_000_000L;
                while (System.nanoTime() < end) {
                    int n = JSON.readTree(get(d, "/api/studies/live/trials").body()).size();
                    seen.add(n);
                    if (n == 25) {
                        break;
                    }
                }
                writer.join();
                assertEquals(null, failed.get());
                assertEquals(25, seen.get(seen.size() - 1), seen.toString());
                for (int i = 1; i < seen.size(); i++) {
                    assertTrue(seen.get(i) >= seen.get(i - 1), "the served trials shrank: " + seen);
                }
                JsonNode status = JSON.readTree(get(d, "/api/studies/live/status").body());
                assertEquals(25, status.get("trials").asInt());
                assertEquals(0, status.get("skipped").asInt());
                JsonNode studies = JSON.readTree(get(d, "/api/studies").body());
                assertEquals("live", studies.get(0).get("name").asText());
                assertEquals(25, studies.get(0).get("trials").asInt());
            }
        }
    }

    @Test
    void damagedLine_isSkipped_theRestServed_andThePageSaysSo(@TempDir Path dir) throws Exception {
        try (LiveJournal journal = new LiveJournal(dir.resolve("live.journal"), "live")) {
            journal.add(12);
            try (Storage reader = ReadOnlyStorage.open("journal:" + journal.path);
                 Dashboard d = Dashboard.start(reader, "127.0.0.1", 0)) {
                assertTrue(get(d, "/study/live").body().contains("id=\"kpi-trials\">12<"));
                journal.damage();
                HttpResponse<String> page = get(d, "/study/live");
                assertEquals(200, page.statusCode());
                assertTrue(page.body().contains("id=\"damage\""), "the page shows the damage");
                assertTrue(page.body().contains("id=\"kpi-trials\">12<"));
                JsonNode status = JSON.readTree(get(d, "/api/studies/live/status").body());
                assertEquals(1, status.get("skipped").asInt());
                assertEquals(12, JSON.readTree(get(d, "/api/studies/live/trials").body()).size());
                assertEquals(200, get(d, "/").statusCode());
            }
        }
    }

    @Test
    void onlyGet_onlyItsOwnPaths_andAPolicyAllowingNoOutsideSource(@TempDir Path dir) throws Exception {
        try (LiveJournal journal = new LiveJournal(dir.resolve("live.journal"), "live")) {
            journal.add(3);
            try (Storage reader = ReadOnlyStorage.open("journal:" + journal.path);
                 Dashboard d = Dashboard.start(reader, "127.0.0.1", 0)) {
                HttpResponse<String> index = get(d, "/");
                assertEquals(200, index.statusCode());
                String policy = index.headers().firstValue("Content-Security-Policy").orElseThrow();
                assertTrue(policy.startsWith("default-src 'none'; script-src 'sha256-"), policy);
                assertTrue(policy.contains("connect-src 'self'") && policy.contains("frame-ancestors 'none'"), policy);
                assertEquals("nosniff", index.headers().firstValue("X-Content-Type-Options").orElseThrow());
                assertTrue(d.url().startsWith("http://127.0.0.1:"));
                for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(d.url() + "study/live"))
                            .method(method, HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(405, r.statusCode(), method);
                    assertEquals("GET", r.headers().firstValue("Allow").orElseThrow());
                }
                for (String path : List.of("/../../etc/passwd", "/etc/passwd", "/study/live/../../etc/passwd",
                        "/study/%2e%2e%2fetc%2fpasswd", "/study/nope", "/api/studies/nope/trials", "/static/x.js")) {
                    assertEquals("HTTP/1.1 404 Not Found", raw(d, "GET " + path + " HTTP/1.1"), path);
                }
                assertEquals(3, JSON.readTree(get(d, "/api/studies/live/trials").body()).size(), "still serving");
            }
        }
    }
}
