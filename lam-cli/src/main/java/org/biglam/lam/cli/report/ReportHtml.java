package org.biglam.lam.cli.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.biglam.lam.ImageRef;
import org.biglam.lam.Lam;
import org.biglam.lam.Problem;
import org.biglam.lam.RecordSource;
import org.biglam.lam.Region;
import org.biglam.lam.cli.RecordStats;
import org.biglam.lam.cli.internal.RecordCounts;
import org.biglam.lam.cli.internal.ShapeCharts;

/**
 * Writes {@code lam report}'s HTML: one file, no script, no external resource (the page images are
 * {@code data:} URIs, the charts inline SVG). Its sections, each an element with a fixed id:
 * {@code summary} (records per format and granularity, documents, text, images, confidence),
 * {@code problems} (by kind, then the first ones with their locations), {@code charts}, {@code check}
 * (OCR pages without text and records of low confidence, the worst first) and {@code sample}
 * (the seeded sample: text, labels, and the page with the record's region drawn on it as an SVG
 * rectangle, in the image's own coordinates, so that it lies where the source puts it).
 */
final class ReportHtml {

    /** The width of a page picture, in CSS pixels (its height follows its proportions, at most {@value #PAGE_H}). */
    static final int PAGE_W = 360;
    static final int PAGE_H = 480;

    private final Writer out;
    private final ReportCollector c;
    private final PageImages images;
    private final String title;
    private final List<String> inputs;
    private final Map<String, String> options;

    ReportHtml(Writer out, ReportCollector c, PageImages images, String title, List<String> inputs,
            Map<String, String> options) {
        this.out = out;
        this.c = c;
        this.images = images;
        this.title = title;
        this.inputs = inputs;
        this.options = options;
    }

    void write() throws IOException {
        w("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        w("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w("<meta name=\"generator\" content=\"lam " + esc(Lam.version()) + "\">\n");
        w("<title>" + esc(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n");
        w("<header class=\"top\"><h1>" + esc(title) + "</h1>\n<p class=\"sub\">What lam read from "
                + inputsText() + " — lam " + esc(Lam.version()) + "</p>\n");
        w("<nav><a href=\"#summary\">Summary</a><a href=\"#problems\">Problems</a><a href=\"#charts\">Charts</a>"
                + "<a href=\"#check\">Pages to check</a><a href=\"#sample\">Sample</a></nav></header>\n<main>\n");
        summary();
        problems();
        charts();
        check();
        sample();
        w("</main>\n<footer>Made by <code>lam report</code>. The file stands alone: the page images are embedded "
                + "(scaled down), the charts are inline SVG, and nothing is loaded from elsewhere.</footer>\n");
        w("</body>\n</html>\n");
    }

    private String inputsText() {
        List<String> shown = new ArrayList<>();
        for (String i : inputs) {
            if (shown.size() == 3) {
                shown.add("and " + (inputs.size() - 3) + " more");
                break;
            }
            shown.add("<code>" + esc(cut(i, 120)) + "</code>");
        }
        return String.join(", ", shown);
    }

    private void summary() throws IOException {
        RecordStats s = c.stats();
        w("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"tiles\">\n");
        tile("records", s.records());
        tile("documents", s.documents());
        tile("inputs", s.inputs());
        tile("with text", s.textRecords());
        tile("with an image", s.imageRecords());
        tile("errors", s.errors());
        tile("warnings", s.warnings());
        w("</div>\n");
        w("<table class=\"counts\"><caption>Records per format and granularity</caption>\n"
                + "<thead><tr><th>format</th><th>granularity</th><th class=\"n\">records</th></tr></thead><tbody>\n");
        new java.util.TreeMap<>(s.perFormat()).forEach((k, v) -> {
            int slash = k.indexOf('/');
            tw("<tr><td>" + esc(k.substring(0, slash)) + "</td><td>" + esc(k.substring(slash + 1))
                    + "</td><td class=\"n\">" + n(v) + "</td></tr>\n");
        });
        if (s.perFormat().isEmpty()) {
            w("<tr><td colspan=\"3\">No record was read.</td></tr>\n");
        }
        w("</tbody></table>\n<ul class=\"facts\">\n");
        if (s.textRecords() > 0) {
            w("<li>Text: " + n(s.characters()) + " characters in " + n(s.textRecords()) + " records (mean "
                    + n(Math.round((double) s.characters() / s.textRecords())) + ")</li>\n");
        }
        w("<li>Images: " + n(s.images()) + " references in " + n(s.imageRecords()) + " records</li>\n");
        if (s.confidenceRecords() > 0) {
            w(String.format(Locale.ROOT, "<li>Confidence: mean %.3f over %s records</li>%n", s.meanConfidence(),
                    n(s.confidenceRecords())));
        }
        if (!options.isEmpty()) {
            List<String> o = new ArrayList<>();
            options.forEach((k, v) -> o.add("<code>" + esc(k) + "=" + esc(v) + "</code>"));
            w("<li>Read with " + String.join(", ", o) + "</li>\n");
        }
        w("</ul>\n</section>\n");
    }

    private void tile(String what, long v) throws IOException {
        boolean bad = (what.equals("errors") || what.equals("warnings")) && v > 0;
        w("<div class=\"tile" + (bad ? " bad" : "") + "\"><b>" + n(v) + "</b><span>" + what + "</span></div>\n");
    }

    private void problems() throws IOException {
        RecordStats s = c.stats();
        w("<section id=\"problems\">\n<h2>Problems</h2>\n");
        if (s.errors() + s.warnings() == 0) {
            w("<p class=\"ok\">None: every input was read without an error or a warning.</p>\n</section>\n");
            return;
        }
        w("<p>" + n(s.errors()) + " errors (each cost a record or an input) and " + n(s.warnings())
                + " warnings (things lam read around).</p>\n");
        w("<table class=\"counts\"><caption>By kind</caption><thead><tr><th>severity</th><th>kind</th>"
                + "<th class=\"n\">count</th></tr></thead><tbody>\n");
        new java.util.TreeMap<>(s.problemKinds()).forEach((k, v) -> {
            int sp = k.indexOf(' ');
            tw("<tr><td class=\"" + esc(k.substring(0, sp)) + "\">" + esc(k.substring(0, sp)) + "</td><td>"
                    + esc(k.substring(sp + 1)) + "</td><td class=\"n\">" + n(v) + "</td></tr>\n");
        });
        w("</tbody></table>\n");
        List<Problem> ps = c.problems();
        long all = s.errors() + s.warnings();
        w("<table class=\"problems\"><caption>" + (all > ps.size() ? "The first " + ps.size() + " of " + n(all)
                : "All " + ps.size()) + ", where they are</caption><thead><tr><th>severity</th><th>kind</th>"
                + "<th>where</th><th>what</th></tr></thead><tbody>\n");
        for (Problem p : ps) {
            String sev = p.severity() == Problem.Severity.ERROR ? "error" : "warning";
            w("<tr><td class=\"" + sev + "\">" + sev + "</td><td>" + esc(p.kind()) + "</td><td class=\"loc\">"
                    + esc(cut(p.location().toString(), 400)) + "</td><td>" + esc(cut(p.message(), 600))
                    + "</td></tr>\n");
        }
        w("</tbody></table>\n</section>\n");
    }

    private void check() throws IOException {
        w("<section id=\"check\">\n<h2>Pages to check</h2>\n");
        w(String.format(Locale.ROOT, "<p>OCR pages without text: <b>%s</b>; records with a confidence below %.2f: "
                + "<b>%s</b>.", n(c.emptyPages()), c.lowConfidence(), n(c.lowConfidencePages())));
        List<ReportCollector.Kept> list = c.attention();
        if (list.isEmpty()) {
            w("</p>\n<p class=\"ok\">Nothing to check.</p>\n</section>\n");
            return;
        }
        long all = c.emptyPages() + c.lowConfidencePages();
        w(" " + (all > list.size() ? "The " + list.size() + " worst" : "All of them") + ", empty pages first, then "
                + "by confidence:</p>\n");
        for (ReportCollector.Kept k : list) {
            record(k, "c");
        }
        w("</section>\n");
    }

    private void charts() throws IOException {
        w("<section id=\"charts\">\n<h2>Charts</h2>\n");
        List<ShapeCharts.Chart> charts = ShapeCharts.of(c.counts(), "records");
        RecordCounts counts = c.counts();
        List<String> missing = new ArrayList<>();
        if (counts.decades().isEmpty()) {
            missing.add("no record has a <code>date</code> label");
        }
        if (counts.languages().isEmpty()) {
            missing.add("no record has a <code>language</code> label");
        }
        if (counts.withText() == 0) {
            missing.add("no record has text");
        }
        if (counts.withConfidence() == 0) {
            missing.add("no record has a confidence");
        }
        if (!missing.isEmpty()) {
            w("<p class=\"note\">Not drawn: " + String.join("; ", missing) + ".</p>\n");
        }
        w("<div class=\"charts\">\n");
        for (ShapeCharts.Chart ch : charts) {
            w("<figure class=\"chart\" id=\"chart-" + esc(ch.id()) + "\">" + ch.svg() + "</figure>\n");
        }
        w("</div>\n</section>\n");
    }

    private void sample() throws IOException {
        List<ReportCollector.Kept> sample = c.sample();
        w("<section id=\"sample\">\n<h2>Sample</h2>\n");
        if (sample.isEmpty()) {
            w("<p>No record to show.</p>\n</section>\n");
            return;
        }
        w("<p>" + (c.records() > sample.size() ? sample.size() + " records drawn at random (seeded: the same "
                + "inputs and seed give the same sample) from " + n(c.records()) : "All " + sample.size()
                + " records") + ", in reading order.</p>\n");
        for (ReportCollector.Kept k : sample) {
            record(k, "s");
        }
        w("</section>\n");
    }

    private void record(ReportCollector.Kept k, String prefix) throws IOException {
        w("<article class=\"rec" + (k.empty() ? " empty" : "") + "\" id=\"" + prefix + k.seq() + "\">\n<header>");
        w("<span class=\"fmt\">" + esc(k.format()) + "</span> <code class=\"id\">" + esc(cut(k.id(), 200)) + "</code>");
        if (!Double.isNaN(k.confidence())) {
            boolean low = k.confidence() < c.lowConfidence();
            w(String.format(Locale.ROOT, " <span class=\"conf%s\">confidence %.2f</span>", low ? " low" : "",
                    k.confidence()));
        }
        if (k.empty()) {
            w(" <span class=\"conf low\">no text</span>");
        }
        w("</header>\n<div class=\"body\">\n");
        if (k.image() != null) {
            page(k);
        }
        w("<div class=\"content\">\n");
        if (k.text() != null) {
            w("<p class=\"text\" dir=\"auto\">" + esc(k.text()) + (k.textLength() > k.text().length() ? "<span class=\"more\">… ("
                    + n(k.textLength()) + " characters in all)</span>" : "") + "</p>\n");
        } else {
            w("<p class=\"text none\">No text.</p>\n");
        }
        if (!k.labels().isEmpty()) {
            w("<dl class=\"labels\">\n");
            for (Map.Entry<String, List<String>> e : k.labels().entrySet()) {
                w("<dt>" + esc(e.getKey()) + "</dt><dd dir=\"auto\">");
                boolean first = true;
                for (String v : e.getValue()) {
                    w((first ? "" : "<span class=\"sep\"> · </span>") + esc(v));
                    first = false;
                }
                w("</dd>\n");
            }
            w("</dl>\n");
        }
        RecordSource src = k.source();
        if (src != null) {
            StringBuilder where = new StringBuilder(cut(src.uri(), 300));
            src.entry().ifPresent(e -> where.append("!/").append(e));
            src.index().ifPresent(i -> where.append(" record ").append(i));
            src.line().ifPresent(l -> where.append(" line ").append(l));
            w("<p class=\"src\">" + esc(where.toString()) + "</p>\n");
        }
        w("</div>\n</div>\n</article>\n");
    }

    /** The page with the record's region drawn over it, in the image's own coordinates. */
    private void page(ReportCollector.Kept k) throws IOException {
        ImageRef ref = k.image();
        PageImages.Picture p = images.picture(ref, k.source());
        long iw = p.width();
        long ih = p.height();
        Region r = ref.region().orElse(null);
        w("<figure class=\"page\">");
        if (iw > 0 && ih > 0) {
            double scale = Math.min((double) PAGE_W / iw, (double) PAGE_H / ih);
            long dw = Math.max(1, Math.round(iw * scale));
            long dh = Math.max(1, Math.round(ih * scale));
            w("<svg class=\"pagesvg\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + iw + " " + ih
                    + "\" width=\"" + dw + "\" height=\"" + dh + "\" data-width=\"" + iw + "\" data-height=\"" + ih
                    + "\" role=\"img\" aria-label=\"" + esc("page image" + (r == null ? "" : " with region " + r)) + "\">");
            if (p.dataUri() != null) {
                w("<image class=\"pageimg\" x=\"0\" y=\"0\" width=\"" + iw + "\" height=\"" + ih
                        + "\" preserveAspectRatio=\"none\" href=\"" + p.dataUri() + "\"/>");
            } else {
                w("<rect class=\"pageimg noimg\" x=\"0\" y=\"0\" width=\"" + iw + "\" height=\"" + ih + "\"/>");
                w("<text class=\"noimg\" x=\"" + iw / 2 + "\" y=\"" + ih / 2 + "\" font-size=\"" + Math.max(1, Math.min(iw, ih) / 14)
                        + "\" text-anchor=\"middle\">no image</text>");
            }
            if (r != null) {
                w("<rect class=\"region\" x=\"" + r.x() + "\" y=\"" + r.y() + "\" width=\"" + r.w() + "\" height=\""
                        + r.h() + "\" data-region=\"" + r + "\" vector-effect=\"non-scaling-stroke\"><title>region "
                        + r + "</title></rect>");
            }
            w("</svg>");
        }
        StringBuilder cap = new StringBuilder();
        cap.append(link(ref.uri()));
        if (iw > 0 && ih > 0) {
            cap.append(" · ").append(iw).append(" × ").append(ih);
        }
        if (r != null) {
            cap.append(" · region <code>").append(esc(r.toString())).append("</code>");
        }
        if (k.images() > 1) {
            cap.append(" · first of ").append(k.images()).append(" images");
        }
        if (p.note() != null) {
            cap.append("<br><span class=\"note\">").append(esc(cut(p.note(), 300))).append("</span>");
        }
        w("<figcaption>" + cap + "</figcaption></figure>\n");
    }

    /** An IIIF Image API request: its identifier's last segment names the image better than {@code default.jpg}. */
    private static final java.util.regex.Pattern IIIF_REQUEST = java.util.regex.Pattern.compile(
            ".*/([^/]+)/[^/]+/[^/]+/[^/]+/(default|native|color|gray|bitonal)\\.[a-z0-9]+$");

    /** A link for an http(s) image (the reader's own click fetches it), the name of any other. */
    private static String link(String uri) {
        java.util.regex.Matcher iiif = IIIF_REQUEST.matcher(uri);
        String name = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        if (iiif.matches()) {
            name = iiif.group(1);
        }
        int slash = name.lastIndexOf('/');
        String shown = cut(slash >= 0 && slash < name.length() - 1 ? name.substring(slash + 1) : name, 60);
        if (uri.startsWith("http://") || uri.startsWith("https://")) {
            return "<a href=\"" + esc(uri) + "\" title=\"" + esc(uri) + "\">" + esc(shown) + "</a>";
        }
        return "<span title=\"" + esc(cut(uri, 400)) + "\">" + esc(shown) + "</span>";
    }

    private void w(String s) throws IOException {
        out.write(s);
    }

    /** {@link #w} for lambdas. */
    private void tw(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String esc(String s) {
        return org.biglam.lam.cli.internal.SvgChart.esc(s);
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, Character.isHighSurrogate(s.charAt(n - 1)) ? n - 2 : n - 1) + "…";
    }

    private static final String CSS = String.join("\n",
            ":root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--bg:#f8fafc;--accent:#4c78a8;--bad:#b91c1c;--warn:#b45309}",
            "*{box-sizing:border-box}",
            "body{margin:0;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',Arial,sans-serif;"
                    + "color:var(--ink);background:var(--bg)}",
            "header.top{background:#fff;border-bottom:1px solid var(--line);padding:18px 32px 0}",
            "h1{margin:0;font-size:24px}",
            ".sub{margin:4px 0 10px;color:var(--muted)}",
            "nav{display:flex;gap:4px;flex-wrap:wrap}",
            "nav a{padding:6px 12px;color:var(--accent);text-decoration:none;border-bottom:2px solid transparent}",
            "nav a:hover{border-bottom-color:var(--accent)}",
            "main{max-width:1180px;margin:0 auto;padding:8px 32px 32px}",
            "section{margin-top:28px}",
            "h2{font-size:20px;margin:0 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}",
            ".tiles{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:16px}",
            ".tile{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:120px}",
            ".tile b{display:block;font-size:22px}",
            ".tile span{color:var(--muted);font-size:13px}",
            ".tile.bad b{color:var(--bad)}",
            "table{border-collapse:collapse;background:#fff;margin:8px 0 16px;font-size:14px}",
            "caption{text-align:left;font-weight:600;padding:4px 0;white-space:nowrap}",
            "th,td{border:1px solid var(--line);padding:4px 10px;text-align:left;vertical-align:top}",
            "th{background:#f1f5f9}",
            "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}",
            "td.error{color:var(--bad);font-weight:600}",
            "td.warning{color:var(--warn);font-weight:600}",
            "td.loc{font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:12px;word-break:break-all}",
            "table.problems{width:100%}",
            ".facts{padding-left:20px}",
            ".ok{color:#15803d}",
            ".note{color:var(--muted);font-size:13px}",
            ".charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:16px;align-items:start}",
            "figure.chart{margin:0;background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px;"
                    + "overflow:hidden}",
            "figure.chart svg{max-width:100%;height:auto;display:block}",
            "article.rec{background:#fff;border:1px solid var(--line);border-radius:8px;margin:0 0 16px;"
                    + "overflow:hidden}",
            "article.rec.empty{border-left:4px solid var(--bad)}",
            "article.rec header{padding:8px 14px;border-bottom:1px solid var(--line);background:#f8fafc;"
                    + "display:flex;gap:10px;align-items:center;flex-wrap:wrap}",
            ".fmt{background:var(--accent);color:#fff;border-radius:4px;padding:1px 8px;font-size:12px;"
                    + "font-weight:600}",
            "code.id{font-size:13px;word-break:break-all}",
            ".conf{font-size:12px;color:var(--muted);border:1px solid var(--line);border-radius:10px;padding:0 8px}",
            ".conf.low{color:var(--bad);border-color:#fecaca;background:#fef2f2}",
            ".body{display:flex;gap:18px;padding:14px;align-items:flex-start}",
            "figure.page{margin:0;flex:0 0 auto;max-width:" + PAGE_W + "px}",
            "svg.pagesvg{display:block;background:#f3f4f6;border:1px solid var(--line);overflow:hidden}",
            "rect.noimg{fill:#e5e7eb}",
            "text.noimg{fill:#9ca3af;font-family:inherit}",
            "figcaption code{white-space:nowrap}",
            "rect.region{fill:rgba(230,57,70,.18);stroke:#e63946;stroke-width:2px}",
            "figcaption{font-size:12px;color:var(--muted);margin-top:6px;word-break:break-all}",
            ".content{flex:1 1 auto;min-width:0}",
            ".text{white-space:pre-wrap;margin:0 0 10px;font-family:Georgia,'DejaVu Serif',serif;font-size:15px}",
            ".text.none{color:var(--muted);font-style:italic;font-family:inherit}",
            ".more{color:var(--muted);font-style:italic}",
            "dl.labels{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 8px;font-size:13px}",
            "dl.labels dt{color:var(--muted);font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:12px}",
            "dl.labels dd{margin:0;word-break:break-word}",
            ".sep{color:var(--muted)}",
            ".src{font-size:12px;color:var(--muted);word-break:break-all;margin:0}",
            "footer{max-width:1180px;margin:0 auto;padding:16px 32px 40px;color:var(--muted);font-size:13px}",
            "@media (max-width:760px){.body{flex-direction:column}}",
            "");
}
