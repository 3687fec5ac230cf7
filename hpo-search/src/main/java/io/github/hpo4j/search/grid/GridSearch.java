package io.github.hpo4j.search.grid;

import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.space.FloatDistribution;
import io.github.hpo4j.core.space.IntDistribution;
import io.github.hpo4j.core.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Grids of configurations: the full Cartesian product over a search space, and grids around a
 * baseline configuration. The size is known before anything is generated; the order is
 * deterministic (the last parameter varies fastest).
 *
 * <pre>{@code
 * List<Map<String, Object>> all = GridSearch.over(space).pointsPerNumeric(5).generate();
 * List<Map<String, Object>> near = GridSearch.around(space, todays).radius(0.1).steps(2).generate();
 * }</pre>
 *
 * <p>Numeric parameters: a stepped or integer range with at most {@code pointsPerNumeric}
 * values contributes all of them; otherwise {@code pointsPerNumeric} evenly spaced points (in
 * log space for log ranges, snapped to the grid). Categoricals contribute every choice.
 *
 * <p>Immutable. Stability: evolving.
 */
public final class GridSearch {

    /** How a grid around a baseline varies the parameters. */
    public enum Mode {
        /** The baseline, then each parameter varied alone. */
        ONE_AT_A_TIME,
        /** Every combination of every parameter's values. */
        FULL_PRODUCT
    }

    private final SearchSpace space;
    private final Map<String, Object> baseline;
    private final int points;
    private final double radius;
    private final int steps;
    private final Mode mode;
    private final long cap;

    private GridSearch(SearchSpace space, Map<String, Object> baseline, int points, double radius, int steps, Mode mode,
                       long cap) {
        this.space = space;
        this.baseline = baseline;
        this.points = points;
        this.radius = radius;
        this.steps = steps;
        this.mode = mode;
        this.cap = cap;
    }

    /**
     * @param space the parameters
     * @return the full grid over the space, 5 points per continuous parameter, capped at 100,000
     */
    public static GridSearch over(SearchSpace space) {
        return new GridSearch(java.util.Objects.requireNonNull(space, "space"), null, 5, 0, 0, Mode.FULL_PRODUCT, 100_000);
    }

    /**
     * A grid around a baseline: each numeric parameter at baseline × (1 ± radius·j/steps),
     * j = 1..steps, clipped to its bounds; categoricals at every alternative.
     *
     * @param space    the parameters
     * @param baseline today's configuration: a value for every parameter of the space
     * @return the grid, radius 10 %, 1 step, one at a time
     * @throws IllegalArgumentException if the baseline names an unknown parameter, lacks one, or
     *     holds a value outside its distribution
     */
    public static GridSearch around(SearchSpace space, Map<String, ?> baseline) {
        for (String k : baseline.keySet()) {
            if (!space.names().contains(k)) {
                throw new IllegalArgumentException("baseline: unknown parameter '" + k + "' (known: " + space.names() + ")");
            }
        }
        Map<String, Object> b = new LinkedHashMap<>();
        for (String name : space.names()) {
            Object v = baseline.get(name);
            if (v == null) {
                throw new IllegalArgumentException("baseline: no value for parameter '" + name + "'");
            }
            Distribution d = space.get(name);
            try {
                b.put(name, d.toExternal(d.toInternal(v)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("baseline: " + name + ": " + e.getMessage(), e);
            }
        }
        return new GridSearch(space, b, 5, 0.1, 1, Mode.ONE_AT_A_TIME, 100_000);
    }

    /**
     * @param n points per continuous parameter, {@code >= 2}
     * @return a copy
     * @throws IllegalArgumentException if {@code n < 2}
     */
    public GridSearch pointsPerNumeric(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("pointsPerNumeric (" + n + ") must be >= 2");
        }
        return new GridSearch(space, baseline, n, radius, steps, mode, cap);
    }

    /**
     * @param r relative radius around the baseline, {@code > 0}
     * @return a copy
     * @throws IllegalArgumentException if {@code r <= 0}
     */
    public GridSearch radius(double r) {
        if (!(r > 0) || !Double.isFinite(r)) {
            throw new IllegalArgumentException("radius (" + r + ") must be > 0");
        }
        return new GridSearch(space, baseline, points, r, steps, mode, cap);
    }

    /**
     * @param k steps on each side of the baseline, {@code >= 1}
     * @return a copy
     * @throws IllegalArgumentException if {@code k <= 0}
     */
    public GridSearch steps(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("steps (" + k + ") must be > 0");
        }
        return new GridSearch(space, baseline, points, radius, k, mode, cap);
    }

    /**
     * @param m one at a time or full product (around a baseline)
     * @return a copy
     */
    public GridSearch mode(Mode m) {
        return new GridSearch(space, baseline, points, radius, steps, java.util.Objects.requireNonNull(m, "mode"), cap);
    }

    /**
     * @param max the most configurations {@link #generate()} may produce, {@code >= 1}
     * @return a copy
     * @throws IllegalArgumentException if {@code max < 1}
     */
    public GridSearch cap(long max) {
        if (max < 1) {
            throw new IllegalArgumentException("cap (" + max + ") must be >= 1");
        }
        return new GridSearch(space, baseline, points, radius, steps, mode, max);
    }

    /** @return each parameter's values, in grid order */
    public Map<String, List<Object>> axes() {
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        for (String name : space.names()) {
            axes.put(name, baseline == null ? values(space.get(name)) : around(name));
        }
        return axes;
    }

    /** @return the number of configurations {@link #generate()} produces */
    public long size() {
        return size(axes());
    }

    private long size(Map<String, List<Object>> axes) {
        if (baseline != null && mode == Mode.ONE_AT_A_TIME) {
            long n = 1;
            for (List<Object> vs : axes.values()) {
                n += vs.size() - 1;
            }
            return n;
        }
        long n = 1;
        for (List<Object> vs : axes.values()) {
            n = Math.multiplyExact(n, vs.size());
        }
        return n;
    }

    /**
     * @return every configuration, in deterministic order
     * @throws IllegalArgumentException if the grid is larger than the cap (the message gives the size)
     */
    public List<Map<String, Object>> generate() {
        Map<String, List<Object>> axes = axes();
        long size;
        try {
            size = size(axes);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("grid: the product overflows a long; cap is " + cap);
        }
        if (size > cap) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "grid: %,d configurations exceed the cap of %,d (fewer points or parameters, or raise cap())", size, cap));
        }
        List<Map<String, Object>> out = new ArrayList<>((int) size);
        if (baseline != null && mode == Mode.ONE_AT_A_TIME) {
            out.add(new LinkedHashMap<>(baseline));
            axes.forEach((name, vs) -> {
                for (Object v : vs) {
                    if (!v.equals(baseline.get(name))) {
                        Map<String, Object> c = new LinkedHashMap<>(baseline);
                        c.put(name, v);
                        out.add(c);
                    }
                }
            });
            return out;
        }
        List<String> names = new ArrayList<>(axes.keySet());
        int[] idx = new int[names.size()];
        for (long i = 0; i < size; i++) {
            Map<String, Object> c = new LinkedHashMap<>();
            for (int j = 0; j < names.size(); j++) {
                c.put(names.get(j), axes.get(names.get(j)).get(idx[j]));
            }
            out.add(c);
            for (int j = names.size() - 1; j >= 0; j--) {
                if (++idx[j] < axes.get(names.get(j)).size()) {
                    break;
                }
                idx[j] = 0;
            }
        }
        return out;
    }

    private List<Object> values(Distribution d) {
        LinkedHashSet<Object> out = new LinkedHashSet<>();
        if (d instanceof CategoricalDistribution c) {
            out.addAll(c.choices());
        } else if (d instanceof IntDistribution i) {
            if (i.gridSize() <= points) {
                for (long k = 0; k < i.gridSize(); k++) {
                    out.add((int) (i.low() + k * i.step()));
                }
            } else {
                for (int k = 0; k < points; k++) {
                    double u = k / (double) (points - 1);
                    double v = i.log() ? Math.exp(Math.log(i.low()) + u * (Math.log(i.high()) - Math.log(i.low())))
                            : i.low() + u * (i.high() - i.low());
                    out.add(i.snap(v));
                }
            }
        } else {
            FloatDistribution f = (FloatDistribution) d;
            if (f.hasStep() && f.gridSize() <= points) {
                for (long k = 0; k < f.gridSize(); k++) {
                    out.add(f.snap(f.low() + k * f.step()));
                }
            } else {
                for (int k = 0; k < points; k++) {
                    double u = k / (double) (points - 1);
                    double v = k == 0 ? f.low() : k == points - 1 ? f.high()
                            : f.log() ? Math.exp(Math.log(f.low()) + u * (Math.log(f.high()) - Math.log(f.low())))
                            : f.low() + u * (f.high() - f.low());
                    out.add(f.snap(v));
                }
            }
        }
        return new ArrayList<>(out);
    }

    private List<Object> around(String name) {
        Distribution d = space.get(name);
        Object base = baseline.get(name);
        LinkedHashSet<Object> out = new LinkedHashSet<>();
        if (d instanceof CategoricalDistribution c) {
            out.add(base);
            out.addAll(c.choices());
            return new ArrayList<>(out);
        }
        double b = ((Number) base).doubleValue();
        List<Double> raw = new ArrayList<>();
        for (int j = -steps; j <= steps; j++) {
            raw.add(b * (1 + radius * j / steps));
        }
        for (double v : raw) {
            if (d instanceof IntDistribution i) {
                out.add(i.snap(v));
            } else {
                double x = ((FloatDistribution) d).snap(v);
                // a value within rounding of the baseline (or of one already listed) is that value
                boolean dup = false;
                for (Object o : out) {
                    if (Math.abs((Double) o - x) <= 1e-12 * Math.max(1, Math.abs(x))) {
                        dup = true;
                        break;
                    }
                }
                if (!dup && Math.abs(x - b) <= 1e-12 * Math.max(1, Math.abs(b))) {
                    x = (Double) base;
                }
                if (!dup) {
                    out.add(x);
                }
            }
        }
        if (!out.contains(base)) {
            List<Object> withBase = new ArrayList<>(out);
            withBase.add(base);
            return withBase;
        }
        return new ArrayList<>(out);
    }
}
