package io.github.hpo4j.search.gp;

import io.github.hpo4j.core.space.CategoricalDistribution;
import io.github.hpo4j.core.space.Distribution;
import io.github.hpo4j.core.space.FloatDistribution;
import io.github.hpo4j.core.space.IntDistribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A search space as the unit cube: floats scaled to [0, 1] (log floats in log space); ints and
 * stepped floats likewise over [low − step/2, high + step/2], so that each grid value owns an
 * equal share, and proposed on their grids; a categorical as its index (the kernel compares
 * indices for equality only). Single-valued parameters are left out. Parameters in name order.
 */
final class Encoding {

    enum Kind { CONTINUOUS, GRID, CATEGORICAL }

    final List<String> names = new ArrayList<>();
    final List<Distribution> distributions = new ArrayList<>();
    final Kind[] kinds;
    final boolean[] categorical;
    /** For a grid or categorical dimension, its values in encoded form, ascending. */
    final double[][] choices;
    private final double[] lo;
    private final double[] hi;
    private final boolean[] log;

    Encoding(Map<String, Distribution> space) {
        for (Map.Entry<String, Distribution> e : new TreeMap<>(space).entrySet()) {
            if (!e.getValue().isSingle()) {
                names.add(e.getKey());
                distributions.add(e.getValue());
            }
        }
        int dims = names.size();
        kinds = new Kind[dims];
        categorical = new boolean[dims];
        choices = new double[dims][];
        lo = new double[dims];
        hi = new double[dims];
        log = new boolean[dims];
        for (int d = 0; d < dims; d++) {
            Distribution dist = distributions.get(d);
            if (dist instanceof CategoricalDistribution c) {
                kinds[d] = Kind.CATEGORICAL;
                categorical[d] = true;
                choices[d] = new double[c.size()];
                for (int i = 0; i < c.size(); i++) {
                    choices[d][i] = i;
                }
            } else if (dist instanceof FloatDistribution f) {
                log[d] = f.log();
                double half = f.hasStep() ? f.step() / 2 : 0;
                lo[d] = log[d] ? Math.log(f.low()) : f.low() - half;
                hi[d] = log[d] ? Math.log(f.high()) : f.high() + half;
                if (f.hasStep()) {
                    kinds[d] = Kind.GRID;
                    int k = (int) Math.round((f.high() - f.low()) / f.step()) + 1;
                    choices[d] = new double[k];
                    for (int i = 0; i < k; i++) {
                        choices[d][i] = encode(d, f.low() + i * f.step());
                    }
                } else {
                    kinds[d] = Kind.CONTINUOUS;
                }
            } else if (dist instanceof IntDistribution iDist) {
                kinds[d] = Kind.GRID;
                log[d] = iDist.log();
                lo[d] = log[d] ? Math.log(iDist.low() - 0.5) : iDist.low() - iDist.step() / 2.0;
                hi[d] = log[d] ? Math.log(iDist.high() + 0.5) : iDist.high() + iDist.step() / 2.0;
                int k = (iDist.high() - iDist.low()) / iDist.step() + 1;
                choices[d] = new double[k];
                for (int i = 0; i < k; i++) {
                    choices[d][i] = encode(d, iDist.low() + (double) i * iDist.step());
                }
            } else {
                throw new IllegalArgumentException("distribution: " + dist + " is not supported by the GP sampler");
            }
        }
    }

    int dims() {
        return names.size();
    }

    /** An internal value (a number, or a categorical index) in [0, 1] (a categorical: its index). */
    double encode(int d, double internal) {
        if (kinds[d] == Kind.CATEGORICAL) {
            return internal;
        }
        double v = log[d] ? Math.log(internal) : internal;
        return hi[d] > lo[d] ? (v - lo[d]) / (hi[d] - lo[d]) : 0.5;
    }

    /** Back to an internal value, on the parameter's grid. */
    double decode(int d, double u) {
        Distribution dist = distributions.get(d);
        if (kinds[d] == Kind.CATEGORICAL) {
            return Math.max(0, Math.min(choices[d].length - 1, Math.round(u)));
        }
        double v = lo[d] + Math.max(0, Math.min(1, u)) * (hi[d] - lo[d]);
        v = log[d] ? Math.exp(v) : v;
        if (dist instanceof FloatDistribution f) {
            return f.hasStep() ? f.snap(v) : Math.max(f.low(), Math.min(f.high(), v));
        }
        return ((IntDistribution) dist).snap(v);
    }

    /** The encoded grid value nearest to u (for a categorical: the index nearest). */
    double nearestChoice(int d, double u) {
        double[] c = choices[d];
        int at = java.util.Arrays.binarySearch(c, u);
        if (at >= 0) {
            return c[at];
        }
        int ins = -at - 1;
        if (ins == 0) {
            return c[0];
        }
        if (ins == c.length) {
            return c[c.length - 1];
        }
        return u - c[ins - 1] <= c[ins] - u ? c[ins - 1] : c[ins];
    }

    /** Maps a uniform coordinate to a dimension's value: continuous as is, grids and categories by share. */
    double fromUniform(int d, double u) {
        if (kinds[d] == Kind.CONTINUOUS) {
            return u;
        }
        int k = choices[d].length;
        return choices[d][Math.min(k - 1, (int) (u * k))];
    }
}
