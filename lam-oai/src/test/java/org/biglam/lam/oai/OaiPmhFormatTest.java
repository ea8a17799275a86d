package org.biglam.lam.oai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Test;

class OaiPmhFormatTest {

    static final Path PAGES = Path.of("src/test/resources/pages");

    static List<LamRecord> read(Path p, ReadOptions o) {
        List<LamRecord> out = new ArrayList<>();
        try (var s = Lam.read(p, o)) {
            s.forEach(out::add);
        }
        return out;
    }

    @Test
    void dispatchesEachRecordByTheNamespaceOfItsMetadata() {
        List<Problem> problems = new ArrayList<>();
        List<LamRecord> recs = read(PAGES, ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(problems::add).build());
        assertThat(recs).extracting(LamRecord::id).containsExactly("oai:example.org:1", "oai:example.org:3",
                "oai:example.org:4", "oai:example.org:5", "oai:example.org:6", "oai:example.org:7");
        assertThat(recs).extracting(LamRecord::format).containsExactly("dc", "mods", "oai-pmh", "marcxml", "dc", "dc");
        LamRecord dc = recs.get(0);
        assertThat(dc.label("title")).containsExactly("Ein Brief");
        assertThat(dc.label("dc:title@de")).containsExactly("Ein Brief");
        assertThat(dc.label("language")).containsExactly("de");
        assertThat(dc.label("date")).containsExactly("1835");
        assertThat(dc.label("oai:datestamp")).containsExactly("2020-01-02");
        assertThat(dc.label("oai:setSpec")).containsExactly("letters");
        assertThat(dc.source().orElseThrow().uri()).endsWith("pages/page1.xml");
        assertThat(recs.get(1).label("title")).containsExactly("A MODS record");
        assertThat(recs.get(2).label("oai:identifier")).containsExactly("oai:example.org:4");
        assertThat(recs.get(3).label("title")).containsExactly("A MARC record");
        assertThat(recs.get(4).label("oai:token")).containsExactly("token-2");
        assertThat(problems).extracting(Problem::kind).contains("unknown-metadata", "deleted");
        assertThat(problems).filteredOn(p -> p.kind().equals("unknown-metadata")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("http://www.clarin.eu/cmd/", "oai:example.org:4"));
    }

    @Test
    void aMalformedDublinCoreOrModsPayloadIsLocatedByLineColumnAndByteOffset() {
        // Aalto counts bytes: the é before the error is two bytes, one character
        String page = "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><ListRecords><record><header>"
                + "<identifier>oai:x:1</identifier></header><metadata>\n%s\n</metadata></record></ListRecords></OAI-PMH>";
        String dc = "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>caf\u00e9</dc:titl></oai_dc:dc>";
        String mods = "<mods xmlns=\"http://www.loc.gov/mods/v3\"><titleInfo><title>caf\u00e9</titl></titleInfo></mods>";
        for (String payload : List.of(dc, mods)) {
            String xml = String.format(page, payload);
            List<Problem> problems = new ArrayList<>();
            try (var s = Lam.read(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    "page.xml", ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(problems::add).build())) {
                s.forEach(r -> { });
            }
            assertThat(problems).filteredOn(p -> p.message().contains("malformed XML")).singleElement().satisfies(p -> {
                org.biglam.lam.Location at = p.location();
                assertThat(at.line()).hasValue(2);
                assertThat(at.column()).isPresent();
                // the byte offset of the bad end tag (é before it is two bytes), give or take its name
                long endTag = xml.indexOf("</", xml.indexOf("caf")) + 1;
                assertThat(at.offset().orElseThrow()).isBetween(endTag - 2, endTag + 12);
            });
        }
    }

    @Test
    void payloadsCutOutOfTheirEnvelopeAreALocatedErrorNamingTheOptionUnlessTheOptionBindsThePrefixes() {
        Path page = Path.of("src/test/resources/cut-out-page.xml");
        assertThatThrownBy(() -> read(page, ReadOptions.defaults())).isInstanceOf(org.biglam.lam.LamFormatException.class)
                .hasMessageContaining("cut-out-page.xml").hasMessageContaining("oai.lenient=true")
                .satisfies(e -> assertThat(((org.biglam.lam.LamFormatException) e).location().orElseThrow().line())
                        .hasValue(11));
        // the payload's own format's option does not reach inside the page: the page is parsed by lam-oai
        assertThatThrownBy(() -> read(page, ReadOptions.builder().set("dc.lenient", "true").build()))
                .hasMessageContaining("oai.lenient=true");
        List<LamRecord> recs = read(page, ReadOptions.builder().set("oai.lenient", "true").build());
        assertThat(recs).extracting(LamRecord::id).containsExactly("oai:example.org:41", "oai:example.org:42",
                "oai:example.org:43");
        assertThat(recs).extracting(LamRecord::format).containsExactly("dc", "dc", "mods");
        assertThat(recs).extracting(r -> r.firstLabel("title").orElse(null)).containsExactly(
                "Whitby harbour at low tide", "Fishing cobles at Staithes", "Voyage of the Beagle");
        assertThat(recs.get(0).label("creator")).containsExactly("Sutcliffe, Frank Meadow");
        assertThat(recs.get(1).label("date")).containsExactly("1890");
        // a page that declares its namespaces reads the same either way
        assertThat(read(PAGES, ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).set("oai.lenient", "true").build()))
                .isEqualTo(read(PAGES, ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).build()));
    }

    @Test
    void deletedRecordsCanBeEmittedFlagged() {
        List<LamRecord> recs = read(PAGES.resolve("page1.xml"), ReadOptions.builder().set("oai.deleted", "emit").build());
        assertThat(recs).filteredOn(r -> r.label("oai:status").contains("deleted")).singleElement()
                .satisfies(r -> {
                    assertThat(r.id()).isEqualTo("oai:example.org:2");
                    assertThat(r.format()).isEqualTo("oai-pmh");
                    assertThat(r.label("oai:datestamp")).containsExactly("20210311");
                });
    }

    @Test
    void readsEveryCorpusFileWithoutAnUncaughtException() {
        ReadOptions o = ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).build();
        for (String folder : List.of("oai-pmh", "dc", "mods")) {
            for (Path f : Corpus.files(folder)) {
                assertThatCode(() -> read(f, o)).as(f.toString()).doesNotThrowAnyException();
            }
        }
        // record counts per page, as the corpus manifest gives them
        assertThat(read(Corpus.file("oai-pmh/phpoaipmh/tests/SampleXML/GoodResponseSinglePage.xml"), o)).hasSize(162);
        // 81 records, 2 of them deleted: left out by default, flagged with oai.deleted=emit
        assertThat(read(Corpus.file("oai-pmh/pyoai/src/oaipmh/tests/fake2/00002.xml"), o)).hasSize(79);
        assertThat(read(Corpus.file("oai-pmh/pyoai/src/oaipmh/tests/fake2/00002.xml"),
                o.toBuilder().set("oai.deleted", "emit").build())).hasSize(81);
        List<LamRecord> page = read(Corpus.file("oai-pmh/ingestion3/src/test/resources/oai-page.xml"), o);
        assertThat(page).hasSize(10);
        assertThat(page).allSatisfy(r -> assertThat(r.format()).isEqualTo("mods"));
        // ListIdentifiers: one record per header
        assertThat(read(Corpus.file("oai-pmh/phpoaipmh/tests/SampleXML/GoodResponseFourPage_1.xml"), o)).hasSize(200);
        List<Problem> problems = new ArrayList<>();
        assertThat(read(Corpus.file("oai-pmh/sickle/sickle/tests/sample_data/badResumptionToken.xml"),
                ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(problems::add).build())).isEmpty();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("badResumptionToken");
            assertThat(p.location().line()).isPresent();
        });
        LamRecord one = read(Corpus.file("oai-pmh/traject/test/test_support/oai-pmh-one-record-first.xml"), o).get(0);
        assertThat(one.format()).isEqualTo("dc");
        assertThat(one.id()).isEqualTo("oai:sciencehistoryorg:fq977t769");
        assertThat(one.label("title")).contains("Spice Storage");
    }

    static List<LamRecord> readText(String xml, ReadOptions o) {
        List<LamRecord> out = new ArrayList<>();
        java.io.InputStream in = new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (var s = Lam.read(in, "page.xml", o)) {
            s.forEach(out::add);
        }
        return out;
    }

    @Test
    void aListRecordsElementCutOutOfItsResponseGivesItsRecordsPayloads() {
        // a harvest kept as the ListRecords elements of its pages, without the OAI-PMH envelope
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ListRecords xmlns="http://www.openarchives.org/OAI/2.0/">
                <record><header><identifier>oai:x:1</identifier><datestamp>2020-01-01</datestamp></header>
                <metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:title>First</dc:title></oai_dc:dc></metadata></record>
                <record><header status="deleted"><identifier>oai:x:2</identifier><datestamp>2020-01-01</datestamp></header></record>
                <record><header><identifier>oai:x:3</identifier><datestamp>2020-01-01</datestamp></header>
                <metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:title>Third</dc:title></oai_dc:dc></metadata></record>
                <resumptionToken cursor="0" completeListSize="3"/>
                </ListRecords>
                """;
        List<Problem> problems = new ArrayList<>();
        // it gave the headers alone, as records of format oai-pmh: every payload was lost
        List<LamRecord> recs = readText(xml, ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(problems::add).build());
        assertThat(recs).extracting(LamRecord::id, LamRecord::format).containsExactly(
                org.assertj.core.groups.Tuple.tuple("oai:x:1", "dc"), org.assertj.core.groups.Tuple.tuple("oai:x:3", "dc"));
        assertThat(recs).extracting(r -> r.label("title")).containsExactly(List.of("First"), List.of("Third"));
        assertThat(recs.get(1).source().orElseThrow().line()).hasValue(7);
        assertThat(problems).extracting(Problem::kind).containsExactly("deleted");
        // a GetRecord element, and ListIdentifiers' headers, likewise
        String get = xml.substring(0, xml.indexOf("<record><header status")).replace("ListRecords", "GetRecord")
                + "</GetRecord>";
        assertThat(readText(get, ReadOptions.defaults())).extracting(r -> r.label("title")).containsExactly(List.of("First"));
        String ids = "<ListIdentifiers xmlns=\"http://www.openarchives.org/OAI/2.0/\"><header><identifier>oai:x:1</identifier>"
                + "<setSpec>maps:europe</setSpec></header><header><identifier>oai:x:2</identifier></header></ListIdentifiers>";
        assertThat(readText(ids, ReadOptions.defaults())).extracting(LamRecord::id).containsExactly("oai:x:1", "oai:x:2");
    }

    @Test
    void recordsAHarvesterKeptUnderARootOfItsOwnAreDetectedAndReadWithTheirHeaders() {
        // records kept as they came, each declaring the OAI-PMH namespace, under a root of the tool's
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Records>
                <record xmlns="http://www.openarchives.org/OAI/2.0/"><header><identifier>oai:x:1</identifier><datestamp>2020-01-01</datestamp><setSpec>maps:europe</setSpec></header>
                <metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:title>First</dc:title><dc:identifier>http://x/1</dc:identifier></oai_dc:dc></metadata></record>
                <record xmlns="http://www.openarchives.org/OAI/2.0/"><header><identifier>oai:x:2</identifier><datestamp>2020-01-02</datestamp></header>
                <metadata><mods xmlns="http://www.loc.gov/mods/v3"><titleInfo><title>Second</title></titleInfo></mods></metadata></record>
                </Records>
                """;
        // it was read as Dublin Core: the headers lost, the MODS record with them, ids from dc:identifier
        List<LamRecord> recs = readText(xml, ReadOptions.defaults());
        assertThat(recs).extracting(LamRecord::id, LamRecord::format).containsExactly(
                org.assertj.core.groups.Tuple.tuple("oai:x:1", "dc"), org.assertj.core.groups.Tuple.tuple("oai:x:2", "mods"));
        assertThat(recs.get(0).label("oai:setSpec")).containsExactly("maps:europe");
        assertThat(recs).extracting(r -> r.label("title")).containsExactly(List.of("First"), List.of("Second"));
        // a root of other elements, or whose OAI-PMH record is further down, is not claimed
        OaiPmhFormat f = new OaiPmhFormat();
        for (String other : List.of("<Records><other/>" + xml.substring(xml.indexOf("<record")),
                "<Records><record><header><identifier>x</identifier></header></record></Records>")) {
            byte[] b = other.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(f.probe(b, b.length)).as(other).isEqualTo(org.biglam.lam.spi.MatchStrength.NO_MATCH);
        }
    }

    @Test
    void aRecordCutOutWithoutTheOaiNamespaceIsReadWithItsHeader() {
        // as DPLA's ingestion3 keeps them: the record of a response, its namespace lost, its payload's kept
        String xml = """
                <record>
                    <header>
                        <identifier>oai:N/A:RUMSEY~8~1~318428</identifier>
                        <datestamp>2019-10-22T13:46:33Z</datestamp>
                        <setSpec>RUMSEY~8~1</setSpec>
                    </header>
                    <metadata>
                        <oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                            <dc:identifier>https://www.davidrumsey.com/rumsey/Size1/RUMSEY~8~1/179/10403000.jpg</dc:identifier>
                            <dc:title>City of Calcutta</dc:title>
                        </oai_dc:dc>
                    </metadata>
                </record>
                """;
        // it was taken for Dublin Core, whose reader made dc:header and dc:metadata of the text run together
        List<LamRecord> recs = readText(xml, ReadOptions.defaults());
        assertThat(recs).singleElement().satisfies(r -> {
            assertThat(r.format()).isEqualTo("dc");
            assertThat(r.id()).isEqualTo("oai:N/A:RUMSEY~8~1~318428");
            assertThat(r.label("oai:setSpec")).containsExactly("RUMSEY~8~1");
            assertThat(r.label("title")).containsExactly("City of Calcutta");
            assertThat(r.images()).hasSize(1);
        });
    }
}
