package io.github.hpo4j.search.bayes;

import io.github.hpo4j.core.space.SearchSpace;
import io.github.hpo4j.core.study.Objective;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.Trial;
import io.github.hpo4j.core.trial.TrialRecord;
import io.github.hpo4j.core.trial.TrialState;
import io.github.hpo4j.tpe.sampler.TpeSampler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Focused configurations from the history: k at once from the TPE sampler of hpo-tpe fitted on
 * past trials, with the constant liar so that the k differ ("generate 20 configurations to
 * test").
 *
 * <pre>{@code
 * List<Map<String, Object>> next = BayesianSearch.over(space, Objective.minimize("rmse"))
 *     .history(study.trials()).seed(1).propose(20);
 * }</pre>
 *
 * <p>Immutable. Stability: evolving.
 */
public final class BayesianSearch {

    private final SearchSpace space;
    private final Objective objective;
    private final List<TrialRecord> history;
    private final long seed;

    private BayesianSearch(SearchSpace space, Objective objective, List<TrialRecord> history, long seed) {
        this.space = space;
        this.objective = objective;
        this.history = history;
        this.seed = seed;
    }

    /**
     * @param space     the parameters to propose
     * @param objective the value to optimise, as recorded in the history's trial values
     * @return a search with no history yet (its first proposals are random)
     */
    public static BayesianSearch over(SearchSpace space, Objective objective) {
        return new BayesianSearch(Objects.requireNonNull(space, "space"), Objects.requireNonNull(objective, "objective"),
                List.of(), 0);
    }

    /**
     * @param trials past trials (COMPLETE ones with one value are used)
     * @return a copy learning from them
     */
    public BayesianSearch history(List<TrialRecord> trials) {
        List<TrialRecord> h = new ArrayList<>();
        for (TrialRecord t : trials) {
            if (t.state() == TrialState.COMPLETE && t.values().size() == 1) {
                h.add(t);
            }
        }
        return new BayesianSearch(space, objective, List.copyOf(h), seed);
    }

    /**
     * @param s the sampler's seed
     * @return a copy
     */
    public BayesianSearch seed(long s) {
        return new BayesianSearch(space, objective, history, s);
    }

    /**
     * Proposes k distinct configurations.
     *
     * @param k how many, {@code >= 1}
     * @return the configurations
     * @throws IllegalArgumentException if {@code k <= 0}, or the space has fewer than k distinct configurations
     */
    public List<Map<String, Object>> propose(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k (" + k + ") must be > 0");
        }
        Study study = Study.builder().objective(objective)
                .sampler(TpeSampler.builder().seed(seed).warmStart(history).constantLiar(true).build()).build();
        Set<Map<String, Object>> out = new LinkedHashSet<>();
        int attempts = 0;
        while (out.size() < k) {
            if (++attempts > 20 * k + 100) {
                throw new IllegalArgumentException("k (" + k + ") exceeds the distinct configurations found in "
                        + (attempts - 1) + " proposals");
            }
            Trial t = study.ask();
            space.distributions().forEach(t::suggest);
            out.add(new LinkedHashMap<>(t.params()));
            // the trial stays RUNNING: the constant liar keeps the next proposals away from it
        }
        return new ArrayList<>(out);
    }
}
