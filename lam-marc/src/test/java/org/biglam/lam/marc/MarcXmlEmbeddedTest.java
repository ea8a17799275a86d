package org.biglam.lam.marc;

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

/** MARCXML and MARCXchange inside an envelope (an OAI-PMH record, a METS dmdSec), found by namespace. */
class MarcXmlEmbeddedTest {

    private static List<LamRecord> read(String xml, String root) throws Exception {
        XMLStreamReader r = SecureXml.inputFactory(ReadLimits.defaults()).createXMLStreamReader(new StringReader(xml));
        while (!(r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals(root)
                && !r.getNamespaceURI().equals("http://www.openarchives.org/OAI/2.0/"))) {
            // to the metadata
        }
        EmbeddedXmlReader reader = EmbeddedXmlReader.find(r.getNamespaceURI(), r.getLocalName()).orElseThrow();
        assertThat(reader.format()).isEqualTo("marcxml");
        LamRecord envelope = LamRecord.builder("oai:koha:42", "oai-pmh").label("oai:datestamp", "2024-01-01").build();
        List<LamRecord> out = new ArrayList<>();
        reader.read(r, envelope, FormatHarness.envelopeContext("record"), out::add);
        assertThat(r.getEventType()).isEqualTo(XMLStreamConstants.END_ELEMENT);
        assertThat(r.getLocalName()).isEqualTo(root);
        return out;
    }

    @Test
    void aUnimarcRecordOfAnOaiResponseGetsUnimarcsMapping() throws Exception {
        // a Koha UNIMARC catalogue's OAI-PMH marcxml: the MARC 21 namespace, UNIMARC content, a pretty-printed leader
        String xml = "<record xmlns=\"http://www.openarchives.org/OAI/2.0/\"><metadata>"
                + "<record xmlns=\"http://www.loc.gov/MARC21/slim\">\n  <leader>\n    00000nam  2200000   4500\n  </leader>\n"
                + "<controlfield tag=\"001\">42</controlfield>"
                + "<datafield tag=\"100\" ind1=\" \" ind2=\" \"><subfield code=\"a\">20050101d1998    m  y0frey50      ba</subfield></datafield>"
                + "<datafield tag=\"101\" ind1=\"0\" ind2=\" \"><subfield code=\"a\">fre</subfield></datafield>"
                + "<datafield tag=\"200\" ind1=\"1\" ind2=\" \"><subfield code=\"a\">Les misérables</subfield>"
                + "<subfield code=\"f\">Victor Hugo</subfield></datafield>"
                + "<datafield tag=\"700\" ind1=\" \" ind2=\"1\"><subfield code=\"a\">Hugo</subfield><subfield code=\"b\">Victor</subfield>"
                + "<subfield code=\"f\">1802-1885</subfield></datafield>"
                + "</record></metadata></record>";
        List<LamRecord> out = read(xml, "record");
        assertThat(out).hasSize(1);
        LamRecord rec = out.get(0);
        assertThat(rec.id()).isEqualTo("oai:koha:42");
        assertThat(rec.label("marc:flavour")).containsExactly("unimarc");
        assertThat(rec.label("title")).containsExactly("Les misérables");
        assertThat(rec.label("creator")).containsExactly("Hugo, Victor, 1802-1885");
        assertThat(rec.label("date")).containsExactly("1998");
        assertThat(rec.label("type")).containsExactly("text", "monograph");
        assertThat(rec.label("oai:datestamp")).containsExactly("2024-01-01");
    }

    @Test
    void aMarcxchangeRecordIsReadAndItsFormatSaysTheFlavour() throws Exception {
        // a BnF-like unimarcxchange record: the format attribute names UNIMARC
        String xml = "<record xmlns=\"http://www.openarchives.org/OAI/2.0/\"><metadata>"
                + "<mxc:record xmlns:mxc=\"info:lc/xmlns/marcxchange-v2\" format=\"Unimarc\" type=\"Bibliographic\">"
                + "<mxc:leader>     cam  22        450 </mxc:leader>"
                + "<mxc:controlfield tag=\"001\">FRBNF30629019</mxc:controlfield>"
                + "<mxc:datafield tag=\"200\" ind1=\"1\" ind2=\" \"><mxc:subfield code=\"a\">L'étranger</mxc:subfield></mxc:datafield>"
                + "</mxc:record></metadata></record>";
        List<LamRecord> out = read(xml, "record");
        assertThat(out).singleElement().satisfies(rec -> {
            assertThat(rec.label("marc:flavour")).containsExactly("unimarc");
            assertThat(rec.label("title")).containsExactly("L'étranger");
        });
    }

    @Test
    void aMarc21RecordStaysMarc21() throws Exception {
        String xml = "<record xmlns=\"http://www.openarchives.org/OAI/2.0/\"><metadata>"
                + "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record><leader>00000cam a2200000 a 4500</leader>"
                + "<controlfield tag=\"001\">m1</controlfield>"
                + "<datafield tag=\"100\" ind1=\"1\" ind2=\" \"><subfield code=\"a\">Austen, Jane.</subfield></datafield>"
                + "<datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">Emma.</subfield></datafield>"
                + "</record></collection></metadata></record>";
        List<LamRecord> out = read(xml, "collection");
        assertThat(out).singleElement().satisfies(rec -> {
            assertThat(rec.label("marc:flavour")).isEmpty();
            assertThat(rec.label("title")).containsExactly("Emma");
            assertThat(rec.label("creator")).containsExactly("Austen, Jane");
        });
    }
}
