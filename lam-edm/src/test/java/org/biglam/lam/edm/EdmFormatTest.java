package org.biglam.lam.edm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.spi.EmbeddedXmlReader;
import org.biglam.lam.spi.SecureXml;
import org.biglam.lam.testing.Corpus;
import org.biglam.lam.testing.FormatHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EDM, external and internal, on the project's own fixtures and the shared corpus. */
class EdmFormatTest {

    private static final FormatHarness EDM = new FormatHarness("edm");

    @TempDir
    Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(EdmFormatTest.class.getResource("/edm/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void externalEdmTakesTheValuesOnTheCho() {
        List<LamRecord> rs = EDM.read(fixture("external.xml"), ReadOptions.defaults());
        assertThat(rs).hasSize(1);
        LamRecord r = rs.get(0);
        assertThat(r.id()).isEqualTo("urn:cho:1");
        assertThat(r.format()).isEqualTo("edm");
        assertThat(r.label("edm:profile")).containsExactly("external");
        assertThat(r.label("title")).containsExactly("Ansicht von München", "View of Munich");
        assertThat(r.label("dc:title@de")).containsExactly("Ansicht von München");
        assertThat(r.label("dc:title@en")).containsExactly("View of Munich");
        assertThat(r.label("creator")).containsExactly("Maler, Hans");
        assertThat(r.label("date")).containsExactly("1850", "1849/1851");
        assertThat(r.label("language")).containsExactly("de");
        assertThat(r.label("type")).containsExactly("IMAGE");
        assertThat(r.label("rights")).containsExactly("http://creativecommons.org/publicdomain/mark/1.0/");
        assertThat(r.label("collection")).containsExactly("City Museum", "Regional Aggregator");
        assertThat(r.label("edm:isShownAt")).containsExactly("https://museum.example.org/object/1");
        assertThat(r.text()).contains("A view of the city.");
        assertThat(r.images()).extracting(ImageRef::uri).containsExactly(
                "https://iiif.example.org/img/1/full/max/0/default.jpg", "https://example.org/scans/view%202.jpg");
        ImageRef first = r.images().get(0);
        assertThat(first.service()).contains("https://iiif.example.org/img/1");
        assertThat(first.mime()).contains("image/jpeg");
        assertThat(first.width()).hasValue(2000);
        assertThat(r.label("edm:imageRights")).containsExactly(
                "https://iiif.example.org/img/1/full/max/0/default.jpg http://creativecommons.org/licenses/by/4.0/");
    }

    @Test
    void aChoNestedInItsAggregationIsRead() {
        LamRecord r = EDM.read(fixture("external-nested.xml")).get(0);
        assertThat(r.id()).isEqualTo("urn:cho:2");
        assertThat(r.label("title")).containsExactly("Nested object");
        assertThat(r.label("type")).containsExactly("TEXT");
        assertThat(r.label("collection")).containsExactly("Library");
        assertThat(r.images()).extracting(ImageRef::uri).containsExactly("https://example.org/2.jpg");
    }

    @Test
    void internalEdmTakesTheProvidersProxyAndLeavesEuropeanasEnrichmentsToAnOption() {
        List<LamRecord> rs = EDM.read(fixture("internal.xml"));
        LamRecord r = rs.get(0);
        assertThat(r.id()).isEqualTo("/123/abc");
        assertThat(r.label("edm:profile")).containsExactly("internal");
        assertThat(r.label("title")).containsExactly("Postkarte aus M?nchen");
        assertThat(r.label("type")).containsExactly("Postkarte", "IMAGE");
        assertThat(r.label("date")).containsExactly("1902");
        assertThat(r.label("subject")).isEmpty();
        assertThat(r.label("rights")).containsExactly("http://rightsstatements.org/vocab/NoC-NC/1.0/");
        assertThat(r.label("collection")).containsExactly("Town Library", "Aggregator");
        assertThat(r.images()).extracting(ImageRef::uri).containsExactly("https://example.org/thumb/abc.jpg");
        assertThat(r.labels().keySet()).noneMatch(k -> k.startsWith("europeana:"));
        LamRecord enriched = EDM.read(fixture("internal.xml"), ReadOptions.builder().format("edm")
                .set("edm.enrichments", "true").build()).get(0);
        assertThat(enriched.label("europeana:dc:subject")).containsExactly("Postcard");
        assertThat(enriched.label("europeana:edm:year")).containsExactly("1902");
        assertThat(enriched.label("europeana:edm:country")).containsExactly("Germany");
        assertThat(enriched.label("subject")).isEmpty();
    }

    @Test
    void textDestroyedUpstreamIsFlaggedNotRepaired() {
        List<Problem> problems = new ArrayList<>();
        List<LamRecord> rs = EDM.read(fixture("internal.xml"), ReadOptions.builder().format("edm")
                .onProblem(problems::add).build());
        assertThat(rs.get(0).label("title")).containsExactly("Postkarte aus M?nchen");
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
            assertThat(p.kind()).isEqualTo("edm-damaged-text");
        });
        problems.clear();
        EDM.read(fixture("external.xml"), ReadOptions.builder().format("edm").onProblem(problems::add).build());
        assertThat(problems).noneMatch(p -> p.kind().equals("edm-damaged-text"));
    }

    @Test
    void eachRdfOfADumpIsARecordAndMalformedMarkupKeepsTheOnesBefore() {
        List<Problem> problems = new ArrayList<>();
        List<LamRecord> rs = EDM.skip(fixture("malformed.xml"), problems);
        assertThat(FormatHarness.ids(rs)).containsExactly("urn:a", "urn:b");
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.message()).contains("malformed XML");
            assertThat(p.location().line()).hasValue(8);
        });
    }

    @Test
    void anUnboundPrefixIsAClearErrorUnlessTheLenientOptionBindsIt() {
        Path f = fixture("prefixed-unbound.xml");
        assertThatThrownBy(() -> EDM.read(f)).isInstanceOf(LamFormatException.class)
                .hasMessageContaining("lenient");
        List<LamRecord> rs = EDM.read(f, ReadOptions.builder().format("edm").set("edm.lenient", "true").build());
        assertThat(rs).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("urn:cut");
            assertThat(r.label("title")).containsExactly("Cut out");
        });
    }

    @Test
    void hostileInputIsRefusedAtBoundedCost() {
        String deep = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description><rdf:value>".repeat(1500) + "</rdf:value></rdf:Description>".repeat(1500)
                + "</rdf:RDF>";
        assertThatThrownBy(() -> EDM.read(dir, "deep.xml", deep, ReadOptions.builder().format("edm").build()))
                .isInstanceOf(LamFormatException.class);
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><x>&e;&e;</x></rdf:RDF>";
        assertThatThrownBy(() -> EDM.read(dir, "bomb.xml", bomb, ReadOptions.builder().format("edm").build()))
                .isInstanceOf(LamFormatException.class);
        // a graph larger than maxRecordBytes is one located problem; the next graph still comes out
        String big = "<dump><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                + "xmlns:edm=\"http://www.europeana.eu/schemas/edm/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<edm:ProvidedCHO rdf:about=\"urn:big\">" + "<dc:subject>word word word</dc:subject>".repeat(500)
                + "</edm:ProvidedCHO></rdf:RDF><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                + "xmlns:edm=\"http://www.europeana.eu/schemas/edm/\"><edm:ProvidedCHO rdf:about=\"urn:small\"/></rdf:RDF></dump>";
        List<Problem> problems = new ArrayList<>();
        List<LamRecord> rs = EDM.read(dir, "big.xml", big, ReadOptions.builder().format("edm")
                .errorPolicy(org.biglam.lam.ErrorPolicy.SKIP).onProblem(problems::add)
                .limits(ReadLimits.builder().maxRecordBytes(4000).build()).build());
        assertThat(FormatHarness.ids(rs)).containsExactly("urn:small");
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("maxRecordBytes"));
    }

    @Test
    void edmInAnOaiRecordIsFoundByItsNamespace() throws Exception {
        String xml = "<record xmlns=\"http://www.openarchives.org/OAI/2.0/\"><metadata>"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:edm=\"http://www.europeana.eu/schemas/edm/\"><edm:ProvidedCHO rdf:about=\"urn:x\">"
                + "<dc:title>T</dc:title></edm:ProvidedCHO></rdf:RDF></metadata></record>";
        XMLStreamReader r = SecureXml.inputFactory(ReadLimits.defaults()).createXMLStreamReader(new StringReader(xml));
        while (!(r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("RDF"))) {
            // to the metadata
        }
        EmbeddedXmlReader reader = EmbeddedXmlReader.find(r.getNamespaceURI(), r.getLocalName()).orElseThrow();
        assertThat(reader.format()).isEqualTo("edm");
        List<LamRecord> out = new ArrayList<>();
        LamRecord envelope = LamRecord.builder("oai:eu:1", "oai-pmh").label("oai:setSpec", "00101").build();
        reader.read(r, envelope, FormatHarness.envelopeContext("cho"), out::add);
        assertThat(out).singleElement().satisfies(rec -> {
            assertThat(rec.id()).isEqualTo("oai:eu:1");
            assertThat(rec.label("title")).containsExactly("T");
            assertThat(rec.label("oai:setSpec")).containsExactly("00101");
        });
        assertThat(r.getLocalName()).isEqualTo("RDF");
    }

    @Test
    void everyCorpusFileIsReadAndItsFactsHold() {
        for (Path f : Corpus.files("edm")) {
            assertThatCode(() -> assertThat(EDM.read(f)).as("%s", f).hasSize(1)).as("%s", f)
                    .doesNotThrowAnyException();
        }
        LamRecord iiif = EDM.read(Corpus.file(
                "edm/metis-framework/metis-media-service/src/test/resources/__files/rdf_with_iiif_sample.xml")).get(0);
        assertThat(iiif.label("title")).containsExactly("[Official Court Transcript, 12 July 1946]");
        assertThat(iiif.label("type")).contains("TEXT");
        assertThat(iiif.label("rights")).containsExactly("http://rightsstatements.org/vocab/CNE/1.0/");
        assertThat(iiif.images().get(0).uri()).isEqualTo(
                "https://stacks.stanford.edu/image/iiif/zw031pj2507/zw031pj2507_0001/full/full/0/default.jpg");
        assertThat(iiif.images().get(0).service()).contains(
                "https://stacks.stanford.edu/image/iiif/zw031pj2507/zw031pj2507_0001");
        LamRecord internal = EDM.read(Corpus.file(
                "edm/metis-framework/metis-indexing/src/test/resources/europeana_record_to_sample_pid_index_rdf.xml")).get(0);
        assertThat(internal.label("edm:profile")).containsExactly("internal");
        assertThat(internal.label("title").get(0)).isEqualTo("[Letter from John Henry Newman (Oriel College) to Dr. "
                + "Richard Whately, commenting on and enclosing notes on a review on 'Dr. Whateley's Logic', in the "
                + "Edinburgh Review of April 1833 .]");
        assertThat(internal.label("edm:type")).containsExactly("TEXT");
        assertThat(internal.label("edm:rights")).containsExactly("http://creativecommons.org/licenses/by-nc-sa/4.0/");
        assertThat(internal.images().get(0).uri()).isEqualTo("https://iiif.ucd.ie/loris/ivrla:3828/full/full/0/default.jpg");
        assertThat(internal.images().get(0).service()).contains("https://iiif.ucd.ie/loris/ivrla:3828");
        // the values of Europeana's proxy are not the provider's
        assertThat(internal.label("collection")).doesNotContain("Europeana Foundation");
        LamRecord external = EDM.read(Corpus.file("edm/metis-framework/metis-transformation/"
                + "metis-transformation-service/src/test/resources/europeana_record_edm_external_sorted.xml")).get(0);
        assertThat(external.label("title")).containsExactly("Panoramic Photography of link path 7-8 at Skara Brae");
        assertThat(external.label("type")).contains("3D");
        assertThat(external.label("place")).contains("Skara Brae");
        assertThat(external.label("collection")).contains("Historic Scotland", "CARARE");
        // the landing page's web resource (isShownAt) is not an image of the object
        LamRecord completeness = EDM.read(Corpus.file(
                "edm/metis-framework/metis-enrichment/metis-enrichment-client/src/test/resources/sample_completeness.rdf"))
                .get(0);
        assertThat(completeness.images()).extracting(ImageRef::uri).containsExactly("http://www.imj.org.il/images/"
                + "corridor/bezalel/modern/new%20modern%20scans/g-h-i/gauguin-still%20life~b66_1041.jpg");
        LamRecord oai = EDM.read(Corpus.file("edm/metadata-qa-api/src/test/resources/general/europeana-oai-pmh.xml")).get(0);
        assertThat(oai.images()).isEmpty();
        // a video page (text/html) shown by: the object's media; its still is the image
        LamRecord video = EDM.read(Corpus.file(
                "edm/metis-framework/metis-indexing/src/test/resources/europeana_record_with_technical_metadata.xml")).get(0);
        assertThat(video.images()).extracting(ImageRef::uri).containsExactly("https://i.vimeocdn.com/video/624880505_640.jpg");
        assertThat(video.label("edm:media")).containsExactly("https://vimeo.com/209357984");
    }
}
