package org.biglam.lam.alto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hOCR as its writers make it: OCRopus, kraken, ABBYY conversions, Tesseract run on another machine. */
class HocrShapesTest {

    private static List<LamRecord> read(byte[] bytes, String granularity) {
        ReadOptions o = ReadOptions.builder().format("hocr").granularity(granularity).build();
        try (Stream<LamRecord> s = Lam.read(new ByteArrayInputStream(bytes), "p.html", o)) {
            return s.collect(Collectors.toList());
        }
    }

    private static List<LamRecord> read(String html, String granularity) {
        return read(html.getBytes(StandardCharsets.UTF_8), granularity);
    }

    private static List<String> texts(List<LamRecord> records) {
        return records.stream().map(r -> r.text().orElseThrow()).toList();
    }

    @Test
    void noBreakSpacesSeparateWordsOfLinesWithoutWordElements() {
        String html = "<html><body><div class='ocr_page' title='bbox 0 0 800 1200; image \"p17.jpg\"'>"
                + "<span class='ocr_line' id='line_1' title='bbox 10 70 500 120'>Sea&nbsp;and&#160;Land</span>"
                + "<span class='ocr_line' id='line_2' title='bbox 10 130 500 180'>"
                + "<span class='ocrx_word' title='bbox 10 130 100 180'>Of</span>"
                + "<span class='ocrx_word' title='bbox 110 130 120 180'>&nbsp;</span>"
                + "<span class='ocrx_word' title='bbox 130 130 300 180'>the&nbsp;</span></span></div></body></html>";
        assertThat(texts(read(html, "word"))).containsExactly("Sea", "and", "Land", "Of", "the");
        assertThat(read(html, "page").get(0).text()).hasValue("Sea and Land\nOf the");
    }

    @Test
    void theCharactersOfAWordWithCharacterBoxesAreItsTextWithoutTheWhiteSpaceBetweenThem() {
        // Tesseract with hocr_char_boxes=1 writes each ocrx_cinfo on a line of its own
        String html = "<html><body><div class='ocr_page' title='bbox 0 0 100 100'>"
                + "<span class='ocr_line' title='bbox 0 0 100 10'>\n <span class='ocrx_word' id='w1' title='bbox 0 0 30 10;"
                + " x_wconf 96'>\n       <span class='ocrx_cinfo' title='x_bboxes 0 0 10 10; x_conf 98.7'>T</span>"
                + "\n       <span class='ocrx_cinfo' title='x_bboxes 10 0 20 10; x_conf 98.7'><strong>h</strong></span>"
                + "\n       <span class='ocrx_cinfo' title='x_bboxes 20 0 30 10; x_conf 98.7'>e</span>\n </span>"
                + "\n <span class='ocrx_word' id='w2' title='bbox 40 0 60 10; x_wconf 90'>end</span></span></div></body></html>";
        assertThat(texts(read(html, "word"))).containsExactly("The", "end");
        assertThat(read(html, "page").get(0).text()).hasValue("The end");
    }

    @Test
    void wordsOutsideAnyLineMakeALineBoxedByTheirBoxes() {
        String html = "<html><body><div class='ocr_page' title='bbox 0 0 100 100; image p.png'>"
                + "<div class='ocr_carea' id='a1' title='bbox 0 0 100 100'>"
                + "<span class='ocrx_word' id='w1' title='bbox 0 5 10 15; x_wconf 80'>Caf&eacute;</span> "
                + "<span class='ocrx_word' id='w2' title='bbox 20 0 30 10'>na&iuml;ve</span></div>"
                + "<div class='ocr_carea' id='a2' title='bbox 0 50 100 100'>"
                + "<span class='ocr_line' id='l2' title='bbox 0 50 100 60'>"
                + "<span class='ocrx_word' id='w3' title='bbox 0 50 10 60'>next</span></span></div>"
                + "</div></body></html>";
        assertThat(read(html, "page").get(0).text()).hasValue("Caf\u00e9 na\u00efve\n\nnext");
        List<LamRecord> lines = read(html, "line");
        assertThat(texts(lines)).containsExactly("Caf\u00e9 na\u00efve", "next");
        assertThat(lines.get(0).images().get(0).region()).hasValue(new Region(0, 0, 30, 15));
        assertThat(read(html, "word")).extracting(LamRecord::id).containsExactly("p.html#word-w1", "p.html#word-w2",
                "p.html#word-w3");
    }

    @Test
    void tesseract301WordsWithAnXocrWordInsideAreWords() {
        String html = "<html><body><div class='ocr_page' id='page_1' title='image \"scan.tif\"; bbox 0 0 1700 2200'>"
                + "<div class='ocr_carea' id='block_1' title=\"bbox 100 100 1600 300\"><p class='ocr_par'>"
                + "<span class='ocr_line' id='line_1' title=\"bbox 100 100 1600 150\">"
                + "<span class='ocr_word' id='word_1' title=\"bbox 100 100 300 150\">"
                + "<span class='xocr_word' id='xword_1' title=\"x_wconf -2\">The</span></span> "
                + "<span class='ocr_word' id='word_2' title=\"bbox 320 100 600 150\">"
                + "<span class='xocr_word' id='xword_2' title=\"x_wconf -5\">quick</span></span> "
                + "</span></p></div></div></body></html>";
        List<LamRecord> words = read(html, "word");
        assertThat(words).extracting(LamRecord::id).containsExactly("p.html#word-word_1", "p.html#word-word_2");
        assertThat(texts(words)).containsExactly("The", "quick");
        assertThat(words.get(1).images().get(0).region()).hasValue(new Region(320, 100, 280, 50));
        // Tesseract 3.01's x_wconf is not a percentage
        assertThat(words.get(0).confidence()).isEmpty();
    }

    @Test
    void aDeclaredCharacterSetOtherThanUtf8IsDecodedAsDeclared() {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                + "</head><body><div class='ocr_page' title='bbox 0 0 100 100'>"
                + "<span class='ocr_line' title='bbox 0 0 100 10'>"
                + "<span class='ocrx_word' title='bbox 0 0 10 10'>Caf\u00e9</span> "
                + "<span class='ocrx_word' title='bbox 20 0 30 10'>\u00a7 12</span></span></div></body></html>";
        assertThat(read(html.getBytes(StandardCharsets.ISO_8859_1), "page").get(0).text())
                .hasValue("Caf\u00e9 \u00a7 12");
        String xhtml = "<?xml version='1.0' encoding='windows-1252'?>\n" + html.replace(" charset=iso-8859-1", "")
                .replace("Caf\u00e9", "\u201cCaf\u00e9\u201d");
        assertThat(read(xhtml.getBytes(java.nio.charset.Charset.forName("windows-1252")), "page").get(0).text())
                .hasValue("\u201cCaf\u00e9\u201d \u00a7 12");
        // UTF-16 with its byte order mark (Windows tools)
        assertThat(read(("\uFEFF" + html.replace(" charset=iso-8859-1", "")).getBytes(StandardCharsets.UTF_16LE), "page")
                .get(0).text()).hasValue("Caf\u00e9 \u00a7 12");
        // UTF-8 declared, or nothing declared: UTF-8
        assertThat(read(html.replace("iso-8859-1", "utf-8"), "page").get(0).text()).hasValue("Caf\u00e9 \u00a7 12");
    }

    @Test
    void ocropusFilePropertyNamesThePageImageAndTheLogicalPageNumberIsThePart() {
        String html = "<html><body><div class=ocr_page title='file 0001.bin.png; bbox 0 0 1000 1500; ppageno 4;"
                + " lpageno \"xiv\"'><span class=ocr_line title='bbox 10 10 500 60'>Page two</span></div></body></html>";
        LamRecord page = read(html, "page").get(0);
        assertThat(page.images().get(0).uri()).isEqualTo("0001.bin.png");
        assertThat(page.label("part")).containsExactly("xiv");
        // physical page 4 counted from 0 (the front cover) is the fifth
        assertThat(read(html.replace(" lpageno \"xiv\"", ""), "page").get(0).label("part")).containsExactly("5");
    }

    @Test
    void pagesOfJoinedFilesThatShareTesseractsPageIdAreNamedByTheirNumber() {
        // hocr-combine joins Tesseract's files, each with its page_1, line_1_1, ...
        StringBuilder html = new StringBuilder("<html><head><meta name='ocr-system' content='tesseract 4.1.1'></head><body>");
        for (int i = 1; i <= 3; i++) {
            html.append("<div class='ocr_page' id='page_1' title='image \"p").append(i)
                    .append(".png\"; bbox 0 0 100 100; ppageno 0'><span class='ocr_line' id='line_1_1' title='bbox 0 0 100 10'>")
                    .append("<span class='ocrx_word' id='word_1_1' title='bbox 0 0 10 10'>page").append(i)
                    .append("</span></span></div>");
        }
        html.append("</body></html>");
        assertThat(read(html.toString(), "page")).extracting(LamRecord::id)
                .containsExactly("p.html", "p.html#page-2", "p.html#page-3");
        assertThat(read(html.toString(), "line")).extracting(LamRecord::id)
                .containsExactly("p.html#line-line_1_1", "p.html#page-2/line-line_1_1", "p.html#page-3/line-line_1_1");
        assertThat(read(html.toString().replaceFirst("page_1", "page_7"), "page")).extracting(LamRecord::id)
                .containsExactly("p.html", "p.html#page-page_1", "p.html#page-3");
        // each page's ppageno 0 numbers the page in its own file, not in this one: the part is its place here
        assertThat(read(html.toString(), "page")).extracting(p -> p.label("part"))
                .containsExactly(List.of("1"), List.of("2"), List.of("3"));
    }

    @Test
    void aDublinCoreLanguageMetaNamingSeveralLanguagesGivesATagEach() {
        String html = "<html><head><meta name='DC.language' content='en, fr'/></head><body>"
                + "<div class='ocr_page' id='page_1' title='bbox 0 0 100 100'><span class='ocr_line' id='line_1'"
                + " title='bbox 0 0 100 10'><span class='ocrx_word' id='w1' title='bbox 0 0 10 10'>Bonjour</span>"
                + "</span></div></body></html>";
        assertThat(read(html, "page")).singleElement().satisfies(r -> assertThat(r.label("language"))
                .containsExactly("en", "fr"));
        assertThat(read(html.replace("en, fr", "deu"), "page")).singleElement().satisfies(r -> assertThat(
                r.label("language")).containsExactly("de"));
    }

    /** A page of Tesseract's hOCR of a multi-page TIFF: ppageno counts from 0. */
    private static String tesseractPage(int n, String ppageno) {
        return "<div class='ocr_page' id='page_" + n + "' title='image \"scan.tif\"; bbox 0 0 1000 800"
                + (ppageno == null ? "" : "; ppageno " + ppageno) + "; scan_res 300 300'>"
                + "<div class='ocr_carea' id='block_" + n + "_1' title='bbox 10 10 500 40'>"
                + "<p class='ocr_par' id='par_" + n + "_1' lang='eng' title='bbox 10 10 500 40'>"
                + "<span class='ocr_line' id='line_" + n + "_1' title='bbox 10 10 500 40; baseline 0 -5; x_size 30'>"
                + "<span class='ocrx_word' id='word_" + n + "_1' title='bbox 10 10 100 40; x_wconf 96'>page</span> "
                + "<span class='ocrx_word' id='word_" + n + "_2' title='bbox 110 10 200 40; x_wconf 91'>" + n + "</span>"
                + "</span></p></div></div>\n";
    }

    private static String tesseract(String... ppagenos) {
        StringBuilder html = new StringBuilder("<html><head><meta name='ocr-system' content='tesseract 5.3.0' />"
                + "</head><body>\n");
        for (int i = 0; i < ppagenos.length; i++) {
            html.append(tesseractPage(i + 1, ppagenos[i]));
        }
        return html.append("</body></html>").toString();
    }

    @Test
    void tesseractsPhysicalPageNumbersFromZeroArePartsFromOneAsAltosAre() {
        List<LamRecord> pages = read(tesseract("0", "1", "2"), "page");
        assertThat(pages).extracting(p -> p.label("part")).containsExactly(List.of("1"), List.of("2"), List.of("3"));
        assertThat(pages).extracting(LamRecord::id).containsExactly("p.html", "p.html#page-page_2", "p.html#page-page_3");
        assertThat(texts(pages)).containsExactly("page 1", "page 2", "page 3");
        // the lines of a page carry no part; their group is their page
        assertThat(read(tesseract("0", "1"), "line")).extracting(l -> l.group().orElseThrow(), l -> l.label("part"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("p.html", List.of()),
                        org.assertj.core.groups.Tuple.tuple("p.html#page-page_2", List.of()));
    }

    @Test
    void physicalPageNumbersOutOfOrderNumberTheirPagesAndTheIdsStayThePagesPlaces() {
        // pages in the file in another order than their physical one: each page keeps its own number,
        // its id and source index stay its place in the file
        List<LamRecord> pages = read(tesseract("2", "0", "1"), "page");
        assertThat(pages).extracting(p -> p.label("part")).containsExactly(List.of("3"), List.of("1"), List.of("2"));
        assertThat(pages).extracting(LamRecord::id).containsExactly("p.html", "p.html#page-page_2", "p.html#page-page_3");
        assertThat(pages).extracting(p -> p.source().orElseThrow().index().orElseThrow()).containsExactly(0L, 1L, 2L);
        assertThat(texts(pages)).containsExactly("page 1", "page 2", "page 3");
    }

    @Test
    void pagesWithoutAPhysicalPageNumberOrWithOneThatIsNotANumberHaveNoPart() {
        assertThat(read(tesseract(null, null), "page")).extracting(p -> p.label("part"))
                .containsExactly(List.of(), List.of());
        assertThat(read(tesseract("0", null, "x", "3"), "page")).extracting(p -> p.label("part"))
                .containsExactly(List.of("1"), List.of(), List.of(), List.of("4"));
        // repeated numbers among those given: each page that has one is numbered by its place
        assertThat(read(tesseract("0", null, "0"), "page")).extracting(p -> p.label("part"))
                .containsExactly(List.of("1"), List.of(), List.of("3"));
    }

    /** kraken's hOCR: x_confs (a confidence a character, 0 to 1) where Tesseract writes x_wconf. */
    private static final String KRAKEN = """
            <!DOCTYPE html>
            <html>
            	<head>
            		<meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>
            		<meta name="ocr-system" content="kraken"/>
            		<meta name="ocr-capabilities" content="ocr_page ocrx_block ocr_line ocrx_word ocrp_poly"/>
            	</head>
            	<body>
            		<div class="ocr_page" title="bbox 0 0 1200 1800; image 0001.png" style="writing-mode: horizontal-tb;">
            			<div class="ocrx_block" id="r1" data-region-type="text" title="bbox 100 100 1100 260">
            			<span class="ocr_line" id="l1" title="bbox 100 100 1100 160; x_bboxes 100 100 130 160 130 100 160 160 160 100 190 160 190 100 200 160 200 100 230 160 230 100 260 160">
            				<span class="ocrx_word" id="segment_0" title="bbox 100 100 190 160; x_confs 0.9 0.8 1.0">Das</span>
            				<span class="ocrx_word" id="segment_1" title="bbox 200 100 260 160; x_confs 0.5 0.7; poly 200 100 260 100 260 160 200 160">ist</span>
            			</span>
            			<br/>
            			</div>
            		</div>
            	</body>
            </html>
            """;

    @Test
    void krakensCharacterConfidencesGiveEachWordTheirMean() {
        List<LamRecord> words = read(KRAKEN, "word");
        assertThat(texts(words)).containsExactly("Das", "ist");
        assertThat(words.get(0).confidence().getAsDouble()).isCloseTo(0.9, within(1e-9));
        assertThat(words.get(1).confidence().getAsDouble()).isCloseTo(0.6, within(1e-9));
        LamRecord page = read(KRAKEN, "page").get(0);
        assertThat(page.quality().orElseThrow().scoredWords()).isEqualTo(2);
        assertThat(page.confidence().getAsDouble()).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void characterConfidencesAsPercentagesAsTheHocrSpecificationAsksAreReadAsSuch() {
        // a document whose character confidences go above 1 gives them from 0 to 100
        List<LamRecord> words = read(KRAKEN.replace("x_confs 0.9 0.8 1.0", "x_confs 90 80 100")
                .replace("x_confs 0.5 0.7", "x_confs 0.5 0.7"), "word");
        assertThat(words.get(0).confidence().getAsDouble()).isCloseTo(0.9, within(1e-9));
        assertThat(words.get(1).confidence().getAsDouble()).isCloseTo(0.006, within(1e-9));
        // one value above 1 is enough, whatever the means
        words = read(KRAKEN.replace("x_confs 0.9 0.8 1.0", "x_confs 0.5 1.5 1.0"), "word");
        assertThat(words.get(0).confidence().getAsDouble()).isCloseTo(0.01, within(1e-9));
    }

    @Test
    void aWordsOwnConfidenceWinsOverItsCharactersAndBadCharacterConfidencesAreNone() {
        List<LamRecord> words = read(KRAKEN.replace("x_confs 0.9 0.8 1.0", "x_wconf 40; x_confs 0.9 0.8 1.0")
                .replace("x_confs 0.5 0.7", "x_confs 0.5 n/a"), "word");
        assertThat(words.get(0).confidence().getAsDouble()).isCloseTo(0.4, within(1e-9));
        assertThat(words.get(1).confidence()).isEmpty();
        assertThat(read(KRAKEN.replace("x_confs 0.5 0.7", "x_confs 0.5 170"), "word").get(1).confidence()).isEmpty();
        assertThat(read(KRAKEN.replace("x_confs 0.5 0.7", "x_confs "), "word").get(1).confidence()).isEmpty();
    }

    @Test
    void theWordsOfALineWithoutWordElementsHaveTheMeanOfTheLinesCharacterConfidences() {
        String html = "<html><body><div class='ocr_page' title='bbox 0 0 800 1200; image \"p17.jpg\"'>"
                + "<span class='ocr_line' id='line_1' title='bbox 10 70 500 120; x_confs 0.9 0.7 0.8 1 0.6 0.8 0.8'>"
                + "Sea and</span>"
                + "<span class='ocr_line' id='line_2' title='bbox 10 130 500 180'>Land</span></div></body></html>";
        List<LamRecord> words = read(html, "word");
        assertThat(texts(words)).containsExactly("Sea", "and", "Land");
        assertThat(words.get(0).confidence().getAsDouble()).isCloseTo(0.8, within(1e-9));
        assertThat(words.get(1).confidence().getAsDouble()).isCloseTo(0.8, within(1e-9));
        assertThat(words.get(2).confidence()).isEmpty();
    }

    @Test
    void linesAndWordsInNoPageMakeAPage() {
        String html = "<html><body><span class='ocr_line' title='bbox 0 0 10 10'>a line</span>"
                + "<p><span class='ocrx_word' title='bbox 0 20 10 30'>word</span></p></body></html>";
        assertThat(read(html, "page")).singleElement().satisfies(p -> assertThat(p.text()).hasValue("a line\nword"));
    }

    @Test
    void wordsAfterALineNestedInALineAreALineOfTheirOwn() {
        String html = "<div class='ocr_page' title='bbox 0 0 100 100'><span class='ocr_line' title='bbox 0 0 100 50'>"
                + "<span class='ocr_line' title='bbox 0 0 100 10'>inner</span>"
                + "<span class='ocrx_word' title='bbox 0 20 10 30'>after</span></span>"
                + "<span class='ocrx_word' title='bbox 0 60 10 70'>outside</span></div>";
        assertThat(texts(read(html, "line"))).containsExactly("inner", "after", "outside");
    }

    @Test
    void aRunOfLinesInNoBlockIsABlockBoxedByItsLines() {
        String html = "<html><body><div class=ocr_page title='image p.png; bbox 0 0 1000 1500'>"
                + "<span class=ocr_line title='bbox 10 10 500 60'>one</span><br>"
                + "<span class=ocr_line title='bbox 20 70 600 120'>two</span><br>"
                + "<div class=ocr_carea title='bbox 0 200 900 300'><span class=ocr_line title='bbox 0 200 900 300'>three"
                + "</span></div><span class=ocr_line title='bbox 30 400 300 450'>four</span></div></body></html>";
        List<LamRecord> blocks = read(html, "block");
        assertThat(texts(blocks)).containsExactly("one\ntwo", "three", "four");
        assertThat(blocks).extracting(b -> b.images().get(0).region().orElseThrow())
                .containsExactly(new Region(10, 10, 590, 110), new Region(0, 200, 900, 100), new Region(30, 400, 270, 50));
    }

    @Test
    void anAbsolutePathOfTheMachineThatRanTheOcrStandsForTheImageBesideTheDocument(@TempDir Path dir)
            throws IOException {
        Path here = dir.resolve("0001.png");
        Files.write(here, new byte[] {1});
        String html = "<html><body><div class='ocr_page' id='page_1' title='image \"/home/ocr/nowhere-%s/0001.png\";"
                + " bbox 0 0 2480 3508; ppageno 0'><span class='ocr_line' title='bbox 0 0 10 10'>"
                + "<span class='ocrx_word' title='bbox 0 0 10 10'>x</span></span></div></body></html>";
        Path hocr = dir.resolve("0001.hocr");
        Files.writeString(hocr, html.formatted(System.nanoTime()));
        List<Problem> problems = new ArrayList<>();
        List<LamRecord> pages;
        try (Stream<LamRecord> s = Lam.read(hocr, ReadOptions.builder().onProblem(problems::add).build())) {
            pages = s.collect(Collectors.toList());
        }
        assertThat(pages.get(0).images()).singleElement().satisfies(i -> {
            assertThat(i.uri()).isEqualTo(here.toUri().toString());
            assertThat(i.width()).hasValue(2480L);
        });
        assertThat(problems).extracting(p -> p.kind()).contains("hocr-image");
        // a path that is there is kept
        Files.writeString(hocr, html.replace("/home/ocr/nowhere-%s/0001.png", here.toString()));
        try (Stream<LamRecord> s = Lam.read(hocr, ReadOptions.builder().build())) {
            assertThat(s.findFirst().orElseThrow().images().get(0).uri()).isEqualTo(here.toUri().toString());
        }
    }
}
