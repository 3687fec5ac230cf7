package io.github.hpo4j.search.auto;

import io.github.hpo4j.core.sampler.Sampler;
import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.storage.spi.StorageBackend;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import io.github.hpo4j.search.gp.GpSampler;
import io.github.hpo4j.tpe.sampler.TpeSampler;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sampler that chooses one for each trial, after optunahub's {@code AutoSampler}: the GP
 * sampler for one objective over a fixed search space while the study has fewer than
 * {@code gpTrials} completed trials (200 by default); multivariate TPE past that, for conditional
 * search spaces (completed trials that do not all have the same parameters), when categorical
 * parameters are more than half of them, and for several objectives (MOTPE). Each switch is
 * logged; each trial records the choice in its attribute {@code sampler} ({@code gp} or {@code tpe}).
 *
 * <pre>{@code
 * Study study = Study.builder().sampler(AutoSampler.builder().seed(7).build()).minimize("loss").build();
 * }</pre>
 *
 * <p>Thread-safe. Stability: evolving.
 */
public final class AutoSampler implements Sampler {

    /** The trial attribute that names the sampler chosen. */
    public static final String ATTRIBUTE = "sampler";

    private static final Logger LOG = LoggerFactory.getLogger(AutoSampler.class);

    private final GpSampler gp;
    private final TpeSampler tpe;
    private final int gpTrials;
    private final Map<String, String> lastChoice = new HashMap<>();
    private final Map<String, Map<Integer, Sampler>> chosen = new HashMap<>();

    private AutoSampler(Builder b) {
        this.gp = GpSampler.builder().seed(b.seed).build();
        this.tpe = TpeSampler.builder().seed(b.seed).multivariate(true).build();
        this.gpTrials = b.gpTrials;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Why a trial gets the sampler it gets. */
    String choose(Study study) {
        if (study.isMultiObjective()) {
            return "tpe: several objectives";
        }
        int complete = 0;
        Set<String> names = null;
        boolean conditional = false;
        Map<String, Distribution> dists = new LinkedHashMap<>();
        for (TrialRecord t : study.trials()) {
            if (t.state() != TrialState.COMPLETE) {
                continue;
            }
            complete++;
            if (names == null) {
                names = t.params().keySet();
            } else if (!names.equals(t.params().keySet())) {
                conditional = true;
            }
            dists.putAll(t.distributions());
        }
        if (complete >= gpTrials) {
            return "tpe: " + complete + " completed trials, the GP's limit is " + gpTrials;
        }
        if (conditional) {
            return "tpe: conditional search space";
        }
        long categorical = dists.values().stream().filter(d -> d instanceof CategoricalDistribution).count();
        if (categorical * 2 > dists.size()) {
            return "tpe: " + categorical + " of " + dists.size() + " parameters are categorical";
        }
        return "gp";
    }

    private Sampler samplerFor(Study study, TrialRecord trial) {
        synchronized (chosen) {
            Map<Integer, Sampler> byTrial = chosen.computeIfAbsent(study.name(), k -> new HashMap<>());
            Sampler s = byTrial.get(trial.number());
            if (s != null) {
                return s;
            }
            String why = choose(study);
            String name = why.startsWith("gp") ? "gp" : "tpe";
            String before = lastChoice.put(study.name(), name);
            if (!name.equals(before)) {
                LOG.info("auto sampler: study '{}' from trial {}: {}", study.name(), trial.number(), why);
            }
            s = name.equals("gp") ? gp : tpe;
            byTrial.put(trial.number(), s);
            if (study.storage() != null && !study.storage().isReadOnly()) {
                StorageBackend.of(study.storage()).setUserAttr(study.name(), trial.number(), ATTRIBUTE, name);
            }
            return s;
        }
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(Study study, TrialRecord trial) {
        return samplerFor(study, trial).inferRelativeSearchSpace(study, trial);
    }

    @Override
    public Map<String, Double> sampleRelative(Study study, TrialRecord trial, Map<String, Distribution> searchSpace) {
        return samplerFor(study, trial).sampleRelative(study, trial, searchSpace);
    }

    @Override
    public double sampleIndependent(Study study, TrialRecord trial, String name, Distribution distribution) {
        return samplerFor(study, trial).sampleIndependent(study, trial, name, distribution);
    }

    @Override
    public void afterTrial(Study study, TrialRecord trial) {
        synchronized (chosen) {
            Map<Integer, Sampler> byTrial = chosen.get(study.name());
            if (byTrial != null) {
                byTrial.remove(trial.number());
            }
        }
        gp.afterTrial(study, trial);
        tpe.afterTrial(study, trial);
    }

    /** Configures an auto sampler; every method checks its argument at once. */
    public static final class Builder {
        private long seed;
        private int gpTrials = 200;

        private Builder() {
        }

        /**
         * @param seed the seed of both samplers (default 0)
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param trials completed trials after which TPE takes over from the GP (default 200), {@code >= 1}
         * @return this builder
         * @throws IllegalArgumentException if trials {@code < 1}
         */
        public Builder gpTrials(int trials) {
            if (trials < 1) {
                throw new IllegalArgumentException("gpTrials (" + trials + ") must be >= 1");
            }
            this.gpTrials = trials;
            return this;
        }

        /** @return the sampler */
        public AutoSampler build() {
            return new AutoSampler(this);
        }
    }
}
