package org.biglam.lam.oai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.ImageRef;
import org.biglam.lam.Lam;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Test;

/**
 * OAI-PMH records harvested with {@code metadataPrefix=mets} (DSpace, Kitodo, Goobi): each record's
 * METS document read by lam-alto's METS {@code EmbeddedXmlReader} (on this module's test path only),
 * its primary dmdSec through the reader of its namespace; a payload that breaks a limit, under both
 * policies; hostile payloads; the corpus's METS documents wrapped in a record.
 */
class OaiMetsPayloadTest {

    private static final Path PAGE = Path.of("src/test/resources/mets/list-records-mets.xml");

    private static final String HEAD = "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords>";
    private static final String TAIL = "</ListRecords></OAI-PMH>";

    /** An OAI-PMH record of a payload. */
    private static String record(String id, String payload) {
        return "<record><header><identifier>" + id + "</identifier><datestamp>2024-01-01</datestamp></header>"
                + "<metadata>" + payload + "</metadata></record>\n";
    }

    private static List<LamRecord> read(String xml, ReadOptions.Builder o, List<Problem> problems) {
        List<LamRecord> out = new ArrayList<>();
        try (var s = Lam.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "page.xml",
                o.onProblem(problems::add).build())) {
            s.forEach(out::add);
        }
        return out;
    }

    private static List<LamRecord> read(Path p, List<Problem> problems) {
        List<LamRecord> out = new ArrayList<>();
        try (var s = Lam.read(p, ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(problems::add).build())) {
            s.forEach(out::add);
        }
        return out;
    }

    /** A small METS document with a MODS title and one page image. */
    private static String mets(String title, String extra) {
        return "<mets:mets xmlns:mets=\"http://www.loc.gov/METS/\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                + "<mets:dmdSec ID=\"D1\"><mets:mdWrap MDTYPE=\"MODS\"><mets:xmlData>"
                + "<mods xmlns=\"http://www.loc.gov/mods/v3\"><titleInfo><title>" + title + "</title></titleInfo></mods>"
                + "</mets:xmlData></mets:mdWrap></mets:dmdSec>" + extra
                + "<mets:fileSec><mets:fileGrp USE=\"DEFAULT\"><mets:file ID=\"F1\" MIMETYPE=\"image/jpeg\">"
                + "<mets:FLocat LOCTYPE=\"URL\" xlink:href=\"https://example.org/" + title + ".jpg\"/></mets:file>"
                + "</mets:fileGrp></mets:fileSec><mets:structMap TYPE=\"PHYSICAL\"><mets:div TYPE=\"physSequence\">"
                + "<mets:div ID=\"P1\" TYPE=\"page\"><mets:fptr FILEID=\"F1\"/></mets:div></mets:div></mets:structMap>"
                + "</mets:mets>";
    }

    @Test
    void aMetsPayloadThatLostItsPrefixDeclarationReadsUnderOaiLenient() {
        // the METS cut out of its envelope without its xmlns:mets (and xlink): refused strict, naming the option;
        // read with oai.lenient, which binds mets and xlink as it binds oai_dc and mods
        String bare = mets("Undeclared", "").replace(" xmlns:mets=\"http://www.loc.gov/METS/\"", "")
                .replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "");
        String page = HEAD + record("oai:x:1", bare) + TAIL;
        assertThatThrownBy(() -> read(page, ReadOptions.builder(), new ArrayList<>()))
                .hasMessageContaining("oai.lenient=true");
        List<LamRecord> recs = read(page, ReadOptions.builder().set("oai.lenient", "true"), new ArrayList<>());
        assertThat(recs).singleElement().satisfies(r -> {
            assertThat(r.format()).isEqualTo("mets");
            assertThat(r.label("title")).containsExactly("Undeclared");
            assertThat(r.images()).extracting(ImageRef::uri).containsExactly("https://example.org/Undeclared.jpg");
        });
    }

    @Test
    void readsEachMetsRecordAsOneRecordWithTheHeadersLabelsTheDescriptionsAndThePageImages() {
        List<Problem> problems = new ArrayList<>();
        List<LamRecord> recs = read(PAGE, problems);
        assertThat(recs).extracting(LamRecord::id).containsExactly("oai:repo.example.org:123456789/42",
                "oai:digital.example.org:PPN123456789", "oai:archive.example.org:letter-0042");
        assertThat(recs).extracting(LamRecord::format).containsOnly("mets");
        assertThat(recs).allSatisfy(r -> {
            assertThat(r.text()).isEmpty();
            assertThat(r.label("oai:token")).containsExactly("mets-page-2");
            assertThat(r.source().orElseThrow().uri()).endsWith("mets/list-records-mets.xml");
        });

        // DSpace: the MODS dmdSec; no pages, so the images of the fileSec's preferred group (ORIGINAL, not the
        // THUMBNAIL), its PDF no image
        LamRecord dspace = recs.get(0);
        assertThat(dspace.label("oai:setSpec")).containsExactly("com_123456789_1", "col_123456789_7");
        assertThat(dspace.label("oai:datestamp")).containsExactly("2023-11-20T08:15:02Z");
        assertThat(dspace.label("title")).containsExactly("Survey of the river mills");
        assertThat(dspace.label("creator")).containsExactly("Miller, Jane");
        assertThat(dspace.label("date")).containsExactly("1911");
        assertThat(dspace.label("language")).containsExactly("en");
        assertThat(dspace.images()).extracting(ImageRef::uri)
                .containsExactly("https://repo.example.org/bitstream/handle/123456789/42/map.jpg?sequence=1");
        assertThat(dspace.images().get(0).mime()).hasValue("image/jpeg");

        // Kitodo: the dmdSec the logical root names (the second in the document), not the chapter's; each page's
        // DEFAULT image (not THUMBS, not the LOCAL file: path of the production machine); the ALTO not fetched
        LamRecord kitodo = recs.get(1);
        assertThat(kitodo.label("title")).containsExactly("Beschreibung der Stadt Halle");
        assertThat(kitodo.label("creator")).containsExactly("Dreyhaupt, Johann Christoph von");
        assertThat(kitodo.label("date")).containsExactly("1755");
        assertThat(kitodo.label("place")).containsExactly("Halle");
        assertThat(kitodo.label("language")).containsExactly("de");
        assertThat(kitodo.label("mets:type")).containsExactly("monograph");
        assertThat(kitodo.labels().toString()).doesNotContain("Vorrede", "Example State Library");
        assertThat(kitodo.images()).extracting(ImageRef::uri).containsExactly(
                "https://digital.example.org/viewer/content/PPN123456789/800/0/00000001.jpg",
                "https://digital.example.org/viewer/content/PPN123456789/800/0/00000002.jpg");

        // Dublin Core: the page image with its MIX size; the relative one left out
        LamRecord letter = recs.get(2);
        assertThat(letter.label("title")).containsExactly("Letter to a friend");
        assertThat(letter.label("creator")).containsExactly("Smith, Anna");
        assertThat(letter.label("rights")).containsExactly("CC0");
        assertThat(letter.images()).singleElement().satisfies(i -> {
            assertThat(i.uri()).isEqualTo("https://archive.example.org/iiif/letter-0042/1r.jpg");
            assertThat(i.width()).hasValue(2480L);
            assertThat(i.height()).hasValue(3508L);
        });

        assertThat(problems).allSatisfy(p -> assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING));
        assertThat(problems).extracting(Problem::kind).containsExactly("mets-text-not-fetched", "mets-relative-file");
        Problem ocr = problems.get(0);
        assertThat(ocr.message()).contains("oai:digital.example.org:PPN123456789", "2 OCR files",
                "https://digital.example.org/viewer/fulltext/PPN123456789/00000001.xml", "not fetched");
        assertThat(ocr.location().recordId()).hasValue("oai:digital.example.org:PPN123456789");
        assertThat(ocr.location().index()).hasValue(1L);
        assertThat(ocr.location().line()).isPresent();
        assertThat(problems.get(1).message()).contains("oai:archive.example.org:letter-0042", "images/1v.jpg");
        assertThat(problems.get(1).location().recordId()).hasValue("oai:archive.example.org:letter-0042");
    }

    @Test
    void aMetsRecordCarriesTheLabelsItsModsWouldGiveAsTheRecordsPayload() throws Exception {
        // the DSpace record's MODS, as the record's payload itself: the same labels, the METS adding its type
        String page = Files.readString(PAGE);
        int from = page.indexOf("<mods:mods>");
        String mods = page.substring(from, page.indexOf("</mods:mods>", from) + "</mods:mods>".length())
                .replace("<mods:mods>", "<mods:mods xmlns:mods=\"http://www.loc.gov/mods/v3\">");
        List<Problem> problems = new ArrayList<>();
        LamRecord direct = read(HEAD + record("oai:repo.example.org:123456789/42", mods) + TAIL,
                ReadOptions.builder(), problems).get(0);
        LamRecord viaMets = read(PAGE, new ArrayList<>()).get(0);
        assertThat(direct.format()).isEqualTo("mods");
        Map<String, List<String>> expected = new LinkedHashMap<>(direct.labels());
        Map<String, List<String>> got = new LinkedHashMap<>(viaMets.labels());
        expected.keySet().removeIf(k -> k.startsWith("oai:"));
        got.keySet().removeIf(k -> k.startsWith("oai:"));
        assertThat(got.remove("mets:type")).containsExactly("DSpace Object Contents");
        assertThat(got).isEqualTo(expected);
    }

    @Test
    void aPayloadLargerThanMaxRecordBytesIsALocatedProblemAndUnderSkipTheOtherRecordsComeOut() {
        // 40,000 characters in a section kept (techMD) or passed over (digiprovMD): refused either way
        for (String section : List.of("techMD", "digiprovMD")) {
            String big = "<mets:amdSec ID=\"A\"><mets:" + section + " ID=\"T\"><mets:mdWrap MDTYPE=\"OTHER\">"
                    + "<mets:xmlData><note>" + "x".repeat(40_000) + "</note></mets:xmlData></mets:mdWrap></mets:"
                    + section + "></mets:amdSec>";
            String xml = HEAD + record("oai:x:1", mets("first", "")) + record("oai:x:2", mets("second", big))
                    + record("oai:x:3", mets("third", "")) + TAIL;
            ReadLimits limits = ReadLimits.builder().maxRecordBytes(16 << 10).build();
            List<Problem> problems = new ArrayList<>();
            List<LamRecord> recs = read(xml, ReadOptions.builder().limits(limits).errorPolicy(ErrorPolicy.SKIP),
                    problems);
            assertThat(recs).extracting(LamRecord::id).containsExactly("oai:x:1", "oai:x:3");
            assertThat(recs).extracting(r -> r.label("title")).containsExactly(List.of("first"), List.of("third"));
            assertThat(recs.get(1).images()).extracting(ImageRef::uri).containsExactly("https://example.org/third.jpg");
            assertThat(problems).as(section).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo("limit");
                assertThat(p.message()).contains("record oai:x:2", "16384 bytes", "maxRecordBytes");
                assertThat(p.location().recordId()).hasValue("oai:x:2");
                assertThat(p.location().index()).hasValue(1L);
                assertThat(p.location().line()).hasValue(2L);
                // where the limit was passed: at the text that passes it (kept) or its end (passed over), not at
                // the payload's end
                long text = xml.indexOf("<note>x") + "<note>".length();
                assertThat(p.location().offset().orElseThrow()).isBetween(text, text + 40_000L);
            });

            // under the fail policy: the records before it, then the problem as an exception
            List<LamRecord> before = new ArrayList<>();
            assertThatThrownBy(() -> {
                try (var s = Lam.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "page.xml",
                        ReadOptions.builder().limits(limits).build())) {
                    s.forEach(before::add);
                }
            }).isInstanceOf(LamLimitExceededException.class).hasMessageContaining("oai:x:2");
            assertThat(before).extracting(LamRecord::id).containsExactly("oai:x:1");
        }
    }

    @Test
    void aDmdSecNoModuleReadsIsAWarningAndTheRecordComesWithTheHeadersLabelsAndItsImages() {
        // a TEI header (no module on this path reads TEI) and a MODS record in another file (mdRef, not followed)
        String unread = mets("unread", "").replace("<mets:dmdSec ID=\"D1\"><mets:mdWrap MDTYPE=\"MODS\"><mets:xmlData>"
                + "<mods xmlns=\"http://www.loc.gov/mods/v3\"><titleInfo><title>unread</title></titleInfo></mods>"
                + "</mets:xmlData></mets:mdWrap></mets:dmdSec>",
                "<mets:dmdSec ID=\"D1\"><mets:mdWrap MDTYPE=\"TEIHDR\"><mets:xmlData>"
                + "<teiHeader xmlns=\"http://www.tei-c.org/ns/1.0\"><fileDesc><titleStmt><title>A letter</title>"
                + "</titleStmt></fileDesc></teiHeader></mets:xmlData></mets:mdWrap></mets:dmdSec>"
                + "<mets:dmdSec ID=\"D2\"><mets:mdRef LOCTYPE=\"URL\" MDTYPE=\"MODS\" "
                + "xlink:href=\"https://example.org/mods/1.xml\"/></mets:dmdSec>");
        String xml = HEAD + record("oai:x:1", unread) + record("oai:x:2", mets("second", "")) + TAIL;
        List<Problem> problems = new ArrayList<>();
        List<LamRecord> recs = read(xml, ReadOptions.builder(), problems);
        assertThat(recs).extracting(LamRecord::id).containsExactly("oai:x:1", "oai:x:2");
        assertThat(recs.get(0).format()).isEqualTo("mets");
        assertThat(recs.get(0).label("title")).isEmpty();
        assertThat(recs.get(0).label("oai:identifier")).containsExactly("oai:x:1");
        assertThat(recs.get(0).images()).extracting(ImageRef::uri).containsExactly("https://example.org/unread.jpg");
        assertThat(recs.get(1).label("title")).containsExactly("second");
        assertThat(problems).extracting(Problem::kind).containsExactly("mets-dmd-unread", "mets-dmd-unread");
        assertThat(problems).extracting(Problem::severity).containsOnly(Problem.Severity.WARNING);
        assertThat(problems.get(0).message()).contains("<teiHeader>", "dmdSec D1");
        assertThat(problems.get(1).message()).contains("dmdSec D2", "mdRef", "https://example.org/mods/1.xml");
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.location().recordId()).hasValue("oai:x:1");
            assertThat(p.location().line()).hasValue(1L);
        });
    }

    @Test
    void metsNestedInMetsDmdSecsIsRefusedAtBoundedCostAndTheRecordsBeforeComeOut() {
        // each METS's dmdSec holds another METS: the nesting limit stops it, never the stack
        StringBuilder deep = new StringBuilder();
        int levels = 400;
        for (int i = 0; i < levels; i++) {
            deep.append("<mets:mets xmlns:mets=\"http://www.loc.gov/METS/\"><mets:dmdSec ID=\"D").append(i)
                    .append("\"><mets:mdWrap MDTYPE=\"OTHER\"><mets:xmlData>");
        }
        for (int i = 0; i < levels; i++) {
            deep.append("</mets:xmlData></mets:mdWrap></mets:dmdSec></mets:mets>");
        }
        String xml = HEAD + record("oai:x:1", mets("first", "")) + record("oai:x:2", deep.toString()) + TAIL;
        List<Problem> problems = new ArrayList<>();
        List<LamRecord> recs = read(xml, ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP), problems);
        assertThat(recs).extracting(LamRecord::id).contains("oai:x:1");
        assertThat(recs).extracting(LamRecord::id).doesNotContain("oai:x:2");
        assertThat(problems).filteredOn(p -> p.severity() == Problem.Severity.ERROR).singleElement()
                .satisfies(p -> {
                    assertThat(p.message()).containsIgnoringCase("nest");
                    assertThat(p.location().line()).isPresent();
                });

        // a few levels are read, each METS giving its description to the one that holds it
        String two = mets("outer", "").replace("<mets:dmdSec ID=\"D1\"><mets:mdWrap MDTYPE=\"MODS\"><mets:xmlData>"
                + "<mods xmlns=\"http://www.loc.gov/mods/v3\"><titleInfo><title>outer</title></titleInfo></mods>",
                "<mets:dmdSec ID=\"D1\"><mets:mdWrap MDTYPE=\"OTHER\"><mets:xmlData>" + mets("inner", ""));
        List<Problem> none = new ArrayList<>();
        List<LamRecord> nested = read(HEAD + record("oai:x:9", two) + TAIL, ReadOptions.builder(), none);
        assertThat(nested).singleElement().satisfies(r -> {
            assertThat(r.label("title")).containsExactly("inner");
            assertThat(r.images()).extracting(ImageRef::uri).containsExactly("https://example.org/outer.jpg");
        });
        assertThat(none).isEmpty();
    }

    @Test
    void entitiesInAMetsPageAreRefused() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE OAI-PMH [<!ENTITY x SYSTEM \"file:///etc/passwd\">"
                + "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + HEAD + record("oai:x:1", mets("&x;&b;", "")) + TAIL;
        List<Problem> problems = new ArrayList<>();
        List<LamRecord> recs = read(xml, ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP), problems);
        assertThat(recs).isEmpty();
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.message()).doesNotContain("root:"));
        assertThatThrownBy(() -> read(xml, ReadOptions.builder(), new ArrayList<>()))
                .isInstanceOf(LamFormatException.class);
    }

    /**
     * The corpus's METS documents (OCR-D, British Library newspapers), each as the payload of a record:
     * the description the METS reader gives its pages, and a warning for their OCR files and relative paths.
     */
    @Test
    void theCorpusMetsDocumentsAsRecordPayloadsGiveTheirDescription() throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path f : Corpus.files("mets-alto")) {
            String s = Files.readString(f);
            if (s.contains("http://www.loc.gov/METS/") && s.contains("mets:mets")) {
                files.add(f);
            }
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            String mets = Files.readString(f).replaceFirst("^\\uFEFF?<\\?xml[^>]*\\?>", "");
            List<Problem> problems = new ArrayList<>();
            List<LamRecord> recs = read(HEAD + record("oai:corpus:1", mets) + TAIL, ReadOptions.builder()
                    .errorPolicy(ErrorPolicy.SKIP), problems);
            assertThat(recs).as(f.toString()).singleElement().satisfies(r -> {
                assertThat(r.format()).isEqualTo("mets");
                assertThat(r.label("oai:identifier")).containsExactly("oai:corpus:1");
            });
            // the package read as METS: its pages carry the same description
            List<LamRecord> pages = new ArrayList<>();
            List<Problem> pageProblems = new ArrayList<>();
            try (var s = Lam.read(f, ReadOptions.builder().format("mets").errorPolicy(ErrorPolicy.SKIP)
                    .onProblem(pageProblems::add).build())) {
                s.forEach(pages::add);
            }
            assertThat(pages).as(f + " " + pageProblems).isNotEmpty();
            for (String label : List.of("title", "creator", "date", "identifier")) {
                assertThat(recs.get(0).label(label)).as(f + " " + label).isEqualTo(pages.get(0).label(label));
            }
            assertThat(recs.get(0).labels().keySet()).as(f.toString()).anySatisfy(k -> assertThat(k).doesNotStartWith("oai:"));
            // its files are named by relative paths and its pages by OCR files: warnings, no error
            assertThat(problems).as(f.toString()).extracting(Problem::severity).containsOnly(Problem.Severity.WARNING);
            assertThat(problems).extracting(Problem::kind).contains("mets-text-not-fetched");
        }
    }
}
