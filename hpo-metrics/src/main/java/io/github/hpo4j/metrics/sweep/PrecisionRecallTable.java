package io.github.hpo4j.metrics.sweep;

import java.util.List;
import java.util.Locale;

/**
 * Precision and recall at thresholds chosen by the caller, as data and as a plain-text table.
 *
 * <pre>{@code
 * threshold  precision  recall     TP       FP
 *      0.10     0.1820  0.9900   9900    44500
 * }</pre>
 *
 * <p>Stability: stable.
 *
 * @param rows one operating point per requested threshold
 */
public record PrecisionRecallTable(List<OperatingPoint> rows) {

    /** Copies the rows. */
    public PrecisionRecallTable {
        rows = List.copyOf(rows);
    }

    /** @return the table as aligned text, one row per threshold */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%10s %10s %10s %12s %12s %10s%n", "threshold", "precision", "recall",
                "TP", "FP", "FPR"));
        for (OperatingPoint p : rows) {
            b.append(String.format(Locale.ROOT, "%10.4f %10.4f %10.4f %12s %12s %10.4f%n", p.threshold(),
                    p.precision(), p.recall(), count(p.truePositives()), count(p.falsePositives()),
                    p.falsePositiveRate()));
        }
        return b.toString();
    }

    /**
     * A count as people write it: a whole number without decimals ({@code 296}), a weighted sum
     * with six significant digits ({@code 12.3457}).
     *
     * @param c a count or weighted sum
     * @return its text
     */
    public static String count(double c) {
        if (c == Math.rint(c) && Math.abs(c) < 1e15) {
            return Long.toString((long) c);
        }
        return String.format(Locale.ROOT, "%.6g", c);
    }
}
