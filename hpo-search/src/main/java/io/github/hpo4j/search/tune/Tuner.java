package io.github.hpo4j.search.tune;

import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.space.FloatDistribution;
import io.github.hpo4j.core.space.SearchSpace;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.Trial;
import io.github.hpo4j.core.trial.TrialPrunedException;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an objective over configurations, safe to interrupt and resume: every trial is recorded
 * in the study's storage (use a journal storage to survive a crash), so a new run of the same
 * study continues where the last one stopped.
 *
 * <ul>
 *   <li>Configurations come from a generator (grid, random, Sobol, Bayesian, catalog) through
 *       {@link Builder#configurations}, or from the study's sampler over the search space.</li>
 *   <li>On start, trials left RUNNING by a dead run are marked FAIL ("abandoned") and their
 *       configuration is queued again, at most {@code retries} times (default once); configurations
 *       already COMPLETE are not run again.</li>
 *   <li>{@code workers} threads; a per-trial timeout (the trial fails, the run goes on); a
 *       budget in trials and in wall time; exceptions recorded as FAIL with their message.</li>
 *   <li>One log line per finished trial (slf4j, INFO) and a {@link TuningListener} callback.</li>
 *   <li>A baseline configuration can run first; the report then gives the improvement over it.</li>
 * </ul>
 *
 * <pre>{@code
 * TuningReport report = Tuner.builder(study, space)
 *     .configurations(RandomSearch.over(space).generate(30))
 *     .baseline(todaysConfig)
 *     .workers(4).trialTimeout(Duration.ofMinutes(20)).maxTime(Duration.ofHours(6))
 *     .build()
 *     .run((config, trial) -> trainAndScore(config));
 * report.writeSummaryCsv(Path.of("summary.csv"));
 * }</pre>
 *
 * <p>One tuning run per study at a time. Stability: evolving.
 */
public final class Tuner {

    private static final Logger LOG = LoggerFactory.getLogger(Tuner.class);
    /** Failure message of trials left RUNNING by a run that died. */
    public static final String ABANDONED = "abandoned by a previous run";
    /** Attribute that marks the baseline trial. */
    public static final String BASELINE_ATTR = "baseline";

    private final Study study;
    private final SearchSpace space;
    private final List<Map<String, Object>> configurations;
    private final Map<String, Object> baseline;
    private final int workers;
    private final Duration trialTimeout;
    private final int maxTrials;
    private final Duration maxTime;
    private final int retries;
    private final TuningListener listener;

    private Tuner(Builder b) {
        this.study = b.study;
        this.space = b.space;
        this.configurations = b.configurations;
        this.baseline = b.baseline;
        this.workers = b.workers;
        this.trialTimeout = b.trialTimeout;
        this.maxTrials = b.maxTrials;
        this.maxTime = b.maxTime;
        this.retries = b.retries;
        this.listener = b.listener;
    }

    /**
     * @param study the study (its storage keeps the progress)
     * @param space the parameters' distributions (weights of simplex groups not in it are floats in [0, 1])
     * @return a builder
     */
    public static Builder builder(Study study, SearchSpace space) {
        return new Builder(Objects.requireNonNull(study, "study"), Objects.requireNonNull(space, "space"));
    }

    /**
     * Runs, or resumes, the tuning.
     *
     * @param objective the training pipeline
     * @return the report over every trial of the study
     */
    public TuningReport run(TuneObjective objective) {
        Objects.requireNonNull(objective, "objective");
        recoverAbandoned();
        Integer baselineNumber = queueBaseline();
        queueConfigurations();
        int waiting = study.trials(TrialState.WAITING).size();
        int planned = configurations == null ? (maxTrials == Integer.MAX_VALUE ? -1 : maxTrials)
                : Math.min(waiting, maxTrials);
        long deadline = maxTime == null ? Long.MAX_VALUE : System.nanoTime() + maxTime.toNanos();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        ExecutorService evaluators = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hpo-tuner-eval");
            t.setDaemon(true);
            return t;
        });
        Runnable worker = () -> {
            while (System.nanoTime() < deadline && started.getAndIncrement() < maxTrials) {
                if (configurations != null && study.trials(TrialState.WAITING).isEmpty()) {
                    return;
                }
                TrialRecord done = runOne(objective, evaluators, baselineNumber);
                int f = finished.incrementAndGet();
                LOG.info("trial {} {} value {} params {} ({}/{})", done.number(), done.state(),
                        done.values().isEmpty() ? "-" : done.values().get(0), done.params(), f,
                        planned < 0 ? "?" : planned);
                if (listener != null) {
                    listener.onTrialFinished(done, f, planned);
                }
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                fs.add(pool.submit(worker));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("tuning interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a tuning worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            evaluators.shutdownNow();
        }
        return report();
    }

    /** @return the report over every trial of the study so far */
    public TuningReport report() {
        Optional<Double> base = study.trials(TrialState.COMPLETE).stream()
                .filter(t -> Boolean.TRUE.equals(t.attributes().get(BASELINE_ATTR)))
                .map(TrialRecord::value).findFirst();
        return new TuningReport(study.directions().get(0), study.trials(), base);
    }

    private void recoverAbandoned() {
        List<TrialRecord> all = study.trials();
        Map<Map<String, Object>, Integer> abandonedBefore = new HashMap<>();
        for (TrialRecord t : all) {
            if (t.state() == TrialState.FAIL && ABANDONED.equals(t.failure().orElse(null))) {
                abandonedBefore.merge(configOf(t), 1, Integer::sum);
            }
        }
        for (TrialRecord t : all) {
            if (t.state() != TrialState.RUNNING) {
                continue;
            }
            study.tellFailure(t.number(), ABANDONED);
            Map<String, Object> cfg = configOf(t);
            int times = abandonedBefore.merge(cfg, 1, Integer::sum);
            if (times <= retries && !cfg.isEmpty()) {
                LOG.warn("trial {} was left running by a dead run: marked FAIL, its configuration queued again", t.number());
                study.enqueue(cfg);
            } else {
                LOG.warn("trial {} was left running by a dead run: marked FAIL (retries used up)", t.number());
            }
        }
    }

    private static Map<String, Object> configOf(TrialRecord t) {
        Map<String, Object> cfg = new LinkedHashMap<>(t.fixedParams());
        cfg.putAll(t.params());
        return cfg;
    }

    private Integer queueBaseline() {
        if (baseline == null) {
            return null;
        }
        for (TrialRecord t : study.trials()) {
            if (Boolean.TRUE.equals(t.attributes().get(BASELINE_ATTR)) && t.state() == TrialState.COMPLETE) {
                return null;
            }
        }
        // the baseline is the first WAITING trial with its configuration, queued now if absent
        for (TrialRecord t : study.trials(TrialState.WAITING)) {
            if (t.fixedParams().equals(baseline)) {
                return t.number();
            }
        }
        return study.enqueue(baseline);
    }

    private void queueConfigurations() {
        if (configurations == null) {
            return;
        }
        Map<Map<String, Object>, Integer> done = new HashMap<>();
        for (TrialRecord t : study.trials()) {
            if (t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED) {
                done.merge(configOf(t), 1, Integer::sum);
            } else if (t.state() == TrialState.WAITING) {
                done.merge(new LinkedHashMap<>(t.fixedParams()), 1, Integer::sum);
            }
        }
        for (Map<String, Object> c : configurations) {
            Integer n = done.get(normalise(c));
            if (n != null && n > 0) {
                done.put(normalise(c), n - 1);
            } else {
                study.enqueue(c);
            }
        }
    }

    /** The configuration as a trial would record it (values converted by their distributions). */
    private Map<String, Object> normalise(Map<String, Object> c) {
        Map<String, Object> out = new LinkedHashMap<>();
        c.forEach((k, v) -> {
            Distribution d = distributionOf(k);
            try {
                out.put(k, d.toExternal(d.toInternal(v)));
            } catch (IllegalArgumentException e) {
                out.put(k, v);
            }
        });
        return out;
    }

    private Distribution distributionOf(String name) {
        return space.names().contains(name) ? space.get(name) : FloatDistribution.of(0, 1);
    }

    private TrialRecord runOne(TuneObjective objective, ExecutorService evaluators, Integer baselineNumber) {
        Trial trial = study.ask();
        TrialRecord record = study.trial(trial.number());
        if (baselineNumber != null && trial.number() == baselineNumber) {
            trial.setUserAttr(BASELINE_ATTR, true);
        }
        Map<String, Object> config = new LinkedHashMap<>();
        try {
            if (!record.fixedParams().isEmpty()) {
                // the space's order first, then any other enqueued names (e.g. simplex weights) as given
                for (String name : space.names()) {
                    if (record.fixedParams().containsKey(name)) {
                        config.put(name, trial.suggest(name, distributionOf(name)));
                    }
                }
                for (String name : record.fixedParams().keySet()) {
                    if (!config.containsKey(name)) {
                        config.put(name, trial.suggest(name, distributionOf(name)));
                    }
                }
            } else {
                for (Map.Entry<String, Distribution> e : space.distributions().entrySet()) {
                    config.put(e.getKey(), trial.suggest(e.getKey(), e.getValue()));
                }
            }
        } catch (IllegalArgumentException e) {
            return study.tellFailure(trial, "invalid configuration: " + e.getMessage());
        }
        Future<Double> f = evaluators.submit(() -> objective.evaluate(config, trial));
        try {
            double v = trialTimeout == null ? f.get() : f.get(trialTimeout.toNanos(), TimeUnit.NANOSECONDS);
            return study.tell(trial, v);
        } catch (TimeoutException e) {
            f.cancel(true);
            return study.tellFailure(trial, "timed out after " + trialTimeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TrialPrunedException) {
                return study.tell(trial, TrialState.PRUNED);
            }
            LOG.warn("trial {} failed: {}", trial.number(), cause.toString());
            return study.tellFailure(trial, cause.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            return study.tellFailure(trial, "interrupted");
        }
    }

    /** Configures a {@link Tuner}; each method checks its argument at once. */
    public static final class Builder {
        private final Study study;
        private final SearchSpace space;
        private List<Map<String, Object>> configurations;
        private Map<String, Object> baseline;
        private int workers = 1;
        private Duration trialTimeout;
        private int maxTrials = Integer.MAX_VALUE;
        private Duration maxTime;
        private int retries = 1;
        private TuningListener listener;

        private Builder(Study study, SearchSpace space) {
            this.study = study;
            this.space = space;
        }

        /**
         * @param configs the configurations to run (each at most once over all runs)
         * @return this builder
         * @throws IllegalArgumentException if a configuration lacks a parameter of the space, or names
         *     one outside it (simplex weights excepted, which must lie in [0, 1])
         */
        public Builder configurations(List<Map<String, Object>> configs) {
            for (Map<String, Object> c : configs) {
                checkConfig("configurations", c);
            }
            this.configurations = List.copyOf(configs);
            return this;
        }

        private void checkConfig(String what, Map<String, Object> c) {
            for (String name : space.names()) {
                if (!c.containsKey(name)) {
                    throw new IllegalArgumentException(what + ": configuration " + c + " lacks parameter '" + name + "'");
                }
            }
            c.forEach((k, v) -> {
                Distribution d = space.names().contains(k) ? space.get(k) : null;
                if (d == null && !(v instanceof Double x && x >= 0 && x <= 1)) {
                    throw new IllegalArgumentException(what + ": unknown parameter '" + k + "' (known: " + space.names() + ")");
                }
                if (d != null) {
                    try {
                        d.toInternal(v);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(what + ": " + k + ": " + e.getMessage(), e);
                    }
                }
            });
        }

        /**
         * @param config today's configuration, run first
         * @return this builder
         * @throws IllegalArgumentException if it names an unknown parameter or a value outside its distribution
         */
        public Builder baseline(Map<String, Object> config) {
            checkConfig("baseline", config);
            this.baseline = new LinkedHashMap<>(config);
            return this;
        }

        /**
         * @param n parallel workers, {@code >= 1} (default 1)
         * @return this builder
         * @throws IllegalArgumentException if {@code n < 1}
         */
        public Builder workers(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("workers (" + n + ") must be >= 1");
            }
            this.workers = n;
            return this;
        }

        /**
         * @param timeout per-trial time limit; the trial fails when it is exceeded
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder trialTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("trialTimeout (" + timeout + ") must be positive");
            }
            this.trialTimeout = timeout;
            return this;
        }

        /**
         * @param n most trials this run starts, {@code >= 1}
         * @return this builder
         * @throws IllegalArgumentException if {@code n < 1}
         */
        public Builder maxTrials(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxTrials (" + n + ") must be >= 1");
            }
            this.maxTrials = n;
            return this;
        }

        /**
         * @param time no trial starts after this much wall time
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxTime(Duration time) {
            if (time == null || time.isNegative() || time.isZero()) {
                throw new IllegalArgumentException("maxTime (" + time + ") must be positive");
            }
            this.maxTime = time;
            return this;
        }

        /**
         * @param n how many times an abandoned configuration is queued again, {@code >= 0} (default 1)
         * @return this builder
         * @throws IllegalArgumentException if {@code n < 0}
         */
        public Builder retries(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("retries (" + n + ") must be >= 0");
            }
            this.retries = n;
            return this;
        }

        /**
         * @param l called after every finished trial
         * @return this builder
         */
        public Builder listener(TuningListener l) {
            this.listener = l;
            return this;
        }

        /**
         * @return the tuner
         * @throws IllegalArgumentException if neither configurations, maxTrials nor maxTime is set
         *     (the run would never end)
         */
        public Tuner build() {
            if (configurations == null && maxTrials == Integer.MAX_VALUE && maxTime == null) {
                throw new IllegalArgumentException("a tuner needs configurations, maxTrials or maxTime to end;"
                        + " none was set, so it would run forever");
            }
            return new Tuner(this);
        }
    }
}
