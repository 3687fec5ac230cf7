package io.github.hpo4j.search.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escape_replacesTheFiveMarkupCharacters() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
                Html.escape("<a href=\"x\" title='y'>&</a>"));
    }

    @Test
    void format_showsFourSignificantDigits() {
        assertEquals("0.1235", Html.format(0.123456));
        assertEquals("12", Html.format(12.0));
        assertEquals("1.000e-05", Html.format(1e-5));
        assertEquals("NaN", Html.format(Double.NaN));
        assertEquals("1.5", Html.format(1.5));
    }

    @Test
    void coord_writesOneDecimalWithoutExponent() {
        assertEquals("12.3 -0.5 0 100", new Html().coord(12.34).raw(' ').coord(-0.46).raw(' ').coord(0.04).raw(' ')
                .coord(100).toString());
    }

    @Test
    void pageScript_isPrintableAsciiAndNewlines_soTheBrowserHashesWhatWeHashed() {
        // an HTML parser turns CR into LF: a CR in the script would break its CSP hash
        for (int i = 0; i < Page.SCRIPT.length(); i++) {
            char c = Page.SCRIPT.charAt(i);
            org.junit.jupiter.api.Assertions.assertTrue(c == '\n' || (c >= 32 && c < 127), "char " + (int) c + " at " + i);
        }
        org.junit.jupiter.api.Assertions.assertFalse(Page.SCRIPT.contains("</"), "the script must not close itself");
    }

    @Test
    void scriptSafe_leavesNoAngleBracketOrAmpersand() {
        assertEquals("{\"a\":\"\\u003c/script\\u003e\\u0026\"}", Page.scriptSafe("{\"a\":\"</script>&\"}"));
    }

    @Test
    void scales_mapTheirEndsAndTicks() {
        Scale.Log log = (Scale.Log) Scale.log(1e-5, 1e-1);
        assertEquals(0.5, log.fraction(1e-3), 1e-12);
        assertEquals(java.util.List.of("1.000e-05", "0.0001", "0.001", "0.01", "0.1"),
                log.ticks().stream().map(Scale.Tick::label).toList());
        Scale.Bands bands = (Scale.Bands) Scale.bands(java.util.List.of("a", "b"));
        assertEquals(0.25, bands.fraction(0), 1e-12);
        assertEquals(0.75, bands.fraction(1), 1e-12);
        Scale lin = Scale.linear(0, 10);
        assertEquals(java.util.List.of("0", "2", "4", "6", "8", "10"), lin.ticks().stream().map(Scale.Tick::label).toList());
        // spanning decades and positive: log
        assertEquals(Scale.Log.class, Scale.auto(0.01, 100).getClass());
        assertEquals(Scale.Linear.class, Scale.auto(-1, 100).getClass());
    }
}
