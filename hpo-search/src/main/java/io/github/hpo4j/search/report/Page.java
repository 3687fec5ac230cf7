package io.github.hpo4j.search.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * The frame every report page shares: a Content-Security-Policy that allows no outside source
 * and only this page's one script (by its hash), the style sheet, the tooltip and download
 * script, and the data block the script reads.
 */
final class Page {

    /** Hover tooltips, CSV downloads, copy buttons and (on a live dashboard page) refreshing. */
    static final String SCRIPT = """
            (function () {
              'use strict';
              var dataEl = document.getElementById('hpo-data');
              var trials = {};
              function load() {
                dataEl = document.getElementById('hpo-data');
                trials = {};
                if (!dataEl) { return; }
                var list = JSON.parse(dataEl.textContent);
                for (var i = 0; i < list.length; i++) { trials[list[i].n] = list[i]; }
              }
              load();
              var tip = document.createElement('div');
              tip.className = 'tip';
              tip.hidden = true;
              document.body.appendChild(tip);
              function fmt(v) {
                if (typeof v === 'number') { return Math.abs(v) >= 1e-4 && Math.abs(v) < 1e6 ? String(+v.toPrecision(5)) : v.toExponential(3); }
                return String(v);
              }
              function lines(el) {
                if (el.hasAttribute('data-t')) {
                  var t = trials[el.getAttribute('data-t')];
                  if (!t) { return ['trial ' + el.getAttribute('data-t')]; }
                  var out = ['trial ' + t.n + ' \\u00b7 ' + t.s];
                  if (t.v && t.v.length) { out.push('value: ' + t.v.map(fmt).join(', ')); }
                  for (var k in t.p) { if (Object.prototype.hasOwnProperty.call(t.p, k)) { out.push(k + ' = ' + fmt(t.p[k])); } }
                  if (t.f) { out.push('failure: ' + t.f); }
                  return out;
                }
                return el.getAttribute('data-tip').split('\\n');
              }
              document.addEventListener('mouseover', function (e) {
                var el = e.target.closest ? e.target.closest('[data-t],[data-tip]') : null;
                if (!el) { tip.hidden = true; return; }
                tip.textContent = '';
                var ls = lines(el);
                for (var i = 0; i < ls.length; i++) {
                  var d = document.createElement('div');
                  d.textContent = ls[i];
                  tip.appendChild(d);
                }
                tip.hidden = false;
                var r = el.getBoundingClientRect();
                tip.style.left = Math.max(0, Math.min(r.right + window.scrollX + 8, document.documentElement.scrollWidth - tip.offsetWidth - 4)) + 'px';
                tip.style.top = (r.top + window.scrollY) + 'px';
              });
              document.addEventListener('mousemove', function (e) {
                if (!tip.hidden) {
                  tip.style.left = Math.min(e.pageX + 14, document.documentElement.scrollWidth - tip.offsetWidth - 4) + 'px';
                  tip.style.top = (e.pageY + 14) + 'px';
                }
              });
              function field(x) {
                var t = x === undefined || x === null ? '' : String(x);
                return /[",\\n\\r]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
              }
              // a CSV of the completed trials from the data block: columns n (trial), v<k> (objective k), p:<name>
              function fromTrials(cols, header) {
                var out = [header.map(field).join(',')];
                var ns = Object.keys(trials).map(Number).sort(function (a, b) { return a - b; });
                for (var i = 0; i < ns.length; i++) {
                  var t = trials[ns[i]];
                  if (t.s !== 'COMPLETE') { continue; }
                  var row = [];
                  var complete = true;
                  for (var c = 0; c < cols.length; c++) {
                    var col = cols[c];
                    var x = col === 'n' ? t.n : col.charAt(0) === 'v' ? t.v[+col.substring(1)] : t.p[col.substring(2)];
                    if (x === undefined) { complete = false; break; }
                    row.push(field(x));
                  }
                  if (complete) { out.push(row.join(',')); }
                }
                return out.join('\\n') + '\\n';
              }
              document.addEventListener('click', function (e) {
                var b = e.target.closest ? e.target.closest('button[data-csv],button[data-copy]') : null;
                if (!b) { return; }
                if (b.hasAttribute('data-copy')) {
                  var text = document.getElementById(b.getAttribute('data-copy')).textContent;
                  if (navigator.clipboard) { navigator.clipboard.writeText(text).catch(function () {}); }
                  b.textContent = 'copied';
                  return;
                }
                var text;
                if (b.hasAttribute('data-cols')) {
                  text = fromTrials(JSON.parse(b.getAttribute('data-cols')), JSON.parse(b.getAttribute('data-header')));
                } else {
                  text = document.getElementById(b.getAttribute('data-csv')).value;
                }
                var url = URL.createObjectURL(new Blob([text], {type: 'text/csv'}));
                var a = document.createElement('a');
                a.href = url;
                a.download = b.getAttribute('data-name');
                document.body.appendChild(a);
                a.click();
                a.remove();
                setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
              });
              var live = document.body.getAttribute('data-live');
              if (live) {
                var version = document.body.getAttribute('data-version');
                var status = document.getElementById('live-status');
                var tick = function () {
                  fetch(live, {cache: 'no-store'}).then(function (r) { return r.json(); }).then(function (j) {
                    status.textContent = 'live \\u00b7 checked ' + new Date().toLocaleTimeString() + ' \\u00b7 ' + j.trials + ' trials'
                        + (j.skipped > 0 ? ' \\u00b7 ' + j.skipped + ' damaged records skipped' : '');
                    status.className = j.skipped > 0 ? 'live warn' : 'live';
                    if (j.version !== version && document.body.hasAttribute('data-fragment')) {
                      version = j.version;
                      return fetch(document.body.getAttribute('data-fragment'), {cache: 'no-store'}).then(function (r) { return r.text(); })
                          .then(function (html) { document.getElementById('report').innerHTML = html; load(); });
                    }
                  }).catch(function () {
                    status.textContent = 'live \\u00b7 the server did not answer at ' + new Date().toLocaleTimeString();
                    status.className = 'live warn';
                  });
                };
                setInterval(tick, 2000);
                tick();
              }
            })();
            """;

    static final String SCRIPT_HASH = "sha256-" + sha256(SCRIPT);

    /** The policy of a report file: nothing from outside, only this script, inline styles. */
    static final String POLICY = "default-src 'none'; script-src '" + SCRIPT_HASH + "'; style-src 'unsafe-inline';"
            + " img-src data:; base-uri 'none'; form-action 'none'";

    /** The policy of a live page (the dashboard's): as a file's, and fetches to its own server only. */
    static final String LIVE_POLICY = POLICY + "; connect-src 'self'";

    /** The colours of series (metrics over time), in order; class {@code k<i>} fills a dot with colour i. */
    static final String[] SERIES = {"#3b6fd1", "#d1495b", "#2e9e4f", "#8e44ad", "#e08a00", "#00838f"};

    static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2330;background:#f5f6f8}
            header{background:#1d2330;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}header p{margin:4px 0 0;color:#c9cfdb}
            main{padding:8px 24px 40px;max-width:1400px}section{content-visibility:auto;contain-intrinsic-size:auto 700px;background:#fff;border:1px solid #dde1e8;border-radius:6px;padding:12px 16px;margin:14px 0}
            h2{font-size:16px;margin:2px 0 10px}h3{font-size:14px;margin:8px 0 6px}.note{color:#5b6475;font-size:12px;margin:4px 0}
            .row{display:flex;flex-wrap:wrap;gap:14px;align-items:flex-start}figure{margin:0}figcaption{font-size:12px;color:#5b6475}
            table{border-collapse:collapse;font-size:12px;margin:4px 0}th,td{border:1px solid #e1e4ea;padding:3px 7px;text-align:right}
            th{background:#f0f2f5}td.l,th.l{text-align:left}.kpi{display:inline-block;margin:0 26px 8px 0}.kpi b{display:block;font-size:20px}
            svg.chart{background:#fff;font-size:10px}svg .grid{stroke:#edf0f4}svg .frame{fill:none;stroke:#9aa3b2}svg .title{font-size:11px;fill:#333}
            svg text{fill:#4a5263}svg circle.m{stroke:#1d2330;stroke-width:.4;r:3.2px}svg circle.m:hover{stroke-width:2}svg rect.m:hover{stroke:#1d2330}svg .complete{fill:#3b6fd1}
            svg .pruned{stroke:#e08a00;stroke-width:1.6;fill:none}svg .fail{stroke:#c62828;stroke-width:1.6;fill:none}
            svg .best{fill:none;stroke:#d1495b;stroke-width:2}svg .curve{fill:none;stroke-width:1.6}svg .pc{fill:none;stroke-width:.9;opacity:.55}
            svg .pc:hover{stroke-width:2.5;opacity:1}svg .lc{fill:none;stroke:#3b6fd1;stroke-width:.9;opacity:.6}svg .front{stroke:#d1495b;stroke-width:1.5}
            svg .bar{fill:#3b6fd1}svg .cell{stroke:none}svg .lane{font-size:10px}svg .s-COMPLETE{fill:#3b6fd1}svg .s-PRUNED{fill:#e08a00}
            svg .s-FAIL{fill:#c62828}svg .s-RUNNING{fill:#7cb342}svg .s-WAITING{fill:#9e9e9e}
            .legend span{display:inline-block;margin-right:12px;font-size:12px}.sw{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:middle}
            .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:10px}.card{border:1px solid #dde1e8;border-radius:6px;padding:8px 10px}
            .card h4{margin:0 0 6px;font-size:13px}.card table{width:100%}.low{opacity:.45}.low td:first-child::after{content:" (low confidence)";font-size:10px;color:#8a5300}
            .sbar{display:inline-block;height:8px;background:#3b6fd1;vertical-align:middle}.good .sbar{background:#2e9e4f}
            pre{background:#f0f2f5;padding:8px;overflow:auto;font-size:12px;max-height:220px}button{font-size:11px;margin:2px 4px 2px 0;cursor:pointer}
            textarea.csv{display:none}.tip{position:absolute;background:#1d2330;color:#fff;font-size:12px;padding:6px 8px;border-radius:4px;pointer-events:none;max-width:420px;z-index:9;white-space:pre-wrap}
            .live{font-size:12px;color:#c9cfdb}.warn{color:#ffb74d}.banner{background:#fff4e5;border:1px solid #ffb74d;padding:8px 12px;border-radius:6px;margin-top:12px}
            @media print{section{content-visibility:visible}}nav a{color:#fff;margin-right:14px}ul.studies a{font-weight:600}
            svg circle.k0,svg circle.k1,svg circle.k2,svg circle.k3,svg circle.k4,svg circle.k5{r:2.4px}
            svg .k0{fill:#3b6fd1}svg .k1{fill:#d1495b}svg .k2{fill:#2e9e4f}svg .k3{fill:#8e44ad}svg .k4{fill:#e08a00}svg .k5{fill:#00838f}
            """;

    private Page() {
    }

    /** Writes the document's start up to and including the header. */
    static void start(Html h, String title, String subtitle, String bodyAttrs) {
        h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"").text(bodyAttrs != null && bodyAttrs.contains("data-live")
                ? LIVE_POLICY : POLICY).raw("\">");
        h.raw("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        h.raw("<meta name=\"generator\" content=\"hpo4j\"><title>").text(title).raw("</title><style>").raw(STYLE)
                .raw("</style></head><body").raw(bodyAttrs == null ? "" : bodyAttrs).raw(">");
        h.raw("<header><h1>").text(title).raw("</h1>");
        if (subtitle != null) {
            h.raw("<p>").text(subtitle).raw("</p>");
        }
        h.raw("</header>");
    }

    /** Writes the data block and the script, and closes the document. */
    static void end(Html h) {
        h.raw("<script>").raw(SCRIPT).raw("</script></body></html>\n");
    }

    /**
     * A JSON text made safe inside a {@code <script type="application/json">} block: the
     * characters that could close it or open markup are written as JSON escapes.
     */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    /** Writes a page to a file (UTF-8), replacing it; says which file when it cannot. */
    static void write(java.nio.file.Path file, String html) {
        try {
            java.nio.file.Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("report: cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** A CSV kept in the page for its download button. */
    static void csv(Html h, String id, String fileName, CharSequence csv) {
        h.raw("<textarea class=\"csv\" readonly id=\"").text(id).raw("\">").text(csv.toString()).raw("</textarea>");
        h.raw("<button type=\"button\" data-csv=\"").text(id).raw("\" data-name=\"").text(fileName)
                .raw("\">Download CSV</button>");
    }

    /**
     * A download button whose CSV the script builds from the page's trial data (completed trials
     * that have every column): {@code n} the trial, {@code v0} the first objective, {@code p:NAME} a
     * parameter. Keeps big studies' pages small: the numbers are in the page once.
     */
    static void csvFromTrials(Html h, String id, String fileName, List<String> columns, List<String> header) {
        h.raw("<button type=\"button\"").attr("data-csv", id).attr("data-name", fileName)
                .attr("data-cols", jsonArray(columns)).attr("data-header", jsonArray(header)).raw(">Download CSV</button>");
    }

    private static String jsonArray(List<String> xs) {
        StringBuilder b = new StringBuilder("[");
        for (String x : xs) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append('"');
            for (int i = 0; i < x.length(); i++) {
                char c = x.charAt(i);
                if (c == '"' || c == '\\') {
                    b.append('\\').append(c);
                } else if (c < 0x20) {
                    b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
            b.append('"');
        }
        return b.append(']').toString();
    }

    /** A CSV field, quoted when it needs to be. */
    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String sha256(String s) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
