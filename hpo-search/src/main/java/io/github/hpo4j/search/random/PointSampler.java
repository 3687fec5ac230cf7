package io.github.hpo4j.search.random;

import io.github.hpo4j.core.sampler.RandomSampler;
import io.github.hpo4j.core.sampler.Sampler;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.study.Study;
import io.github.hpo4j.core.trial.TrialRecord;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A study sampler that hands out precomputed configurations (a grid, a Sobol or Latin
 * hypercube design) in order: trial number {@code k} gets configuration {@code k mod size}.
 * Parameters the configurations do not cover, or values outside the asked distribution, are
 * drawn at random.
 *
 * <pre>{@code
 * Study study = Study.builder().sampler(new PointSampler(GridSearch.over(space).generate(), 1)).build();
 * }</pre>
 *
 * <p>Thread-safe. Stability: evolving.
 */
public final class PointSampler implements Sampler {

    private final List<Map<String, Object>> points;
    private final SplittableRandom rng;

    /**
     * @param points the configurations, in order
     * @param seed   seed of the fallback random draws
     * @throws IllegalArgumentException if there are no points
     */
    public PointSampler(List<Map<String, Object>> points, long seed) {
        if (points == null || points.isEmpty()) {
            throw new IllegalArgumentException("points: empty");
        }
        this.points = List.copyOf(points);
        this.rng = new SplittableRandom(seed);
    }

    @Override
    public double sampleIndependent(Study study, TrialRecord trial, String name, Distribution distribution) {
        Map<String, Object> p = points.get(trial.number() % points.size());
        Object v = p.get(name);
        if (v != null) {
            try {
                return distribution.toInternal(v);
            } catch (IllegalArgumentException e) {
                // outside the asked distribution: fall through to a random draw
            }
        }
        synchronized (rng) {
            return RandomSampler.draw(distribution, rng);
        }
    }

    /** @return how many configurations there are */
    public int size() {
        return points.size();
    }
}
