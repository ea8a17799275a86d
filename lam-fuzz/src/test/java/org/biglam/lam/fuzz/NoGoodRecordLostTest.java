package org.biglam.lam.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.Lam;
import org.biglam.lam.LamReader;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.testing.Archives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For each format, one damaged record (or file, for formats of one document per file) between good
 * ones: with {@link ErrorPolicy#SKIP} every good record comes out, the damaged one is reported with
 * its input, entry, index and offset or line, and the counts add up.
 */
class NoGoodRecordLostTest {

    @TempDir
    Path dir;

    /** What a SKIP read gave: records, problems, and the reader's counters. */
    record Read(List<LamRecord> records, List<Problem> problems, long recordCount, long errorCount) {

        List<String> ids() {
            return records.stream().map(LamRecord::id).collect(Collectors.toList());
        }

        List<String> texts() {
            return records.stream().map(r -> r.text().orElse("")).collect(Collectors.toList());
        }

        /** The one error, after checking that the counts add up to {@code good} records and one error. */
        Problem oneError(int good) {
            assertThat(records).as("records; problems were " + problems).hasSize(good);
            assertThat(recordCount).isEqualTo(good);
            assertThat(errorCount).as("errors; problems were " + problems).isEqualTo(1);
            List<Problem> errors = problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR)
                    .collect(Collectors.toList());
            assertThat(errors).hasSize(1);
            return errors.get(0);
        }
    }

    private static Read skip(Path input, String format) {
        ReadOptions.Builder b = ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP);
        if (format != null) {
            b.format(format);
        }
        return assertTimeoutPreemptively(Hostile.HANG_GUARD, () -> {
            try (LamReader r = Lam.open(List.of(input.toString()), b.build())) {
                List<LamRecord> records = new ArrayList<>();
                r.forEach(records::add);
                return new Read(records, r.problems(), r.recordCount(), r.errorCount());
            }
        });
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    private static void assertLocated(Location l, String input) {
        assertThat(l.input()).endsWith(input);
        assertThat(l.line().isPresent() || l.offset().isPresent()).as("a line or an offset: " + l).isTrue();
    }

    // ---- record formats: the damaged record sits between good ones in one file ----

    @Test
    void iso2709KeepsBothGoodRecordsAroundOneCutShort() {
        // Before lam-marc 008cee4 the cut record swallowed good-2. lam-marc now recovers what it can of the
        // cut record, with warnings, so it may come out too; either way both good records do.
        Read r = skip(FuzzFindingsTest.fixture("truncated-between-two-good.mrc"), "marc21");
        assertThat(r.ids()).as("problems: " + r.problems()).containsSubsequence("good-1", "good-2")
                .hasSizeBetween(2, 3);
        assertThat(r.recordCount()).isEqualTo(r.records().size());
        assertThat(r.problems()).as("the cut record is reported").isNotEmpty().allSatisfy(p -> {
            assertThat(p.location().index()).hasValue(1);
            assertThat(p.location().offset()).isPresent();
            assertLocated(p.location(), "truncated-between-two-good.mrc");
        });
        assertThat(r.errorCount()).isEqualTo(r.ids().contains("cut-short") ? 0 : 1);
    }

    private static String marcxml(String id, String title, String tagAttribute) {
        return "<record><leader>00000nam a2200000 a 4500</leader><controlfield tag=\"001\">" + id + "</controlfield>"
                + "<datafield " + tagAttribute + " ind1=\"0\" ind2=\"0\"><subfield code=\"a\">" + title
                + "</subfield></datafield></record>\n";
    }

    @Test
    void marcxmlKeepsBothGoodRecordsAroundOneWithoutAFieldTag() throws IOException {
        Path f = write("three.xml", "<?xml version=\"1.0\"?>\n<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n"
                + marcxml("x-1", "One", "tag=\"245\"") + marcxml("x-2", "Damaged", "") + marcxml("x-3", "Three", "tag=\"245\"")
                + "</collection>\n");
        Read r = skip(f, "marcxml");
        Problem p = r.oneError(2);
        assertThat(r.ids()).containsExactly("x-1", "x-3");
        assertThat(p.location().index()).hasValue(1);
        assertLocated(p.location(), "three.xml");
    }

    @Test
    void marcxmlFilesInAnArchiveKeepTheGoodFilesAroundOneWithMalformedMarkup() throws IOException {
        String head = "<?xml version=\"1.0\"?>\n<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n";
        Path f = Archives.write(dir.resolve("marcxml.tar.gz"), Archives.gzip(Archives.tar(Archives.entries()
                .add("a.xml", head + marcxml("a-1", "A", "tag=\"245\"") + "</collection>\n")
                .add("b.xml", head + "<record><leader>broken\n</collection>\n")
                .add("c.xml", head + marcxml("c-1", "C", "tag=\"245\"") + "</collection>\n"))));
        Read r = skip(f, "marcxml");
        Problem p = r.oneError(2);
        assertThat(r.ids()).containsExactly("a-1", "c-1");
        assertThat(p.location().entry()).contains("b.xml");
        assertLocated(p.location(), "marcxml.tar.gz");
    }

    @Test
    void marcInJsonKeepsBothGoodRecordsAroundABrokenLine() {
        Path f = FuzzFindingsTest.fixture("marc-json-broken-line-between-two-good.ndjson");
        Read r = skip(f, "marc-json");
        Problem p = r.oneError(2);
        assertThat(r.ids()).containsExactly("j-1", "j-3");
        assertThat(p.location().line()).hasValue(2);
        assertLocated(p.location(), "marc-json-broken-line-between-two-good.ndjson");
    }

    @Test
    void jsonLinesKeepsBothGoodRecordsAroundABrokenLineAndALineOfBadUtf8() throws IOException {
        byte[] bad = "{\"id\":\"bad-utf8\",\"text\":\"\u00ff\u00fe\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        Path f = dir.resolve("lines.jsonl");
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes("{\"id\":\"l-1\",\"text\":\"one\"}\n{\"id\":\"l-2\",\"text\":\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes("{\"id\":\"l-3\",\"text\":\"three\"}\n".getBytes(StandardCharsets.UTF_8));
        Files.write(f, b.toByteArray());
        Read r = skip(f, "lam-jsonl");
        Problem p = r.oneError(2);
        assertThat(r.ids()).containsExactly("l-1", "l-3");
        assertThat(p.location().line()).hasValue(2);
        assertLocated(p.location(), "lines.jsonl");

        Path g = dir.resolve("utf8.jsonl");
        b.reset();
        b.writeBytes("{\"id\":\"u-1\",\"text\":\"one\"}\n".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(bad);
        b.writeBytes("{\"id\":\"u-3\",\"text\":\"three\"}\n".getBytes(StandardCharsets.UTF_8));
        Files.write(g, b.toByteArray());
        Read u = skip(g, "lam-jsonl");
        Problem pu = u.oneError(2);
        assertThat(u.ids()).containsExactly("u-1", "u-3");
        assertThat(pu.location().line()).hasValue(2);
    }

    // ---- one document per file: the damaged file sits between good ones in a folder or archive ----

    private static String tei(String title, String body) {
        return "<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt>"
                + "<title>" + title + "</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p>"
                + "</sourceDesc></fileDesc></teiHeader><text><body>" + body + "</body></text></TEI>\n";
    }

    @Test
    void teiFilesInAFolderKeepTheGoodOnesAroundOneWithMalformedMarkup() throws IOException {
        write("tei/a.xml", tei("A", "<p>first text</p>"));
        write("tei/b.xml", tei("B", "<p>unclosed <hi>text</p>"));
        write("tei/c.xml", tei("C", "<p>third text</p>"));
        Read r = skip(dir.resolve("tei"), "tei");
        Problem p = r.oneError(2);
        assertThat(r.texts()).containsExactly("first text", "third text");
        assertLocated(p.location(), "b.xml");
        assertThat(p.location().line()).isPresent();
    }

    @Test
    void teiFilesInAnArchiveKeepTheGoodOnesAroundOneInTheWrongEncoding() throws IOException {
        byte[] latin1 = tei("B", "<p>caf\u00e9 cr\u00e8me</p>").getBytes(StandardCharsets.ISO_8859_1);
        Path f = Archives.write(dir.resolve("tei.zip"), Archives.zip(Archives.entries()
                .add("a.xml", tei("A", "<p>first text</p>")).add("b.xml", latin1).add("c.xml", tei("C", "<p>third text</p>"))));
        Read r = skip(f, "tei");
        Problem p = r.oneError(2);
        assertThat(r.texts()).containsExactly("first text", "third text");
        assertThat(p.location().entry()).contains("b.xml");
    }

    private static String alto(String id, String word) {
        return "<?xml version=\"1.0\"?>\n<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\"><Layout>"
                + "<Page ID=\"" + id + "\" WIDTH=\"100\" HEIGHT=\"100\" PHYSICAL_IMG_NR=\"1\"><PrintSpace><TextBlock ID=\"b1\">"
                + "<TextLine ID=\"l1\"><String ID=\"s1\" CONTENT=\"" + word + "\"/></TextLine></TextBlock></PrintSpace>"
                + "</Page></Layout></alto>\n";
    }

    @Test
    void altoPagesInAnArchiveKeepTheGoodOnesAroundOneWithMalformedMarkup() {
        Path f = Archives.write(dir.resolve("pages.tar.gz"), Archives.gzip(Archives.tar(Archives.entries()
                .add("p1.xml", alto("P1", "first")).add("p2.xml", alto("P2", "second").replace("</TextLine>", ""))
                .add("p3.xml", alto("P3", "third")))));
        Read r = skip(f, "alto");
        Problem p = r.oneError(2);
        assertThat(r.texts()).containsExactly("first", "third");
        assertThat(p.location().entry()).contains("p2.xml");
        assertLocated(p.location(), "pages.tar.gz");
    }

    @Test
    void metsKeepsTheGoodPagesAroundOneWhoseAltoIsMalformed() throws IOException {
        StringBuilder files = new StringBuilder();
        StringBuilder pages = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            files.append("<mets:file ID=\"ALTO").append(i).append("\" MIMETYPE=\"text/xml\"><mets:FLocat LOCTYPE=\"URL\" ")
                    .append("xlink:href=\"alto/p").append(i).append(".xml\"/></mets:file>");
            pages.append("<mets:div ID=\"PHYS").append(i).append("\" TYPE=\"page\" ORDER=\"").append(i)
                    .append("\"><mets:fptr FILEID=\"ALTO").append(i).append("\"/></mets:div>");
        }
        write("issue/mets.xml", "<?xml version=\"1.0\"?>\n<mets:mets xmlns:mets=\"http://www.loc.gov/METS/\" "
                + "xmlns:xlink=\"http://www.w3.org/1999/xlink\"><mets:fileSec><mets:fileGrp USE=\"FULLTEXT\">" + files
                + "</mets:fileGrp></mets:fileSec><mets:structMap TYPE=\"PHYSICAL\"><mets:div TYPE=\"physSequence\">"
                + pages + "</mets:div></mets:structMap></mets:mets>\n");
        write("issue/alto/p1.xml", alto("P1", "first"));
        write("issue/alto/p2.xml", alto("P2", "second").replace("</TextLine>", ""));
        write("issue/alto/p3.xml", alto("P3", "third"));
        Read r = skip(dir.resolve("issue/mets.xml"), "mets");
        Problem p = r.oneError(2);
        assertThat(r.texts()).containsExactly("first", "third");
        assertThat(p.message()).contains("p2.xml");
        assertLocated(p.location(), "alto/p2.xml");
    }

    private static final String V3 = "\"@context\":\"http://iiif.io/api/presentation/3/context.json\"";

    private static String manifest(String id) {
        return "{" + V3 + ",\"id\":\"https://example.org/" + id + "\",\"type\":\"Manifest\",\"label\":{\"en\":[\"" + id
                + "\"]},\"items\":[{\"id\":\"https://example.org/" + id + "/c1\",\"type\":\"Canvas\",\"width\":10,\"height\":10}]}";
    }

    @Test
    void iiifManifestsInAFolderKeepTheGoodOnesAroundOneOfBrokenJson() throws IOException {
        write("iiif/a.json", manifest("a"));
        write("iiif/b.json", manifest("b").substring(0, 120));
        write("iiif/c.json", manifest("c"));
        Read r = skip(dir.resolve("iiif"), "iiif");
        Problem p = r.oneError(2);
        assertThat(r.records()).extracting(x -> x.labels().get("title").get(0)).containsExactly("a", "c");
        assertLocated(p.location(), "b.json");
    }

    @Test
    void pageXmlAndHocrFilesInAFolderKeepTheGoodOnesAroundOneWithMalformedMarkup() throws IOException {
        String page = "<?xml version=\"1.0\"?>\n<PcGts xmlns=\"http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15\">"
                + "<Page imageFilename=\"%s.jpg\" imageWidth=\"100\" imageHeight=\"100\"><TextRegion id=\"r1\"><Coords points=\"0,0 10,0 10,10 0,10\"/>"
                + "<TextLine id=\"l1\"><Coords points=\"0,0 10,0 10,10 0,10\"/><TextEquiv><Unicode>%s</Unicode></TextEquiv></TextLine>"
                + "<TextEquiv><Unicode>%s</Unicode></TextEquiv></TextRegion></Page></PcGts>\n";
        write("page/a.xml", String.format(page, "a", "first", "first"));
        write("page/b.xml", String.format(page, "b", "second", "second").replace("</TextRegion>", ""));
        write("page/c.xml", String.format(page, "c", "third", "third"));
        Read r = skip(dir.resolve("page"), "page");
        Problem p = r.oneError(2);
        assertThat(r.texts()).containsExactly("first", "third");
        assertLocated(p.location(), "b.xml");
    }
    // ---- archives and museums: EAD components, LIDO objects, EDM graphs ----

    private static String ead(String id, String components) {
        return "<?xml version=\"1.0\"?>\n<ead xmlns=\"urn:isbn:1-931666-22-9\"><eadheader><eadid>" + id
                + "</eadid></eadheader>\n<archdesc level=\"fonds\"><did><unittitle>" + id + "</unittitle></did><dsc>\n"
                + components + "</dsc></archdesc></ead>\n";
    }

    @Test
    void eadFilesInAFolderKeepTheGoodOnesAroundOneWithMalformedMarkup() throws IOException {
        write("ead/a.xml", ead("a", "<c01><did><unittitle>a1</unittitle></did></c01>\n"));
        write("ead/b.xml", ead("b", "<c01><did><unittitle>b1</unittitle></did></c01>\n<c01><did><unittitle>b2</did></c01>\n"));
        write("ead/c.xml", ead("c", "<c01><did><unittitle>c1</unittitle></did></c01>\n"));
        Read r = skip(dir.resolve("ead"), "ead");
        // b's first component came out before the markup broke; b's collection record did not
        Problem p = r.oneError(5);
        assertThat(r.ids()).containsExactly("a#c1", "a", "b#c1", "c#c1", "c");
        assertLocated(p.location(), "b.xml");
    }

    @Test
    void eadKeepsTheGoodComponentsAroundOneLargerThanTheLimit() throws IOException {
        String big = "<c01><did><unittitle>big</unittitle></did><scopecontent><p>" + "word ".repeat(2000)
                + "</p></scopecontent></c01>\n";
        Path f = write("fa.xml", ead("fa", "<c01><did><unittitle>one</unittitle></did></c01>\n" + big
                + "<c01><did><unittitle>three</unittitle></did></c01>\n"));
        ReadOptions o = ReadOptions.builder().format("ead").errorPolicy(ErrorPolicy.SKIP)
                .limits(org.biglam.lam.ReadLimits.builder().maxRecordBytes(5000).build()).build();
        List<LamRecord> records = new ArrayList<>();
        List<Problem> problems;
        try (LamReader reader = Lam.open(List.of(f.toString()), o)) {
            reader.forEach(records::add);
            problems = reader.problems();
        }
        assertThat(records).extracting(LamRecord::id).containsExactly("fa#c1", "fa#c3", "fa");
        assertThat(problems).filteredOn(x -> x.severity() == Problem.Severity.ERROR).singleElement()
                .satisfies(x -> {
                    assertThat(x.location().recordId()).contains("fa#c2");
                    assertLocated(x.location(), "fa.xml");
                });
    }

    @Test
    void lidoFilesInAFolderKeepTheGoodOnesAroundOneWithMalformedMarkup() throws IOException {
        String lido = "<?xml version=\"1.0\"?>\n<lidoWrap xmlns=\"http://www.lido-schema.org\">\n<lido><lidoRecID>%s</lidoRecID>"
                + "<descriptiveMetadata><objectIdentificationWrap><titleWrap><titleSet><appellationValue>%s"
                + "</appellationValue></titleSet></titleWrap></objectIdentificationWrap></descriptiveMetadata></lido>\n</lidoWrap>\n";
        write("lido/a.xml", String.format(lido, "a", "first"));
        write("lido/b.xml", String.format(lido, "b", "second").replace("</titleSet>", ""));
        write("lido/c.xml", String.format(lido, "c", "third"));
        Read r = skip(dir.resolve("lido"), "lido");
        Problem p = r.oneError(2);
        assertThat(r.ids()).containsExactly("a", "c");
        assertLocated(p.location(), "b.xml");
    }

    @Test
    void edmGraphsOfADumpKeepTheGoodOnesAroundOneWithMalformedMarkup() throws IOException {
        String graph = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:edm=\"http://www.europeana.eu/schemas/edm/\">"
                + "<edm:ProvidedCHO rdf:about=\"urn:%s\"><dc:title>%s</dc:title></edm:ProvidedCHO></rdf:RDF>\n";
        write("edm/a.xml", String.format(graph, "a", "first"));
        write("edm/b.xml", String.format(graph, "b", "second").replace("</dc:title>", "</dc:titel>"));
        write("edm/c.xml", String.format(graph, "c", "third"));
        Read r = skip(dir.resolve("edm"), "edm");
        Problem p = r.oneError(2);
        assertThat(r.ids()).containsExactly("urn:a", "urn:c");
        assertLocated(p.location(), "b.xml");
    }
}
