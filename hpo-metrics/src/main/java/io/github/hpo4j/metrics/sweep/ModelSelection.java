package io.github.hpo4j.metrics.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses among models by precision first and recall second (or the reverse): each model's
 * best operating point under a floor, models that never reach the floor left out, the best N
 * kept.
 *
 * <pre>{@code
 * List<ModelSelection.Ranked> top = ModelSelection.byPrecisionAtRecall(Map.of("gbm", a, "mlp", b), 0.8, 3);
 * }</pre>
 *
 * <p>Stability: stable.
 */
public final class ModelSelection {

    private ModelSelection() {
    }

    /**
     * A model and the operating point it was ranked by.
     *
     * @param model the model's name
     * @param point its operating point
     */
    public record Ranked(String model, OperatingPoint point) {
    }

    /**
     * Ranks by the highest precision reachable with recall ≥ {@code minRecall} (ties: higher recall, then name).
     *
     * @param sweeps    one sweep per model
     * @param minRecall the recall floor in [0, 1]
     * @param topN      how many to keep, {@code >= 1}
     * @return the ranked models, best first
     * @throws IllegalArgumentException if the floor is outside [0, 1] or {@code topN < 1}
     */
    public static List<Ranked> byPrecisionAtRecall(Map<String, ThresholdSweep> sweeps, double minRecall, int topN) {
        return rank(sweeps, topN, s -> s.maxPrecisionAtRecall(minRecall),
                Comparator.comparingDouble((Ranked r) -> r.point().precision()).reversed()
                        .thenComparing(Comparator.comparingDouble((Ranked r) -> r.point().recall()).reversed()));
    }

    /**
     * Ranks by the highest recall reachable with precision ≥ {@code minPrecision} (ties: higher precision, then name).
     *
     * @param sweeps       one sweep per model
     * @param minPrecision the precision floor in [0, 1]
     * @param topN         how many to keep, {@code >= 1}
     * @return the ranked models, best first
     * @throws IllegalArgumentException if the floor is outside [0, 1] or {@code topN < 1}
     */
    public static List<Ranked> byRecallAtPrecision(Map<String, ThresholdSweep> sweeps, double minPrecision, int topN) {
        return rank(sweeps, topN, s -> s.maxRecallAtPrecision(minPrecision),
                Comparator.comparingDouble((Ranked r) -> r.point().recall()).reversed()
                        .thenComparing(Comparator.comparingDouble((Ranked r) -> r.point().precision()).reversed()));
    }

    private static List<Ranked> rank(Map<String, ThresholdSweep> sweeps, int topN,
                                     java.util.function.Function<ThresholdSweep, Optional<OperatingPoint>> pick,
                                     Comparator<Ranked> order) {
        if (topN < 1) {
            throw new IllegalArgumentException("topN (" + topN + ") must be >= 1");
        }
        List<Ranked> out = new ArrayList<>();
        sweeps.forEach((name, sweep) -> pick.apply(sweep).ifPresent(p -> out.add(new Ranked(name, p))));
        out.sort(order.thenComparing(Ranked::model));
        return List.copyOf(out.subList(0, Math.min(topN, out.size())));
    }
}
