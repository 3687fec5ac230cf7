package io.github.hpo4j.core.study;

import io.github.hpo4j.core.sampler.DefaultSamplerProvider;
import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.sampler.Sampler;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.space.ParamNames;
import io.github.hpo4j.core.space.SearchSpace;
import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.storage.StudyInfo;
import io.github.hpo4j.core.storage.spi.StaleTrial;
import io.github.hpo4j.core.storage.spi.StorageBackend;
import io.github.hpo4j.core.trial.Trial;
import io.github.hpo4j.core.trial.TrialPrunedException;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An optimisation task: a named sequence of trials over one or more objectives, kept in a
 * {@link Storage} and steered by a {@link Sampler}.
 *
 * <p>Ask-and-tell, as in Optuna:
 * <pre>{@code
 * Study study = Study.builder()
 *     .name("demo")
 *     .storage(Storage.journal(Path.of("hpo.journal")))
 *     .sampler(new RandomSampler(42))
 *     .minimize("loss")
 *     .loadIfExists(true)
 *     .build();
 * for (int i = 0; i < 20; i++) {
 *     Trial trial = study.ask();
 *     double x = trial.suggestFloat("x", -10, 10);
 *     study.tell(trial, (x - 2) * (x - 2));
 * }
 * TrialRecord best = study.bestTrial().orElseThrow();
 * }</pre>
 *
 * <p>A study holds no state of its own beyond its configuration: every read goes to the
 * storage, so several study objects (threads or processes) can share one study. Thread-safe.
 *
 * <p>Stability: stable.
 */
public final class Study {

    private static final Logger LOG = LoggerFactory.getLogger(Study.class);

    private final String name;
    private final List<Objective> objectives;
    private final StorageBackend backend;
    private final Sampler sampler;
    private final Pruner pruner;
    /** Heartbeat interval and grace period; null when trials record no heartbeat. */
    private final Duration heartbeatInterval;
    private final Duration gracePeriod;
    private final int maxRetries;
    /** Heartbeats of the trials this object asked for and has not told yet. */
    private final ConcurrentHashMap<Integer, ScheduledFuture<?>> beating = new ConcurrentHashMap<>();
    private volatile boolean stopRequested;

    private Study(String name, List<Objective> objectives, StorageBackend backend, Sampler sampler, Pruner pruner,
                  Duration heartbeatInterval, Duration gracePeriod, int maxRetries) {
        this.name = name;
        this.objectives = List.copyOf(objectives);
        this.backend = backend;
        this.sampler = sampler;
        this.pruner = pruner;
        this.heartbeatInterval = heartbeatInterval;
        this.gracePeriod = gracePeriod;
        this.maxRetries = maxRetries;
    }

    /** @return a builder for a new (or resumed) study */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Resumes an existing study with the default sampler (TPE when hpo-tpe is on the class path,
     * else random; seed 0) and no pruner.
     *
     * @param name    the study's name
     * @param storage where it is kept
     * @return the study
     * @throws IllegalArgumentException if the storage has no study of that name
     */
    public static Study load(String name, Storage storage) {
        return load(name, storage, null);
    }

    /**
     * Resumes an existing study.
     *
     * @param name    the study's name
     * @param storage where it is kept
     * @param sampler the sampler for new trials; null for the default sampler
     * @return the study
     * @throws IllegalArgumentException if the storage has no study of that name
     */
    public static Study load(String name, Storage storage, Sampler sampler) {
        Objects.requireNonNull(storage, "storage");
        StorageBackend backend = StorageBackend.of(storage);
        StudyInfo info = backend.findStudy(name).orElseThrow(() -> new IllegalArgumentException(
                "name: no study '" + name + "' in the storage (studies: " + backend.studyNames() + ")"));
        return new Study(name, info.objectives(), backend, sampler != null ? sampler : defaultSampler(name, 0),
                Pruner.none(), null, null, 0);
    }

    /** The sampler of a study built without one: the highest-priority provider's, else random. */
    static Sampler defaultSampler(String study, long seed) {
        DefaultSamplerProvider best = null;
        for (DefaultSamplerProvider p : ServiceLoader.load(DefaultSamplerProvider.class, Study.class.getClassLoader())) {
            if (best == null || p.priority() > best.priority()) {
                best = p;
            }
        }
        Sampler s = best == null ? new RandomSampler(seed) : best.create(seed);
        LOG.info("study {}: no sampler given; using {} (seed {}){}", study, s.getClass().getSimpleName(), seed,
                best == null ? ", as no DefaultSamplerProvider (e.g. hpo-tpe) is on the class path" : "");
        return s;
    }

    /** @return the study's name */
    public String name() {
        return name;
    }

    /** @return the objectives, in the order of a trial's values */
    public List<Objective> objectives() {
        return objectives;
    }

    /** @return the direction of each objective */
    public List<Direction> directions() {
        return objectives.stream().map(Objective::direction).toList();
    }

    /** @return whether the study has more than one objective */
    public boolean isMultiObjective() {
        return objectives.size() > 1;
    }

    /** @return the storage */
    public Storage storage() {
        return backend;
    }

    /** The storage's event interface, for the trials this study hands out. */
    StorageBackend backend() {
        return backend;
    }

    /** @return the sampler */
    public Sampler sampler() {
        return sampler;
    }

    /** @return the pruner */
    public Pruner pruner() {
        return pruner;
    }

    /**
     * Starts a trial: the oldest WAITING (enqueued) trial if there is one, else a new one. With
     * heartbeats on, first fails the trials of dead workers ({@link #failStaleTrials()}), and the
     * new trial's heartbeat runs until it is told.
     *
     * @return the live trial
     * @throws IllegalStateException if the storage is closed or read-only
     */
    public Trial ask() {
        boolean heartbeat = heartbeatInterval != null;
        if (heartbeat) {
            failStaleTrials();
        }
        OptionalInt waiting = backend.claimWaitingTrial(name, heartbeat);
        int number = waiting.isPresent() ? waiting.getAsInt() : backend.createTrial(name, heartbeat);
        if (heartbeat) {
            beating.put(number, Heartbeats.start(backend, name, number, heartbeatInterval));
        }
        TrialRecord record = backend.trial(name, number);
        Map<String, Distribution> space = sampler.inferRelativeSearchSpace(this, record);
        Map<String, Double> relative = space.isEmpty() ? Map.of() : sampler.sampleRelative(this, record, space);
        return new LiveTrial(this, number, record.fixedParams(), space, relative);
    }

    /**
     * Fails the RUNNING trials whose heartbeat is older than the grace period (their workers died),
     * with the reason in their failure message, and enqueues each one's configuration again while
     * the retry policy allows ({@link Builder#heartbeat}). {@link #ask()} calls it; call it
     * yourself to clean up without asking. Does nothing for a study without heartbeats.
     *
     * @return the trials failed by this call, with their retries
     */
    public List<StaleTrial> failStaleTrials() {
        if (heartbeatInterval == null) {
            return List.of();
        }
        List<StaleTrial> failed = backend.failStaleTrials(name, gracePeriod, maxRetries);
        for (StaleTrial s : failed) {
            LOG.warn("study {}: trial {} had no heartbeat for longer than {}; failed{}", name, s.number(), gracePeriod,
                    s.retry().isPresent() ? ", its configuration retried as trial " + s.retry().getAsInt() : "");
        }
        return failed;
    }

    /**
     * Asks the running {@link #optimize} call(s) of this study object to stop: each worker
     * finishes the trial it is running and starts no other. Callable from any thread, and from a
     * {@link TrialCallback}. A later {@code optimize} call runs again.
     */
    public void stop() {
        stopRequested = true;
    }

    /**
     * @param number a trial number
     * @return the trial's current record
     * @throws IllegalArgumentException if the study has no such trial
     */
    public TrialRecord trial(int number) {
        return backend.trial(name, number);
    }

    /**
     * Sets a user attribute of the study (e.g. the dataset it tunes on); a later value of the same
     * key replaces it.
     *
     * @param key   the attribute, not blank
     * @param value a string, number or boolean
     * @throws IllegalArgumentException if the key is blank or the value of another type
     */
    public void setUserAttr(String key, Object value) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key (" + key + ") must not be blank");
        }
        backend.setStudyAttr(name, key, value);
    }

    /** @return the study's user attributes */
    public Map<String, Object> userAttrs() {
        return backend.studyAttrs(name);
    }

    /**
     * Adds a finished trial made elsewhere (e.g. an imported history), numbered as the next trial.
     *
     * @param record a COMPLETE, PRUNED or FAIL trial
     * @return its number in this study
     * @throws IllegalArgumentException if the record is not finished or its values do not fit the objectives
     */
    public int addTrial(TrialRecord record) {
        return backend.addTrial(name, Objects.requireNonNull(record, "record"));
    }

    /**
     * Starts a trial and suggests every parameter of a search space at once.
     *
     * @param space the parameters to suggest
     * @return the live trial, with {@link Trial#params()} holding a value for each
     */
    public Trial ask(SearchSpace space) {
        Trial trial = ask();
        space.distributions().forEach(trial::suggest);
        return trial;
    }

    /**
     * Finishes a trial as COMPLETE with one value per objective. A NaN value records the trial as
     * FAIL instead (and logs a warning), as Optuna does.
     *
     * @param trial  a trial from {@link #ask()}
     * @param values one value per objective
     * @return the finished record
     * @throws IllegalArgumentException if the number of values differs from the number of objectives
     * @throws IllegalStateException    if the trial is already finished
     */
    public TrialRecord tell(Trial trial, double... values) {
        return tell(own(trial).number(), values);
    }

    /** The trial, if it was handed out by this study (or another object of the same study and storage). */
    private Trial own(Trial trial) {
        Objects.requireNonNull(trial, "trial");
        if (trial instanceof LiveTrial live) {
            Study other = live.study();
            if (!other.name.equals(name) || other.backend != backend) {
                throw new IllegalArgumentException("trial: trial " + trial.number() + " belongs to study '"
                        + other.name + "'" + (other.backend != backend ? " in " + other.backend : "")
                        + ", not to study '" + name + "'" + (other.backend != backend ? " in " + backend : ""));
            }
        }
        return trial;
    }

    /**
     * Finishes a trial by number; see {@link #tell(Trial, double...)}.
     *
     * @param number the trial number
     * @param values one value per objective
     * @return the finished record
     * @throws IllegalArgumentException if the number of values differs from the number of objectives
     * @throws IllegalStateException    if the trial is already finished
     */
    public TrialRecord tell(int number, double... values) {
        if (values == null || values.length != objectives.size()) {
            throw new IllegalArgumentException("values: expected " + objectives.size() + " value(s) for "
                    + objectives.stream().map(Objective::name).toList() + ", got "
                    + (values == null ? "null" : Arrays.toString(values)));
        }
        for (double v : values) {
            if (Double.isNaN(v)) {
                LOG.warn("study {}: trial {} returned NaN; recorded as FAIL", name, number);
                return finish(number, TrialState.FAIL, new double[0], "objective returned NaN: " + Arrays.toString(values));
            }
        }
        return finish(number, TrialState.COMPLETE, values, null);
    }

    /**
     * Finishes a trial as PRUNED or FAIL. A pruned single-objective trial keeps its last
     * intermediate value as its value.
     *
     * @param trial a trial from {@link #ask()}
     * @param state {@link TrialState#PRUNED} or {@link TrialState#FAIL}
     * @return the finished record
     * @throws IllegalArgumentException if the state is not PRUNED or FAIL
     * @throws IllegalStateException    if the trial is already finished
     */
    public TrialRecord tell(Trial trial, TrialState state) {
        if (state != TrialState.PRUNED && state != TrialState.FAIL) {
            throw new IllegalArgumentException("state (" + state + ") must be PRUNED or FAIL; COMPLETE needs values");
        }
        own(trial);
        if (state == TrialState.FAIL) {
            return finish(trial.number(), state, new double[0], null);
        }
        return finishPruned(trial.number());
    }

    /**
     * Finishes a trial as FAIL with a message.
     *
     * @param trial   a trial from {@link #ask()}
     * @param message why it failed
     * @return the finished record
     * @throws IllegalStateException if the trial is already finished
     */
    public TrialRecord tellFailure(Trial trial, String message) {
        return tellFailure(own(trial).number(), message);
    }

    /**
     * Finishes a trial by number as FAIL with a message.
     *
     * @param number  the trial number
     * @param message why it failed
     * @return the finished record
     * @throws IllegalStateException if the trial is already finished
     */
    public TrialRecord tellFailure(int number, String message) {
        return finish(number, TrialState.FAIL, new double[0], message);
    }

    private TrialRecord finishPruned(int number) {
        TrialRecord current = backend.trial(name, number);
        double[] values = new double[0];
        if (!isMultiObjective() && current.lastIntermediateValue().isPresent()) {
            values = new double[] {current.lastIntermediateValue().getAsDouble()};
        }
        return finish(number, TrialState.PRUNED, values, null);
    }

    private TrialRecord finish(int number, TrialState state, double[] values, String failure) {
        ScheduledFuture<?> beat = beating.remove(number);
        if (beat != null) {
            beat.cancel(false);
        }
        backend.finishTrial(name, number, state, values, failure);
        TrialRecord done = backend.trial(name, number);
        sampler.afterTrial(this, done);
        return done;
    }

    /**
     * Enqueues a trial with fixed parameters; {@link #ask()} hands WAITING trials out first, in
     * order. Parameters the objective asks for but that are not given here are sampled.
     *
     * @param params parameter values by name (strings, numbers, booleans)
     * @return the number of the WAITING trial
     * @throws IllegalArgumentException if a name is blank or a value of another type
     */
    public int enqueue(Map<String, ?> params) {
        Objects.requireNonNull(params, "params");
        params.forEach((k, v) -> {
            ParamNames.requireValid(k);
            if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                throw new IllegalArgumentException(k + ": enqueued value (" + v + ") must be a string, number or boolean");
            }
        });
        return backend.enqueueTrial(name, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params)), Map.of());
    }

    /**
     * Runs {@code objective} for {@code nTrials} trials on the calling thread.
     *
     * @param objective the function to minimise or maximise
     * @param nTrials   how many trials
     * @return the trials this call finished
     * @throws IllegalArgumentException if {@code nTrials <= 0}
     * @throws IllegalStateException    if the study has several objectives
     */
    public List<TrialRecord> optimize(ObjectiveFunction objective, int nTrials) {
        return optimize(objective, nTrials, 1, null);
    }

    /**
     * Runs {@code objective} for up to {@code nTrials} trials on {@code workers} threads, starting
     * no new trial after {@code timeout}. An exception in the objective records the trial as FAIL
     * with its message, and the run goes on; {@link TrialPrunedException} records it as PRUNED.
     *
     * @param objective the function
     * @param nTrials   how many trials at most ({@code Integer.MAX_VALUE} with a timeout for "until time runs out")
     * @param workers   how many threads, {@code >= 1}
     * @param timeout   stop starting trials after this long; null for no limit
     * @return the trials this call finished, in order of completion
     * @throws IllegalArgumentException if {@code nTrials <= 0}, {@code workers <= 0} or the timeout is negative
     * @throws IllegalStateException    if the study has several objectives, or the run was interrupted
     *                                  or a worker failed (see {@link #optimize(ObjectiveFunction, int, int, Duration, List)})
     */
    public List<TrialRecord> optimize(ObjectiveFunction objective, int nTrials, int workers, Duration timeout) {
        return optimize(objective, nTrials, workers, timeout, List.of());
    }

    /**
     * Runs {@code objective} as {@link #optimize(ObjectiveFunction, int, int, Duration)} does, calling
     * each callback after each trial. The run ends when {@code nTrials} trials were started, the
     * timeout passed, {@link #stop()} was called (by a callback such as {@link MaxTrials}, or by any
     * thread), the calling thread was interrupted, or a worker failed (an {@link Error} in the
     * objective, an exception from a callback or the storage); then every worker finishes the trial
     * it is running and starts no other.
     *
     * @param objective the function
     * @param nTrials   how many trials at most
     * @param workers   how many threads, {@code >= 1}
     * @param timeout   stop starting trials after this long; null for no limit
     * @param callbacks called after each trial, in order
     * @return the trials this call finished, in order of completion
     * @throws IllegalArgumentException if {@code nTrials <= 0}, {@code workers <= 0} or the timeout is negative
     * @throws IllegalStateException    if the study has several objectives; if the calling thread was
     *                                  interrupted (its interrupt flag stays set); if a worker failed
     *                                  with an exception (the cause); an {@link Error} is rethrown as is
     */
    public List<TrialRecord> optimize(ObjectiveFunction objective, int nTrials, int workers, Duration timeout,
                                      List<TrialCallback> callbacks) {
        Objects.requireNonNull(objective, "objective");
        if (isMultiObjective()) {
            throw new IllegalStateException("study " + name + " has " + objectives.size()
                    + " objectives: use optimizeMulti");
        }
        return run(trial -> new double[] {objective.evaluate(trial)}, nTrials, workers, timeout, callbacks);
    }

    /**
     * Runs a multi-objective function; see {@link #optimize(ObjectiveFunction, int, int, Duration)}.
     *
     * @param objective the function, one value per objective
     * @param nTrials   how many trials at most
     * @param workers   how many threads
     * @param timeout   stop starting trials after this long; null for no limit
     * @return the trials this call finished
     * @throws IllegalArgumentException if {@code nTrials <= 0}, {@code workers <= 0} or the timeout is negative
     */
    public List<TrialRecord> optimizeMulti(MultiObjectiveFunction objective, int nTrials, int workers, Duration timeout) {
        return optimizeMulti(objective, nTrials, workers, timeout, List.of());
    }

    /**
     * Runs a multi-objective function with callbacks; see
     * {@link #optimize(ObjectiveFunction, int, int, Duration, List)}.
     *
     * @param objective the function, one value per objective
     * @param nTrials   how many trials at most
     * @param workers   how many threads
     * @param timeout   stop starting trials after this long; null for no limit
     * @param callbacks called after each trial, in order
     * @return the trials this call finished
     * @throws IllegalArgumentException if {@code nTrials <= 0}, {@code workers <= 0} or the timeout is negative
     */
    public List<TrialRecord> optimizeMulti(MultiObjectiveFunction objective, int nTrials, int workers, Duration timeout,
                                           List<TrialCallback> callbacks) {
        Objects.requireNonNull(objective, "objective");
        return run(objective, nTrials, workers, timeout, callbacks);
    }

    /** One optimize call: its stop conditions and what it finished. */
    private final class Run {
        final long deadline;
        final int nTrials;
        final AtomicInteger started = new AtomicInteger();
        final List<TrialRecord> finished = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final List<TrialCallback> callbacks;

        Run(long deadline, int nTrials, List<TrialCallback> callbacks) {
            this.deadline = deadline;
            this.nTrials = nTrials;
            this.callbacks = callbacks;
        }

        boolean goOn() {
            return !stopRequested && failure.get() == null && !Thread.currentThread().isInterrupted()
                    && System.nanoTime() < deadline && started.getAndIncrement() < nTrials;
        }

        void work(MultiObjectiveFunction objective) {
            try {
                while (goOn()) {
                    TrialRecord done = runOne(objective, this);
                    finished.add(done);
                    for (TrialCallback c : callbacks) {
                        c.afterTrial(Study.this, done);
                    }
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        }
    }

    private List<TrialRecord> run(MultiObjectiveFunction objective, int nTrials, int workers, Duration timeout,
                                  List<TrialCallback> callbacks) {
        if (nTrials <= 0) {
            throw new IllegalArgumentException("nTrials (" + nTrials + ") must be > 0");
        }
        if (workers <= 0) {
            throw new IllegalArgumentException("workers (" + workers + ") must be > 0");
        }
        if (timeout != null && timeout.isNegative()) {
            throw new IllegalArgumentException("timeout (" + timeout + ") must not be negative");
        }
        List<TrialCallback> cbs = List.copyOf(Objects.requireNonNull(callbacks, "callbacks"));
        stopRequested = false;
        Run run = new Run(timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos(), nTrials, cbs);
        boolean interrupted = false;
        if (workers == 1) {
            run.work(objective);
            interrupted = Thread.currentThread().isInterrupted();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "hpo-" + name + "-worker");
                t.setDaemon(true);
                return t;
            });
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                futures.add(pool.submit(() -> run.work(objective)));
            }
            pool.shutdown();
            for (Future<?> f : futures) {
                while (true) {
                    try {
                        f.get();
                        break;
                    } catch (InterruptedException e) {
                        // stop every worker after its current trial, and wait for them to record it
                        interrupted = true;
                        stopRequested = true;
                    } catch (java.util.concurrent.ExecutionException e) {
                        run.failure.compareAndSet(null, e.getCause());
                        break;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        Throwable failure = run.failure.get();
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException("study " + name + ": a worker failed after " + run.finished.size()
                    + " trial(s): " + failure, failure);
        }
        if (interrupted) {
            throw new IllegalStateException("study " + name + ": optimize interrupted after " + run.finished.size()
                    + " trial(s)");
        }
        return List.copyOf(run.finished);
    }

    private TrialRecord runOne(MultiObjectiveFunction objective, Run run) {
        Trial trial = ask();
        double[] values;
        try {
            values = objective.evaluate(trial);
        } catch (TrialPrunedException e) {
            return tell(trial, TrialState.PRUNED);
        } catch (Exception e) {
            LOG.warn("study {}: trial {} failed: {}", name, trial.number(), e.toString());
            return tellFailure(trial, e.toString());
        } catch (Error e) {
            run.failure.compareAndSet(null, e);
            return tellFailure(trial, e.toString());
        }
        if (values == null || values.length != objectives.size()) {
            String msg = "objective returned " + (values == null ? "null" : values.length + " values")
                    + " for " + objectives.size() + " objective(s)";
            LOG.warn("study {}: trial {} failed: {}", name, trial.number(), msg);
            return tellFailure(trial, msg);
        }
        TrialRecord done = tell(trial, values);
        if (LOG.isDebugEnabled()) {
            LOG.debug("study {}: trial {} {} values {} params {}", name, done.number(), done.state(), done.values(), done.params());
        }
        return done;
    }

    /**
     * The trials in the given states, by number; all trials when no state is given.
     *
     * @param states the states to keep
     * @return an unmodifiable list
     */
    public List<TrialRecord> trials(TrialState... states) {
        List<TrialRecord> all = backend.trials(name);
        if (states.length == 0) {
            return all;
        }
        EnumSet<TrialState> keep = EnumSet.noneOf(TrialState.class);
        keep.addAll(Arrays.asList(states));
        if (keep.size() == TrialState.values().length) {
            return all;
        }
        List<TrialRecord> out = new ArrayList<>();
        for (TrialRecord t : all) {
            if (keep.contains(t.state())) {
                out.add(t);
            }
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /**
     * The best COMPLETE trial of a single-objective study. Feasible trials (every constraint
     * {@code <= 0}) are preferred; ties go to the lower number.
     *
     * @return the best trial, or empty when no trial is complete
     * @throws IllegalStateException if the study has several objectives (use {@link #bestTrials()})
     */
    public Optional<TrialRecord> bestTrial() {
        if (isMultiObjective()) {
            throw new IllegalStateException("study " + name + " has " + objectives.size()
                    + " objectives: use bestTrials()");
        }
        Direction d = objectives.get(0).direction();
        TrialRecord best = null;
        for (TrialRecord t : trials(TrialState.COMPLETE)) {
            if (best == null
                    || (t.isFeasible() && !best.isFeasible())
                    || (t.isFeasible() == best.isFeasible() && d.isBetter(t.value(), best.value()))) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The Pareto set: COMPLETE trials (feasible ones, when any is feasible) that no other such
     * trial dominates. With one objective, the best trial and its ties.
     *
     * @return the non-dominated trials, by number
     */
    public List<TrialRecord> bestTrials() {
        List<TrialRecord> complete = trials(TrialState.COMPLETE);
        boolean anyFeasible = complete.stream().anyMatch(TrialRecord::isFeasible);
        List<TrialRecord> pool = anyFeasible ? complete.stream().filter(TrialRecord::isFeasible).toList() : complete;
        return Pareto.front(pool, directions());
    }

    @Override
    public String toString() {
        return "Study[" + name + ", " + objectives + "]";
    }

    /**
     * Builds or resumes a {@link Study}. Each method checks its argument at once.
     */
    public static final class Builder {
        private String name = "default";
        private final List<Objective> objectives = new ArrayList<>();
        private Storage storage;
        private Sampler sampler;
        private Pruner pruner = Pruner.none();
        private boolean loadIfExists;
        private long seed;
        private Duration heartbeatInterval;
        private Duration gracePeriod;
        private int maxRetries = 1;

        private Builder() {
        }

        /**
         * @param name the study's name (default {@code "default"})
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder name(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name (" + name + ") must not be blank");
            }
            this.name = name;
            return this;
        }

        /**
         * Adds an objective.
         *
         * @param objective name and direction
         * @return this builder
         * @throws IllegalArgumentException if an objective of that name was already added
         */
        public Builder objective(Objective objective) {
            Objects.requireNonNull(objective, "objective");
            if (objectives.stream().anyMatch(o -> o.name().equals(objective.name()))) {
                throw new IllegalArgumentException("objective: '" + objective.name() + "' added twice");
            }
            objectives.add(objective);
            return this;
        }

        /**
         * @param objectiveName an objective to minimise
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or repeats
         */
        public Builder minimize(String objectiveName) {
            return objective(Objective.minimize(objectiveName));
        }

        /**
         * @param objectiveName an objective to maximise
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or repeats
         */
        public Builder maximize(String objectiveName) {
            return objective(Objective.maximize(objectiveName));
        }

        /**
         * @param storage where trials are kept (default: a new in-memory storage)
         * @return this builder
         */
        public Builder storage(Storage storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /**
         * @param sampler how parameters are chosen (default: TPE seeded with {@link #seed(long)} when
         *                hpo-tpe is on the class path, else {@link RandomSampler}; see
         *                {@link DefaultSamplerProvider})
         * @return this builder
         * @throws NullPointerException if the sampler is null
         */
        public Builder sampler(Sampler sampler) {
            this.sampler = Objects.requireNonNull(sampler, "sampler");
            return this;
        }

        /**
         * @param pruner when trials stop early (default: never)
         * @return this builder
         */
        public Builder pruner(Pruner pruner) {
            this.pruner = Objects.requireNonNull(pruner, "pruner");
            return this;
        }

        /**
         * @param seed the seed of the default sampler, used when no {@link #sampler} is set (default 0)
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Turns heartbeats on, as Optuna's {@code heartbeat_interval} and {@code grace_period}: while
         * a trial runs, this process records a beat every {@code interval}; a RUNNING trial whose
         * last beat is older than {@code gracePeriod} is failed by whoever notices (at
         * {@link Study#ask()}, or {@link Study#failStaleTrials()}), and its configuration is
         * enqueued again ({@link #maxRetries}).
         *
         * @param interval    how often a running trial beats, {@code > 0}
         * @param gracePeriod how long a trial may go without a beat, {@code > interval}
         * @return this builder
         * @throws IllegalArgumentException if {@code interval <= 0} or {@code gracePeriod <= interval}
         * @throws NullPointerException     if either is null
         */
        public Builder heartbeat(Duration interval, Duration gracePeriod) {
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(gracePeriod, "gracePeriod");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("interval (" + interval + ") must be > 0");
            }
            if (gracePeriod.compareTo(interval) <= 0) {
                throw new IllegalArgumentException("gracePeriod (" + gracePeriod + ") must be > interval (" + interval + ")");
            }
            this.heartbeatInterval = interval;
            this.gracePeriod = gracePeriod;
            return this;
        }

        /**
         * @param maxRetries how many times the configuration of a trial failed by a stopped
         *                   heartbeat is enqueued again, {@code >= 0} (default 1); the retry carries
         *                   the original trial's number in its user attribute {@code retried_from}
         * @return this builder
         * @throws IllegalArgumentException if {@code maxRetries < 0}
         */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries (" + maxRetries + ") must be >= 0");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * @param loadIfExists resume a study of the same name instead of failing (default false)
         * @return this builder
         */
        public Builder loadIfExists(boolean loadIfExists) {
            this.loadIfExists = loadIfExists;
            return this;
        }

        /**
         * Creates the study in the storage, or resumes it.
         *
         * @return the study
         * @throws IllegalArgumentException if the study exists and {@code loadIfExists} is false,
         *     or exists with other objectives
         */
        public Study build() {
            StorageBackend s = StorageBackend.of(storage != null ? storage : Storage.inMemory());
            List<Objective> objs = objectives.isEmpty() ? List.of(Objective.minimize("value")) : objectives;
            Optional<StudyInfo> existing = s.findStudy(name);
            if (existing.isPresent()) {
                if (!loadIfExists) {
                    throw new IllegalArgumentException("name: study '" + name + "' already exists (use loadIfExists(true))");
                }
                if (!objectives.isEmpty() && !existing.get().objectives().equals(objs)) {
                    throw new IllegalArgumentException("objectives " + objs + " differ from the stored study's "
                            + existing.get().objectives());
                }
                objs = existing.get().objectives();
            } else {
                try {
                    s.createStudy(name, objs);
                } catch (IllegalArgumentException raced) {
                    // another process created it between the look-up and the write
                    if (!loadIfExists) {
                        throw raced;
                    }
                    objs = s.findStudy(name).orElseThrow(() -> raced).objectives();
                }
            }
            return new Study(name, objs, s, sampler != null ? sampler : defaultSampler(name, seed), pruner,
                    heartbeatInterval, gracePeriod, maxRetries);
        }
    }
}
