package org.biglam.lam.dc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.ImageRef;
import org.biglam.lam.Lam;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Test;

class DcFormatTest {

    static List<LamRecord> read(String resource, ReadOptions options) throws IOException {
        List<LamRecord> out = new ArrayList<>();
        try (InputStream in = DcFormatTest.class.getResourceAsStream("/" + resource);
                var s = Lam.read(in, resource, options)) {
            s.forEach(out::add);
        }
        return out;
    }

    @Test
    void mapsQualifiedDublinCoreWithLanguagesListsAndImages() throws IOException {
        List<LamRecord> recs = read("qdc.xml", ReadOptions.defaults());
        assertThat(recs).hasSize(1);
        LamRecord r = recs.get(0);
        assertThat(r.format()).isEqualTo("dc");
        assertThat(r.id()).isEqualTo("whitby-0042");
        assertThat(r.label("title")).containsExactly("The Whitby harbour", "Le port de Whitby", "Whitby");
        assertThat(r.label("dc:title@en")).containsExactly("The Whitby harbour");
        assertThat(r.label("dc:title@fr")).containsExactly("Le port de Whitby");
        assertThat(r.label("creator")).containsExactly("Sutcliffe, Frank Meadow, 1853-1941", "Charlton, Lionel");
        assertThat(r.label("subject")).containsExactly("Harbors--England", "Fishing boats");
        assertThat(r.label("date")).containsExactly("1885/1890");
        assertThat(r.label("dcterms:created")).containsExactly("ca. 1885-1890");
        assertThat(r.label("language")).containsExactly("en");
        assertThat(r.label("collection")).containsExactly("Sutcliffe Gallery");
        assertThat(r.label("place")).containsExactly("http://sws.geonames.org/2634032/");
        assertThat(r.label("rights")).containsExactly("Public domain");
        assertThat(r.text()).contains("A photograph of the harbour\n    at low tide.");
        assertThat(r.images()).extracting(ImageRef::uri).containsExactly(
                "https://example.org/iiif/whitby-0042/info.json", "https://example.org/images/whitby-0042.jpg");
        assertThat(r.images().get(0).service()).contains("https://example.org/iiif/whitby-0042");
    }

    @Test
    void readsEachRecordOfACollectionAndPassesOverEmptyOnes() throws IOException {
        List<LamRecord> recs = read("collection.xml", ReadOptions.defaults());
        assertThat(recs).extracting(LamRecord::id).containsExactly("id-1", "collection.xml#1");
        assertThat(recs.get(0).label("date")).containsExactly("1901");
        assertThat(recs.get(1).label("language")).containsExactly("de");
        assertThat(recs.get(1).source().orElseThrow().line()).hasValue(5);
    }

    @Test
    void aBrokenDocumentKeepsTheRecordsBeforeTheBreakAndNamesTheLine() throws IOException {
        byte[] all = DcFormatTest.class.getResourceAsStream("/collection.xml").readAllBytes();
        String s = new String(all, java.nio.charset.StandardCharsets.UTF_8).replace("<dc:title>Two</dc:title>", "<dc:title>Two</dc:tit>");
        List<org.biglam.lam.Problem> problems = new ArrayList<>();
        ReadOptions o = ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(problems::add).build();
        List<LamRecord> recs = new ArrayList<>();
        try (var st = Lam.read(new java.io.ByteArrayInputStream(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "c.xml", o)) {
            st.forEach(recs::add);
        }
        assertThat(recs).extracting(LamRecord::id).containsExactly("id-1");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).location().line()).hasValue(5);
    }

    @Test
    void refusesExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<dc:title>&x;</dc:title></oai_dc:dc>";
        List<LamRecord> recs = new ArrayList<>();
        ReadOptions o = ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).build();
        try (var st = Lam.read(new java.io.ByteArrayInputStream(xxe.getBytes()), "x.xml", o)) {
            st.forEach(recs::add);
        }
        assertThat(recs).allSatisfy(r -> assertThat(String.valueOf(r.labels())).doesNotContain("root:"));
    }

    @Test
    void readsEveryCorpusFileWithoutAnUncaughtException() throws IOException {
        List<Path> files = Corpus.files("dc");
        ReadOptions o = ReadOptions.builder().format("dc").errorPolicy(ErrorPolicy.SKIP).build();
        int records = 0;
        for (Path f : files) {
            List<LamRecord> recs = new ArrayList<>();
            assertThatCode(() -> {
                try (var s = Lam.read(f, o)) {
                    s.forEach(recs::add);
                }
            }).as(f.toString()).doesNotThrowAnyException();
            records += recs.size();
        }
        assertThat(records).isGreaterThanOrEqualTo(files.size());
        LamRecord maryland = Lam.read(Corpus.file("dc/ingestion3/src/test/resources/maryland.xml"), o).findFirst().orElseThrow();
        assertThat(maryland.label("title")).containsExactly(
                "Lieutenant Governor Anthony Brown at the Winning with Asthma Program Kick Off Event");
        assertThat(maryland.label("contributor")).startsWith("Hayden, Edwin Parsons, 1811-1850", "Jessop, Charles");
        assertThat(maryland.label("date")).contains("2008");
        LamRecord aspace = Lam.read(Corpus.file("dc/archivesspace/backend/spec/fixtures/oai/responses/getrecord_oai_dcterms.xml"), o)
                .findFirst().orElseThrow();
        assertThat(aspace.label("title")).contains("Archival_Object 1, 2017-06-01", "Finding Aid Title");
        assertThat(aspace.label("creator")).contains("Agent, Creator");
    }

    @Test
    void isDetectedByContent() throws IOException {
        assertThat(Lam.detect(Path.of("src/test/resources/qdc.xml").toString(), ReadOptions.defaults()).get(0).format())
                .isEqualTo("dc");
        assertThat(Files.exists(Path.of("src/test/resources/collection.xml"))).isTrue();
        assertThat(Lam.detect("src/test/resources/collection.xml", ReadOptions.defaults()).get(0).format()).isEqualTo("dc");
    }

    @Test
    void aRecordCutOutOfItsEnvelopeIsALocatedErrorNamingTheOptionUnlessTheOptionBindsThePrefixes() throws IOException {
        ReadOptions strict = ReadOptions.builder().format("dc").build();
        assertThatThrownBy(() -> read("cut-out.xml", strict)).isInstanceOf(LamFormatException.class)
                .hasMessageContaining("cut-out.xml").hasMessageContaining("dc.lenient=true")
                .satisfies(e -> assertThat(((LamFormatException) e).location().orElseThrow().line()).hasValue(3))
                .satisfies(e -> assertThat(e.getMessage().split("line 3", -1)).as("the location, once").hasSize(2));
        List<LamRecord> recs = read("cut-out.xml",
                ReadOptions.builder().format("dc").set(DcFormat.LENIENT, "true").build());
        assertThat(recs).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("whitby-0043");
            assertThat(r.label("title")).containsExactly("Whitby harbour at low tide");
            assertThat(r.label("creator")).containsExactly("Sutcliffe, Frank Meadow");
            assertThat(r.label("date")).containsExactly("1885");
            assertThat(r.label("place")).containsExactly("Whitby");
        });
        // detected without a format, by its root's prefixed name (a solid match, below a declared namespace's)
        assertThat(Lam.detect("src/test/resources/cut-out.xml", ReadOptions.defaults()).get(0).format())
                .isEqualTo("dc");
        assertThatThrownBy(() -> read("cut-out.xml", ReadOptions.defaults())).isInstanceOf(LamFormatException.class)
                .hasMessageContaining("dc.lenient=true");
        assertThat(read("cut-out.xml", ReadOptions.builder().set(DcFormat.LENIENT, "true").build())).isEqualTo(recs);
        // a document that declares its namespaces reads the same either way
        assertThat(read("qdc.xml", ReadOptions.builder().set(DcFormat.LENIENT, "true").build()))
                .isEqualTo(read("qdc.xml", ReadOptions.defaults()));
    }

    static List<LamRecord> readText(String xml, ReadOptions options) throws IOException {
        List<LamRecord> out = new ArrayList<>();
        try (InputStream in = new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                var s = Lam.read(in, "record.xml", options)) {
            s.forEach(out::add);
        }
        return out;
    }

    @Test
    void aRecordInNoNamespaceIsReadAndDetectedUnderEachOfItsWrappers() throws IOException {
        for (String root : List.of("dc", "oai_dc", "record", "metadata")) {
            String xml = "<?xml version=\"1.0\"?>\n<" + root + ">\n  <title>Whitby harbour</title>\n"
                    + "  <creator>Sutcliffe, Frank Meadow</creator>\n</" + root + ">\n";
            for (ReadOptions options : List.of(ReadOptions.defaults(), ReadOptions.builder().format("dc").build())) {
                List<LamRecord> recs = readText(xml, options);
                assertThat(recs).as(root).singleElement().satisfies(r -> {
                    assertThat(r.format()).isEqualTo("dc");
                    assertThat(r.label("title")).containsExactly("Whitby harbour");
                    assertThat(r.label("creator")).containsExactly("Sutcliffe, Frank Meadow");
                    // the wrapper is no property (it was read as dc:record, its text run together)
                    assertThat(r.labels()).doesNotContainKey("dc:" + root);
                });
            }
        }
    }

    @Test
    void aRecordCutOutWithItsPrefixesUnderABareWrapperIsDetectedAndReadWithTheOption() throws IOException {
        String xml = "<?xml version=\"1.0\"?>\n<metadata>\n  <dc:title>Whitby harbour</dc:title>\n"
                + "  <dcterms:spatial>Whitby</dcterms:spatial>\n</metadata>\n";
        // detected (it was taken for MARCXML's bare record, or for nothing), then refused naming the option
        assertThatThrownBy(() -> readText(xml, ReadOptions.defaults())).isInstanceOf(LamFormatException.class)
                .hasMessageContaining("dc.lenient=true");
        assertThat(readText(xml, ReadOptions.builder().set(DcFormat.LENIENT, "true").build())).singleElement()
                .satisfies(r -> {
                    assertThat(r.format()).isEqualTo("dc");
                    assertThat(r.label("title")).containsExactly("Whitby harbour");
                    assertThat(r.label("place")).containsExactly("Whitby");
                    assertThat(r.labels()).doesNotContainKey("dc:metadata");
                });
        String record = xml.replace("metadata>", "record>");
        assertThat(readText(record, ReadOptions.builder().set(DcFormat.LENIENT, "true").build())).singleElement()
                .satisfies(r -> assertThat(r.label("title")).containsExactly("Whitby harbour"));
    }

    @Test
    void aSingleDcElementAsTheRootIsTheRecordsOneProperty() throws IOException {
        String xml = "<dc:description xmlns:dc=\"http://purl.org/dc/elements/1.1/\">A view of the harbour</dc:description>";
        assertThat(readText(xml, ReadOptions.defaults())).singleElement()
                .satisfies(r -> assertThat(r.label("dc:description")).containsExactly("A view of the harbour"));
    }

    @Test
    void theProbeTellsABareWrapperOfDublinCoreFromTheOtherFormatsThatWrapRecordsSo() {
        DcFormat f = new DcFormat();
        java.util.function.ToIntFunction<String> probe = x -> {
            byte[] b = x.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return f.probe(b, b.length).ordinal();
        };
        int solid = org.biglam.lam.spi.MatchStrength.SOLID_MATCH.ordinal();
        int none = org.biglam.lam.spi.MatchStrength.NO_MATCH.ordinal();
        assertThat(probe.applyAsInt("<dc><title>a</title></dc>")).isEqualTo(solid);
        assertThat(probe.applyAsInt("<qualifieddc/>")).isEqualTo(solid);
        assertThat(probe.applyAsInt("<record><title>a</title><date>1885</date></record>")).isEqualTo(solid);
        assertThat(probe.applyAsInt("<description><dc:title>a</dc:title></description>")).isEqualTo(solid);
        // one DC element name, twice, is not enough to tell
        assertThat(probe.applyAsInt("<record><title>a</title><title>b</title></record>")).isEqualTo(none);
        // MARCXML's fields, an OAI-PMH header: theirs
        assertThat(probe.applyAsInt("<record><leader>00000nam</leader><title>a</title><date>1</date></record>"))
                .isEqualTo(none);
        assertThat(probe.applyAsInt("<record><datafield tag=\"245\"/><title>a</title><date>1</date></record>"))
                .isEqualTo(none);
        assertThat(probe.applyAsInt("<record><header><identifier>x</identifier></header><metadata><dc:title>a"))
                .isEqualTo(none);
        // other roots in no namespace, and a wrapper in another namespace, are not Dublin Core's
        assertThat(probe.applyAsInt("<page><title>a</title><date>1885</date></page>")).isEqualTo(none);
        assertThat(probe.applyAsInt("<record xmlns=\"urn:x\"><title>a</title><date>1885</date></record>")).isEqualTo(none);
        // a cut-out root behind a document type declaration, with or without an internal subset
        assertThat(probe.applyAsInt("<?xml version=\"1.0\"?>\n<!DOCTYPE oai_dc:dc>\n<oai_dc:dc><dc:title>a")).isEqualTo(solid);
        assertThat(probe.applyAsInt("<!DOCTYPE oai_dc:dc [ <!ENTITY x \"y\"> ]>\n<oai_dc:dc>")).isEqualTo(solid);
    }

    @Test
    void aFedoraObjectIsAWeakMatchSoThatItsModsComesFirst() throws IOException {
        // FOXML: the object's DC datastream inline, beside others (MODS, RELS-EXT)
        String foxml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<foxml:digitalObject VERSION=\"1.1\" PID=\"demo:7\" xmlns:foxml=\"info:fedora/fedora-system:def/foxml#\">\n"
                + "<foxml:datastream ID=\"DC\" STATE=\"A\" CONTROL_GROUP=\"X\" VERSIONABLE=\"true\">\n"
                + "<foxml:datastreamVersion ID=\"DC1.0\" MIMETYPE=\"text/xml\"><foxml:xmlContent>\n"
                + "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Harbour</dc:title>"
                + "<dc:identifier>demo:7</dc:identifier></oai_dc:dc>\n"
                + "</foxml:xmlContent></foxml:datastreamVersion></foxml:datastream>\n</foxml:digitalObject>\n";
        byte[] b = foxml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(new DcFormat().probe(b, b.length)).isEqualTo(org.biglam.lam.spi.MatchStrength.WEAK_MATCH);
        // an audit trail longer than the look-ahead before the DC datastream: still the object's DC
        String audit = foxml.substring(0, foxml.indexOf("<foxml:datastream ")) + "<foxml:datastream ID=\"AUDIT\" "
                + "CONTROL_GROUP=\"X\"><foxml:datastreamVersion ID=\"AUDIT.0\"><foxml:xmlContent>"
                + "<audit:auditTrail xmlns:audit=\"info:fedora/fedora-system:def/audit#\">"
                + ("<audit:record><audit:process type=\"Fedora API-M\"/><audit:action>modifyDatastreamByValue"
                        + "</audit:action><audit:componentID>MODS</audit:componentID><audit:date>2019-07-02T10:41:03Z"
                        + "</audit:date></audit:record>\n").repeat(60);
        byte[] a = audit.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(new DcFormat().probe(a, Math.min(a.length, 8192))).isEqualTo(org.biglam.lam.spi.MatchStrength.WEAK_MATCH);
        // with only Dublin Core on the class path, it is read as before: the DC datastream, one record
        List<LamRecord> recs = new ArrayList<>();
        try (var s = Lam.read(new java.io.ByteArrayInputStream(b), "demo-7.xml", ReadOptions.defaults())) {
            s.forEach(recs::add);
        }
        assertThat(recs).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("demo:7");
            assertThat(r.label("title")).containsExactly("Harbour");
        });
    }

    @Test
    void theProbeTellsAnUndeclaredPrefixedRootOnlyWhenItsPrefixIsUnbound() {
        DcFormat f = new DcFormat();
        java.util.function.ToIntFunction<String> probe = x -> {
            byte[] b = x.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return f.probe(b, b.length).ordinal();
        };
        int solid = org.biglam.lam.spi.MatchStrength.SOLID_MATCH.ordinal();
        assertThat(probe.applyAsInt("<?xml version=\"1.0\"?>\n<!-- cut out -->\n<oai_dc:dc>\n<x/>")).isEqualTo(solid);
        assertThat(probe.applyAsInt("<oai_dc:dc/>")).isEqualTo(solid);
        assertThat(probe.applyAsInt("<oai_dc:dc>")).isEqualTo(solid);
        // declared: the namespace decides, as before
        assertThat(probe.applyAsInt("<oai_dc:dc xmlns:oai_dc=\"urn:other\"><x/>"))
                .isEqualTo(org.biglam.lam.spi.MatchStrength.NO_MATCH.ordinal());
        // another name, another prefix, or the name further down: no match
        assertThat(probe.applyAsInt("<oai_dc:dcx>")).isEqualTo(0);
        assertThat(probe.applyAsInt("<other:dc>")).isEqualTo(0);
        assertThat(probe.applyAsInt("<record><oai_dc:dc>")).isLessThan(solid);
        // a long prolog of white space is passed over at linear cost
        assertThat(probe.applyAsInt("<!-- c -->" + " ".repeat(6000) + "<x")).isEqualTo(0);
    }

    /** Reads with the format detected, then named: both must give the same records. */
    private static List<LamRecord> readBoth(String xml) throws IOException {
        List<LamRecord> detected = readText(xml, ReadOptions.defaults());
        List<LamRecord> named = readText(xml, ReadOptions.builder().format("dc").build());
        assertThat(named).extracting(LamRecord::labels).isEqualTo(detected.stream().map(LamRecord::labels).toList());
        return detected;
    }

    @Test
    void aContentdmExportOfRecordsInNoNamespaceIsARecordEach() throws IOException {
        // CONTENTdm's XML export: <metadata> of <record>s, DC element names and its own fields
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <metadata>
                <record>
                <title>Main Street, looking north</title>
                <subject>Streets; Automobiles</subject>
                <date>[ca. 1910]</date>
                <identifier>MS-001</identifier>
                <contentdm_number>12</contentdm_number>
                <contentdm_file_name>13.jp2</contentdm_file_name>
                </record>
                <record>
                <title>Court house</title>
                <creator>Jones, Ann</creator>
                <identifier>MS-002</identifier>
                </record>
                </metadata>
                """;
        // it was one record, dc:record holding both records' text run together
        List<LamRecord> recs = readBoth(xml);
        assertThat(recs).extracting(LamRecord::id).containsExactly("MS-001", "MS-002");
        assertThat(recs.get(0).label("title")).containsExactly("Main Street, looking north");
        assertThat(recs.get(0).label("subject")).containsExactly("Streets", "Automobiles");
        assertThat(recs.get(0).label("date")).containsExactly("1910");
        assertThat(recs.get(0).source().orElseThrow().line()).hasValue(3);
        assertThat(recs.get(1).label("creator")).containsExactly("Jones, Ann");
        assertThat(recs.get(1).source().orElseThrow().line()).hasValue(11);
        // names that are no DC element are not made DC properties
        assertThat(recs).allSatisfy(r -> assertThat(r.labels().keySet())
                .doesNotContain("dc:record", "dc:contentdm_number", "dc:contentdm_file_name"));
    }

    @Test
    void anSruResponseOfDublinCoreRecordsIsARecordEach() throws IOException {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <searchRetrieveResponse xmlns="http://www.loc.gov/zing/srw/">
                <version>1.1</version><numberOfRecords>2</numberOfRecords>
                <records>
                <record><recordSchema>info:srw/schema/1/dc-v1.1</recordSchema><recordPacking>xml</recordPacking>
                <recordData><srw_dc:dc xmlns:srw_dc="info:srw/schema/1/dc-schema" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:title>Whitby harbour</dc:title><dc:creator>Sutcliffe, Frank</dc:creator></srw_dc:dc></recordData>
                <recordPosition>1</recordPosition></record>
                <record><recordSchema>info:srw/schema/1/dc-v1.1</recordSchema><recordPacking>xml</recordPacking>
                <recordData><srw_dc:dc xmlns:srw_dc="info:srw/schema/1/dc-schema" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:title>Scarborough</dc:title><dc:creator>Frith, Francis</dc:creator></srw_dc:dc></recordData>
                <recordPosition>2</recordPosition></record>
                </records></searchRetrieveResponse>
                """;
        // it was one record of both titles and both creators
        List<LamRecord> recs = readBoth(xml);
        assertThat(recs).extracting(r -> r.label("title")).containsExactly(List.of("Whitby harbour"), List.of("Scarborough"));
        assertThat(recs.get(1).label("creator")).containsExactly("Frith, Francis");
        assertThat(recs.get(1).source().orElseThrow().line()).hasValue(10);
        // one srw_dc:dc alone is a full match
        byte[] one = xml.substring(xml.indexOf("<srw_dc:dc"), xml.indexOf("</srw_dc:dc>") + 12)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(new DcFormat().probe(one, one.length)).isEqualTo(org.biglam.lam.spi.MatchStrength.FULL_MATCH);
    }

    @Test
    void aCollectionOfDublinCoreRecordsInNoNamespaceIsDetectedAndReadNotTakenForMarcXml() throws IOException {
        String prefixed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <collection xmlns:dc="http://purl.org/dc/elements/1.1/">
                <record><dc:title>One</dc:title><dc:identifier>id-1</dc:identifier></record>
                <record><dc:title>Two</dc:title><dc:identifier>id-2</dc:identifier></record>
                </collection>
                """;
        // it was detected as MARCXML, which read nothing
        assertThat(readText(prefixed, ReadOptions.defaults())).extracting(LamRecord::format, LamRecord::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dc", "id-1"), org.assertj.core.groups.Tuple.tuple("dc", "id-2"));
        for (String root : List.of("collection", "records")) {
            String bare = "<" + root + ">\n<record><title>One</title><creator>A</creator><identifier>id-1</identifier></record>\n"
                    + "<record><title>Two</title><creator>B</creator><identifier>id-2</identifier></record>\n</" + root + ">\n";
            assertThat(readBoth(bare)).as(root).extracting(r -> r.label("creator"))
                    .containsExactly(List.of("A"), List.of("B"));
        }
        // a bare collection of MARCXML records is not Dublin Core's
        byte[] marc = "<collection><record><leader>00000nam</leader><datafield tag=\"245\"><subfield code=\"a\">T</subfield></datafield></record></collection>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(new DcFormat().probe(marc, marc.length)).isEqualTo(org.biglam.lam.spi.MatchStrength.NO_MATCH);
    }

    @Test
    void wrappersInTheDublinCoreNamespaceAreNoProperties() throws IOException {
        // <dc xmlns="http://purl.org/dc/elements/1.1/"> records, as some tools write them, in a collection
        String xml = """
                <records>
                <dc xmlns="http://purl.org/dc/elements/1.1/"><title>One</title><creator>A</creator></dc>
                <dc xmlns="http://purl.org/dc/elements/1.1/"><title>Two</title><creator>B</creator></dc>
                </records>
                """;
        // it was one record whose dc:dc held both records' text
        List<LamRecord> recs = readBoth(xml);
        assertThat(recs).extracting(r -> r.label("title")).containsExactly(List.of("One"), List.of("Two"));
        assertThat(recs).allSatisfy(r -> assertThat(r.labels()).doesNotContainKey("dc:dc"));
    }

    @Test
    void dublinCoreInRdfXmlIsDetectedAndEachDescriptionIsARecordButEdmIsLeftToLamEdm() throws IOException {
        // DCMI's "Expressing Dublin Core metadata using RDF/XML", as repositories export it
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                         xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
                  <rdf:Description rdf:about="http://example.org/maps/1">
                    <dc:title>Map of Whitby</dc:title>
                    <dc:identifier>map-1</dc:identifier>
                    <dcterms:license rdf:resource="http://creativecommons.org/publicdomain/mark/1.0/"/>
                  </rdf:Description>
                  <rdf:Description rdf:about="http://example.org/maps/2">
                    <dc:title>Map of Scarborough</dc:title>
                    <dc:identifier>map-2</dc:identifier>
                  </rdf:Description>
                </rdf:RDF>
                """;
        // no format recognised it
        List<LamRecord> recs = readText(xml, ReadOptions.defaults());
        assertThat(recs).extracting(LamRecord::format, LamRecord::id).containsExactly(
                org.assertj.core.groups.Tuple.tuple("dc", "map-1"), org.assertj.core.groups.Tuple.tuple("dc", "map-2"));
        assertThat(recs.get(0).label("rights")).containsExactly("http://creativecommons.org/publicdomain/mark/1.0/");
        assertThat(recs.get(1).label("title")).containsExactly("Map of Scarborough");
        byte[] edm = xml.replace("xmlns:dc=", "xmlns:edm=\"http://www.europeana.eu/schemas/edm/\" xmlns:dc=")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(new DcFormat().probe(edm, edm.length)).isEqualTo(org.biglam.lam.spi.MatchStrength.NO_MATCH);
    }

    @Test
    void anOaiRecordCutOutWithoutItsNamespaceIsLeftToLamOaiAndReadHereWithoutRunningItsTextTogether() throws IOException {
        String xml = """
                <record>
                  <header><identifier>oai:x:1</identifier><datestamp>2019-10-22</datestamp><setSpec>maps</setSpec></header>
                  <metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                    <dc:title>City of Calcutta</dc:title></oai_dc:dc></metadata>
                </record>
                """;
        byte[] b = xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // it was a solid match, beside lam-oai's
        assertThat(new DcFormat().probe(b, b.length)).isEqualTo(org.biglam.lam.spi.MatchStrength.WEAK_MATCH);
        // read as Dublin Core (lam-oai absent), it gave dc:header and dc:metadata, each the text of its elements run together
        assertThat(readText(xml, ReadOptions.builder().format("dc").build())).singleElement().satisfies(r -> {
            assertThat(r.label("title")).containsExactly("City of Calcutta");
            assertThat(r.labels().keySet()).doesNotContain("dc:header", "dc:metadata", "dc:datestamp", "dc:setSpec");
        });
    }

    @Test
    void aDescriptionWhoseHtmlWasEscapedIntoTheXmlGivesItsText() throws Exception {
        // Omeka and DSpace write a description's HTML escaped: after parsing, the value is markup
        String xml = "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Whitby harbour</dc:title>"
                + "<dc:description>&lt;p&gt;A &lt;em&gt;fine&lt;/em&gt; view of the harbour.&lt;/p&gt;"
                + "&lt;p&gt;Albumen print.&lt;/p&gt;</dc:description>"
                + "<dc:description>Plain: 2 &lt; 3.</dc:description></oai_dc:dc>";
        java.util.List<org.biglam.lam.LamRecord> out = new java.util.ArrayList<>();
        try (var s = org.biglam.lam.Lam.read(new java.io.ByteArrayInputStream(xml.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), "omeka.xml", org.biglam.lam.ReadOptions.defaults())) {
            s.forEach(out::add);
        }
        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.text()).hasValue("A fine view of the harbour.\nAlbumen print.\n\nPlain: 2 < 3.");
            assertThat(r.label("description")).contains("A fine view of the harbour.\nAlbumen print.");
        });
    }
}
