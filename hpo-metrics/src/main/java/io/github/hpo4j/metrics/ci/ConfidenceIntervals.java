package io.github.hpo4j.metrics.ci;

import io.github.hpo4j.metrics.sweep.OperatingPoint;
import io.github.hpo4j.metrics.sweep.ScoreTable;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Confidence intervals for ranking metrics: Wilson score intervals for precision and recall at
 * a threshold, DeLong's interval for ROC AUC, and a seeded, class-stratified percentile
 * bootstrap for AUC and average precision. Weighted counts are treated as frequencies.
 *
 * <pre>{@code
 * OperatingPoint p = sweep.at(0.5);
 * Interval precision = ConfidenceIntervals.wilsonPrecision(p, 0.95);
 * Interval auc = ConfidenceIntervals.deLongAuc(table, 0.95);
 * Interval ap = ConfidenceIntervals.bootstrapAveragePrecision(scores, labels, 1000, 0.95, 7);
 * }</pre>
 *
 * <p>Stability: stable.
 */
public final class ConfidenceIntervals {

    private ConfidenceIntervals() {
    }

    private static double z(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence (" + confidence + ") must be in (0, 1)");
        }
        return new NormalDistribution().inverseCumulativeProbability(0.5 + confidence / 2);
    }

    /**
     * The Wilson score interval of a proportion.
     *
     * @param successes  successes, {@code >= 0}
     * @param trials     trials, {@code >= successes}
     * @param confidence e.g. 0.95
     * @return the interval; estimate NaN and bounds [0, 1] when {@code trials == 0}
     * @throws IllegalArgumentException if the counts are inconsistent or the confidence outside (0, 1)
     */
    public static Interval wilson(double successes, double trials, double confidence) {
        double z = z(confidence);
        if (!(successes >= 0) || !(trials >= successes)) {
            throw new IllegalArgumentException("successes (" + successes + ") must be in [0, trials (" + trials + ")]");
        }
        if (trials == 0) {
            return new Interval(Double.NaN, 0, 1, confidence);
        }
        double p = successes / trials;
        double z2 = z * z;
        double denom = 1 + z2 / trials;
        double centre = (p + z2 / (2 * trials)) / denom;
        double half = z * Math.sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials)) / denom;
        return new Interval(p, Math.max(0, centre - half), Math.min(1, centre + half), confidence);
    }

    /**
     * @param point      an operating point
     * @param confidence e.g. 0.95
     * @return Wilson interval of TP / (TP + FP)
     */
    public static Interval wilsonPrecision(OperatingPoint point, double confidence) {
        return wilson(point.truePositives(), point.truePositives() + point.falsePositives(), confidence);
    }

    /**
     * @param point      an operating point
     * @param confidence e.g. 0.95
     * @return Wilson interval of TP / (TP + FN)
     */
    public static Interval wilsonRecall(OperatingPoint point, double confidence) {
        return wilson(point.truePositives(), point.truePositives() + point.falseNegatives(), confidence);
    }

    /**
     * DeLong's interval for ROC AUC, from the table alone (placement values per distinct score).
     *
     * @param table      the scores
     * @param confidence e.g. 0.95
     * @return AUC ± z·sqrt(S10/m + S01/n), clipped to [0, 1]
     * @throws IllegalArgumentException if a class has fewer than two samples
     */
    public static Interval deLongAuc(ScoreTable table, double confidence) {
        double z = z(confidence);
        double m = table.totalPositives();
        double n = table.totalNegatives();
        if (!(m > 1) || !(n > 1)) {
            throw new IllegalArgumentException("table: DeLong needs at least two positives and two negatives (got "
                    + m + " and " + n + ")");
        }
        int k = table.size();
        // negatives strictly below each score (scores are descending)
        double[] negBelow = new double[k];
        double acc = 0;
        for (int i = k - 1; i >= 0; i--) {
            negBelow[i] = acc;
            acc += table.negatives(i);
        }
        double posAbove = 0;
        double auc = 0;
        double sumV10 = 0;
        double sumV10sq = 0;
        double sumV01 = 0;
        double sumV01sq = 0;
        for (int i = 0; i < k; i++) {
            double p = table.positives(i);
            double q = table.negatives(i);
            double v10 = (negBelow[i] + 0.5 * q) / n;   // each positive at this score
            double v01 = (posAbove + 0.5 * p) / m;      // each negative at this score
            auc += p * v10;
            sumV10 += p * v10;
            sumV10sq += p * v10 * v10;
            sumV01 += q * v01;
            sumV01sq += q * v01 * v01;
            posAbove += p;
        }
        auc /= m;
        double s10 = (sumV10sq - sumV10 * sumV10 / m) / (m - 1);
        double s01 = (sumV01sq - sumV01 * sumV01 / n) / (n - 1);
        double se = Math.sqrt(Math.max(0, s10 / m + s01 / n));
        return new Interval(auc, Math.max(0, auc - z * se), Math.min(1, auc + z * se), confidence);
    }

    /**
     * Class-stratified percentile bootstrap of ROC AUC: each replicate resamples the positives
     * and the negatives separately, with replacement, keeping both counts.
     *
     * @param scores     finite scores
     * @param labels     true for positives
     * @param replicates number of resamples, {@code >= 10}
     * @param confidence e.g. 0.95
     * @param seed       seed of the resampling
     * @return the interval around the AUC of the full data
     * @throws IllegalArgumentException on bad input or a missing class
     */
    public static Interval bootstrapAuc(double[] scores, boolean[] labels, int replicates, double confidence, long seed) {
        return bootstrap(scores, labels, replicates, confidence, seed, true);
    }

    /**
     * Class-stratified percentile bootstrap of average precision.
     *
     * @param scores     finite scores
     * @param labels     true for positives
     * @param replicates number of resamples, {@code >= 10}
     * @param confidence e.g. 0.95
     * @param seed       seed of the resampling
     * @return the interval around the AP of the full data
     * @throws IllegalArgumentException on bad input or a missing class
     */
    public static Interval bootstrapAveragePrecision(double[] scores, boolean[] labels, int replicates,
                                                     double confidence, long seed) {
        return bootstrap(scores, labels, replicates, confidence, seed, false);
    }

    private static Interval bootstrap(double[] scores, boolean[] labels, int replicates, double confidence, long seed,
                                      boolean auc) {
        z(confidence);
        if (replicates < 10) {
            throw new IllegalArgumentException("replicates (" + replicates + ") must be >= 10");
        }
        ScoreTable full = ScoreTable.of(scores, labels);
        int[] posIdx = indices(labels, true);
        int[] negIdx = indices(labels, false);
        if (posIdx.length == 0 || negIdx.length == 0) {
            throw new IllegalArgumentException("labels: the bootstrap needs both classes");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] stats = new double[replicates];
        double[] s = new double[scores.length];
        boolean[] y = new boolean[scores.length];
        for (int r = 0; r < replicates; r++) {
            int k = 0;
            for (int i = 0; i < posIdx.length; i++) {
                s[k] = scores[posIdx[rng.nextInt(posIdx.length)]];
                y[k++] = true;
            }
            for (int i = 0; i < negIdx.length; i++) {
                s[k] = scores[negIdx[rng.nextInt(negIdx.length)]];
                y[k++] = false;
            }
            ScoreTable t = ScoreTable.of(s, y);
            stats[r] = auc ? t.sweep().rocAuc() : t.sweep().averagePrecision();
        }
        Arrays.sort(stats);
        double alpha = (1 - confidence) / 2;
        double est = auc ? full.sweep().rocAuc() : full.sweep().averagePrecision();
        return new Interval(est, quantile(stats, alpha), quantile(stats, 1 - alpha), confidence);
    }

    private static int[] indices(boolean[] labels, boolean want) {
        int c = 0;
        for (boolean b : labels) {
            if (b == want) {
                c++;
            }
        }
        int[] out = new int[c];
        int k = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == want) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** Linear interpolation between order statistics (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
