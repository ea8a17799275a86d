package org.biglam.lam.alto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.biglam.lam.LamException;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.testing.Archives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {

    private static final String GOOD = "<alto xmlns='http://www.loc.gov/standards/alto/ns-v4#'><Layout>"
            + "<Page ID='p' WIDTH='10' HEIGHT='10'><PrintSpace><TextBlock ID='b'><TextLine ID='l'>"
            + "<String CONTENT='good'/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>";

    private static final String TRUNCATED = "<alto xmlns='http://www.loc.gov/standards/alto/ns-v4#'>\n<Layout>\n"
            + "<Page ID='p' WIDTH='10' HEIGHT='10'>\n<PrintSpace><TextBlock ID='b'><TextLine ID='l'>\n"
            + "<String CONTENT='cut'/></TextLine></Text";

    @Test
    void namesTheInputLineAndColumnOfMalformedXml(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.xml"), TRUNCATED);
        assertThatThrownBy(() -> Read.all(bad, ReadOptions.builder().format("alto").build()))
                .isInstanceOfSatisfying(LamFormatException.class, e -> {
                    Location l = e.location().orElseThrow();
                    assertThat(l.input()).endsWith("bad.xml");
                    assertThat(l.line()).hasValue(5);
                    assertThat(l.column()).isPresent();
                })
                .hasMessageContaining("malformed XML");
    }

    @Test
    void namesTheArchiveEntryOfMalformedXml(@TempDir Path dir) throws IOException {
        Path zip = Archives.write(dir.resolve("pages.zip"), Archives.zip(Archives.entries()
                .add("pages/0001.xml", GOOD).add("pages/0002.xml", TRUNCATED)));
        List<LamRecord> records = new ArrayList<>();
        List<Problem> problems = Read.problems(zip, Read.skip().format("alto"), records);
        assertThat(records).extracting(LamRecord::id).containsExactly("pages/0001.xml");
        List<Problem> errors = problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).location().entry()).hasValue("pages/0002.xml");
        assertThat(errors.get(0).location().line()).hasValue(5);
    }

    @Test
    void skipsABadFileOfAFolderAndKeepsTheGoodOnes(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.xml"), GOOD);
        Files.writeString(dir.resolve("b.xml"), TRUNCATED);
        Files.writeString(dir.resolve("c.xml"), GOOD.replace("good", "also good"));
        List<LamRecord> records = new ArrayList<>();
        List<Problem> problems = Read.problems(dir, Read.skip().format("alto"), records);
        assertThat(records).extracting(r -> r.text().orElseThrow()).containsExactly("good", "also good");
        assertThat(problems).filteredOn(p -> p.severity() == Problem.Severity.ERROR)
                .singleElement().satisfies(p -> assertThat(p.location().input()).endsWith("b.xml"));
    }

    @Test
    void toleratesOddAttributesWithWarnings(@TempDir Path dir) throws IOException {
        String odd = "<alto xmlns='http://www.loc.gov/standards/alto/ns-v4#'><Layout><Page ID='p' WIDTH='x' "
                + "HEIGHT='10'><PrintSpace><TextBlock ID='b' HPOS='-5' VPOS='1' WIDTH='2' HEIGHT='3'>"
                + "<TextLine ID='l' HPOS='one'><String WC='high' HPOS='1'/><SP/><String CONTENT='ok' WC='87'/>"
                + "</TextLine></TextBlock></PrintSpace></Page></Layout></alto>";
        Path p = Files.writeString(dir.resolve("odd.xml"), odd);
        for (String g : List.of("page", "block", "line", "word")) {
            List<LamRecord> records = new ArrayList<>();
            List<Problem> problems = Read.problems(p, ReadOptions.builder().granularity(g), records);
            assertThat(records).as(g).isNotEmpty();
            assertThat(problems).as(g).allSatisfy(x -> assertThat(x.severity()).isEqualTo(Problem.Severity.WARNING));
            assertThat(problems).as(g).extracting(Problem::kind).contains("alto-attribute");
        }
        LamRecord page = Read.all(p, "page").get(0);
        assertThat(page.text()).hasValue("ok");
        assertThat(page.confidence().getAsDouble()).isEqualTo(0.87);
    }

    @Test
    void refusesAnExternalEntity(@TempDir Path dir) throws IOException {
        String xxe = "<?xml version='1.0'?><!DOCTYPE alto [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
                + GOOD.replace("good", "&xxe;");
        Path p = Files.writeString(dir.resolve("xxe.xml"), xxe);
        assertThatThrownBy(() -> Read.all(p, ReadOptions.builder().format("alto").build()))
                .isInstanceOf(LamException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:"));
    }

    @Test
    void refusesAnEntityBombQuickly(@TempDir Path dir) throws IOException {
        StringBuilder dtd = new StringBuilder("<?xml version='1.0'?><!DOCTYPE alto [<!ENTITY a0 'lol'>");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY a").append(i).append(" '");
            for (int j = 0; j < 10; j++) {
                dtd.append("&a").append(i - 1).append(';');
            }
            dtd.append("'>");
        }
        dtd.append("]>");
        Path p = Files.writeString(dir.resolve("bomb.xml"), dtd + GOOD.replace("good", "&a9;"));
        assertThatThrownBy(() -> Read.all(p, ReadOptions.builder().format("alto").build()))
                .isInstanceOf(LamException.class);
        Path mets = Files.writeString(dir.resolve("bomb-mets.xml"), dtd.toString().replace("alto", "mets")
                + "<mets xmlns='http://www.loc.gov/METS/'><metsHdr>&a9;</metsHdr></mets>");
        assertThatThrownBy(() -> Read.all(mets, ReadOptions.builder().format("mets").build()))
                .isInstanceOf(LamException.class);
    }

    @Test
    void locatesAnEncodingTheParserCannotReadAtTheStart(@TempDir Path dir) throws IOException {
        byte[] ucs4 = {0, 0, '<', 0, 0, 0, 0, 0, 3, '<', 'a', 'l', 't', 'o', '>'}; // UCS-4 in byte order 2143
        Path p = Files.write(dir.resolve("ucs4.xml"), ucs4);
        assertThatThrownBy(() -> Read.all(p, ReadOptions.builder().format("alto").build()))
                .isInstanceOf(LamFormatException.class).hasMessageContaining("malformed XML: ")
                .hasMessageContaining("UCS-4")
                .satisfies(e -> assertThat(((LamFormatException) e).location().orElseThrow().offset())
                        .hasValue(0));
    }

    /** The problem reading {@code bytes} as {@code format} gives, under FAIL. */
    private static LamFormatException problem(Path dir, String format, byte[] bytes) throws IOException {
        Path p = Files.write(dir.resolve(format + ".xml"), bytes);
        try {
            Read.all(p, ReadOptions.builder().format(format).build());
        } catch (LamFormatException e) {
            return e;
        }
        throw new AssertionError("read without a problem");
    }

    @Test
    void anUndecodableFirstByteIsMalformedXmlAtTheStartInEveryReader(@TempDir Path dir) throws IOException {
        // fuzz finding of 2026-12-04 (PAGE, Woodstox): "Invalid UTF-8 start byte 0x8a (at char #1, byte #-1)"
        // named only its input
        byte[] bad = {(byte) 0x8a, 'A'};
        for (String format : List.of("alto", "page", "mets")) {
            LamFormatException e = problem(dir, format, bad);
            assertThat(e.reason()).as(format).startsWith("malformed XML: ").containsIgnoringCase("UTF-8")
                    .doesNotContain("byte #-1");
            // at byte 0 (Woodstox gives no position); Aalto says where it stopped, just after the byte
            assertThat(e.location().orElseThrow().offset().orElseThrow()).as(format).isBetween(0L, 1L);
        }
    }

    @Test
    void anEncodingTheParserCannotReadAtTheStartIsLocatedInPageAndMetsToo(@TempDir Path dir) throws IOException {
        byte[] ucs4 = {0, 0, '<', 0, 0, 0, 0, 0, 3, '<', 'a', 'l', 't', 'o', '>'}; // UCS-4 in byte order 2143
        for (String format : List.of("page", "mets")) {
            LamFormatException e = problem(dir, format, ucs4);
            assertThat(e.reason()).as(format).isEqualTo("malformed XML: Unsupported UCS-4 endianness (2143) detected");
            assertThat(e.location().orElseThrow().offset()).as(format).hasValue(0);
        }
    }

    @Test
    void anUndecodableByteInsideTheDocumentIsLocated(@TempDir Path dir) throws IOException {
        // fuzz finding of 2026-12-04 (Archive): Woodstox reports it with no position of its own; Aalto
        // gives the root element first, so each format gets its own root
        for (String format : List.of("page", "mets")) {
            String root = format.equals("page") ? "PcGts" : "mets";
            byte[] bad = ("<" + root + ">1&1!\u00fd").getBytes(StandardCharsets.ISO_8859_1);
            LamFormatException e = problem(dir, format, bad);
            assertThat(e.reason()).as(format).startsWith("malformed XML: ");
            Location l = e.location().orElseThrow();
            assertThat(l.line().isPresent() || l.offset().isPresent()).as(format).isTrue();
        }
    }

    @Test
    void anEncodingErrorAParserThrowsUncheckedWhileReadingTextIsMalformedXmlToo(@TempDir Path dir) throws IOException {
        // fuzz finding (METS, Woodstox): a UTF-8 sequence cut short inside text, met when the text is
        // read, came as an unchecked WstxLazyException ("[com.ctc.wstx.exc.WstxLazyException] ...")
        for (String format : List.of("mets", "page", "alto")) {
            String root = format.equals("mets") ? "file" : format.equals("page") ? "PcGts" : "alto";
            byte[] doc = ("<" + root + " ID=\"ALTO1\" MIMETYPE=\"text/xmxt/xml\">+\u00c7").getBytes(StandardCharsets.ISO_8859_1);
            LamFormatException e = problem(dir, format, doc);
            assertThat(e.reason()).as(format).startsWith("malformed XML: ").doesNotContain("Lazy")
                    .doesNotContain("Unchecked");
            Location l = e.location().orElseThrow();
            assertThat(l.line().isPresent() || l.offset().isPresent()).as(format).isTrue();
        }
    }

    @Test
    void altosParserGivesTheByteOffsetOfAnErrorBesideItsLineAndColumn(@TempDir Path dir) throws IOException {
        // Aalto counts bytes: the é before the error is two bytes, one character
        byte[] doc = "<alto>\n<Layout>caf\u00e9 </Page></alto>".getBytes(StandardCharsets.UTF_8);
        LamFormatException e = problem(dir, "alto", doc);
        assertThat(e.reason()).startsWith("malformed XML: ").doesNotContain("[row,col");
        Location l = e.location().orElseThrow();
        assertThat(l.line()).hasValue(2);
        assertThat(l.offset().orElseThrow()).isGreaterThanOrEqualTo(
                "<alto>\n<Layout>caf\u00e9 </Page".getBytes(StandardCharsets.UTF_8).length - 1);
    }

    @Test
    void refusesDeepNesting(@TempDir Path dir) throws IOException {
        StringBuilder deep = new StringBuilder("<alto><Layout><Page><PrintSpace>");
        for (int i = 0; i < 5000; i++) {
            deep.append("<ComposedBlock>");
        }
        Path p = Files.write(dir.resolve("deep.xml"), deep.toString().getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Read.all(p, ReadOptions.builder().format("alto").build()))
                .isInstanceOf(LamException.class);
    }

    @Test
    void refusesADocumentThatIsNotAlto(@TempDir Path dir) throws IOException {
        Path p = Files.writeString(dir.resolve("tei.xml"), "<TEI xmlns='http://www.tei-c.org/ns/1.0'/>");
        assertThatThrownBy(() -> Read.all(p, ReadOptions.builder().format("alto").build()))
                .isInstanceOf(LamFormatException.class).hasMessageContaining("not an ALTO document");
        assertThatThrownBy(() -> Read.all(p, ReadOptions.builder().format("mets").build()))
                .isInstanceOf(LamFormatException.class).hasMessageContaining("not a METS document");
    }

    @Test
    void reportsAMalformedAltoOfAPackageAndGoesOnWithTheOtherPages(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("alto"));
        Files.copy(Read.METS.resolve("mets.xml"), dir.resolve("mets.xml"));
        Files.copy(Read.METS.resolve("alto/page2.xml"), dir.resolve("alto/page2.xml"));
        Files.writeString(dir.resolve("alto/page1.xml"), TRUNCATED);
        List<LamRecord> records = new ArrayList<>();
        List<Problem> problems = Read.problems(dir.resolve("mets.xml"), Read.skip(), records);
        assertThat(records).extracting(LamRecord::id).containsExactly("mets.xml#page-PHYS2");
        assertThat(problems).filteredOn(p -> p.severity() == Problem.Severity.ERROR).singleElement()
                .satisfies(p -> {
                    assertThat(p.location().input()).endsWith("page1.xml");
                    assertThat(p.location().line()).hasValue(5);
                });
    }

    @Test
    void refusesAnExternalEntityInPageXmlAndMalformedPageXmlWithItsLine(@TempDir Path dir) throws IOException {
        String xxe = "<?xml version='1.0'?><!DOCTYPE PcGts [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
                + "<PcGts xmlns='http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15'><Page>"
                + "<TextRegion id='r'><TextEquiv><Unicode>&xxe;</Unicode></TextEquiv></TextRegion></Page></PcGts>";
        Path p = Files.writeString(dir.resolve("xxe.xml"), xxe);
        assertThatThrownBy(() -> Read.all(p, ReadOptions.builder().format("page").build()))
                .isInstanceOf(LamException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:"));
        Path cut = Files.writeString(dir.resolve("cut.xml"), "<PcGts xmlns='http://schema.primaresearch.org/PAGE/"
                + "gts/pagecontent/2019-07-15'>\n<Page>\n<TextRegion id='r'>\n</Page>");
        assertThatThrownBy(() -> Read.all(cut, ReadOptions.builder().format("page").build()))
                .isInstanceOfSatisfying(LamFormatException.class,
                        e -> assertThat(e.location().orElseThrow().line()).hasValue(4));
    }

    @Test
    void readsHostileOrBrokenHocrWithoutExpandingAnythingAndRefusesDeepNesting(@TempDir Path dir) throws IOException {
        String bomb = "<!DOCTYPE html [<!ENTITY a 'lol'><!ENTITY b '&a;&a;&a;&a;&a;'>]><html><body>"
                + "<div class='ocr_page'><span class='ocr_line'>&b; &xxe; <b>unclosed</span></div>";
        Path p = Files.writeString(dir.resolve("bomb.hocr"), bomb);
        List<LamRecord> r = Read.all(p, ReadOptions.builder().format("hocr").build());
        assertThat(r).singleElement().satisfies(x -> assertThat(x.text()).hasValue("&b; &xxe; unclosed"));
        StringBuilder deep = new StringBuilder("<html><body><div class='ocr_page'>");
        for (int i = 0; i < 5000; i++) {
            deep.append("<div>");
        }
        Path d = Files.writeString(dir.resolve("deep.hocr"), deep);
        assertThatThrownBy(() -> Read.all(d, ReadOptions.builder().format("hocr").build()))
                .isInstanceOf(LamException.class).hasMessageContaining("nested deeper");
    }
}
