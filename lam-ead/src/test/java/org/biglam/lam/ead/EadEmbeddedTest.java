package org.biglam.lam.ead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.spi.EmbeddedXmlReader;
import org.biglam.lam.spi.SecureXml;
import org.biglam.lam.testing.FormatHarness;
import org.junit.jupiter.api.Test;

/** EAD inside an envelope (an OAI-PMH record), found by its namespace. */
class EadEmbeddedTest {

    private static final FormatHarness EAD = new FormatHarness("ead");

    @Test
    void anEnvelopesEadGivesItsComponentsWithTheEnvelopesIdAndLabels() throws Exception {
        String xml = "<record xmlns=\"http://www.openarchives.org/OAI/2.0/\"><metadata>"
                + "<ead xmlns=\"urn:isbn:1-931666-22-9\"><eadheader><eadid>ignored</eadid></eadheader>"
                + "<archdesc level=\"fonds\"><did><unittitle>Top</unittitle></did><dsc>"
                + "<c01><did><unittitle>One</unittitle></did></c01></dsc></archdesc></ead>"
                + "<after/></metadata></record>";
        XMLStreamReader r = SecureXml.inputFactory(ReadLimits.defaults()).createXMLStreamReader(new StringReader(xml));
        while (!(r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("ead"))) {
            // to the metadata
        }
        EmbeddedXmlReader reader = EmbeddedXmlReader.find(r.getNamespaceURI(), r.getLocalName()).orElseThrow();
        assertThat(reader.format()).isEqualTo("ead");
        assertThat(EmbeddedXmlReader.find("http://ead3.archivists.org/schema/", "ead")).isPresent();
        LamRecord envelope = LamRecord.builder("oai:example.org:42", "oai-pmh").label("oai:datestamp", "2024-01-01")
                .build();
        List<LamRecord> out = new ArrayList<>();
        reader.read(r, envelope, FormatHarness.envelopeContext("component"), out::add);
        assertThat(r.getEventType()).isEqualTo(XMLStreamConstants.END_ELEMENT);
        assertThat(r.getLocalName()).isEqualTo("ead");
        assertThat(FormatHarness.ids(out)).containsExactly("oai:example.org:42#c1", "oai:example.org:42");
        assertThat(out).allSatisfy(rec -> {
            assertThat(rec.format()).isEqualTo("ead");
            assertThat(rec.label("oai:datestamp")).containsExactly("2024-01-01");
        });
        assertThat(out.get(0).label("ead:path")).containsExactly("Top");
    }
}
