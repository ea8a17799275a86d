package org.biglam.lam.tei;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.Region;
import org.junit.jupiter.api.Test;

/**
 * Embedded transcriptions ({@code sourceDoc}) with and without coordinates, and line regions from
 * {@code lb/@facs} in {@code text}.
 */
class TeiSourceDocTest {

    private static List<LamRecord> read(String name, String granularity, String source) {
        ReadOptions.Builder b = ReadOptions.builder().format("tei").granularity(granularity);
        if (source != null) {
            b.set("tei.source", source);
        }
        return Fixtures.read(name, b.build());
    }

    private static String dir(String fixture) {
        String uri = Fixtures.path(fixture).toUri().toString();
        return uri.substring(0, uri.lastIndexOf('/') + 1);
    }

    private static List<String> parts(List<LamRecord> records) {
        return records.stream().map(r -> r.firstLabel("part").orElse(null)).collect(Collectors.toList());
    }

    @Test
    void aDocumentWithTextAndSourceDocIsReadFromItsTextByDefault() {
        List<LamRecord> docs = read("sourcedoc-zones.xml", "document", null);
        assertThat(Fixtures.texts(docs)).containsExactly(
                "Dear Friend, I write to you in haste, and the letter is short.\n\nYours, Anne.");
    }

    @Test
    void theSourceOptionReadsTheTranscriptionLineByLineWithoutTheSurfaceDescriptions() {
        List<LamRecord> docs = read("sourcedoc-zones.xml", "document", "sourceDoc");
        assertThat(Fixtures.texts(docs)).containsExactly("Dear Friend, I write to\nyou in haste, and the let-\n"
                + "ter is short.\n\nCatchword\n\nYours, Anne.");
        assertThat(docs.get(0).label("title")).containsExactly("A transcription with zones and lines");
        List<LamRecord> diplomatic = Fixtures.read("sourcedoc-zones.xml", ReadOptions.builder().format("tei")
                .set("tei.source", "sourceDoc").set("tei.profile", "diplomatic").build());
        assertThat(diplomatic.get(0).text().orElseThrow()).startsWith("Dear Frende, I write to\n")
                .contains("Catch\nword").doesNotContain("Folio");
    }

    @Test
    void aWordBrokenAtTheEndOfALineIsJoinedInNormalizedAndKeptInDiplomatic() {
        List<LamRecord> diplomatic = Fixtures.read("sourcedoc-plain.xml",
                ReadOptions.builder().format("tei").set("tei.profile", "diplomatic").build());
        assertThat(diplomatic.get(0).text().orElseThrow()).contains("page, and a sec-\nond one.");
        // the line records keep their halves as written
        assertThat(Fixtures.texts(read("sourcedoc-plain.xml", "line", null))).contains("page, and a sec-", "ond one.");
    }

    @Test
    void aDocumentWithOnlyASourceDocIsReadFromItWhateverTheOption() {
        // the lb break="no" at the end of the second line joins the word over the end of its line
        String text = "The first line of the\npage, and a second one.\n\nA page without an image.";
        assertThat(Fixtures.texts(read("sourcedoc-plain.xml", "document", null))).containsExactly(text);
        assertThat(Fixtures.texts(read("sourcedoc-plain.xml", "document", "text"))).containsExactly(text);
    }

    @Test
    void eachSurfaceIsAPageWithItsFirstGraphicAsTheImage() {
        List<LamRecord> pages = read("sourcedoc-zones.xml", "page", "sourceDoc");
        assertThat(Fixtures.ids(pages)).containsExactly("sourcedoc-zones.xml#f1", "sourcedoc-zones.xml#f2");
        assertThat(parts(pages)).containsExactly("1r", "1v");
        assertThat(Fixtures.texts(pages)).containsExactly(
                "Dear Friend, I write to\nyou in haste, and the let-\nter is short.\n\nCatchword", "Yours, Anne.");
        assertThat(pages.get(0).images()).containsExactly(
                ImageRef.builder("https://example.org/scans/f1.jpg").mime("image/jpeg").build());
        assertThat(pages.get(1).images()).containsExactly(ImageRef.builder("https://example.org/scans/f2.jpg").build());

        List<LamRecord> plain = read("sourcedoc-plain.xml", "page", null);
        assertThat(Fixtures.ids(plain)).containsExactly("sourcedoc-plain.xml#page-1", "sourcedoc-plain.xml#page-2");
        assertThat(plain.get(0).images()).containsExactly(ImageRef.builder(dir("sourcedoc-plain.xml") + "page-1.png")
                .build());
        assertThat(plain.get(1).images()).isEmpty();
        assertThat(plain.get(1).text()).contains("A page without an image.");
    }

    @Test
    void eachLineIsARecordWithItsZoneOnTheSurfaceImageAsTheRegion() {
        List<LamRecord> lines = read("sourcedoc-zones.xml", "line", "sourceDoc");
        assertThat(Fixtures.ids(lines)).containsExactly("sourcedoc-zones.xml#l1", "sourcedoc-zones.xml#line-2",
                "sourcedoc-zones.xml#line-3", "sourcedoc-zones.xml#zone-1", "sourcedoc-zones.xml#line-4");
        assertThat(Fixtures.texts(lines)).containsExactly("Dear Friend, I write to", "you in haste, and the let-",
                "ter is short.", "Catchword", "Yours, Anne.");
        ImageRef.Builder f1 = ImageRef.builder("https://example.org/scans/f1.jpg").mime("image/jpeg");
        // the line's own corners; the bounding box of its points; its zone's; the text zone's points
        assertThat(lines.get(0).images()).containsExactly(f1.region(new Region(100, 200, 1800, 100)).build());
        assertThat(lines.get(1).images()).containsExactly(f1.region(new Region(98, 310, 1807, 100)).build());
        assertThat(lines.get(2).images()).containsExactly(f1.region(new Region(100, 200, 1800, 700)).build());
        assertThat(lines.get(3).images()).containsExactly(f1.region(new Region(1500, 2800, 400, 150)).build());
        // no coordinates: the whole surface
        assertThat(lines.get(4).images()).containsExactly(ImageRef.builder("https://example.org/scans/f2.jpg").build());
        assertThat(parts(lines)).containsExactly(null, null, null, null, "1");
        assertThat(lines).allSatisfy(r -> assertThat(r.group()).contains("sourcedoc-zones.xml"));
        assertThat(lines.get(0).label("title")).containsExactly("A transcription with zones and lines");
    }

    @Test
    void linesWithoutCoordinatesAreTheWholeSurfaceOrNoImage() {
        List<LamRecord> lines = read("sourcedoc-plain.xml", "line", null);
        assertThat(Fixtures.texts(lines)).containsExactly("The first line of the", "page, and a sec-", "ond one.",
                "A page without an image.");
        ImageRef page1 = ImageRef.builder(dir("sourcedoc-plain.xml") + "page-1.png").build();
        assertThat(lines.get(0).images()).containsExactly(page1);
        assertThat(lines.get(2).images()).containsExactly(page1);
        assertThat(lines.get(3).images()).isEmpty();
    }

    @Test
    void lineBreaksPointingAtFacsimileZonesGiveLineRegionsForText() {
        List<LamRecord> lines = read("lines-facs.xml", "line", null);
        assertThat(Fixtures.texts(lines)).containsExactly("In the begin-", "ning the lines", "were marked.");
        assertThat(Fixtures.ids(lines)).containsExactly("lines-facs.xml#line-2", "lines-facs.xml#lb2",
                "lines-facs.xml#line-4");
        assertThat(parts(lines)).containsExactly("1", "2", "3");
        ImageRef.Builder page = ImageRef.builder(dir("lines-facs.xml") + "page1.tif").mime("image/tiff");
        assertThat(lines.get(0).images()).containsExactly(page.region(new Region(50, 100, 900, 60)).build());
        assertThat(lines.get(1).images()).containsExactly(page.region(new Region(50, 170, 900, 60)).build());
        // a zone without coordinates: its surface's image, whole
        assertThat(lines.get(2).images()).containsExactly(
                ImageRef.builder(dir("lines-facs.xml") + "page1.tif").mime("image/tiff").build());
        // the document joins the word the lines split
        assertThat(Fixtures.texts(Fixtures.read("lines-facs.xml"))).containsExactly(
                "In the beginning the lines were marked.");
    }

    @Test
    void aLineBreakInsideADroppedNoteIsTheNotesOwnAndStartsNoLine() {
        String xml = "<TEI xmlns='http://www.tei-c.org/ns/1.0'><text><body><p><lb/>Main one <note>a <lb/>margin</note>"
                + " still one<lb/>two</p></body></text></TEI>";
        List<LamRecord> lines = new Harness(ReadOptions.builder().granularity("line").build()).read(xml, "note.xml");
        assertThat(Fixtures.texts(lines)).containsExactly("Main one still one", "two");
        assertThat(Fixtures.ids(lines)).containsExactly("note.xml#line-1", "note.xml#line-2");
    }

    @Test
    void textWithoutAnyLineBreakIsOneLineRecordWithAWarning() {
        Harness h = new Harness(ReadOptions.builder().granularity("line").build());
        List<LamRecord> lines = h.read("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text><body><p>One.</p><p>Two.</p>"
                + "</body></text></TEI>", "nolb.xml");
        assertThat(Fixtures.ids(lines)).containsExactly("nolb.xml#line-0");
        assertThat(h.warnings).anySatisfy(w -> assertThat(w).contains("no lb and no sourceDoc line"));
        Harness withLb = new Harness(ReadOptions.builder().granularity("line").build());
        withLb.read("<TEI xmlns='http://www.tei-c.org/ns/1.0'><text><body><p><lb/>One.</p></body></text></TEI>", "lb.xml");
        assertThat(withLb.warnings).isEmpty();
    }

    @Test
    void theSourceOptionOnADocumentWithoutSourceDocReadsItsTextAndTextBeforeTheFirstLbIsLineZero() {
        List<LamRecord> lines = read("choice-pairs.xml", "line", "sourceDoc");
        assertThat(Fixtures.ids(lines).get(0)).isEqualTo("choice-pairs.xml#line-0");
        assertThat(lines.get(0).text().orElseThrow()).startsWith("She was color blind.");
    }
}
