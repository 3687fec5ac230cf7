package io.github.hpo4j.metrics.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Precision and recall side by side at every threshold: one operating point per distinct
 * score, descending, with cumulative (weighted) TP and FP. Curves and areas follow
 * scikit-learn 1.2 exactly: {@link #precisionRecallCurve()}, {@link #rocCurve()} (not dropping
 * intermediate points), {@link #rocAuc()} (trapezoid, so tied scores count ½) and
 * {@link #averagePrecision()} (the step sum Σ (Rₙ − Rₙ₋₁)·Pₙ, not a trapezoid).
 *
 * <p>Undefined cases, as scikit-learn: without positives recall is NaN in {@link #point(int)},
 * the precision-recall curve uses recall 1 (scikit-learn's convention) and average precision is
 * 0; with one class only ROC AUC is NaN. With {@link UndefinedPolicy#THROW} those cases throw
 * {@link IllegalStateException} instead.
 *
 * <pre>{@code
 * ThresholdSweep sweep = ScoreTable.of(scores, labels).sweep();
 * System.out.println(sweep.table(0.1, 0.2, 0.5, 0.9).toText());
 * sweep.maxRecallAtPrecision(0.9).ifPresent(p -> System.out.println("threshold " + p.threshold()));
 * }</pre>
 *
 * <p>Immutable. Stability: stable.
 */
public final class ThresholdSweep {

    private final ScoreTable table;
    private final UndefinedPolicy policy;
    private final double[] tp;
    private final double[] fp;
    private final long[] predicted;

    ThresholdSweep(ScoreTable table, UndefinedPolicy policy) {
        this.table = table;
        this.policy = policy;
        int n = table.score.length;
        tp = new double[n];
        fp = new double[n];
        predicted = new long[n];
        double a = 0;
        double b = 0;
        long c = 0;
        for (int i = 0; i < n; i++) {
            a += table.pos[i];
            b += table.neg[i];
            c += table.count[i];
            tp[i] = a;
            fp[i] = b;
            predicted[i] = c;
        }
    }

    /** @return the table this sweep was made from */
    public ScoreTable table() {
        return table;
    }

    /** @return the number of operating points (distinct scores) */
    public int size() {
        return tp.length;
    }

    /**
     * @param i index, 0 for the highest threshold
     * @return the operating point at the i-th highest distinct score
     */
    public OperatingPoint point(int i) {
        return point(table.score[i], tp[i], fp[i]);
    }

    private OperatingPoint point(double threshold, double truePos, double falsePos) {
        double p = table.totalPos;
        double n = table.totalNeg;
        double predictedPos = truePos + falsePos;
        return new OperatingPoint(threshold, truePos, falsePos, p - truePos, n - falsePos,
                predictedPos > 0 ? truePos / predictedPos : 0,
                p > 0 ? truePos / p : Double.NaN,
                n > 0 ? falsePos / n : Double.NaN,
                (p + n) > 0 ? predictedPos / (p + n) : Double.NaN);
    }

    /**
     * The operating point of an arbitrary threshold (samples with score ≥ threshold positive).
     *
     * @param threshold any finite threshold
     * @return its operating point
     */
    public OperatingPoint at(double threshold) {
        int i = lastAtOrAbove(threshold);
        return i < 0 ? point(threshold, 0, 0) : point(threshold, tp[i], fp[i]);
    }

    /** Index of the lowest distinct score that is still >= t, or -1. */
    private int lastAtOrAbove(double t) {
        double[] s = table.score;
        int lo = 0;
        int hi = s.length - 1;
        int ans = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] >= t) {
                ans = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return ans;
    }

    private boolean noPositives() {
        return !(table.totalPos > 0);
    }

    /** @return scikit-learn's {@code precision_recall_curve} */
    public PrecisionRecallCurve precisionRecallCurve() {
        if (noPositives() && policy == UndefinedPolicy.THROW) {
            throw new IllegalStateException("recall is undefined: no positive samples");
        }
        int n = tp.length;
        double[] precision = new double[n + 1];
        double[] recall = new double[n + 1];
        double[] thresholds = new double[n];
        for (int i = 0; i < n; i++) {
            int src = n - 1 - i;
            double ps = tp[src] + fp[src];
            precision[i] = ps > 0 ? tp[src] / ps : 0;
            recall[i] = noPositives() ? 1 : tp[src] / table.totalPos;
            thresholds[i] = table.score[src];
        }
        precision[n] = 1;
        recall[n] = 0;
        return new PrecisionRecallCurve(precision, recall, thresholds);
    }

    /** @return the ROC curve with every point, the first at +∞ */
    public RocCurve rocCurve() {
        int n = tp.length;
        double[] fpr = new double[n + 1];
        double[] tpr = new double[n + 1];
        double[] thresholds = new double[n + 1];
        thresholds[0] = Double.POSITIVE_INFINITY;
        double p = table.totalPos;
        double q = table.totalNeg;
        if ((p <= 0 || q <= 0) && policy == UndefinedPolicy.THROW) {
            throw new IllegalStateException("ROC curve is undefined: " + (p <= 0 ? "no positive" : "no negative") + " samples");
        }
        for (int i = 0; i < n; i++) {
            fpr[i + 1] = q > 0 ? fp[i] / q : Double.NaN;
            tpr[i + 1] = p > 0 ? tp[i] / p : Double.NaN;
            thresholds[i + 1] = table.score[i];
        }
        fpr[0] = q > 0 ? 0 : Double.NaN;
        tpr[0] = p > 0 ? 0 : Double.NaN;
        return new RocCurve(fpr, tpr, thresholds);
    }

    /** @return the area under the ROC curve (trapezoid); NaN with one class only */
    public double rocAuc() {
        double p = table.totalPos;
        double q = table.totalNeg;
        if (!(p > 0) || !(q > 0)) {
            if (policy == UndefinedPolicy.THROW) {
                throw new IllegalStateException("ROC AUC is undefined: only one class is present");
            }
            return Double.NaN;
        }
        // on the rates, as scikit-learn's trapezoid over fpr and tpr: weights as large as 1e300 or
        // as small as 1e-300 neither overflow nor underflow the sums' product
        double area = 0;
        double prevFpr = 0;
        double prevTpr = 0;
        for (int i = 0; i < tp.length; i++) {
            double fpr = fp[i] / q;
            double tpr = tp[i] / p;
            area += (fpr - prevFpr) * (tpr + prevTpr);
            prevFpr = fpr;
            prevTpr = tpr;
        }
        return area / 2;
    }

    /** @return average precision Σ (Rₙ − Rₙ₋₁)·Pₙ; 0 without positives */
    public double averagePrecision() {
        if (noPositives()) {
            if (policy == UndefinedPolicy.THROW) {
                throw new IllegalStateException("average precision is undefined: no positive samples");
            }
            return 0;
        }
        double ap = 0;
        double prevTp = 0;
        for (int i = 0; i < tp.length; i++) {
            double ps = tp[i] + fp[i];
            double precision = ps > 0 ? tp[i] / ps : 0;
            ap += (tp[i] - prevTp) * precision;
            prevTp = tp[i];
        }
        return ap / table.totalPos;
    }

    /**
     * Precision and recall at the thresholds the caller chooses.
     *
     * @param thresholds finite thresholds, in any order
     * @return one row per threshold, in the order given
     * @throws IllegalArgumentException if a threshold is not finite
     */
    public PrecisionRecallTable table(double... thresholds) {
        List<OperatingPoint> rows = new ArrayList<>(thresholds.length);
        for (int i = 0; i < thresholds.length; i++) {
            if (!Double.isFinite(thresholds[i])) {
                throw new IllegalArgumentException("thresholds[" + i + "] is " + thresholds[i] + ": must be finite");
            }
            rows.add(at(thresholds[i]));
        }
        return new PrecisionRecallTable(rows);
    }

    /**
     * The threshold with the highest recall among those with precision ≥ {@code minPrecision};
     * ties go to the higher precision, then the higher threshold.
     *
     * @param minPrecision the precision floor, in [0, 1]
     * @return the operating point, or empty when no threshold reaches the floor
     * @throws IllegalArgumentException if the floor is outside [0, 1]
     */
    public Optional<OperatingPoint> maxRecallAtPrecision(double minPrecision) {
        requireUnit("minPrecision", minPrecision);
        int best = -1;
        for (int i = 0; i < tp.length; i++) {
            double ps = tp[i] + fp[i];
            double prec = ps > 0 ? tp[i] / ps : 0;
            if (prec >= minPrecision && ps > 0) {
                if (best < 0 || tp[i] > tp[best] || (tp[i] == tp[best] && prec > precisionAt(best))) {
                    best = i;
                }
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(point(best));
    }

    /**
     * The threshold with the highest precision among those with recall ≥ {@code minRecall};
     * ties go to the higher recall, then the higher threshold.
     *
     * @param minRecall the recall floor, in [0, 1]
     * @return the operating point, or empty when no threshold reaches the floor (or there are no positives)
     * @throws IllegalArgumentException if the floor is outside [0, 1]
     */
    public Optional<OperatingPoint> maxPrecisionAtRecall(double minRecall) {
        requireUnit("minRecall", minRecall);
        if (noPositives()) {
            return Optional.empty();
        }
        int best = -1;
        for (int i = 0; i < tp.length; i++) {
            double rec = tp[i] / table.totalPos;
            if (rec >= minRecall && tp[i] + fp[i] > 0) {
                double prec = precisionAt(i);
                if (best < 0 || prec > precisionAt(best) || (prec == precisionAt(best) && tp[i] > tp[best])) {
                    best = i;
                }
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(point(best));
    }

    private double precisionAt(int i) {
        double ps = tp[i] + fp[i];
        return ps > 0 ? tp[i] / ps : 0;
    }

    /**
     * The threshold that predicts the top {@code k} samples positive: the k-th highest score
     * (tied samples come along, so more than k may be predicted positive).
     *
     * @param k how many samples, {@code >= 1}
     * @return the operating point, or empty when there are fewer than k samples
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public Optional<OperatingPoint> topK(long k) {
        if (k < 1) {
            throw new IllegalArgumentException("k (" + k + ") must be >= 1");
        }
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] >= k) {
                return Optional.of(point(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The threshold that predicts the top fraction {@code q} of samples positive.
     *
     * @param q the fraction, in (0, 1]
     * @return the operating point of the top ⌈q·n⌉ samples
     * @throws IllegalArgumentException if {@code q} is outside (0, 1]
     */
    public Optional<OperatingPoint> topFraction(double q) {
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("q (" + q + ") must be in (0, 1]");
        }
        return topK((long) Math.ceil(q * table.samples));
    }

    private static void requireUnit(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " (" + v + ") must be in [0, 1]");
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ThresholdSweep[%d points, AUC %.4f, AP %.4f]", size(),
                table.totalPos > 0 && table.totalNeg > 0 ? rocAuc() : Double.NaN,
                table.totalPos > 0 ? averagePrecision() : 0);
    }
}
