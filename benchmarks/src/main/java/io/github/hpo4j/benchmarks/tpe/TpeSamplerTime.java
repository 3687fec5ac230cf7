package io.github.hpo4j.benchmarks.tpe;

import io.github.hpo4j.benchmarks.quality.SphereHistory;
import io.github.hpo4j.core.sampler.Sampler;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.tpe.sampler.TpeSampler;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The total time spent inside the sampler over a whole study (the figure of issue 8's target),
 * as opposed to {@link TpeRunBenchmark}'s wall time of the whole study: the objective and study of
 * {@code ../shared/reference/baselines.md} (Σ(x_i − 1)² over [−5, 5]^dims, 1,000 sequential
 * trials, seed 1), with the sampler wrapped so that the CPU time of the thread inside each of its
 * calls is summed. Prints the minimum, median and maximum over the measured runs.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.hpo4j.benchmarks.tpe.TpeSamplerTime [warm-ups] [runs]</pre>
 */
public final class TpeSamplerTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TpeSamplerTime() {
    }

    /** Sums the calling thread's CPU time inside the wrapped sampler. */
    private static final class Timed implements Sampler {
        private final Sampler inner;
        private long nanos;

        Timed(Sampler inner) {
            this.inner = inner;
        }

        @Override
        public double sampleIndependent(Study study, TrialRecord trial, String name, Distribution distribution) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            double v = inner.sampleIndependent(study, trial, name, distribution);
            nanos += THREADS.getCurrentThreadCpuTime() - t0;
            return v;
        }

        @Override
        public Map<String, Distribution> inferRelativeSearchSpace(Study study, TrialRecord trial) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            Map<String, Distribution> v = inner.inferRelativeSearchSpace(study, trial);
            nanos += THREADS.getCurrentThreadCpuTime() - t0;
            return v;
        }

        @Override
        public Map<String, Double> sampleRelative(Study study, TrialRecord trial, Map<String, Distribution> space) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            Map<String, Double> v = inner.sampleRelative(study, trial, space);
            nanos += THREADS.getCurrentThreadCpuTime() - t0;
            return v;
        }
    }

    static double samplerSeconds(int dims, boolean multivariate, int trials) {
        Timed timed = new Timed(TpeSampler.builder().seed(1).multivariate(multivariate).build());
        Study study = Study.builder().sampler(timed).build();
        study.optimize(SphereHistory.objective(dims), trials);
        return timed.nanos / 1e9;
    }

    /**
     * @param args optional: warm-up runs (default 3), measured runs (default 10)
     */
    public static void main(String[] args) {
        int warmups = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        System.out.println("| dims | mode | min | median | max |");
        System.out.println("|---|---|---|---|---|");
        for (int dims : new int[] {5, 10}) {
            for (boolean multivariate : new boolean[] {false, true}) {
                for (int i = 0; i < warmups; i++) {
                    samplerSeconds(dims, multivariate, 1000);
                }
                double[] s = new double[runs];
                for (int i = 0; i < runs; i++) {
                    s[i] = samplerSeconds(dims, multivariate, 1000);
                }
                Arrays.sort(s);
                System.out.printf(Locale.ROOT, "| %d | %s | %.3f s | %.3f s | %.3f s |%n", dims,
                        multivariate ? "multivariate" : "univariate", s[0], s[runs / 2], s[runs - 1]);
            }
        }
    }
}
