package io.github.hpo4j.search.report;

import io.github.hpo4j.core.storage.StudySummary;
import io.github.hpo4j.core.study.Objective;
import io.github.hpo4j.core.trial.TrialState;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The list of a storage's studies as a live page: name (a link to its report), trials by state,
 * best value, objectives, last activity. For the dashboard; the same look as {@link StudyReport}.
 *
 * <pre>{@code
 * String html = StudyIndex.liveHtml(storage.studySummaries(), name -> "/study/" + name,
 *         "/api/status", "/fragment/index", "0", null);
 * }</pre>
 *
 * <p>Stability: evolving.
 */
public final class StudyIndex {

    private StudyIndex() {
    }

    /**
     * @param studies   the studies
     * @param link      a study's report link, from its name (the caller encodes it)
     * @param statusUrl the JSON the page polls
     * @param fragment  where {@link #fragment} is served
     * @param version   the current version
     * @param banner    a warning above the list, or null
     * @return the HTML document
     */
    public static String liveHtml(List<StudySummary> studies, Function<String, String> link, String statusUrl,
                                  String fragment, String version, String banner) {
        Html h = new Html();
        Page.start(h, "hpo4j studies", studies.size() + " studies · read-only view", " data-live=\""
                + Html.escape(statusUrl) + "\" data-fragment=\"" + Html.escape(fragment) + "\" data-version=\""
                + Html.escape(version) + "\"");
        h.raw("<nav style=\"background:#1d2330;padding:0 24px 10px\"><span id=\"live-status\" class=\"live\">live</span></nav><main>");
        if (banner != null) {
            h.raw("<div class=\"banner\" id=\"damage\">").text(banner).raw("</div>");
        }
        h.raw(fragment(studies, link));
        h.raw("</main>");
        Page.end(h);
        return h.toString();
    }

    /**
     * @param studies the studies
     * @param link    a study's report link, from its name
     * @return the list alone, as an HTML fragment
     */
    public static String fragment(List<StudySummary> studies, Function<String, String> link) {
        Html h = new Html();
        h.raw("<div id=\"report\"><section id=\"studies\"><h2>Studies</h2>");
        if (studies.isEmpty()) {
            h.raw("<p class=\"note\">The storage holds no study yet.</p>");
        } else {
            h.raw("<table id=\"studies-table\"><tr><th class=\"l\">study</th><th>trials</th>");
            for (TrialState s : TrialState.values()) {
                h.raw("<th>").text(s.name().toLowerCase(Locale.ROOT)).raw("</th>");
            }
            h.raw("<th>best value</th><th class=\"l\">objectives</th><th class=\"l\">last activity</th></tr>");
            for (StudySummary s : studies) {
                h.raw("<tr><td class=\"l\"><a href=\"").text(link.apply(s.name())).raw("\">").text(s.name()).raw("</a></td><td>")
                        .num(s.trials()).raw("</td>");
                for (TrialState st : TrialState.values()) {
                    h.raw("<td>").num(s.countByState().getOrDefault(st, 0)).raw("</td>");
                }
                h.raw("<td>").text(s.bestValue().map(Html::cell).orElse("")).raw("</td><td class=\"l\">");
                StringBuilder objs = new StringBuilder();
                for (Objective o : s.objectives()) {
                    objs.append(objs.length() == 0 ? "" : ", ").append(o.name()).append(' ')
                            .append(o.direction().name().toLowerCase(Locale.ROOT));
                }
                h.text(objs).raw("</td><td class=\"l\">").text(s.lastActivity().map(Object::toString).orElse("")).raw("</td></tr>");
            }
            h.raw("</table>");
        }
        h.raw("</section></div>");
        return h.toString();
    }
}
