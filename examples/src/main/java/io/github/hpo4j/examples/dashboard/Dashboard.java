package io.github.hpo4j.examples.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.hpo4j.core.io.TrialsJson;
import io.github.hpo4j.core.storage.SkippedRecord;
import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.storage.StudyInfo;
import io.github.hpo4j.core.storage.StudySummary;
import io.github.hpo4j.core.storage.spi.StorageBackend;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import io.github.hpo4j.search.report.StudyIndex;
import io.github.hpo4j.search.report.StudyReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live, read-only view of every study in a storage, served by the JDK's own HTTP server: the
 * study list at {@code /}, each study's report at {@code /study/NAME} (refreshed by the page while
 * trials land), and JSON at {@code /api/studies}, {@code /api/studies/NAME/trials} and
 * {@code /api/studies/NAME/status}. Answers GET only, serves nothing but these paths, and sends a
 * Content-Security-Policy that allows no outside source.
 *
 * <pre>{@code
 * try (Storage s = ReadOnlyStorage.open("journal:studies.journal");
 *      Dashboard d = Dashboard.start(s, "127.0.0.1", 0)) {
 *     System.out.println(d.url());
 * }
 * }</pre>
 */
public final class Dashboard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String HEADER_POLICY = StudyReport.livePolicy() + "; frame-ancestors 'none'";

    private final Storage storage;
    private final HttpServer server;
    private final ExecutorService pool;

    private Dashboard(Storage storage, HttpServer server, ExecutorService pool) {
        this.storage = storage;
        this.server = server;
        this.pool = pool;
    }

    /**
     * Starts serving.
     *
     * @param storage the storage to show (opened read-only, see {@link ReadOnlyStorage})
     * @param host    the address to bind, e.g. 127.0.0.1
     * @param port    the port, 0 for any free one
     * @return the running dashboard
     * @throws IOException if the address cannot be bound
     */
    public static Dashboard start(Storage storage, String host, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 32);
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "hpo-dashboard");
            t.setDaemon(true);
            return t;
        });
        Dashboard d = new Dashboard(storage, server, pool);
        server.createContext("/", d::handle);
        server.setExecutor(pool);
        server.start();
        return d;
    }

    /** @return the address served, e.g. {@code http://127.0.0.1:8080/} */
    public String url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/";
    }

    /** @return the bound port */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            x.getResponseHeaders().set("Content-Security-Policy", HEADER_POLICY);
            x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            x.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            x.getResponseHeaders().set("Cache-Control", "no-store");
            if (!"GET".equals(x.getRequestMethod())) {
                x.getResponseHeaders().set("Allow", "GET");
                send(x, 405, "text/plain", "only GET is served here\n");
                return;
            }
            String path = x.getRequestURI().getRawPath();
            try {
                route(x, path);
            } catch (IllegalArgumentException e) {
                send(x, 404, "text/plain", "not found\n");
            } catch (RuntimeException e) {
                LOG.warn("dashboard: {} failed: {}", path, e.toString());
                send(x, 500, "text/plain", "the storage could not be read: " + e.getMessage() + "\n");
            }
        }
    }

    private void route(HttpExchange x, String path) throws IOException {
        if (path.equals("/")) {
            List<StudySummary> all = storage.studySummaries();
            send(x, 200, "text/html; charset=utf-8", StudyIndex.liveHtml(all, n -> "/study/" + encode(n), "/api/status",
                    "/fragment/index", indexVersion(all), banner()));
        } else if (path.equals("/fragment/index")) {
            send(x, 200, "text/html; charset=utf-8", StudyIndex.fragment(storage.studySummaries(), n -> "/study/" + encode(n)));
        } else if (path.equals("/api/status")) {
            send(x, 200, "application/json", status(null));
        } else if (path.equals("/api/studies")) {
            send(x, 200, "application/json", studies());
        } else if (path.startsWith("/study/")) {
            String name = name(path, "/study/", "");
            List<TrialRecord> trials = trials(name);
            String enc = encode(name);
            send(x, 200, "text/html; charset=utf-8", report(name, trials).liveHtml("/api/studies/" + enc + "/status",
                    "/fragment/study/" + enc, version(trials), banner()));
        } else if (path.startsWith("/fragment/study/")) {
            String name = name(path, "/fragment/study/", "");
            send(x, 200, "text/html; charset=utf-8", report(name, trials(name)).fragment());
        } else if (path.startsWith("/api/studies/") && path.endsWith("/trials")) {
            StringWriter w = new StringWriter();
            TrialsJson.write(trials(name(path, "/api/studies/", "/trials")), w);
            send(x, 200, "application/json", w.toString());
        } else if (path.startsWith("/api/studies/") && path.endsWith("/status")) {
            send(x, 200, "application/json", status(name(path, "/api/studies/", "/status")));
        } else {
            throw new IllegalArgumentException("no such page");
        }
    }

    /** The study name between a prefix and a suffix of the raw path; it must exist. */
    private String name(String path, String prefix, String suffix) {
        String raw = path.substring(prefix.length(), path.length() - suffix.length());
        if (raw.isEmpty() || raw.contains("/")) {
            throw new IllegalArgumentException("no such page");
        }
        String name = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        if (storage.findStudy(name).isEmpty()) {
            throw new IllegalArgumentException("no such study");
        }
        return name;
    }

    static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private List<TrialRecord> trials(String name) {
        return StorageBackend.of(storage).trials(name);
    }

    private StudyReport report(String name, List<TrialRecord> trials) {
        StudyInfo info = storage.findStudy(name).orElseThrow(() -> new IllegalArgumentException("no such study"));
        return StudyReport.builder().title(name).objectives(info.objectives()).trials(trials)
                .subtitle(storage + " · read-only view").build();
    }

    private String banner() {
        List<SkippedRecord> skipped = storage.skippedRecords();
        if (skipped.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder("The storage has ").append(skipped.size())
                .append(" damaged record(s), skipped; everything else is shown. First: ");
        b.append(skipped.get(0));
        return b.toString();
    }

    /** A short text that changes whenever a trial is added or changes state or values. */
    static String version(List<TrialRecord> trials) {
        long h = 1125899906842597L;
        for (TrialRecord t : trials) {
            h = 31 * h + t.number();
            h = 31 * h + t.state().ordinal();
            h = 31 * h + t.values().hashCode();
            h = 31 * h + t.intermediateValues().size();
            h = 31 * h + t.params().size();
            h = 31 * h + t.metrics().hashCode();
        }
        return Long.toHexString(h) + "-" + trials.size();
    }

    private String status(String study) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        if (study == null) {
            List<StudySummary> all = storage.studySummaries();
            o.put("version", indexVersion(all));
            o.put("trials", all.stream().mapToInt(StudySummary::trials).sum());
        } else {
            List<TrialRecord> ts = trials(study);
            o.put("version", version(ts));
            o.put("trials", ts.size());
            o.put("complete", ts.stream().filter(t -> t.state() == TrialState.COMPLETE).count());
        }
        o.put("skipped", storage.skippedRecords().size());
        return JSON.writeValueAsString(o);
    }

    private static String indexVersion(List<StudySummary> all) {
        long h = all.size();
        for (StudySummary s : all) {
            h = 31 * h + s.name().hashCode();
            h = 31 * h + s.countByState().hashCode();
        }
        return Long.toHexString(h);
    }

    private String studies() throws IOException {
        ArrayNode arr = JSON.createArrayNode();
        for (StudySummary s : storage.studySummaries()) {
            ObjectNode o = arr.addObject();
            o.put("name", s.name());
            o.put("trials", s.trials());
            ObjectNode states = o.putObject("states");
            s.countByState().forEach((k, v) -> states.put(k.name(), v));
            Optional<Double> best = s.bestValue();
            best.ifPresent(v -> o.put("best_value", v));
        }
        return JSON.writeValueAsString(arr);
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }
}
