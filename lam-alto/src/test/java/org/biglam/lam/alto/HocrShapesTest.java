package org.biglam.lam.alto;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(read(html.replace(" lpageno \"xiv\"", ""), "page").get(0).label("part")).containsExactly("4");
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
