package io.github.hpo4j.examples.cli;

import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.examples.dashboard.Dashboard;
import io.github.hpo4j.examples.dashboard.ReadOnlyStorage;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hpo dashboard --storage URL [--port 8080] [--host 127.0.0.1]}: a live, read-only view of
 * every study in a storage, until interrupted.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"Serve a live, read-only view of every study in a storage (the JDK's HTTP server; GET only).",
            "Binds 127.0.0.1 unless --host says otherwise. Stop with Ctrl-C."})
final class DashboardCommand extends HpoCommand {

    @Option(names = "--storage", required = true, paramLabel = "URL",
            description = "The storage: journal:PATH (read-only, damaged lines skipped and shown), jdbc:...")
    String storage;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "The port (default: ${DEFAULT-VALUE}; 0: any free one).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to bind (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface).")
    String host;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port: " + port + " is not a port (0..65535)");
        }
        Storage s = ReadOnlyStorage.open(storage);
        Dashboard d;
        try {
            d = Dashboard.start(s, host, port);
        } catch (java.net.BindException e) {
            s.close();
            throw new IllegalArgumentException("--port: cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
        }
        out.println("hpo dashboard: " + storage + " at " + d.url() + " (read-only; bound to " + host
                + (host.equals("127.0.0.1") || host.equals("localhost") ? ", this machine only; --host to change" : "")
                + "). Ctrl-C stops it.");
        out.flush();
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            d.close();
            s.close();
            forever.countDown();
        }));
        forever.await();
        return 0;
    }
}
