package io.github.hpo4j.tpe.sampler;

import java.util.Arrays;

/**
 * The bad set's Parzen mixture for one continuous parameter in univariate mode, kept from ask to
 * ask: in a sequential study the bad set mostly grows by the newest trial, which moves one
 * kernel's neighbours' bandwidths and one kernel from the newest 25 to the weight ramp, so the
 * mixture is updated in O(changes) instead of rebuilt in O(n).
 *
 * <p>The weights are Optuna's: a ramp {@code α + β·rank} over the older kernels and 1 over the
 * newest 25, so each box of floor-width kernels keeps three sets of raw power sums (ramp kernels,
 * ramp kernels times their rank, newest kernels) and an ask combines them with that ask's α, β
 * and normalising total into the expansion coefficients of {@link ExpandedBoxes}. Wider kernels (sparse
 * regions) and the prior are summed directly. Applies once the bandwidth floor is fixed
 * ({@code n >= 98}, magic clip on); any other change than appended trials (a trial leaving the
 * set, or joining it out of order) rebuilds everything, as does every 256th update, which bounds
 * the rounding drift of the running sums.
 *
 * <p>Not thread-safe: the sampler serialises its asks.
 */
final class IncrementalMixture {

    private static final int TERMS = ExpandedBoxes.TERMS;
    private static final int NEWEST = 25;
    private static final int MIN_SIZE = 99;
    private static final int REBUILD_EVERY = 256;
    private static final int PRIOR = (1 << 20) - 1;
    private static final double LN2 = Math.log(2);

    private final double lowT;
    private final double highT;
    private final double range;
    private final double priorWeight;
    private final boolean unscaled;
    private final TpeParameters params;
    private final double floorSigma;
    private final double floorHv;
    private final double delta;
    private final int boxCount;

    /** Sorted keys ({@link SortedObservations#key}) of the members and the prior centre. */
    private long[] keys = new long[0];
    private int size;
    /** Sorted keys of the kernels summed directly: members wider than the floor, and the prior. */
    private long[] wideKeys = new long[16];
    private int wideSize;
    /** Members by rank (history order). */
    private int[] byRank = new int[0];
    /** The arrays of the view each update returns (slots 0–3 its direct kernels' blocks, 4–6 their kernels). */
    private final ScratchArrays viewArrays = new ScratchArrays();
    /** The values read for a rebuild, kept for the next. */
    private double[] rebuildValues = new double[0];
    private int members;
    /** By history position. */
    private double[] value = new double[0];
    private double[] sigma = new double[0];
    private double[] constant = new double[0];
    private int[] rank = new int[0];
    private boolean[] boxed = new boolean[0];
    /** Power sums Σ c e^{−y²} y^n per box: ramp kernels, ramp kernels × rank, newest kernels. */
    private double[] rampSums;
    private double[] rankSums;
    private double[] newestSums;
    private int updates;
    private boolean valid;
    /** Per box, fixed: grid bounds and centres; and scratch reused by each ask's snapshot. */
    private final double[] gridLo;
    private final double[] gridHi;
    private final double[] gridCentre;
    private final double[] logWeight;
    private final double[] upperLogWeight;
    private final double[] coefficients;
    private final boolean[] ready;
    private final int[] reach;

    IncrementalMixture(ParamSpec spec, TpeParameters params) {
        this.lowT = spec.lowT;
        this.highT = spec.highT;
        this.range = highT - lowT;
        this.priorWeight = params.priorWeight();
        this.unscaled = params.unscaledKernels();
        this.params = params;
        this.floorSigma = ParzenEstimator.minSigma(range, MIN_SIZE, params);
        this.floorHv = 0.5 / (floorSigma * floorSigma);
        this.delta = Math.sqrt(2) * floorSigma;
        this.boxCount = (int) Math.ceil(range / delta) + 1;
        this.rampSums = new double[boxCount * TERMS];
        this.rankSums = new double[boxCount * TERMS];
        this.newestSums = new double[boxCount * TERMS];
        this.gridLo = new double[boxCount];
        this.gridHi = new double[boxCount];
        this.gridCentre = new double[boxCount];
        for (int b = 0; b < boxCount; b++) {
            gridLo[b] = lowT + b * delta;
            gridHi[b] = gridLo[b] + delta;
            gridCentre[b] = centre(b);
        }
        this.logWeight = new double[boxCount];
        this.upperLogWeight = new double[boxCount];
        this.coefficients = new double[boxCount * TERMS];
        this.ready = new boolean[boxCount];
        this.reach = new int[boxCount];
    }

    /**
     * @param spec   the parameter
     * @param params the estimator settings
     * @return whether the parameter and settings are ones this mixture handles
     */
    static boolean applies(ParamSpec spec, TpeParameters params) {
        return !spec.categorical && !spec.discrete() && !params.multivariate() && params.considerMagicClip();
    }

    /**
     * @param positions history positions of the bad set, ascending, each below 2^20 − 1
     * @param values    transformed values at those positions, inside the range
     * @return the set's mixture (weights normalised with the prior), or null when the set is too
     *     small for the fixed bandwidth floor
     */
    SortedMixture update(int[] positions, double[] values) {
        return update(positions, positions.length, p -> values[indexOf(positions, p)]);
    }

    private static int indexOf(int[] positions, int p) {
        return java.util.Arrays.binarySearch(positions, p);
    }

    /**
     * @param positions history positions of the bad set, ascending, each below 2^20 − 1: the first
     *                  {@code n} of the array
     * @param n         how many
     * @param valueAt   the transformed value at a position (NaN if the trial lacks the parameter);
     *                  asked only for positions new since the previous update, unless rebuilding
     * @return the set's mixture (weights normalised with the prior), or null when the set is too
     *     small for the fixed bandwidth floor or a trial lacks the parameter
     */
    SortedMixture update(int[] positions, int n, java.util.function.IntToDoubleFunction valueAt) {
        if (n < MIN_SIZE || positions[n - 1] >= PRIOR) {
            valid = false;
            return null;
        }
        boolean appended = valid && members >= MIN_SIZE && n >= members && updates < REBUILD_EVERY
                && (members == 0 || positions[members - 1] == byRank[members - 1]);
        if (appended) {
            for (int i = 0; i < members; i++) {
                if (positions[i] != byRank[i]) {
                    appended = false;
                    break;
                }
            }
        }
        if (appended) {
            for (int i = members; i < n; i++) {
                double v = valueAt.applyAsDouble(positions[i]);
                if (Double.isNaN(v)) {
                    valid = false;
                    return null;
                }
                append(positions[i], v);
            }
            updates++;
        } else {
            if (rebuildValues.length < n) {
                rebuildValues = new double[n + n / 2];
            }
            double[] values = rebuildValues;
            for (int i = 0; i < n; i++) {
                values[i] = valueAt.applyAsDouble(positions[i]);
                if (Double.isNaN(values[i])) {
                    valid = false;
                    return null;
                }
            }
            rebuild(positions, n, values);
        }
        return snapshot();
    }

    private void grow(int maxPosition) {
        if (value.length <= maxPosition) {
            int capacity = Math.max(maxPosition + 1, value.length * 2);
            value = Arrays.copyOf(value, capacity);
            sigma = Arrays.copyOf(sigma, capacity);
            constant = Arrays.copyOf(constant, capacity);
            rank = Arrays.copyOf(rank, capacity);
            boxed = Arrays.copyOf(boxed, capacity);
        }
    }

    private void rebuild(int[] positions, int n, double[] values) {
        grow(positions[n - 1]);
        Arrays.fill(rampSums, 0);
        Arrays.fill(rankSums, 0);
        Arrays.fill(newestSums, 0);
        // arrays big enough are kept (a rebuild every few hundred asks would otherwise
        // reallocate the whole set)
        if (byRank.length < n) {
            byRank = new int[Math.max(16, n + n / 2)];
        }
        System.arraycopy(positions, 0, byRank, 0, n);
        members = n;
        if (keys.length < n + 1) {
            keys = new long[Math.max(16, n + 1 + n / 2)];
        }
        for (int i = 0; i < n; i++) {
            int p = positions[i];
            value[p] = values[i];
            rank[p] = i;
            keys[i] = SortedObservations.key(values[i], p);
        }
        keys[n] = SortedObservations.key(0.5 * (lowT + highT), PRIOR);
        size = n + 1;
        Arrays.sort(keys, 0, size);
        wideSize = 0;
        if (wideKeys.length < size) {
            wideKeys = new long[Math.max(16, size + size / 2)];
        }
        for (int k = 0; k < size; k++) {
            int p = position(k);
            if (p != PRIOR) {
                setSigma(p, sigmaAt(k));
                contribute(p, 1);
            }
            if (p == PRIOR || !boxed[p]) {
                wideKeys[wideSize++] = keys[k];
            }
        }
        updates = 0;
        valid = true;
    }

    private void append(int p, double v) {
        grow(p);
        // the oldest of the newest 25 joins the ramp, keeping its rank
        if (members >= NEWEST) {
            int q = byRank[members - NEWEST];
            contribute(q, -1);
            int saved = members;
            members++; // now q is in the ramp
            contribute(q, 1);
            members = saved;
        }
        if (byRank.length == members) {
            byRank = Arrays.copyOf(byRank, members * 2);
        }
        byRank[members] = p;
        value[p] = v;
        rank[p] = members;
        long key = SortedObservations.key(v, p);
        keys = insertSorted(keys, size, key);
        size++;
        int at = Arrays.binarySearch(keys, 0, size, key);
        members++;
        sigma[p] = Double.NaN; // not contributing yet
        for (int k = Math.max(0, at - 1); k <= Math.min(size - 1, at + 1); k++) {
            int q = position(k);
            if (q == PRIOR) {
                continue;
            }
            double s = sigmaAt(k);
            if (q == p) {
                setSigma(q, s);
                contribute(q, 1);
                if (!boxed[q]) {
                    wideInsert(keys[k]);
                }
            } else if (s != sigma[q]) {
                boolean wasWide = !boxed[q];
                contribute(q, -1);
                setSigma(q, s);
                contribute(q, 1);
                if (wasWide && boxed[q]) {
                    wideRemove(keys[k]);
                } else if (!wasWide && !boxed[q]) {
                    wideInsert(keys[k]);
                }
            }
        }
    }

    /** Inserts a key into the sorted first {@code size} entries; returns the array, grown if full. */
    private static long[] insertSorted(long[] array, int size, long key) {
        long[] out = size == array.length ? Arrays.copyOf(array, Math.max(16, size * 2)) : array;
        int at = Arrays.binarySearch(out, 0, size, key);
        at = at >= 0 ? at : -at - 1;
        System.arraycopy(out, at, out, at + 1, size - at);
        out[at] = key;
        return out;
    }

    private void wideInsert(long key) {
        wideKeys = insertSorted(wideKeys, wideSize, key);
        wideSize++;
    }

    private void wideRemove(long key) {
        int at = Arrays.binarySearch(wideKeys, 0, wideSize, key);
        if (at >= 0) {
            System.arraycopy(wideKeys, at + 1, wideKeys, at, wideSize - at - 1);
            wideSize--;
        }
    }

    private int position(int k) {
        return (int) (keys[k] & PRIOR);
    }

    private double valueAt(int k) {
        int p = position(k);
        return p == PRIOR ? 0.5 * (lowT + highT) : value[p];
    }

    /** The bandwidth of the kernel at sorted index k, as {@link ParzenEstimator} computes it. */
    private double sigmaAt(int k) {
        double v = valueAt(k);
        double left = k == 0 ? lowT : valueAt(k - 1);
        double right = k == size - 1 ? highT : valueAt(k + 1);
        return ParzenEstimator.clip(ParzenEstimator.neighbourGap(left, v, right, k, size, params.considerEndpoints()),
                range, MIN_SIZE, params);
    }

    private void setSigma(int p, double s) {
        sigma[p] = s;
        double inv = 1 / s;
        double mass = Gaussian.centredMass((lowT - value[p]) * inv, (highT - value[p]) * inv);
        constant[p] = unscaled ? 1 / mass : inv / mass;
        boxed[p] = s == floorSigma;
    }

    private boolean newest(int p) {
        return rank[p] >= members - NEWEST;
    }

    /** Adds (sign 1) or removes (sign −1) a floor-width kernel's power sums; wider kernels are summed directly. */
    private void contribute(int p, int sign) {
        if (!boxed[p]) {
            return;
        }
        int b = box(value[p]);
        double y = (value[p] - centre(b)) / delta;
        double w = sign * constant[p] * Gaussian.fastExp(-y * y);
        int off = b * TERMS;
        double pw = w;
        if (newest(p)) {
            for (int n = 0; n < TERMS; n++) {
                newestSums[off + n] += pw;
                pw *= y;
            }
        } else {
            double r = rank[p];
            for (int n = 0; n < TERMS; n++) {
                rampSums[off + n] += pw;
                rankSums[off + n] += pw * r;
                pw *= y;
            }
        }
    }

    private int box(double v) {
        return Math.max(0, Math.min(boxCount - 1, (int) ((v - lowT) / delta)));
    }

    private double centre(int b) {
        return lowT + (b + 0.5) * delta;
    }

    /** The ramp weight of a rank among n members (Optuna's default weights), 1 for the newest 25. */
    private double weight(int r, double alpha, double beta, int ramp) {
        return r >= ramp ? 1 : alpha + beta * r;
    }

    private SortedMixture snapshot() {
        int n = members;
        int ramp = n - NEWEST;
        double alpha = 1.0 / n;
        double beta = ramp == 1 ? 0 : (1 - 1.0 / n) / (ramp - 1);
        double total = ramp * alpha + beta * ramp * (ramp - 1) / 2.0 + NEWEST + priorWeight;
        double scale = Math.exp(-Gaussian.LOG_SQRT_2PI) / total;
        for (int b = 0; b < boxCount; b++) {
            int off = b * TERMS;
            // Σ w e^{−y²}: within e^{−1/4} below the box's weight Σ w. Bounds are all the logs
            // are for, so the binary exponent gives them without a log: 2^e <= weight < 2^(e+1)
            double weight = scale * (alpha * rampSums[off] + beta * rankSums[off] + newestSums[off]);
            if (weight > Double.MIN_NORMAL) {
                int e = Math.getExponent(weight);
                logWeight[b] = e * LN2;
                upperLogWeight[b] = (e + 1) * LN2 + 0.25;
            } else {
                logWeight[b] = Double.NEGATIVE_INFINITY;
                upperLogWeight[b] = weight > 0 ? Math.log(Double.MIN_NORMAL) + 0.25 : Double.NEGATIVE_INFINITY;
            }
        }
        Arrays.fill(ready, false);
        // coefficients only for the boxes a candidate comes near
        ExpandedBoxes.CoefficientSource source = (b, out, offset) -> {
            int off = b * TERMS;
            for (int k = 0; k < TERMS; k++) {
                out[offset + k] = scale * (alpha * rampSums[off + k] + beta * rankSums[off + k]
                        + newestSums[off + k]) * ExpandedBoxes.SCALE[k];
            }
        };
        // the wider kernels in order of centre; the prior apart
        int wide = wideSize - 1;
        // this ask's view lives until the next update: its arrays are kept for the next one
        double[] dMu = viewArrays.doubles(4, wide);
        double[] dHv = viewArrays.doubles(5, wide);
        double[] dLog = viewArrays.doubles(6, wide);
        double priorConstant = priorConstant();
        int at = 0;
        for (int i = 0; i < wideSize; i++) {
            int p = (int) (wideKeys[i] & PRIOR);
            if (p != PRIOR) {
                dMu[at] = value[p];
                dHv[at] = 0.5 / (sigma[p] * sigma[p]);
                dLog[at] = Math.log(scale * weight(rank[p], alpha, beta, ramp) * constant[p]);
                at++;
            }
        }
        return new Snapshot(new DirectKernels(dMu, dHv, dLog, wide, viewArrays),
                new ExpandedBoxes(floorHv, gridLo, gridHi, gridCentre, upperLogWeight, source, coefficients, ready, reach), Math.log(scale * priorWeight * priorConstant),
                logWeight);
    }

    private double priorConstant() {
        double mass = Gaussian.centredMass(-0.5, 0.5);
        return unscaled ? 1 / mass : 1 / (range * mass);
    }

    /** This ask's view: the boxes' weights for a cheap lower bound. */
    private final class Snapshot extends SortedMixture {
        private final double[] boxLogWeight;

        Snapshot(DirectKernels direct, ExpandedBoxes boxes, double priorLogWeight, double[] boxLogWeight) {
            super(direct, boxes, 0.5 * (lowT + highT), 0.5 / (range * range), priorLogWeight);
            this.boxLogWeight = boxLogWeight;
        }

        /**
         * The prior's term, or the box holding t or a neighbouring box if larger: a box's kernels
         * lie within it, so its sum is at least its weight times the term of its farthest edge.
         */
        @Override
        double lowerBound(double t) {
            double best = priorTerm(t);
            int b0 = box(t);
            for (int b = Math.max(0, b0 - 1); b <= Math.min(boxCount - 1, b0 + 1); b++) {
                double lo = lowT + b * delta;
                double far = Math.max(Math.abs(t - lo), Math.abs(t - lo - delta));
                // less a hair for the rounding of the running sums behind the weight
                best = Math.max(best, boxLogWeight[b] - floorHv * far * far - 1e-9);
            }
            return best;
        }
    }
}
