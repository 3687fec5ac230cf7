package io.github.hpo4j.benchmarks.tpe;

import io.github.hpo4j.benchmarks.quality.SphereHistory;
import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.tpe.sampler.TpeSampler;
import java.util.Arrays;
import java.util.Locale;

/**
 * The wall time of whole 1,000-trial studies (Σ(x_i − 1)² over [−5, 5]^dims, seed 1, in-memory
 * storage, one thread), cold and warm: the first study of this fresh JVM (what a short-lived job
 * pays, compilation included), then the median of the next {@code runs}. The peer, measured in the
 * same session, is {@code benchmarks/peers/optuna_tpe_time.py}.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.hpo4j.benchmarks.tpe.TpeStudyWallTime DIMS MULTIVARIATE [runs]</pre>
 */
public final class TpeStudyWallTime {

    private TpeStudyWallTime() {
    }

    private static double study(int dims, boolean multivariate) {
        Study study = Study.builder().storage(Storage.inMemory())
                .sampler(TpeSampler.builder().seed(1).multivariate(multivariate).build()).minimize("value").build();
        long t0 = System.nanoTime();
        study.optimize(SphereHistory.objective(dims), 1000);
        return (System.nanoTime() - t0) / 1e9;
    }

    public static void main(String[] args) {
        int dims = Integer.parseInt(args[0]);
        boolean multivariate = Boolean.parseBoolean(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        double cold = study(dims, multivariate);
        double[] warm = new double[runs];
        for (int i = 0; i < runs; i++) {
            warm[i] = study(dims, multivariate);
        }
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "hpo4j %d dims %s: cold %.3f s, warm median %.3f s (min %.3f, max %.3f, %d runs)%n",
                dims, multivariate ? "multivariate" : "univariate", cold, warm[runs / 2], warm[0], warm[runs - 1], runs);
    }
}
