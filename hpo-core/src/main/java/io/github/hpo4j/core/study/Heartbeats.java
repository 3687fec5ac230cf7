package io.github.hpo4j.core.study;

import io.github.hpo4j.core.storage.spi.StorageBackend;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The daemon thread that records heartbeats of running trials, for every study of this JVM. */
final class Heartbeats {

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeats.class);
    private static final ScheduledExecutorService BEATER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hpo-heartbeat");
        t.setDaemon(true);
        return t;
    });

    private Heartbeats() {
    }

    /** Beats for a trial every {@code interval} until the returned future is cancelled or the trial ends. */
    static ScheduledFuture<?> start(StorageBackend backend, String study, int number, Duration interval) {
        AtomicReference<ScheduledFuture<?>> self = new AtomicReference<>();
        long ms = Math.max(1, interval.toMillis());
        ScheduledFuture<?> f = BEATER.scheduleAtFixedRate(() -> {
            try {
                backend.recordHeartbeat(study, number);
            } catch (RuntimeException e) {
                // the trial ended (told, or failed as stale by another worker) or the storage closed
                LOG.debug("study {}: heartbeat of trial {} stopped: {}", study, number, e.getMessage());
                ScheduledFuture<?> me = self.get();
                if (me != null) {
                    me.cancel(false);
                }
                throw e;
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
        self.set(f);
        return f;
    }
}
