package io.github.hpo4j.metrics.sweep;

import java.util.Arrays;

/**
 * The exact summary of scored, labelled samples: every distinct score, descending, with the
 * total weight of positive and of negative samples at that score. Everything else in this
 * package (sweeps, curves, AUC, AP) is computed from it, and two tables {@link #merge merge}
 * exactly, so partitions can be summarised where they live and combined:
 *
 * <pre>{@code
 * // Spark: one table per partition, merged on the driver (see examples' SparkScoreTableExample)
 * ScoreTable all = scores.mapPartitions(part -> List.of(tableOf(part)).iterator(), Encoders.javaSerialization(ScoreTable.class))
 *                        .reduce((ReduceFunction<ScoreTable>) ScoreTable::merge);
 * ThresholdSweep sweep = all.sweep();
 * double auc = sweep.rocAuc();
 * }</pre>
 *
 * <p>A table travels between machines by Java serialization or as the compact byte form of
 * {@link #toBytes()}: 4 magic bytes {@code HPST}, a version byte (1), the number of distinct scores
 * {@code n} (int), then the {@code n} scores (descending), positive weights, negative weights (all
 * doubles) and sample counts (longs), big-endian.
 *
 * <p>How it is built: distinct scores are gathered in an open-addressing hash table of
 * primitive arrays, so memory is O(distinct scores) and the inputs are never copied. When the
 * scores turn out to be mostly distinct (more than an eighth of the samples once past 65,536
 * distinct values), a hash table would need more memory than a sorted copy, so the build
 * switches to the sort-based path ({@link #bySorting}): a radix sort of a copy of the scores.
 *
 * <p>Immutable and thread-safe. Stability: stable.
 */
public final class ScoreTable implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Distinct scores, strictly descending. */
    final double[] score;
    /** Positive weight at each score. */
    final double[] pos;
    /** Negative weight at each score. */
    final double[] neg;
    /** Number of samples at each score. */
    final long[] count;
    final double totalPos;
    final double totalNeg;
    final long samples;

    ScoreTable(double[] score, double[] pos, double[] neg, long[] count) {
        this.score = score;
        this.pos = pos;
        this.neg = neg;
        this.count = count;
        long c = 0;
        for (long x : count) {
            c += x;
        }
        this.samples = c;
        double p = 0;
        double q = 0;
        for (int i = 0; i < score.length; i++) {
            p += pos[i];
            q += neg[i];
        }
        this.totalPos = p;
        this.totalNeg = q;
    }

    /**
     * @param scores finite scores
     * @param labels true for positives
     * @return the table
     * @throws IllegalArgumentException on empty input, a length mismatch or a non-finite score (naming the index)
     */
    public static ScoreTable of(double[] scores, boolean[] labels) {
        return of(scores, labels, null);
    }

    /**
     * @param scores finite scores
     * @param labels 0 or 1
     * @return the table
     * @throws IllegalArgumentException on empty input, a length mismatch, a label other than 0/1
     *     or a non-finite score (naming the index)
     */
    public static ScoreTable of(double[] scores, int[] labels) {
        return of(scores, Inputs.labels(labels), null);
    }

    /**
     * @param scores  finite scores
     * @param labels  0 or 1
     * @param weights sample weights, finite and {@code >= 0}, or null for 1
     * @return the table
     * @throws IllegalArgumentException on bad input, naming the argument and index
     */
    public static ScoreTable of(double[] scores, int[] labels, double[] weights) {
        return of(scores, Inputs.labels(labels), weights);
    }

    /**
     * @param scores  finite scores
     * @param labels  true for positives
     * @param weights sample weights, finite and {@code >= 0}, or null for 1
     * @return the table
     * @throws IllegalArgumentException on bad input, naming the argument and index
     */
    public static ScoreTable of(double[] scores, boolean[] labels, double[] weights) {
        Inputs.check(scores, labels == null ? -1 : labels.length, weights);
        ScoreTable t = HashedScores.build(scores, labels, weights);
        return t != null ? t : SortedScores.build(scores, labels, weights);
    }

    /**
     * Builds the table by sorting a copy of the scores (O(n) extra memory): faster than hashing
     * when most scores are distinct.
     *
     * @param scores  finite scores
     * @param labels  true for positives
     * @param weights sample weights or null
     * @return the table
     * @throws IllegalArgumentException on bad input, naming the argument and index
     */
    public static ScoreTable bySorting(double[] scores, boolean[] labels, double[] weights) {
        Inputs.check(scores, labels == null ? -1 : labels.length, weights);
        return SortedScores.build(scores, labels, weights);
    }

    /**
     * The table of the union of two tables' samples.
     *
     * @param a a table
     * @param b another
     * @return their exact combination
     */
    public static ScoreTable merge(ScoreTable a, ScoreTable b) {
        int n = a.score.length;
        int m = b.score.length;
        double[] s = new double[n + m];
        double[] p = new double[n + m];
        double[] q = new double[n + m];
        long[] c = new long[n + m];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < n || j < m) {
            if (j >= m || (i < n && a.score[i] > b.score[j])) {
                s[k] = a.score[i];
                p[k] = a.pos[i];
                c[k] = a.count[i];
                q[k++] = a.neg[i++];
            } else if (i >= n || b.score[j] > a.score[i]) {
                s[k] = b.score[j];
                p[k] = b.pos[j];
                c[k] = b.count[j];
                q[k++] = b.neg[j++];
            } else {
                s[k] = a.score[i];
                p[k] = a.pos[i] + b.pos[j];
                c[k] = a.count[i] + b.count[j];
                q[k++] = a.neg[i++] + b.neg[j++];
            }
        }
        return new ScoreTable(Arrays.copyOf(s, k), Arrays.copyOf(p, k), Arrays.copyOf(q, k), Arrays.copyOf(c, k));
    }

    /** @return the number of distinct scores */
    public int size() {
        return score.length;
    }

    /**
     * @param i index, 0 for the highest score
     * @return the i-th highest distinct score
     */
    public double score(int i) {
        return score[i];
    }

    /**
     * @param i index
     * @return the positive weight at that score
     */
    public double positives(int i) {
        return pos[i];
    }

    /**
     * @param i index
     * @return the negative weight at that score
     */
    public double negatives(int i) {
        return neg[i];
    }

    /**
     * @param i index
     * @return the number of samples at that score
     */
    public long count(int i) {
        return count[i];
    }

    /** @return the total positive weight */
    public double totalPositives() {
        return totalPos;
    }

    /** @return the total negative weight */
    public double totalNegatives() {
        return totalNeg;
    }

    /** @return the number of samples summarised */
    public long sampleCount() {
        return samples;
    }

    /** @return the threshold sweep (undefined values as NaN, as scikit-learn) */
    public ThresholdSweep sweep() {
        return new ThresholdSweep(this, UndefinedPolicy.NAN);
    }

    /**
     * @param policy what undefined metrics (AUC of one class, recall without positives) do
     * @return the threshold sweep
     */
    public ThresholdSweep sweep(UndefinedPolicy policy) {
        return new ThresholdSweep(this, policy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoreTable t && Arrays.equals(t.score, score) && Arrays.equals(t.pos, pos)
                && Arrays.equals(t.neg, neg) && Arrays.equals(t.count, count);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(score) * 31 + Arrays.hashCode(pos);
    }

    @Override
    public String toString() {
        return "ScoreTable[" + score.length + " distinct scores, positives " + totalPos + ", negatives " + totalNeg + "]";
    }

    /**
     * The compact byte form (see the class description); {@link #fromBytes} reads it back.
     *
     * @return the bytes
     */
    public byte[] toBytes() {
        int n = score.length;
        return SerialForm.write(SerialForm.TABLE_MAGIC, 9 + 32 * n, out -> {
            out.writeInt(n);
            SerialForm.writeAll(out, score);
            SerialForm.writeAll(out, pos);
            SerialForm.writeAll(out, neg);
            SerialForm.writeAll(out, count);
        });
    }

    /**
     * Reads the compact byte form of {@link #toBytes()}.
     *
     * @param bytes the bytes
     * @return the table
     * @throws IllegalArgumentException if the bytes are not a table of this version, are cut short or
     *     have bytes after it, or hold scores that are not finite and strictly descending, weights that
     *     are negative or not finite, or negative counts
     */
    public static ScoreTable fromBytes(byte[] bytes) {
        return SerialForm.read(bytes, SerialForm.TABLE_MAGIC, "score table", in -> {
            int n = in.readInt();
            if (n < 0 || (long) n * 32 > bytes.length) {
                throw new IllegalArgumentException("bytes: " + n + " distinct scores do not fit in " + bytes.length + " bytes");
            }
            double[] s = new double[n];
            double[] p = new double[n];
            double[] q = new double[n];
            long[] c = new long[n];
            SerialForm.readAll(in, s);
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(s[i]) || (i > 0 && !(s[i] < s[i - 1]))) {
                    throw new IllegalArgumentException("bytes: score " + i + " (" + s[i] + ") is not finite and below the one before");
                }
            }
            SerialForm.readAll(in, p);
            SerialForm.readAll(in, q);
            SerialForm.readAll(in, c);
            for (int i = 0; i < n; i++) {
                weight(p[i], "positive", i);
            }
            for (int i = 0; i < n; i++) {
                weight(q[i], "negative", i);
            }
            for (int i = 0; i < n; i++) {
                if (c[i] < 0) {
                    throw new IllegalArgumentException("bytes: count " + i + " (" + c[i] + ") is negative");
                }
            }
            return new ScoreTable(s, p, q, c);
        });
    }

    private static double weight(double w, String what, int i) {
        if (!(w >= 0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException("bytes: " + what + " weight " + i + " (" + w + ") must be finite and >= 0");
        }
        return w;
    }

    /** Serialized as its byte form. */
    private Object writeReplace() {
        return new SerialForm(toBytes());
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("a ScoreTable is serialized through its byte form");
    }
}
