package io.github.hpo4j.metrics.sweep;

import java.util.Arrays;

/**
 * A fixed-size, mergeable accumulator of scores in equal-width bins over {@code [low, high]}:
 * one O(n) pass, O(bins) memory. Each bin keeps its positive and negative weight, its sample
 * count and its lowest score, so {@link #toTable()} gives a {@link ScoreTable} whose operating
 * points are exact at each bin's lowest score (every sample of the bin and above is predicted
 * positive there). With one distinct score per bin it equals the exact table. Scores outside
 * the range fall into the first or last bin.
 *
 * <pre>{@code
 * BinnedScores acc = BinnedScores.over(0, 1, 10_000);
 * acc.add(partScores, partLabels, null);      // per partition or shard
 * ThresholdSweep sweep = acc.merge(other).toTable().sweep();
 * }</pre>
 *
 * <p>Not thread-safe while adding; {@link #merge} returns a new accumulator. Stability: stable.
 */
public final class BinnedScores implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final double low;
    private final double high;
    private final double scale;
    private final double[] pos;
    private final double[] neg;
    private final long[] count;
    private final double[] min;

    private BinnedScores(double low, double high, int bins) {
        this.low = low;
        this.high = high;
        this.scale = bins / (high - low);
        pos = new double[bins];
        neg = new double[bins];
        count = new long[bins];
        min = new double[bins];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
    }

    /**
     * @param low  the range's low end
     * @param high the range's high end, {@code > low}
     * @param bins number of bins, {@code >= 1}
     * @return an empty accumulator
     * @throws IllegalArgumentException if the range is empty or not finite, or {@code bins < 1}
     */
    public static BinnedScores over(double low, double high, int bins) {
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(high > low)) {
            throw new IllegalArgumentException("range [" + low + ", " + high + "] must be finite with low < high");
        }
        if (bins < 1) {
            throw new IllegalArgumentException("bins (" + bins + ") must be >= 1");
        }
        return new BinnedScores(low, high, bins);
    }

    /**
     * Adds samples.
     *
     * @param scores  finite scores
     * @param labels  true for positives
     * @param weights weights or null
     * @return this accumulator
     * @throws IllegalArgumentException on bad input, naming the argument and index
     */
    public BinnedScores add(double[] scores, boolean[] labels, double[] weights) {
        Inputs.check(scores, labels == null ? -1 : labels.length, weights);
        if (weights == null) {
            addUnweighted(scores, labels);
            return this;
        }
        int last = pos.length - 1;
        for (int i = 0; i < scores.length; i++) {
            double s = scores[i];
            if (!(s - s == 0)) {
                throw Inputs.badScore(i, s);
            }
            int b = (int) ((s - low) * scale);
            b = b < 0 ? 0 : (b > last ? last : b);
            double w = 1;
            if (weights != null) {
                w = weights[i];
                if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
                    throw Inputs.badWeight(i, w);
                }
            }
            if (labels[i]) {
                pos[b] += w;
            } else {
                neg[b] += w;
            }
            count[b]++;
            if (s < min[b]) {
                min[b] = s;
            }
        }
        return this;
    }

    /** The hot loop without weights: integer counts per bin, folded into the weights at the end. */
    private void addUnweighted(double[] scores, boolean[] labels) {
        int bins = pos.length;
        int last = bins - 1;
        long[] total = new long[bins];
        long[] positives = new long[bins];
        double[] lowest = min;
        double lo = low;
        double sc = scale;
        for (int i = 0; i < scores.length; i++) {
            double s = scores[i];
            if (!(s - s == 0)) {
                throw Inputs.badScore(i, s);
            }
            int b = (int) ((s - lo) * sc);
            b = b < 0 ? 0 : (b > last ? last : b);
            total[b]++;
            positives[b] += labels[i] ? 1 : 0;
            if (s < lowest[b]) {
                lowest[b] = s;
            }
        }
        for (int b = 0; b < bins; b++) {
            count[b] += total[b];
            pos[b] += positives[b];
            neg[b] += total[b] - positives[b];
        }
    }

    /**
     * @param scores finite scores
     * @param labels 0 or 1
     * @return this accumulator
     * @throws IllegalArgumentException on bad input, naming the argument and index
     */
    public BinnedScores add(double[] scores, int[] labels) {
        return add(scores, Inputs.labels(labels), null);
    }

    /**
     * @param other an accumulator over the same range and bins
     * @return a new accumulator holding both
     * @throws IllegalArgumentException if the ranges or bin counts differ
     */
    public BinnedScores merge(BinnedScores other) {
        if (other.low != low || other.high != high || other.pos.length != pos.length) {
            throw new IllegalArgumentException("other: bins over [" + other.low + ", " + other.high + "] x "
                    + other.pos.length + " differ from [" + low + ", " + high + "] x " + pos.length);
        }
        BinnedScores m = new BinnedScores(low, high, pos.length);
        for (int b = 0; b < pos.length; b++) {
            m.pos[b] = pos[b] + other.pos[b];
            m.neg[b] = neg[b] + other.neg[b];
            m.count[b] = count[b] + other.count[b];
            m.min[b] = Math.min(min[b], other.min[b]);
        }
        return m;
    }

    /** @return the table of non-empty bins, each at its lowest score */
    public ScoreTable toTable() {
        int k = 0;
        for (long c : count) {
            if (c > 0) {
                k++;
            }
        }
        double[] s = new double[k];
        double[] p = new double[k];
        double[] q = new double[k];
        long[] c = new long[k];
        int j = 0;
        for (int b = pos.length - 1; b >= 0; b--) {
            if (count[b] > 0) {
                s[j] = min[b] + 0.0;
                p[j] = pos[b];
                q[j] = neg[b];
                c[j++] = count[b];
            }
        }
        return new ScoreTable(s, p, q, c);
    }

    /** @return the number of bins */
    public int bins() {
        return pos.length;
    }

    /**
     * The compact byte form: 4 magic bytes {@code HPBS}, a version byte (1), low and high
     * (doubles), the number of bins (int), then per bin the positive and negative weights
     * (doubles), the counts (longs) and the lowest scores (doubles, +Infinity for an empty bin),
     * big-endian; {@link #fromBytes} reads it back.
     *
     * @return the bytes
     */
    public byte[] toBytes() {
        int n = pos.length;
        return SerialForm.write(SerialForm.BINNED_MAGIC, 25 + 32 * n, out -> {
            out.writeDouble(low);
            out.writeDouble(high);
            out.writeInt(n);
            SerialForm.writeAll(out, pos);
            SerialForm.writeAll(out, neg);
            SerialForm.writeAll(out, count);
            SerialForm.writeAll(out, min);
        });
    }

    /**
     * Reads the compact byte form of {@link #toBytes()}.
     *
     * @param bytes the bytes
     * @return the accumulator
     * @throws IllegalArgumentException if the bytes are not an accumulator of this version, are cut
     *     short or have bytes after it, or hold an invalid range, negative counts or weights
     */
    public static BinnedScores fromBytes(byte[] bytes) {
        return SerialForm.read(bytes, SerialForm.BINNED_MAGIC, "binned-scores accumulator", in -> {
            double lo = in.readDouble();
            double hi = in.readDouble();
            int n = in.readInt();
            if (n < 1 || (long) n * 32 > bytes.length) {
                throw new IllegalArgumentException("bytes: " + n + " bins do not fit in " + bytes.length + " bytes");
            }
            BinnedScores b = over(lo, hi, n);
            SerialForm.readAll(in, b.pos);
            SerialForm.readAll(in, b.neg);
            SerialForm.readAll(in, b.count);
            SerialForm.readAll(in, b.min);
            for (int i = 0; i < n; i++) {
                if (!(b.pos[i] >= 0) || !(b.neg[i] >= 0) || b.count[i] < 0) {
                    throw new IllegalArgumentException("bytes: bin " + i + " has a negative or NaN weight or count");
                }
            }
            return b;
        });
    }

    /** Serialized as its byte form. */
    private Object writeReplace() {
        return new SerialForm(toBytes());
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("a BinnedScores is serialized through its byte form");
    }
}
