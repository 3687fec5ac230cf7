package io.github.hpo4j.core.study;

import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.space.FloatDistribution;
import io.github.hpo4j.core.space.IntDistribution;
import io.github.hpo4j.core.space.ParamNames;
import io.github.hpo4j.core.trial.Trial;
import io.github.hpo4j.core.trial.TrialRecord;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link Trial} a study hands out: every suggestion and report goes straight to the storage. */
final class LiveTrial implements Trial {

    private static final Logger LOG = LoggerFactory.getLogger(LiveTrial.class);

    private final Study study;
    private final int number;
    private final Map<String, Object> fixed;
    private final Map<String, Distribution> relativeSpace;
    private final Map<String, Double> relative;
    private final Map<String, Distribution> distributions = new LinkedHashMap<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    LiveTrial(Study study, int number, Map<String, Object> fixed,
              Map<String, Distribution> relativeSpace, Map<String, Double> relative) {
        this.study = study;
        this.number = number;
        this.fixed = fixed;
        this.relativeSpace = relativeSpace;
        this.relative = relative;
    }

    @Override
    public int number() {
        return number;
    }

    /** @return the study that handed this trial out */
    Study study() {
        return study;
    }

    @Override
    public double suggestFloat(String name, double low, double high, boolean log) {
        FloatDistribution d = ParamNames.named(name, () -> new FloatDistribution(low, high, log, 0));
        return (Double) suggest(name, d);
    }

    @Override
    public double suggestFloat(String name, double low, double high, double step) {
        FloatDistribution d = ParamNames.named(name, () -> FloatDistribution.stepped(low, high, step));
        return (Double) suggest(name, d);
    }

    @Override
    public int suggestInt(String name, int low, int high, boolean log) {
        IntDistribution d = ParamNames.named(name, () -> new IntDistribution(low, high, log, 1));
        return (Integer) suggest(name, d);
    }

    @Override
    public int suggestInt(String name, int low, int high, int step) {
        IntDistribution d = ParamNames.named(name, () -> IntDistribution.stepped(low, high, step));
        return (Integer) suggest(name, d);
    }

    @Override
    public <T> T suggestCategorical(String name, List<T> choices) {
        CategoricalDistribution d = ParamNames.named(name, () -> new CategoricalDistribution(
                choices == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(choices))));
        Object v = suggest(name, d);
        @SuppressWarnings("unchecked")
        T chosen = (T) choices.get(d.indexOf(v));
        return chosen;
    }

    @Override
    public synchronized Object suggest(String name, Distribution distribution) {
        ParamNames.requireValid(name);
        Distribution previous = distributions.get(name);
        if (previous != null) {
            if (!previous.equals(distribution)) {
                throw new IllegalArgumentException(name + ": already suggested from " + previous
                        + "; cannot suggest it again from " + distribution);
            }
            return params.get(name);
        }
        double internal;
        if (fixed.containsKey(name)) {
            internal = ParamNames.named(name, () -> distribution.toInternal(fixed.get(name)));
        } else if (relative.containsKey(name) && distribution.equals(relativeSpace.get(name))) {
            internal = relative.get(name);
        } else if (distribution.isSingle()) {
            internal = distribution instanceof FloatDistribution f ? f.low()
                    : distribution instanceof IntDistribution i ? i.low() : 0;
        } else {
            TrialRecord current = study.backend().trial(study.name(), number);
            internal = study.sampler().sampleIndependent(study, current, name, distribution);
        }
        if (!distribution.containsInternal(internal)) {
            throw new IllegalStateException(name + ": sampler returned " + internal + " outside " + distribution);
        }
        study.backend().setParam(study.name(), number, name, distribution, internal);
        Object external = distribution.toExternal(internal);
        distributions.put(name, distribution);
        params.put(name, external);
        return external;
    }

    @Override
    public void setUserAttr(String key, Object value) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key (" + key + ") must not be blank");
        }
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new IllegalArgumentException(key + ": attribute value (" + value + ") must be a string, number or boolean");
        }
        study.backend().setUserAttr(study.name(), number, key, value);
    }

    @Override
    public void setMetric(String name, double value) {
        ParamNames.requireValid(name);
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException(name + ": metric value is NaN");
        }
        study.backend().setMetric(study.name(), number, name, value);
    }

    @Override
    public void report(int step, double value) {
        if (step < 0) {
            throw new IllegalArgumentException("step (" + step + ") must be >= 0");
        }
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("value at step " + step + " is NaN");
        }
        TrialRecord current = study.backend().trial(study.name(), number);
        Double first = current.intermediateValues().get(step);
        if (first != null) {
            // as Optuna: the first value reported for a step stands
            LOG.warn("study {}: trial {} already reported {} at step {}; {} ignored", study.name(), number, first, step,
                    value);
            return;
        }
        study.backend().reportIntermediate(study.name(), number, step, value);
    }

    @Override
    public boolean shouldPrune() {
        return study.pruner().prune(study, study.backend().trial(study.name(), number));
    }

    @Override
    public void setConstraints(double... values) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException("constraints[" + i + "] is NaN");
            }
        }
        study.backend().setConstraints(study.name(), number, values.clone());
    }

    @Override
    public synchronized Map<String, Object> params() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    @Override
    public String toString() {
        return "Trial[" + study.name() + " #" + number + "]";
    }
}
