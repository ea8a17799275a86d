package org.biglam.lam.alto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.LamRecord;
import org.biglam.lam.OcrQuality;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The OCR quality of records of real pages, checked against the same figures computed here from the
 * files themselves with the JDK's DOM (two passes, not lam's running mean): word count, the plain
 * mean and the population standard deviation of the words' confidence.
 */
class OcrQualityCorpusTest {

    private static final String BL = "mets-alto/alto2txt/demo-files/0002647/1824/0217/";

    /** The figures of a list of word confidences (NaN for a word without one). */
    private static OcrQuality figures(List<Double> conf) {
        List<Double> scored = conf.stream().filter(c -> !Double.isNaN(c)).toList();
        if (scored.isEmpty()) {
            return OcrQuality.of(conf.size(), 0, Double.NaN, Double.NaN);
        }
        double mean = scored.stream().mapToDouble(Double::doubleValue).sum() / scored.size();
        double var = scored.stream().mapToDouble(c -> (c - mean) * (c - mean)).sum() / scored.size();
        return OcrQuality.of(conf.size(), scored.size(), mean, Math.sqrt(var));
    }

    private static void assertSame(LamRecord r, OcrQuality expected) {
        OcrQuality q = r.quality().orElseThrow(() -> new AssertionError(r.id() + " has no quality"));
        assertThat(q.words()).as("%s words", r.id()).isEqualTo(expected.words());
        assertThat(q.scoredWords()).as("%s scored words", r.id()).isEqualTo(expected.scoredWords());
        assertThat(q.meanWordConfidence().getAsDouble()).as("%s mean", r.id())
                .isCloseTo(expected.meanWordConfidence().getAsDouble(), within(1e-9));
        assertThat(q.wordConfidenceStdDev().getAsDouble()).as("%s sd", r.id())
                .isCloseTo(expected.wordConfidenceStdDev().getAsDouble(), within(1e-9));
        assertThat(r.confidence().getAsDouble()).as("%s confidence is the mean", r.id())
                .isEqualTo(q.meanWordConfidence().getAsDouble());
    }

    /** The WC of the Strings with text under an element (white-space CONTENT is no word). */
    private static List<Double> altoWords(Node root) {
        List<Double> out = new ArrayList<>();
        for (Element s : Dom.elements(root, "String")) {
            if (!s.getAttribute("CONTENT").isBlank()) {
                out.add(s.hasAttribute("WC") ? Double.parseDouble(s.getAttribute("WC")) : Double.NaN);
            }
        }
        return out;
    }

    private static List<LamRecord> read(Path p, String format, String granularity) {
        return Read.all(p, ReadOptions.builder().format(format).granularity(granularity)
                .errorPolicy(ErrorPolicy.FAIL).build());
    }

    @Test
    void givesAltoPagesAndBlocksThePlainMeanAndDeviationOfTheirStringsWc() {
        List<String> files = List.of(BL + "0002647_18240217_0001.xml",
                "alto/reference_samples/v2/sbb/newspapers/27971740_1890-04-01_38_077_0_001.xml",
                "alto/dinglehopper/src/dinglehopper/tests/data/bigger-texts/00008228/00008228-00236534.gt4hist.xml",
                "alto/alto-tools/tests/data/PPN720183197-PHYS_0004.xml",
                "alto/schema/v2/alto-2-1-draft-tagsample.xml");
        for (String name : files) {
            Path f = Corpus.file(name);
            Document dom = Dom.parse(f);
            assertSame(read(f, "alto", "page").get(0), figures(altoWords(dom)));
            Map<String, Element> blocks = new HashMap<>();
            for (Element b : Dom.elements(dom, "TextBlock")) {
                blocks.put(b.getAttribute("ID"), b);
            }
            int checked = 0;
            for (LamRecord block : read(f, "alto", "block")) {
                Element b = blocks.get(block.id().substring(block.id().indexOf("#block-") + 7));
                if (b != null && Dom.elements(b, "TextBlock").isEmpty()) {
                    assertSame(block, figures(altoWords(b)));
                    checked++;
                }
            }
            assertThat(checked).as(name).isPositive();
        }
    }

    @Test
    void givesTheArticlesOfABritishLibraryIssueTheFiguresOfTheWordsTheirAreasName() {
        Path mets = Corpus.file(BL + "0002647_18240217_mets.xml");
        Document metsDom = Dom.parse(mets);
        // the corpus holds the ALTO file of the first page only: the words of the others are missing
        Document alto = Dom.parse(Corpus.file(BL + "0002647_18240217_0001.xml"));
        List<Element> strings = Dom.elements(alto, "String");
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < strings.size(); i++) {
            position.put(strings.get(i).getAttribute("ID"), i);
        }
        Map<String, Element> divs = new HashMap<>();
        for (Element d : Dom.elements(metsDom, "div")) {
            divs.put(d.getAttribute("ID"), d);
        }
        // each smLinkGrp: the article's locator, then the page areas it links to
        Map<String, List<Double>> expected = new HashMap<>();
        for (Element grp : Dom.elements(metsDom, "smLinkGrp")) {
            List<Element> locs = Dom.elements(grp, "smLocatorLink");
            String article = href(locs.get(0)).substring(1);
            List<Double> conf = new ArrayList<>();
            for (Element loc : locs.subList(1, locs.size())) {
                Element area = divs.get(href(loc).substring(1));
                for (Element a : area == null ? List.<Element>of() : Dom.elements(area, "area")) {
                    if (a.hasAttribute("BEGIN") && a.getAttribute("FILEID").equals("img0001-alto")) {
                        int from = position.get(a.getAttribute("BEGIN"));
                        int to = position.get(a.hasAttribute("END") ? a.getAttribute("END") : a.getAttribute("BEGIN"));
                        for (int i = from; i <= to; i++) {
                            Element s = strings.get(i);
                            if (!s.getAttribute("CONTENT").isBlank()) {
                                conf.add(Double.parseDouble(s.getAttribute("WC")));
                            }
                        }
                    }
                }
            }
            if (!conf.isEmpty()) {
                expected.put(article, conf);
            }
        }
        List<LamRecord> articles = Read.all(mets, ReadOptions.builder().granularity("article")
                .errorPolicy(ErrorPolicy.SKIP).build());
        int checked = 0;
        for (LamRecord a : articles) {
            List<Double> conf = expected.get(a.id().substring(a.id().indexOf("#article-") + 9));
            if (conf != null) {
                assertSame(a, figures(conf));
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }

    private static String href(Element locator) {
        return locator.getAttributeNS("http://www.w3.org/1999/xlink", "href");
    }

    @Test
    void givesAPageXmlPageTheFiguresOfItsWordsConf() {
        Path f = Corpus.file("page-xml/dinglehopper/src/dinglehopper/tests/data/test.page2018.xml");
        List<Double> conf = new ArrayList<>();
        int fromLines = 0;
        for (Element line : Dom.elements(Dom.parse(f), "TextLine")) {
            List<String> texts = new ArrayList<>();
            List<Double> confs = new ArrayList<>();
            for (Element w : Dom.elements(line, "Word")) {
                Element e = ownTextEquiv(w);
                if (e != null && !unicode(e).isBlank()) {
                    texts.add(unicode(e).strip());
                    // a word's TextEquiv without conf: the mean of its glyphs' (where each has one)
                    confs.add(e.hasAttribute("conf") ? conf(e) : glyphMean(w));
                }
            }
            // a line whose own text differs from its words' is read from its own text, its words
            // having the line's conf (as PAGE XML has it, the words may be partial)
            Element own = ownTextEquiv(line);
            if (own != null && !unicode(own).isBlank()
                    && !String.join(" ", texts).equals(unicode(own).strip().replaceAll("\\s+", " "))) {
                confs.clear();
                for (String t : unicode(own).strip().split("\\s+")) {
                    confs.add(conf(own));
                }
                fromLines++;
            }
            conf.addAll(confs);
        }
        assertThat(conf).hasSizeGreaterThan(100);
        assertThat(fromLines).isPositive();
        assertSame(read(f, "page", "page").get(0), figures(conf));
    }

    /** The mean conf of a Word's Glyphs with text; NaN if one has none, or there is none. */
    private static double glyphMean(Element word) {
        double sum = 0;
        int n = 0;
        for (Element g : Dom.elements(word, "Glyph")) {
            Element e = ownTextEquiv(g);
            if (e == null || Dom.elements(e, "Unicode").isEmpty()) {
                continue;
            }
            if (!e.hasAttribute("conf")) {
                return Double.NaN;
            }
            sum += conf(e);
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** An element's own TextEquiv (not its children's): the first of lowest index. */
    private static Element ownTextEquiv(Element parent) {
        Element best = null;
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && "TextEquiv".equals(e.getLocalName()) && (best == null
                    || index(e) < index(best))) {
                best = e;
            }
        }
        return best;
    }

    private static String unicode(Element textEquiv) {
        List<Element> u = Dom.elements(textEquiv, "Unicode");
        return u.isEmpty() ? "" : u.get(0).getTextContent();
    }

    private static double conf(Element textEquiv) {
        return textEquiv.hasAttribute("conf") ? Double.parseDouble(textEquiv.getAttribute("conf")) : Double.NaN;
    }

    private static int index(Element textEquiv) {
        return textEquiv.hasAttribute("index") ? Integer.parseInt(textEquiv.getAttribute("index")) : Integer.MAX_VALUE;
    }

    @Test
    void givesAnHocrPageTheFiguresOfItsWordsXWconf() throws IOException {
        Path f = Corpus.file("hocr/hocr-tools/test/testdata/tess.hocr");
        String html = Files.readString(f, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("class=['\"]ocrx_word['\"][^>]*x_wconf (\\d+)[^>]*>(.*?)</span>", Pattern.DOTALL)
                .matcher(html);
        List<Double> conf = new ArrayList<>();
        while (m.find()) {
            if (!m.group(2).replaceAll("<[^>]*>", "").isBlank()) {
                conf.add(Integer.parseInt(m.group(1)) / 100.0);
            }
        }
        assertThat(conf).hasSizeGreaterThan(30);
        List<LamRecord> pages = read(f, "hocr", "page");
        assertThat(pages).hasSize(1);
        assertSame(pages.get(0), figures(conf));
    }
}
