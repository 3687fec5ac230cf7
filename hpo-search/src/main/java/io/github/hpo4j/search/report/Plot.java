package io.github.hpo4j.search.report;

/**
 * One chart drawn as inline SVG into an {@link Html}: a frame, axes with ticks and titles, then
 * marks in data coordinates. Every mark that stands for a trial carries {@code class="m"} and
 * {@code data-t="<trial number>"}, by which the page's script shows the trial on hover and tests
 * count marks; other marks carry a {@code data-tip} text.
 */
final class Plot {

    static final int LEFT = 64;
    private static final int MAX_LEFT = 180;
    static final int RIGHT_ONE_AXIS = 16;
    static final int RIGHT_TWO_AXES = 64;
    static final int TOP = 12;
    static final int BOTTOM = 44;

    private final Html h;
    private final String id;
    private final int width;
    private final int height;
    private final Scale x;
    private final Scale y;
    private final String xTitle;
    private final String yTitle;
    private final int left;
    private Scale y2;
    private String y2Title;

    Plot(Html h, String id, int width, int height, Scale x, Scale y, String xTitle, String yTitle) {
        this.h = h;
        this.id = id;
        this.width = width;
        this.height = height;
        this.x = x;
        this.y = y;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        int longest = 0;
        for (Scale.Tick t : y.ticks()) {
            longest = Math.max(longest, t.label().length());
        }
        this.left = Math.min(MAX_LEFT, Math.max(LEFT, 30 + 6 * longest));
    }

    /** @return the x pixel of the plot area's left edge */
    int left() {
        return left;
    }

    /** Adds a second y axis on the right; call before {@link #begin}. */
    Plot secondAxis(Scale scale, String title) {
        this.y2 = scale;
        this.y2Title = title;
        return this;
    }

    private int right() {
        return y2 == null ? RIGHT_ONE_AXIS : RIGHT_TWO_AXES;
    }

    double px(double v) {
        return left + x.fraction(v) * (width - left - right());
    }

    double py(double v) {
        return py(y, v);
    }

    double py2(double v) {
        return py(y2, v);
    }

    private double py(Scale s, double v) {
        return height - BOTTOM - s.fraction(v) * (height - TOP - BOTTOM);
    }

    /** Writes the opening tag, the frame, ticks, grid lines and axis titles. */
    Plot begin() {
        h.open("svg").attr("id", id).attr("class", "chart").attr("viewBox", "0 0 " + width + " " + height)
                .attr("width", width).attr("height", height).attr("role", "img").attr("aria-label", yTitle + " by " + xTitle)
                .raw('>');
        int plotRight = width - right();
        int plotBottom = height - BOTTOM;
        h.raw("<g class=\"axis\">");
        for (Scale.Tick t : x.ticks()) {
            double px = px(t.value());
            if (px < left - 0.5 || px > plotRight + 0.5) {
                continue;
            }
            h.raw("<line class=\"grid\" x1=\"").coord(px).raw("\" x2=\"").coord(px).raw("\" y1=\"").coord(TOP)
                    .raw("\" y2=\"").coord(plotBottom).raw("\"/>");
            h.raw("<text x=\"").coord(px).raw("\" y=\"").coord(plotBottom + 15).raw("\" text-anchor=\"middle\">")
                    .text(t.label()).raw("</text>");
        }
        for (Scale.Tick t : y.ticks()) {
            double py = py(t.value());
            if (py < TOP - 0.5 || py > plotBottom + 0.5) {
                continue;
            }
            h.raw("<line class=\"grid\" x1=\"").coord(left).raw("\" x2=\"").coord(plotRight).raw("\" y1=\"").coord(py)
                    .raw("\" y2=\"").coord(py).raw("\"/>");
            h.raw("<text x=\"").coord(left - 5).raw("\" y=\"").coord(py + 4).raw("\" text-anchor=\"end\">")
                    .text(t.label()).raw("</text>");
        }
        if (y2 != null) {
            for (Scale.Tick t : y2.ticks()) {
                double py = py2(t.value());
                if (py < TOP - 0.5 || py > plotBottom + 0.5) {
                    continue;
                }
                h.raw("<text class=\"y2\" x=\"").coord(plotRight + 5).raw("\" y=\"").coord(py + 4).raw("\">")
                        .text(t.label()).raw("</text>");
            }
            h.raw("<text class=\"title y2\" transform=\"translate(").coord(width - 6).raw(' ').coord((TOP + plotBottom) / 2.0)
                    .raw(") rotate(90)\" text-anchor=\"middle\">").text(y2Title).raw("</text>");
        }
        h.raw("<rect class=\"frame\" x=\"").coord(left).raw("\" y=\"").coord(TOP).raw("\" width=\"")
                .coord(plotRight - left).raw("\" height=\"").coord(plotBottom - TOP).raw("\"/>");
        h.raw("<text class=\"title\" x=\"").coord((left + plotRight) / 2.0).raw("\" y=\"").coord(height - 6)
                .raw("\" text-anchor=\"middle\">").text(xTitle).raw("</text>");
        h.raw("<text class=\"title\" transform=\"translate(14 ").coord((TOP + plotBottom) / 2.0)
                .raw(") rotate(-90)\" text-anchor=\"middle\">").text(yTitle).raw("</text>");
        h.raw("</g>");
        return this;
    }

    /** A trial as a dot. */
    void dot(double vx, double vy, String cls, String color, int trial) {
        h.raw(cls.isEmpty() ? "<circle class=\"m" : "<circle class=\"m ").raw(cls).raw("\" data-t=\"")
                .raw(Integer.toString(trial)).raw("\" cx=\"").coord(px(vx)).raw("\" cy=\"").coord(py(vy)).raw('"');
        if (color != null) {
            h.raw(" fill=\"").raw(color).raw('"');
        }
        h.raw("/>");
    }

    /** A trial as a cross (pruned, failed). */
    void cross(double cx, double cy, String cls, int trial) {
        h.raw("<path class=\"m ").raw(cls).raw("\" data-t=\"").raw(Integer.toString(trial)).raw("\" d=\"M")
                .coord(cx - 3.5).raw(' ').coord(cy - 3.5).raw("l7 7m0 -7l-7 7\"/>");
    }

    /** A line through points in data coordinates (second axis when {@code onSecond}). */
    void line(double[] xs, double[] ys, int n, String cls, String color, String tip, boolean onSecond, Integer trial) {
        if (n == 0) {
            return;
        }
        h.raw("<polyline class=\"").raw(cls).raw('"');
        if (trial != null) {
            h.raw(" data-t=\"").raw(Integer.toString(trial)).raw('"');
        } else if (tip != null) {
            h.attr("data-tip", tip);
        }
        if (color != null) {
            h.raw(" stroke=\"").raw(color).raw('"');
        }
        h.raw(" points=\"");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                h.raw(' ');
            }
            h.coord(px(xs[i])).raw(',').coord(onSecond ? py2(ys[i]) : py(ys[i]));
        }
        h.raw("\"/>");
    }

    /** A rectangle in data coordinates. */
    void rect(double x0, double x1, double y0, double y1, String cls, String fill, String tip, Integer trial) {
        double a = px(x0);
        double b = px(x1);
        double c = py(y0);
        double d = py(y1);
        h.raw("<rect class=\"").raw(cls).raw('"');
        if (trial != null) {
            h.raw(" data-t=\"").raw(Integer.toString(trial)).raw('"');
        }
        if (tip != null) {
            h.attr("data-tip", tip);
        }
        if (fill != null) {
            h.raw(" fill=\"").raw(fill).raw('"');
        }
        h.raw(" x=\"").coord(Math.min(a, b)).raw("\" y=\"").coord(Math.min(c, d)).raw("\" width=\"")
                .coord(Math.max(0.6, Math.abs(b - a))).raw("\" height=\"").coord(Math.max(0.6, Math.abs(d - c))).raw("\"/>");
    }

    /** A label at data coordinates. */
    void label(double vx, double vy, String text, String cls) {
        h.raw("<text class=\"").raw(cls).raw("\" x=\"").coord(px(vx)).raw("\" y=\"").coord(py(vy)).raw("\">")
                .text(text).raw("</text>");
    }

    void end() {
        h.raw("</svg>");
    }

    Html html() {
        return h;
    }
}
