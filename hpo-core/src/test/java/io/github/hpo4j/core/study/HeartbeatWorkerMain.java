package io.github.hpo4j.core.study;

import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.trial.TrialState;
import java.time.Duration;
import java.util.List;

/**
 * A worker process for the heartbeat tests: runs a study with heartbeats on a journal until the
 * study holds {@code args[2]} COMPLETE trials, printing {@code RUN n} when the objective of trial n
 * starts and {@code ACK n} after each acknowledged COMPLETE tell. Args: storage URL ({@code journal:PATH}, {@code jdbc:...}), study, target, seed.
 */
public final class HeartbeatWorkerMain {

    private HeartbeatWorkerMain() {
    }

    public static void main(String[] args) {
        try (Storage storage = Storage.open(args[0])) {
            Study study = Study.builder().name(args[1]).storage(storage).sampler(new RandomSampler(Long.parseLong(args[3])))
                    .heartbeat(Duration.ofMillis(100), Duration.ofMillis(1000)).maxRetries(1)
                    .minimize("loss").loadIfExists(true).build();
            int target = Integer.parseInt(args[2]);
            TrialCallback ack = (s, t) -> {
                if (t.state() == TrialState.COMPLETE) {
                    System.out.println("ACK " + t.number());
                    System.out.flush();
                }
            };
            study.optimize(t -> {
                System.out.println("RUN " + t.number());
                System.out.flush();
                double x = t.suggestFloat("x", 0, 1);
                double y = t.suggestFloat("y", 0, 1);
                Thread.sleep(60);
                return x + y;
            }, Integer.MAX_VALUE, 1, null, List.of(ack, new MaxTrials(target)));
        }
    }
}
