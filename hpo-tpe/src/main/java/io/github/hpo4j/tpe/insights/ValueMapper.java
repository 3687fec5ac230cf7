package io.github.hpo4j.tpe.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a parameter's raw value into the value(s) the analysis counts: buckets, bins, a
 * readable layer structure, or the elements of a list (a list-valued parameter counts once per
 * element). Mappers that need every value first (quantile bins) see them in {@link #prepare}.
 *
 * <pre>{@code
 * Insights.builder().mapper("l2", ValueMapper.regularisation())
 *                   .mapper("lr", ValueMapper.quantileBins(4))
 *                   .mapper("features", ValueMapper.listElements())
 * }</pre>
 *
 * <p>Stability: evolving.
 */
public interface ValueMapper {

    /**
     * @param value the raw value (a number, string or boolean)
     * @return the values to count; empty to count nothing
     */
    List<String> map(Object value);

    /**
     * Sees every raw value of the parameter before any {@link #map} call.
     *
     * @param allValues the raw values of all analysed trials
     * @return the mapper to use (this one, or one fitted to the values)
     */
    default ValueMapper prepare(List<Object> allValues) {
        return this;
    }

    /** @return values compared exactly (numbers by value), the default */
    static ValueMapper exact() {
        return v -> List.of(ValueKey.label(v));
    }

    /**
     * Regularisation strength in four buckets: {@code none} (0), {@code light} (up to 1e-3),
     * {@code medium} (up to 1e-2), {@code heavy} (above 1e-2).
     *
     * @return the mapper
     */
    static ValueMapper regularisation() {
        return v -> {
            double x = ValueKey.numeric(ValueKey.of(v));
            if (Double.isNaN(x)) {
                return List.of(String.valueOf(v));
            }
            if (x == 0) {
                return List.of("none");
            }
            if (x <= 1e-3) {
                return List.of("light");
            }
            if (x <= 1e-2) {
                return List.of("medium");
            }
            return List.of("heavy");
        };
    }

    /**
     * Equal-count bins of a continuous parameter, labelled by their ranges ({@code [0.001, 0.01)}).
     *
     * @param bins number of bins, {@code >= 2}
     * @return the mapper
     * @throws IllegalArgumentException if {@code bins < 2}
     */
    static ValueMapper quantileBins(int bins) {
        if (bins < 2) {
            throw new IllegalArgumentException("bins (" + bins + ") must be >= 2");
        }
        return new ValueMapper() {
            @Override
            public List<String> map(Object value) {
                throw new IllegalStateException("quantileBins must be prepared");
            }

            @Override
            public ValueMapper prepare(List<Object> allValues) {
                double[] xs = allValues.stream().mapToDouble(v -> ValueKey.numeric(ValueKey.of(v)))
                        .filter(d -> !Double.isNaN(d)).sorted().toArray();
                if (xs.length == 0) {
                    return exact();
                }
                double[] edges = new double[bins + 1];
                for (int i = 0; i <= bins; i++) {
                    edges[i] = Insights.quantileOf(xs, (double) i / bins);
                }
                return v -> {
                    double x = ValueKey.numeric(ValueKey.of(v));
                    if (Double.isNaN(x)) {
                        return List.of(String.valueOf(v));
                    }
                    int b = 0;
                    while (b < bins - 1 && x >= edges[b + 1]) {
                        b++;
                    }
                    return List.of(String.format(Locale.ROOT, "[%s, %s%s", fmt(edges[b]), fmt(edges[b + 1]),
                            b == bins - 1 ? "]" : ")"));
                };
            }
        };
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.4g", d);
    }

    /**
     * Layer sizes as one readable value: {@code [128, 64, 32]}, {@code "128,64,32"} or
     * {@code "128-64-32"} all become {@code 128→64→32}.
     *
     * @return the mapper
     */
    static ValueMapper layerStructure() {
        return v -> List.of(String.join("→", elements(v)));
    }

    /**
     * A list-valued parameter (e.g. the features a model used) counted once per element; the
     * list may be written {@code [a, b]}, {@code a;b}, {@code a|b} or {@code a,b}.
     *
     * @return the mapper
     */
    static ValueMapper listElements() {
        return v -> List.copyOf(new java.util.LinkedHashSet<>(elements(v)));
    }

    private static List<String> elements(Object v) {
        String s = String.valueOf(v).trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String part : s.split("[;,|]|(?<=\\d)-(?=\\d)")) {
            String p = part.trim();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out.isEmpty() ? List.of(String.valueOf(v)) : out;
    }
}
