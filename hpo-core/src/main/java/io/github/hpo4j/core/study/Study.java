package io.github.hpo4j.core.study;

import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.sampler.Sampler;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.space.ParamNames;
import io.github.hpo4j.core.space.SearchSpace;
import io.github.hpo4j.core.storage.Storage;
import io.github.hpo4j.core.storage.StudyInfo;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    private final Storage storage;
    private final Sampler sampler;
    private final Pruner pruner;

    private Study(String name, List<Objective> objectives, Storage storage, Sampler sampler, Pruner pruner) {
        this.name = name;
        this.objectives = List.copyOf(objectives);
        this.storage = storage;
        this.sampler = sampler;
        this.pruner = pruner;
    }

    /** @return a builder for a new (or resumed) study */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Resumes an existing study with a random sampler seeded 0 and no pruner.
     *
     * @param name    the study's name
     * @param storage where it is kept
     * @return the study
     * @throws IllegalArgumentException if the storage has no study of that name
     */
    public static Study load(String name, Storage storage) {
        return load(name, storage, new RandomSampler(0));
    }

    /**
     * Resumes an existing study.
     *
     * @param name    the study's name
     * @param storage where it is kept
     * @param sampler the sampler for new trials
     * @return the study
     * @throws IllegalArgumentException if the storage has no study of that name
     */
    public static Study load(String name, Storage storage, Sampler sampler) {
        Objects.requireNonNull(storage, "storage");
        StudyInfo info = storage.findStudy(name).orElseThrow(() -> new IllegalArgumentException(
                "name: no study '" + name + "' in the storage (studies: " + storage.studyNames() + ")"));
        return new Study(name, info.objectives(), storage, Objects.requireNonNull(sampler, "sampler"), Pruner.none());
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
        return storage;
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
     * Starts a trial: the oldest WAITING (enqueued) trial if there is one, else a new one.
     *
     * @return the live trial
     */
    public Trial ask() {
        OptionalInt waiting = storage.claimWaitingTrial(name);
        int number = waiting.isPresent() ? waiting.getAsInt() : storage.createTrial(name);
        TrialRecord record = storage.trial(name, number);
        Map<String, Distribution> space = sampler.inferRelativeSearchSpace(this, record);
        Map<String, Double> relative = space.isEmpty() ? Map.of() : sampler.sampleRelative(this, record, space);
        return new LiveTrial(this, number, record.fixedParams(), space, relative);
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
        return tell(trial.number(), values);
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
        return finish(trial.number(), TrialState.FAIL, new double[0], message);
    }

    private TrialRecord finishPruned(int number) {
        TrialRecord current = storage.trial(name, number);
        double[] values = new double[0];
        if (!isMultiObjective() && current.lastIntermediateValue().isPresent()) {
            values = new double[] {current.lastIntermediateValue().getAsDouble()};
        }
        return finish(number, TrialState.PRUNED, values, null);
    }

    private TrialRecord finish(int number, TrialState state, double[] values, String failure) {
        storage.finishTrial(name, number, state, values, failure);
        TrialRecord done = storage.trial(name, number);
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
        return storage.enqueueTrial(name, Map.copyOf(params));
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
     * @throws IllegalStateException    if the study has several objectives
     */
    public List<TrialRecord> optimize(ObjectiveFunction objective, int nTrials, int workers, Duration timeout) {
        Objects.requireNonNull(objective, "objective");
        if (isMultiObjective()) {
            throw new IllegalStateException("study " + name + " has " + objectives.size()
                    + " objectives: use optimizeMulti");
        }
        return run(trial -> new double[] {objective.evaluate(trial)}, nTrials, workers, timeout);
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
        Objects.requireNonNull(objective, "objective");
        return run(objective, nTrials, workers, timeout);
    }

    private List<TrialRecord> run(MultiObjectiveFunction objective, int nTrials, int workers, Duration timeout) {
        if (nTrials <= 0) {
            throw new IllegalArgumentException("nTrials (" + nTrials + ") must be > 0");
        }
        if (workers <= 0) {
            throw new IllegalArgumentException("workers (" + workers + ") must be > 0");
        }
        if (timeout != null && timeout.isNegative()) {
            throw new IllegalArgumentException("timeout (" + timeout + ") must not be negative");
        }
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        AtomicInteger started = new AtomicInteger();
        List<TrialRecord> finished = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Error> fatal = new AtomicReference<>();
        Runnable worker = () -> {
            while (fatal.get() == null && System.nanoTime() < deadline && started.getAndIncrement() < nTrials) {
                finished.add(runOne(objective, fatal));
            }
        };
        if (workers == 1) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "hpo-" + name + "-worker");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < workers; i++) {
                    futures.add(pool.submit(worker));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("optimize interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a worker failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        if (fatal.get() != null) {
            throw fatal.get();
        }
        return List.copyOf(finished);
    }

    private TrialRecord runOne(MultiObjectiveFunction objective, AtomicReference<Error> fatal) {
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
            fatal.compareAndSet(null, e);
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
        List<TrialRecord> all = storage.trials(name);
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
         * @param sampler how parameters are chosen (default: {@code new RandomSampler(0)})
         * @return this builder
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
            Storage s = storage != null ? storage : Storage.inMemory();
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
            return new Study(name, objs, s, sampler != null ? sampler : new RandomSampler(0), pruner);
        }
    }
}
