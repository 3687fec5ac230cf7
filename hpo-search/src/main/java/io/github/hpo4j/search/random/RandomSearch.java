package io.github.hpo4j.search.random;

import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.space.FloatDistribution;
import io.github.hpo4j.core.space.IntDistribution;
import io.github.hpo4j.core.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Broad configurations over a search space: independent uniform draws (log-uniform for log
 * ranges), a Sobol sequence (commons-math3; low discrepancy, deterministic, the seed skips a
 * seed-dependent number of leading points), or a Latin hypercube (each parameter's range cut
 * into n strata, each stratum used once, seeded).
 *
 * <pre>{@code
 * List<Map<String, Object>> round = RandomSearch.over(space).method(Method.SOBOL).seed(3).generate(32);
 * }</pre>
 *
 * <p>Unit-cube coordinates map to values per distribution: linearly or in log space for
 * numeric ranges (snapped to the step grid), by equal-width cells for integers and categoricals.
 *
 * <p>Immutable. Stability: evolving.
 */
public final class RandomSearch {

    /** How points are spread. */
    public enum Method {
        /** Independent uniform draws. */
        UNIFORM,
        /** A Sobol low-discrepancy sequence. */
        SOBOL,
        /** A Latin hypercube. */
        LATIN_HYPERCUBE
    }

    private final SearchSpace space;
    private final Method method;
    private final long seed;

    private RandomSearch(SearchSpace space, Method method, long seed) {
        this.space = space;
        this.method = method;
        this.seed = seed;
    }

    /**
     * @param space the parameters
     * @return uniform draws, seed 0
     */
    public static RandomSearch over(SearchSpace space) {
        return new RandomSearch(java.util.Objects.requireNonNull(space, "space"), Method.UNIFORM, 0);
    }

    /**
     * @param m the method
     * @return a copy
     */
    public RandomSearch method(Method m) {
        return new RandomSearch(space, java.util.Objects.requireNonNull(m, "method"), seed);
    }

    /**
     * @param s the seed
     * @return a copy
     */
    public RandomSearch seed(long s) {
        return new RandomSearch(space, method, s);
    }

    /**
     * @param n how many configurations, {@code >= 1}
     * @return the points in the unit cube, [n][dimensions]
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public double[][] unitPoints(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n (" + n + ") must be >= 1");
        }
        int d = space.size();
        double[][] u = new double[n][d];
        SplittableRandom rng = new SplittableRandom(seed);
        switch (method) {
            case UNIFORM -> {
                for (double[] row : u) {
                    for (int j = 0; j < d; j++) {
                        row[j] = rng.nextDouble();
                    }
                }
            }
            case SOBOL -> {
                SobolSequenceGenerator sobol = new SobolSequenceGenerator(Math.max(1, d));
                sobol.skipTo(1 + (int) Math.floorMod(seed, 1024));
                for (double[] row : u) {
                    double[] p = sobol.nextVector();
                    System.arraycopy(p, 0, row, 0, d);
                }
            }
            case LATIN_HYPERCUBE -> {
                for (int j = 0; j < d; j++) {
                    int[] perm = new int[n];
                    for (int i = 0; i < n; i++) {
                        perm[i] = i;
                    }
                    for (int i = n - 1; i > 0; i--) {
                        int k = rng.nextInt(i + 1);
                        int t = perm[i];
                        perm[i] = perm[k];
                        perm[k] = t;
                    }
                    for (int i = 0; i < n; i++) {
                        u[i][j] = (perm[i] + rng.nextDouble()) / n;
                    }
                }
            }
            default -> throw new IllegalStateException();
        }
        return u;
    }

    /**
     * @param n how many configurations, {@code >= 1}
     * @return the configurations
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public List<Map<String, Object>> generate(int n) {
        double[][] u = unitPoints(n);
        List<String> names = new ArrayList<>(space.names());
        List<Map<String, Object>> out = new ArrayList<>(n);
        for (double[] row : u) {
            Map<String, Object> c = new LinkedHashMap<>();
            for (int j = 0; j < names.size(); j++) {
                c.put(names.get(j), fromUnit(space.get(names.get(j)), row[j]));
            }
            out.add(c);
        }
        return out;
    }

    /**
     * Maps a unit-interval coordinate to a value of a distribution.
     *
     * @param d a distribution
     * @param u in [0, 1)
     * @return the external value
     */
    public static Object fromUnit(Distribution d, double u) {
        u = Math.min(Math.max(u, 0), Math.nextDown(1.0));
        if (d instanceof CategoricalDistribution c) {
            return c.choices().get((int) (u * c.size()));
        }
        if (d instanceof IntDistribution i) {
            if (i.log()) {
                double lo = Math.log(i.low() - 0.5);
                double hi = Math.log(i.high() + 0.5);
                return i.snap(Math.exp(lo + u * (hi - lo)));
            }
            long k = (long) (u * i.gridSize());
            return (int) (i.low() + k * i.step());
        }
        FloatDistribution f = (FloatDistribution) d;
        if (f.hasStep()) {
            long k = (long) (u * f.gridSize());
            return f.snap(f.low() + k * f.step());
        }
        if (f.log()) {
            return f.snap(Math.exp(Math.log(f.low()) + u * (Math.log(f.high()) - Math.log(f.low()))));
        }
        return f.snap(f.low() + u * (f.high() - f.low()));
    }
}
