package io.github.hpo4j.search.report;

import java.util.Locale;

/**
 * An HTML text being written: every piece of user text goes through {@link #text}, which escapes
 * the five characters that could end a text or an attribute, so a parameter name such as
 * {@code <script>} is shown, never run.
 */
final class Html {

    private final StringBuilder out;

    Html() {
        this(new StringBuilder(1 << 16));
    }

    Html(StringBuilder out) {
        this.out = out;
    }

    /** Appends markup written by this package (never user text). */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html raw(char c) {
        out.append(c);
        return this;
    }

    /** Appends user text, escaped for element content and quoted attribute values alike. */
    Html text(Object value) {
        escape(String.valueOf(value), out);
        return this;
    }

    /** Appends a number as the report shows it. */
    Html num(double v) {
        out.append(format(v));
        return this;
    }

    /** Appends a coordinate: one decimal, no exponent. */
    Html coord(double v) {
        if (!Double.isFinite(v)) {
            v = 0;
        }
        long tenths = Math.round(v * 10);
        if (tenths < 0) {
            out.append('-');
            tenths = -tenths;
        }
        out.append(tenths / 10);
        if (tenths % 10 != 0) {
            out.append('.').append(tenths % 10);
        }
        return this;
    }

    /** Opens {@code <tag}, to be followed by attributes and {@code >}. */
    Html open(String tag) {
        out.append('<').append(tag);
        return this;
    }

    /** Appends {@code  name="value"}, the value escaped. */
    Html attr(String name, Object value) {
        out.append(' ').append(name).append("=\"");
        escape(String.valueOf(value), out);
        out.append('"');
        return this;
    }

    /** Appends {@code <tag>text</tag>}. */
    Html element(String tag, Object text) {
        out.append('<').append(tag).append('>');
        escape(String.valueOf(text), out);
        out.append("</").append(tag).append('>');
        return this;
    }

    int length() {
        return out.length();
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        escape(s, b);
        return b.toString();
    }

    static void escape(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    /** A number for people: up to 4 significant digits, exponent form outside [1e-4, 1e6). */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e6) {
            String s = String.format(Locale.ROOT, "%.4g", v);
            if (s.contains("e")) {
                return s;
            }
            if (s.contains(".")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return s;
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }

    /** A number for a table cell: up to 6 significant digits. */
    static String cell(double v) {
        if (!Double.isFinite(v) || (v == Math.rint(v) && Math.abs(v) < 1e15)) {
            return format(v);
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e9) {
            String s = String.format(Locale.ROOT, "%.6g", v);
            if (!s.contains("e") && s.contains(".")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return s;
        }
        return String.format(Locale.ROOT, "%.5e", v);
    }

    /** A number in full precision for tables and downloads: what a program would read back. */
    static String exact(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
