package org.biglam.lam.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code lam report}'s HTML opened in a real headless Chromium (the system's {@code /usr/bin/chromium},
 * driven over the DevTools protocol; skipped with a message where there is none): the page loads
 * without console errors or exceptions, every section is there, the page images decode, each
 * record's rectangle lies on its page where the source's coordinates put it (measured from the
 * DOM's geometry, against coordinates this test reads from the ALTO, PAGE and hOCR files itself),
 * and a screenshot of each report is written under {@code target/report-screenshots/}.
 */
class ReportBrowserTest {

    static final List<String> SECTIONS = List.of("summary", "problems", "check", "charts", "sample");
    static final Path HOLDINGS = Path.of("..", "examples", "holdings");
    static final Path SHOTS = Path.of("target", "report-screenshots");

    @TempDir
    Path tmp;

    private static Path chromium() {
        var bin = Chromium.binary();
        assumeTrue(bin.isPresent(), "no Chromium at /usr/bin/chromium (apt-get install chromium; or "
                + "-Dlam.chromium=PATH): browser test skipped");
        return bin.get();
    }

    static void report(Path html, String... args) throws Exception {
        String[] quiet = java.util.Arrays.copyOf(args, args.length + 1);
        quiet[args.length] = "-q";
        ReportCommandTest.Run run = ReportCommandTest.run(html, quiet);
        assertThat(run.code()).as(run.err()).isZero();
    }

    /** What the browser measured of one record's region: CSS pixels relative to its page's box. */
    record Box(String id, double left, double top, double width, double height, double pageWidth,
            double pageHeight, long x, long y, long w, long h, long imageWidth, long imageHeight) {
    }

    private static final String MEASURE = "(() => [...document.querySelectorAll('article.rec')].flatMap(a => {"
            + " const svg = a.querySelector('svg.pagesvg'); const r = a.querySelector('rect.region');"
            + " if (!svg || !r) return [];"
            + " const p = svg.querySelector('.pageimg').getBoundingClientRect(); const b = r.getBoundingClientRect();"
            + " return [{id: a.querySelector('code.id').textContent, left: b.left - p.left, top: b.top - p.top,"
            + " width: b.width, height: b.height, pageWidth: p.width, pageHeight: p.height,"
            + " x: +r.getAttribute('x'), y: +r.getAttribute('y'), w: +r.getAttribute('width'),"
            + " h: +r.getAttribute('height'), iw: +svg.dataset.width, ih: +svg.dataset.height}]; }))()";

    /** Opens a report, checks what every report must pass, writes its screenshot, and measures its regions. */
    @SuppressWarnings("unchecked")
    private List<Box> open(Path html, String shot, int expectImages) throws Exception {
        Path profile = Files.createDirectories(tmp.resolve("profile-" + shot));
        try (Chromium browser = Chromium.start(chromium(), profile, 1280, 1000)) {
            browser.open(html.toUri().toString());
            List<Object> missing = (List<Object>) browser.eval("[" + String.join(",", SECTIONS.stream()
                    .map(s -> "'" + s + "'").toList()) + "].filter(id => !document.getElementById(id))");
            assertThat(missing).as("sections missing").isEmpty();
            assertThat((Integer) browser.eval("document.scripts.length")).as("no script").isZero();
            // every embedded page image decodes in the browser
            List<Object> widths = (List<Object>) browser.eval("Promise.all([...document.querySelectorAll("
                    + "'image.pageimg')].map(im => new Promise(res => { const i = new Image();"
                    + " i.onload = () => res(i.naturalWidth); i.onerror = () => res(0);"
                    + " i.src = im.getAttribute('href'); })))");
            assertThat(widths).as("embedded images").hasSizeGreaterThanOrEqualTo(expectImages)
                    .allSatisfy(w -> assertThat(((Number) w).intValue()).isPositive());
            // charts drew: inline SVGs with bars
            assertThat(((Number) browser.eval("document.querySelectorAll('#charts svg rect').length")).intValue())
                    .isPositive();
            Files.createDirectories(SHOTS);
            Files.write(SHOTS.resolve(shot + ".png"), browser.screenshot(12_000));
            List<Box> boxes = new java.util.ArrayList<>();
            for (Object o : (List<Object>) browser.eval(MEASURE)) {
                Map<String, Object> m = (Map<String, Object>) o;
                boxes.add(new Box((String) m.get("id"), d(m, "left"), d(m, "top"), d(m, "width"), d(m, "height"),
                        d(m, "pageWidth"), d(m, "pageHeight"), (long) d(m, "x"), (long) d(m, "y"), (long) d(m, "w"),
                        (long) d(m, "h"), (long) d(m, "iw"), (long) d(m, "ih")));
            }
            assertThat(browser.errors()).as("console errors and exceptions").isEmpty();
            // each rectangle lies where its own coordinates put it on its page
            for (Box b : boxes) {
                assertPlaced(b, b.x(), b.y(), b.w(), b.h(), b.imageWidth(), b.imageHeight());
            }
            return boxes;
        }
    }

    private static double d(Map<String, Object> m, String k) {
        return ((Number) m.get(k)).doubleValue();
    }

    /** The box lies at x, y, w, h of a page W x H, to a pixel. */
    private static void assertPlaced(Box b, double x, double y, double w, double h, double pw, double ph) {
        double sx = b.pageWidth() / pw;
        double sy = b.pageHeight() / ph;
        String as = b.id() + " at " + x + "," + y + "," + w + "," + h + " of " + pw + "x" + ph;
        assertThat(b.left()).as(as + ": left").isCloseTo(x * sx, within(1.0));
        assertThat(b.top()).as(as + ": top").isCloseTo(y * sy, within(1.0));
        assertThat(b.width()).as(as + ": width").isCloseTo(w * sx, within(1.0));
        assertThat(b.height()).as(as + ": height").isCloseTo(h * sy, within(1.0));
    }

    /** Each line's box from an ALTO file (pixel units): ID to {HPOS, VPOS, WIDTH, HEIGHT}, and the page's size. */
    static Map<String, long[]> altoLines(Path alto, long[] page) throws Exception {
        Element root = xml(alto);
        Element p = (Element) root.getElementsByTagNameNS("*", "Page").item(0);
        page[0] = Math.round(Double.parseDouble(p.getAttribute("WIDTH")));
        page[1] = Math.round(Double.parseDouble(p.getAttribute("HEIGHT")));
        Map<String, long[]> out = new HashMap<>();
        NodeList lines = root.getElementsByTagNameNS("*", "TextLine");
        for (int i = 0; i < lines.getLength(); i++) {
            Element l = (Element) lines.item(i);
            out.put(l.getAttribute("ID"), new long[] {num(l, "HPOS"), num(l, "VPOS"), num(l, "WIDTH"), num(l, "HEIGHT")});
        }
        return out;
    }

    /** Each line's box from a PAGE file: id to the bounding box of its Coords points, and the page's size. */
    static Map<String, long[]> pageLines(Path file, long[] page) throws Exception {
        Element root = xml(file);
        Element p = (Element) root.getElementsByTagNameNS("*", "Page").item(0);
        page[0] = Long.parseLong(p.getAttribute("imageWidth"));
        page[1] = Long.parseLong(p.getAttribute("imageHeight"));
        Map<String, long[]> out = new HashMap<>();
        NodeList lines = root.getElementsByTagNameNS("*", "TextLine");
        for (int i = 0; i < lines.getLength(); i++) {
            Element l = (Element) lines.item(i);
            Element coords = null;
            for (org.w3c.dom.Node n = l.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element && ((Element) n).getLocalName().equals("Coords")) {
                    coords = (Element) n;
                    break;
                }
            }
            if (coords == null) {
                continue;
            }
            long x0 = Long.MAX_VALUE;
            long y0 = Long.MAX_VALUE;
            long x1 = Long.MIN_VALUE;
            long y1 = Long.MIN_VALUE;
            for (String pt : coords.getAttribute("points").trim().split("\\s+")) {
                String[] xy = pt.split(",");
                long x = Long.parseLong(xy[0]);
                long y = Long.parseLong(xy[1]);
                x0 = Math.min(x0, x);
                y0 = Math.min(y0, y);
                x1 = Math.max(x1, x);
                y1 = Math.max(y1, y);
            }
            out.put(l.getAttribute("id"), new long[] {x0, y0, x1 - x0, y1 - y0});
        }
        return out;
    }

    private static long num(Element e, String a) {
        return Math.round(Double.parseDouble(e.getAttribute(a)));
    }

    private static Element xml(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    /** Checks each measured line against the source's own coordinates; returns how many were checked. */
    private static int againstSource(List<Box> boxes, Map<String, long[]> lines, long[] page) {
        int checked = 0;
        for (Box b : boxes) {
            int hash = b.id().indexOf("#line-");
            if (hash < 0) {
                continue;
            }
            long[] g = lines.get(b.id().substring(hash + "#line-".length()));
            assertThat(g).as("line " + b.id() + " in the source").isNotNull();
            assertPlaced(b, g[0], g[1], g[2], g[3], page[0], page[1]);
            checked++;
        }
        return checked;
    }

    @Test
    void theHoldingsReportLoadsCleanlyWithEverySection() throws Exception {
        Path html = tmp.resolve("holdings.html");
        report(html, HOLDINGS.toString(), "--title", "Example holdings");
        // the two newspaper pages are local PNG and JPEG files: embedded
        open(html, "holdings", 2);
    }

    @Test
    void eachAltoLineIsDrawnWhereItsCoordinatesPutItOnThePageImage() throws Exception {
        Path html = tmp.resolve("lines.html");
        Path alto = HOLDINGS.resolve("newspaper/0001.xml");
        report(html, alto.toString(), "-g", "line", "--sample", "100");
        List<Box> boxes = open(html, "newspaper-lines", 1);
        long[] page = new long[2];
        Map<String, long[]> lines = altoLines(alto, page);
        assertThat(againstSource(boxes, lines, page)).isEqualTo(lines.size());
        // words: the one of low confidence ("tbe", 0.43) is a page to check, drawn first, then the sample's 3
        Path words = tmp.resolve("words.html");
        report(words, alto.toString(), "-g", "word", "--sample", "3", "--seed", "7");
        List<Box> w = open(words, "newspaper-words", 1);
        assertThat(w).hasSize(4);
        assertThat(w.get(0).id()).isEqualTo("0001.xml#word-P1_W32");
        assertPlaced(w.get(0), 131, 272, 18, 10, 240, 360);
    }

    @Test
    void corpusAltoPageHocrAndIiifReportsLoadCleanly() throws Exception {
        chromium();
        Path alto = Corpus.file("alto/kraken/tests/resources/alto/bsb00084914_00007.xml");
        Path page = Corpus.file("page-xml/assets/data/kant_aufklaerung_1784/data/OCR-D-GT-PAGE/PAGE_0017_PAGE.xml");
        Path hocr = Corpus.file("hocr/hocr-tools/test/testdata/tess.hocr");
        Path iiif = Corpus.file("iiif-v3/mirador/__tests__/fixtures/version-3/001.json");

        Path html = tmp.resolve("alto.html");
        report(html, alto.toString(), "-g", "line", "--sample", "40");
        long[] size = new long[2];
        List<Box> boxes = open(html, "corpus-alto", 0);
        assertThat(againstSource(boxes, altoLines(alto, size), size)).isEqualTo(boxes.size()).isPositive();

        html = tmp.resolve("page.html");
        report(html, page.toString(), "-g", "line", "--sample", "40");
        boxes = open(html, "corpus-page", 0);
        assertThat(againstSource(boxes, pageLines(page, size), size)).isEqualTo(boxes.size()).isPositive();

        html = tmp.resolve("hocr.html");
        report(html, hocr.toString(), "-g", "line", "--sample", "40");
        assertThat(open(html, "corpus-hocr", 0)).isNotEmpty();

        html = tmp.resolve("iiif.html");
        report(html, iiif.toString(), "-g", "annotation");
        assertThat(open(html, "corpus-iiif", 0)).isNotEmpty();
    }
}
