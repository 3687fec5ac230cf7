package io.github.hpo4j.examples.scale;

import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.Trial;
import io.github.hpo4j.tpe.sampler.TpeSampler;
import java.util.Arrays;

/**
 * A worker process of the load test: {@code trials} ask + tell of a cheap objective with the TPE
 * sampler on a shared study, printing {@code ACK n} after each acknowledged tell and, at the end,
 * {@code LATENCY_MS p50 p99} of ask + suggest + tell. Args: storage URL, study, trials, seed.
 */
public final class JdbcWorkerMain {

    private JdbcWorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        int trials = Integer.parseInt(args[2]);
        double[] ms = new double[trials];
        try (Storage storage = Storage.open(args[0])) {
            Study study = Study.builder().name(args[1]).storage(storage).loadIfExists(true).minimize("loss")
                    .sampler(TpeSampler.builder().seed(Long.parseLong(args[3])).build()).build();
            System.out.println("READY");
            System.out.flush();
            System.in.read();
            for (int i = 0; i < trials; i++) {
                long t0 = System.nanoTime();
                Trial t = study.ask();
                double x = t.suggestFloat("x", -5, 5);
                double y = t.suggestFloat("y", -5, 5);
                study.tell(t, (x - 1) * (x - 1) + (y + 2) * (y + 2));
                ms[i] = (System.nanoTime() - t0) / 1e6;
                System.out.println("ACK " + t.number());
            }
        }
        Arrays.sort(ms);
        System.out.printf(java.util.Locale.ROOT, "LATENCY_MS %.2f %.2f%n", ms[trials / 2], ms[(int) Math.floor(trials * 0.99)]);
        System.out.flush();
    }
}
