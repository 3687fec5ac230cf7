package io.github.hpo4j.search.report;

import java.util.Locale;

/** The report's colours: a ramp for values (dark = worse, bright = better) and heat for table cells. */
final class Colors {

    // viridis at 0, 0.25, 0.5, 0.75, 1
    private static final int[][] RAMP = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};

    private Colors() {
    }

    /** @param t goodness in [0, 1]: 0 worst, 1 best */
    static String ramp(double t) {
        if (!(t >= 0)) {
            t = 0;
        }
        t = Math.min(1, t);
        double pos = t * (RAMP.length - 1);
        int i = Math.min(RAMP.length - 2, (int) pos);
        double f = pos - i;
        return rgb(RAMP[i][0] + f * (RAMP[i + 1][0] - RAMP[i][0]), RAMP[i][1] + f * (RAMP[i + 1][1] - RAMP[i][1]),
                RAMP[i][2] + f * (RAMP[i + 1][2] - RAMP[i][2]));
    }

    /** A light cell colour: red for worst, through pale yellow, to green for best. */
    static String heat(double t) {
        if (!(t >= 0)) {
            t = 0;
        }
        t = Math.min(1, t);
        double r;
        double g;
        double b;
        if (t < 0.5) {
            double f = t / 0.5;
            r = 244 + f * (255 - 244);
            g = 180 + f * (244 - 180);
            b = 170 + f * (200 - 170);
        } else {
            double f = (t - 0.5) / 0.5;
            r = 255 + f * (170 - 255);
            g = 244 + f * (222 - 244);
            b = 200 + f * (170 - 200);
        }
        return rgb(r, g, b);
    }

    private static String rgb(double r, double g, double b) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(r), (int) Math.round(g), (int) Math.round(b));
    }
}
