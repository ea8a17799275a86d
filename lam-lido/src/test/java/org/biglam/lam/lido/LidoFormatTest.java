package org.biglam.lam.lido;

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

/** LIDO 1.0 and 1.1 on the project's own fixtures and the shared corpus. */
class LidoFormatTest {

    private static final FormatHarness LIDO = new FormatHarness("lido");

    @TempDir
    Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(LidoFormatTest.class.getResource("/lido/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWrapOfLido10GivesOneRecordPerObjectWithTheMapping() {
        List<LamRecord> rs = LIDO.read(fixture("wrap-1.0.xml"), ReadOptions.defaults());
        assertThat(FormatHarness.ids(rs)).containsExactly("MUS-1", "MUS-2");
        LamRecord r = rs.get(0);
        assertThat(r.format()).isEqualTo("lido");
        assertThat(r.group()).contains("MUS-1");
        assertThat(r.label("title")).containsExactly("La Primavera", "Spring (alternative)");
        assertThat(r.label("genre")).containsExactly("painting");
        assertThat(r.label("type")).containsExactly("IMAGE");
        assertThat(r.label("classification")).containsExactly("panel painting");
        assertThat(r.label("creator")).containsExactly("Botticelli, Sandro");
        assertThat(r.label("lido:actorInRole")).containsExactly("Botticelli, Sandro (painter)");
        assertThat(r.label("date")).containsExactly("1478/1482");
        assertThat(r.label("lido:displayDate")).containsExactly("c. 1482");
        assertThat(r.label("place")).containsExactly("Florence");
        assertThat(r.label("lido:material")).containsExactly("tempera");
        assertThat(r.label("lido:technique")).containsExactly("panel painting");
        assertThat(r.label("lido:measurements")).containsExactly("203 x 314 cm");
        assertThat(r.label("lido:measurement")).containsExactly("height 203 cm");
        assertThat(r.label("identifier")).containsExactly("MUS-1", "8360");
        assertThat(r.label("collection")).containsExactly("Uffizi Gallery");
        assertThat(r.label("rights")).containsExactly("public domain", "Uffizi, Florence");
        assertThat(r.label("subject")).containsExactly("spring", "Venus");
        assertThat(r.label("description")).containsExactly("Allegory of spring in a garden.");
        assertThat(r.text()).contains("Allegory of spring in a garden.");
        assertThat(r.label("lido:event")).containsExactly("Acquisition: 1815");
        assertThat(r.label("lido:recordSource")).containsExactly("Photo Archive");
        // the related work's values are not this object's
        assertThat(r.labels().toString()).doesNotContain("OTHER-1").doesNotContain("Not this object")
                .doesNotContain("Medici");
        // the master image, its spaces encoded, with its own rights; the thumbnail left out
        assertThat(r.images()).extracting(ImageRef::uri).containsExactly("https://img.example.org/master/8360%20a.jpg");
        assertThat(r.label("lido:imageRights"))
                .containsExactly("https://img.example.org/master/8360%20a.jpg CC BY 4.0; Photo: Archive");
        LamRecord coin = rs.get(1);
        assertThat(coin.label("title")).containsExactly("Denar");
        assertThat(coin.label("genre")).containsExactly("Münze");
        assertThat(coin.images()).isEmpty();
    }

    @Test
    void aSingleLido11WithSkosConceptsAndAIiifImage() {
        List<LamRecord> rs = LIDO.read(fixture("single-1.1.xml"), ReadOptions.defaults());
        assertThat(rs).hasSize(1);
        LamRecord r = rs.get(0);
        assertThat(r.id()).isEqualTo("DE-1/obj-7");
        assertThat(r.label("genre")).containsExactly("Kabinettschrank", "cabinets (case furniture)");
        assertThat(r.label("creator")).containsExactly("Fiammingo, Giacomo");
        assertThat(r.label("lido:actorInRole")).containsExactly("Fiammingo, Giacomo (Künstler)");
        assertThat(r.label("date")).containsExactly("1596/1605");
        assertThat(r.images()).hasSize(1);
        assertThat(r.images().get(0).uri()).isEqualTo("https://iiif.example.org/iiif/2/obj7/full/max/0/default.jpg");
        assertThat(r.images().get(0).service()).contains("https://iiif.example.org/iiif/2/obj7");
        assertThat(r.label("lido:imageRights")).singleElement().asString().endsWith(" CC0 1.0");
    }

    @Test
    void malformedMarkupKeepsTheObjectsBeforeItUnderSkip() {
        List<Problem> problems = new ArrayList<>();
        List<LamRecord> rs = LIDO.skip(fixture("malformed-wrap.xml"), problems);
        assertThat(FormatHarness.ids(rs)).containsExactly("A", "B");
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.message()).contains("malformed XML");
            assertThat(p.location().line()).hasValue(5);
        });
    }

    @Test
    void anUnboundPrefixIsAClearErrorUnlessTheLenientOptionBindsIt() {
        Path f = fixture("prefixed-unbound.xml");
        assertThatThrownBy(() -> LIDO.read(f)).isInstanceOf(LamFormatException.class)
                .hasMessageContaining("lenient");
        List<LamRecord> rs = LIDO.read(f, ReadOptions.builder().format("lido").set("lido.lenient", "true").build());
        assertThat(rs).singleElement().satisfies(r -> assertThat(r.label("title")).containsExactly("Cut out"));
    }

    @Test
    void hostileInputIsRefusedAtBoundedCost() {
        StringBuilder deep = new StringBuilder("<lidoWrap xmlns=\"http://www.lido-schema.org\"><lido>");
        deep.append("<descriptiveMetadata>".repeat(3000)).append("</descriptiveMetadata>".repeat(3000));
        deep.append("</lido></lidoWrap>");
        assertThatThrownBy(() -> LIDO.read(dir, "deep.xml", deep.toString(), ReadOptions.builder().format("lido")
                .build())).isInstanceOf(LamFormatException.class);
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lidoWrap [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>"
                + "<lidoWrap xmlns=\"http://www.lido-schema.org\"><lido><lidoRecID>&e;&e;&e;&e;</lidoRecID></lido></lidoWrap>";
        assertThatThrownBy(() -> LIDO.read(dir, "bomb.xml", bomb, ReadOptions.builder().format("lido").build()))
                .isInstanceOf(LamFormatException.class);
        String huge = "<lidoWrap xmlns=\"http://www.lido-schema.org\"><lido><lidoRecID type=\"" + "x".repeat(50_000)
                + "\">a</lidoRecID></lido></lidoWrap>";
        assertThatThrownBy(() -> LIDO.read(dir, "huge.xml", huge, ReadOptions.builder().format("lido")
                .limits(ReadLimits.builder().maxStringLength(10_000).build()).build()))
                .isInstanceOf(LamFormatException.class);
    }

    @Test
    void lidoInAnEnvelopeIsFoundByItsNamespace() throws Exception {
        String xml = "<metadata xmlns=\"http://www.openarchives.org/OAI/2.0/\"><lido:lido xmlns:lido=\"http://www.lido-schema.org\">"
                + "<lido:lidoRecID>R1</lido:lidoRecID><lido:descriptiveMetadata><lido:objectIdentificationWrap><lido:titleWrap>"
                + "<lido:titleSet><lido:appellationValue>T</lido:appellationValue></lido:titleSet></lido:titleWrap>"
                + "</lido:objectIdentificationWrap></lido:descriptiveMetadata></lido:lido></metadata>";
        XMLStreamReader r = SecureXml.inputFactory(ReadLimits.defaults()).createXMLStreamReader(new StringReader(xml));
        while (!(r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("lido"))) {
            // to the record
        }
        EmbeddedXmlReader reader = EmbeddedXmlReader.find(r.getNamespaceURI(), r.getLocalName()).orElseThrow();
        List<LamRecord> out = new ArrayList<>();
        reader.read(r, LamRecord.builder("oai:x:1", "oai-pmh").build(), FormatHarness.envelopeContext("object"),
                out::add);
        assertThat(out).singleElement().satisfies(rec -> {
            assertThat(rec.id()).isEqualTo("R1");
            assertThat(rec.format()).isEqualTo("lido");
            assertThat(rec.label("title")).containsExactly("T");
        });
        assertThat(r.getLocalName()).isEqualTo("lido");
    }

    @Test
    void everyCorpusFileIsReadAndItsFactsHold() {
        for (Path f : Corpus.files("lido")) {
            if (!f.toString().endsWith(".xml")) {
                continue;
            }
            assertThatCode(() -> assertThat(LIDO.read(f)).as("%s", f).isNotEmpty()).doesNotThrowAnyException();
        }
        List<LamRecord> clasate = LIDO.read(Corpus.file(
                "lido/LIDO-Parser/src/main/resources/files/lido-schema/inp-clasate-istoria-stiintei-si-tehnicii-2014-02-02.xml"));
        assertThat(clasate).hasSize(486);
        assertThat(clasate.stream().map(LamRecord::id).distinct().count()).isEqualTo(486);
        LamRecord tram = clasate.get(0);
        assertThat(tram.id()).isEqualTo("00F9478BE8AC401DBB7092A46ECE160F");
        assertThat(tram.label("genre")).containsExactly("Vagon de tramvai", "Vagon de tramvai cu cai");
        assertThat(tram.label("creator")).containsExactly("Anonim");
        assertThat(tram.label("title")).containsExactly("Vagon de tramvai cu cai");
        assertThat(tram.images()).extracting(ImageRef::uri).containsExactly(
                "http://clasate.cimec.ro/medium/STT_7520100_10-6.jpg");
        List<LamRecord> fontana = LIDO.read(Corpus.file(
                "lido/Catmandu-LIDO/ex/LIDO-Example_FMobj20344012-Fontana_del_Moro.xml"));
        assertThat(fontana).hasSize(3);
        // the English "design" event (Bernini) is production like the German "Entwurf", and comes first
        assertThat(fontana.get(2).label("creator")).containsExactly("Bernini, Giovanni Lorenzo", "Mari, Giovanni Antonio");
        assertThat(fontana.get(2).label("date")).containsExactly("1654");
        // the creation's eventDate, not the sculptor's vitalDatesActor (1537/1602) before it
        assertThat(fontana.get(1).label("date")).containsExactly("1575/1576");
        List<LamRecord> cabinet = LIDO.read(Corpus.file("lido/lido-rdf-converter/defaultLido.xml"));
        assertThat(cabinet.get(0).label("genre")).contains("Kabinettschrank", "cabinets (case furniture)");
        assertThat(cabinet.get(0).label("date")).containsExactly("1596/1605");
    }
}
