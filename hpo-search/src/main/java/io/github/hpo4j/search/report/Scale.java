package io.github.hpo4j.search.report;

import java.util.ArrayList;
import java.util.List;

/** Maps data values to a fraction [0, 1] of an axis: linear, logarithmic, or bands for categories. */
sealed interface Scale permits Scale.Linear, Scale.Log, Scale.Bands {

    /** @return where {@code v} falls, 0 at the axis start and 1 at its end */
    double fraction(double v);

    /** @return the values to mark on the axis, with their labels */
    List<Tick> ticks();

    /** One mark on an axis. */
    record Tick(double value, String label) {
    }

    /** A linear scale over [lo, hi] widened by a margin; a single value gets a unit-wide range. */
    static Scale linear(double lo, double hi) {
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        }
        if (lo == hi) {
            double d = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= d;
            hi += d;
        }
        double pad = (hi - lo) * 0.04;
        return new Linear(lo - pad, hi + pad);
    }

    /** A log scale over [lo, hi] (both > 0), widened a little. */
    static Scale log(double lo, double hi) {
        if (!(lo > 0 && hi >= lo)) {
            return linear(lo, hi);
        }
        if (lo == hi) {
            lo /= 2;
            hi *= 2;
        }
        double l = Math.log10(lo);
        double h = Math.log10(hi);
        double pad = (h - l) * 0.04;
        return new Log(l - pad, h + pad);
    }

    /** Chooses log when every value is positive and they span more than two decades. */
    static Scale auto(double lo, double hi) {
        return lo > 0 && hi / lo > 100 ? log(lo, hi) : linear(lo, hi);
    }

    /** Equal bands, one per category, in the given order. */
    static Scale bands(List<String> names) {
        return new Bands(List.copyOf(names));
    }

    /** A linear scale. */
    record Linear(double lo, double hi) implements Scale {
        @Override
        public double fraction(double v) {
            return (v - lo) / (hi - lo);
        }

        @Override
        public List<Tick> ticks() {
            double span = hi - lo;
            double raw = span / 5;
            double mag = Math.pow(10, Math.floor(Math.log10(raw)));
            double norm = raw / mag;
            double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
            List<Tick> out = new ArrayList<>();
            for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
                double v = Math.abs(t) < step * 1e-9 ? 0 : t;
                out.add(new Tick(v, Html.format(Math.round(v / step) * step)));
            }
            return out;
        }
    }

    /** A base-10 log scale; {@code lo} and {@code hi} are exponents. */
    record Log(double lo, double hi) implements Scale {
        @Override
        public double fraction(double v) {
            return (Math.log10(v) - lo) / (hi - lo);
        }

        @Override
        public List<Tick> ticks() {
            List<Tick> out = new ArrayList<>();
            int step = Math.max(1, (int) Math.ceil((hi - lo) / 6));
            for (int e = (int) Math.ceil(lo); e <= hi; e += step) {
                out.add(new Tick(Math.pow(10, e), Html.format(Math.pow(10, e))));
            }
            if (out.size() < 2) {
                // less than a decade: mark the ends
                out.clear();
                out.add(new Tick(Math.pow(10, lo), Html.format(Math.pow(10, lo))));
                out.add(new Tick(Math.pow(10, hi), Html.format(Math.pow(10, hi))));
            }
            return out;
        }
    }

    /** Categories as bands; a value is a category's index. */
    record Bands(List<String> names) implements Scale {
        @Override
        public double fraction(double index) {
            return (index + 0.5) / Math.max(1, names.size());
        }

        @Override
        public List<Tick> ticks() {
            List<Tick> out = new ArrayList<>();
            int every = Math.max(1, names.size() / 12);
            for (int i = 0; i < names.size(); i += every) {
                String n = names.get(i);
                out.add(new Tick(i, n.length() > 14 ? n.substring(0, 13) + "…" : n));
            }
            return out;
        }
    }
}
