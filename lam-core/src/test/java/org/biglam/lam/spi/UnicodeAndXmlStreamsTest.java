package org.biglam.lam.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.ReadLimits;
import org.junit.jupiter.api.Test;

class UnicodeAndXmlStreamsTest {

    private static final XMLInputFactory STAX = SecureXml.inputFactory(ReadLimits.defaults());

    @Test
    void nfcComposesDecomposedTextAndReturnsTextThatIsNfcAsItIs() {
        assertThat(Unicode.nfc("Cafe\u0301")).isEqualTo("Caf\u00e9");
        String plain = "Caf\u00e9 plain Latin-1";
        assertThat(Unicode.nfc(plain)).isSameAs(plain);
        String greek = "\u1f00\u03bb\u03bb\u03ac"; // above U+0300, NFC already
        assertThat(Unicode.nfc(greek)).isSameAs(greek);
        assertThat(Unicode.nfc("\u212b")).isEqualTo("\u00c5"); // the Angstrom sign's canonical equivalent
        assertThat(Unicode.nfc(null)).isNull();
    }

    private static XMLStreamReader at(String xml, String element) throws XMLStreamException {
        XMLStreamReader r = STAX.createXMLStreamReader(new StringReader(xml));
        while (!(r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals(element))) {
            // to the element
        }
        return r;
    }

    @Test
    void skipElementLeavesTheReaderOnTheElementsEndTagWithNestedElementsOfTheSameName() throws XMLStreamException {
        XMLStreamReader r = at("<a><skip>x<skip><b/></skip>y</skip><keep/></a>", "skip");
        XmlStreams.skipElement(r);
        assertThat(r.getEventType()).isEqualTo(XMLStreamConstants.END_ELEMENT);
        assertThat(r.getLocalName()).isEqualTo("skip");
        assertThat(r.nextTag()).isEqualTo(XMLStreamConstants.START_ELEMENT);
        assertThat(r.getLocalName()).isEqualTo("keep");
    }

    @Test
    void skipElementTakesItsEventsFromTheCallersOwnStep() throws XMLStreamException {
        XMLStreamReader r = at("<a><skip><b/><c/></skip></a>", "skip");
        int[] steps = new int[1];
        XmlStreams.skipElement(() -> {
            steps[0]++;
            return r.next();
        });
        assertThat(steps[0]).isEqualTo(5);
    }

    @Test
    void aDocumentThatEndsInsideTheSkippedElementIsAnError() {
        assertThatThrownBy(() -> XmlStreams.skipElement(at("<a><skip><b/>", "skip")))
                .isInstanceOf(XMLStreamException.class);
    }
}
