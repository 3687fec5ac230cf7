package io.github.hpo4j.examples.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol with the JDK's own WebSocket
 * client (no driver, no extra dependency): load a page, evaluate JavaScript, collect console
 * errors, uncaught exceptions and dialogs, take a full-page screenshot.
 *
 * <p>{@link #find()} locates the browser ({@code HPO_CHROMIUM}, else {@code /usr/bin/chromium}, else
 * {@code chromium} on the PATH).
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<String> dialogs = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> loads = new CopyOnWriteArrayList<>();

    /** @return the browser's executable, if this machine has one */
    public static java.util.Optional<Path> find() {
        String env = System.getenv("HPO_CHROMIUM");
        if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) {
            return java.util.Optional.of(Path.of(env));
        }
        if (Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            return java.util.Optional.of(Path.of("/usr/bin/chromium"));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "chromium");
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Starts the browser with an empty profile and attaches to its first page.
     *
     * @param executable the browser
     * @param width      the window's width in CSS pixels
     * @param height     the window's height
     * @return the browser
     * @throws IOException if it does not start or does not say where it listens within 30 s
     */
    public static HeadlessChromium start(Path executable, int width, int height) throws IOException {
        Path profile = Files.createTempDirectory("hpo-chromium");
        Process p = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--hide-scrollbars", "--remote-debugging-port=0", "--remote-allow-origins=*",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> wsUrl = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        wsUrl.complete(m.group(1));
                    }
                }
            } catch (IOException ignored) {
                // the browser went away
            }
            wsUrl.completeExceptionally(new IOException("chromium exited without a DevTools address"));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            URI browser = URI.create(wsUrl.get(30, TimeUnit.SECONDS));
            HttpClient http = HttpClient.newHttpClient();
            URI list = URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list");
            String pageWs = null;
            for (int attempt = 0; attempt < 50 && pageWs == null; attempt++) {
                JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(list).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                for (JsonNode t : targets) {
                    if ("page".equals(t.path("type").asText())) {
                        pageWs = t.path("webSocketDebuggerUrl").asText();
                        break;
                    }
                }
                if (pageWs == null) {
                    Thread.sleep(100);
                }
            }
            if (pageWs == null) {
                throw new IOException("chromium has no page to attach to");
            }
            HeadlessChromium c = new HeadlessChromium(p, profile, http, URI.create(pageWs));
            c.call("Page.enable", null);
            c.call("Runtime.enable", null);
            c.call("Log.enable", null);
            ObjectNode metrics = JSON.createObjectNode().put("width", width).put("height", height)
                    .put("deviceScaleFactor", 1).put("mobile", false);
            c.call("Emulation.setDeviceMetricsOverride", metrics);
            return c;
        } catch (Exception e) {
            p.destroyForcibly();
            throw e instanceof IOException io ? io : new IOException("chromium: " + e, e);
        }
    }

    private HeadlessChromium(Process process, Path profile, HttpClient http, URI page) throws Exception {
        this.process = process;
        this.profile = profile;
        this.socket = http.newWebSocketBuilder().buildAsync(page, new Listener()).get(30, TimeUnit.SECONDS);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    dispatch(JSON.readTree(text));
                } catch (IOException e) {
                    errors.add("unreadable DevTools message: " + e.getMessage());
                }
            }
            ws.request(1);
            return null;
        }
    }

    private void dispatch(JsonNode msg) {
        if (msg.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
            if (f != null) {
                if (msg.has("error")) {
                    f.completeExceptionally(new IllegalStateException(msg.get("error").toString()));
                } else {
                    f.complete(msg.path("result"));
                }
            }
            return;
        }
        String method = msg.path("method").asText();
        JsonNode params = msg.path("params");
        switch (method) {
            case "Runtime.consoleAPICalled" -> {
                String type = params.path("type").asText();
                if (type.equals("error") || type.equals("assert")) {
                    errors.add("console." + type + ": " + params.path("args").toString());
                }
            }
            case "Runtime.exceptionThrown" -> errors.add("uncaught: " + params.path("exceptionDetails").toString());
            case "Log.entryAdded" -> {
                if ("error".equals(params.path("entry").path("level").asText())) {
                    errors.add("log: " + params.path("entry").path("text").asText() + " "
                            + params.path("entry").path("url").asText());
                }
            }
            case "Page.javascriptDialogOpening" -> {
                dialogs.add(params.path("type").asText() + ": " + params.path("message").asText());
                sendAsync("Page.handleJavaScriptDialog", JSON.createObjectNode().put("accept", true));
            }
            case "Page.loadEventFired" -> loads.forEach(f -> f.complete(null));
            default -> {
                // other events are not needed
            }
        }
    }

    private CompletableFuture<JsonNode> sendAsync(String method, JsonNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        if (params != null) {
            msg.set("params", params);
        }
        socket.sendText(msg.toString(), true);
        return f;
    }

    /** Calls a DevTools method and waits up to 60 s for its result. */
    public JsonNode call(String method, JsonNode params) {
        try {
            return sendAsync(method, params).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(method + ": " + e, e);
        }
    }

    /**
     * Loads a page and waits for its load event.
     *
     * @param url the page
     * @return the milliseconds from the navigation to the load event, as the page measured them
     */
    public double navigate(String url) {
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        loads.clear();
        loads.add(loaded);
        call("Page.navigate", JSON.createObjectNode().put("url", url));
        try {
            loaded.get(120, TimeUnit.SECONDS);
            // a load event of the page before may arrive late: wait for this page, loaded
            String check = "document.readyState === 'complete' && location.href === " + JSON.writeValueAsString(url);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!evaluate(check).asBoolean()) {
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("still loading");
                }
                Thread.sleep(20);
            }
        } catch (Exception e) {
            throw new IllegalStateException("load of " + url + ": " + e, e);
        }
        // the first paint after load: two animation frames
        evaluateAsync("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(1))))");
        return evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd").asDouble();
    }

    /** @return the value of a JavaScript expression */
    public JsonNode evaluate(String expression) {
        JsonNode r = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("returnByValue", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("evaluate " + expression + ": " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** @return the value a JavaScript promise resolves to */
    public JsonNode evaluateAsync(String expression) {
        JsonNode r = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("evaluate " + expression + ": " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** Saves a PNG of the whole page (up to 12,000 pixels high). */
    public void screenshot(Path file) throws IOException {
        // sections off screen are rendered only when scrolled to (content-visibility): render them all
        evaluate("document.querySelectorAll('section').forEach(s => s.style.contentVisibility = 'visible'); 0");
        evaluateAsync("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(1))))");
        JsonNode size = call("Page.getLayoutMetrics", null).path("cssContentSize");
        ObjectNode clip = JSON.createObjectNode().put("x", 0).put("y", 0).put("width", size.path("width").asDouble())
                .put("height", Math.min(12_000, size.path("height").asDouble())).put("scale", 1);
        ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        JsonNode shot = call("Page.captureScreenshot", params);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    /** @return console errors, uncaught exceptions and error log entries seen so far */
    public List<String> errors() {
        return new ArrayList<>(errors);
    }

    /** @return the dialogs (alert, confirm, prompt) that opened */
    public List<String> dialogs() {
        return new ArrayList<>(dialogs);
    }

    @Override
    public void close() {
        try {
            socket.abort();
        } finally {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory left behind
            }
        }
    }

    /** How long to wait for a condition in a page. */
    public boolean waitFor(String expression, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (evaluate(expression).asBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
