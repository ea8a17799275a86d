package org.biglam.lam.alto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.spi.AaltoXml;
import org.biglam.lam.spi.EmbeddedXmlReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.ReadContext;
import org.junit.jupiter.api.Test;

/**
 * lam-alto's METS {@link EmbeddedXmlReader} on its own, as an envelope's reader drives it: found by
 * namespace through ServiceLoader, reading the element the parser stands on and leaving the parser
 * on its end, the envelope's next element still to read.
 */
class MetsEmbeddedTest {

    private static final String METS = "<mets:mets xmlns:mets='http://www.loc.gov/METS/' "
            + "xmlns:xlink='http://www.w3.org/1999/xlink' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
            + "<mets:dmdSec ID='D1'><mets:mdWrap MDTYPE='DC'><mets:xmlData><dc:title>A map</dc:title>"
            + "</mets:xmlData></mets:mdWrap></mets:dmdSec>"
            + "<mets:fileSec><mets:fileGrp USE='MAX'><mets:file ID='M1' MIMETYPE='image/tiff'>"
            + "<mets:FLocat xlink:href='https://example.org/max/1.tif'/></mets:file></mets:fileGrp>"
            + "<mets:fileGrp USE='MIN'><mets:file ID='N1' MIMETYPE='image/jpeg'>"
            + "<mets:FLocat xlink:href='https://example.org/min/1.jpg'/></mets:file></mets:fileGrp></mets:fileSec>"
            + "<mets:structMap TYPE='LOGICAL'><mets:div ID='L0' TYPE='map' DMDID='D1' LABEL='Map label'/></mets:structMap>"
            + "<mets:structMap TYPE='PHYSICAL'><mets:div ID='P1' TYPE='page'><mets:fptr FILEID='N1'/>"
            + "<mets:fptr FILEID='M1'/></mets:div></mets:structMap></mets:mets>";

    @Test
    void isFoundByTheMetsNamespaceForItsRootElementOnly() {
        assertThat(EmbeddedXmlReader.find("http://www.loc.gov/METS/", "mets")).hasValueSatisfying(
                r -> assertThat(r.format()).isEqualTo("mets"));
        assertThat(EmbeddedXmlReader.find("http://www.loc.gov/METS/", "dmdSec")).isEmpty();
        assertThat(EmbeddedXmlReader.find("", "mets")).isEmpty();
    }

    @Test
    void readsTheElementItStandsOnAndLeavesTheParserOnItsEnd() throws Exception {
        String xml = "<wrap><first/>" + METS + "<after>next</after></wrap>";
        Input input = Input.of("file:///tmp/wrap.xml", "wrap.xml", xml.getBytes(StandardCharsets.UTF_8));
        List<Problem> problems = new ArrayList<>();
        ReadContext ctx = ReadContext.of(input, ReadOptions.builder().onProblem(problems::add).build(), "record");
        XMLStreamReader r = AaltoXml.factory(ReadLimits.defaults())
                .createXMLStreamReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        while (!(r.isStartElement() && r.getLocalName().equals("mets"))) {
            r.next();
        }
        EmbeddedXmlReader reader = EmbeddedXmlReader.find(r.getNamespaceURI(), r.getLocalName()).orElseThrow();
        LamRecord envelope = LamRecord.builder("rec-1", "envelope").label("oai:identifier", "rec-1").build();
        List<LamRecord> out = new ArrayList<>();
        reader.read(r, envelope, ctx, out::add);

        assertThat(r.getEventType()).isEqualTo(XMLStreamConstants.END_ELEMENT);
        assertThat(r.getLocalName()).isEqualTo("mets");
        assertThat(r.nextTag()).isEqualTo(XMLStreamConstants.START_ELEMENT);
        assertThat(r.getLocalName()).isEqualTo("after");
        assertThat(r.getElementText()).isEqualTo("next");

        assertThat(out).singleElement().satisfies(rec -> {
            assertThat(rec.id()).isEqualTo("rec-1");
            assertThat(rec.format()).isEqualTo("mets");
            assertThat(rec.label("oai:identifier")).containsExactly("rec-1");
            assertThat(rec.label("title")).containsExactly("A map");
            assertThat(rec.label("mets:type")).containsExactly("map");
            // the page's MAX image, not its MIN one
            assertThat(rec.images()).extracting(ImageRef::uri).containsExactly("https://example.org/max/1.tif");
            assertThat(rec.images().get(0).mime()).hasValue("image/tiff");
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void takesTheLogicalRootsLabelAsTitleWhenNoDescriptionIsRead() throws Exception {
        String mets = METS.replaceAll("<mets:dmdSec.*?</mets:dmdSec>", "");
        XMLStreamReader r = AaltoXml.factory(ReadLimits.defaults())
                .createXMLStreamReader(new ByteArrayInputStream(mets.getBytes(StandardCharsets.UTF_8)));
        r.nextTag();
        Input input = Input.of("file:///tmp/m.xml", "m.xml", mets.getBytes(StandardCharsets.UTF_8));
        List<LamRecord> out = new ArrayList<>();
        EmbeddedXmlReader.find(r.getNamespaceURI(), "mets").orElseThrow().read(r,
                LamRecord.builder("m", "x").build(), ReadContext.of(input, ReadOptions.defaults(), "record"), out::add);
        assertThat(out).singleElement().satisfies(rec -> assertThat(rec.label("title")).containsExactly("Map label"));
    }
}
