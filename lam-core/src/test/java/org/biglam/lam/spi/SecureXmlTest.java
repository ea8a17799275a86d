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

class SecureXmlTest {

    private static final XMLInputFactory FACTORY = SecureXml.inputFactory(ReadLimits.defaults());

    private static String text(String xml) throws XMLStreamException {
        XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
        StringBuilder sb = new StringBuilder();
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.CHARACTERS) {
                sb.append(r.getText());
            }
        }
        return sb.toString();
    }

    @Test
    void readsADocumentThatNamesADtdItDoesNotShip() throws XMLStreamException {
        assertThat(text("<?xml version='1.0'?><!DOCTYPE TEI.2 SYSTEM 'tei2.dtd'><TEI.2>old</TEI.2>")).isEqualTo("old");
    }

    @Test
    void refusesExternalEntities() {
        assertThatThrownBy(() -> text("<!DOCTYPE a [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><a>&x;</a>"))
                .isInstanceOf(XMLStreamException.class).hasMessageContaining("x");
    }

    @Test
    void refusesEntityBombs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE a [<!ENTITY a0 'lol'>");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY a").append(i).append(" '").append(("&a" + (i - 1) + ";").repeat(10)).append("'>");
        }
        assertThatThrownBy(() -> text(dtd + "]><a>&a9;</a>")).isInstanceOf(XMLStreamException.class);
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        XMLInputFactory shallow = SecureXml.inputFactory(ReadLimits.builder().maxNestingDepth(50).build());
        assertThatThrownBy(() -> {
            XMLStreamReader r = shallow.createXMLStreamReader(new StringReader("<a>".repeat(60) + "</a>".repeat(60)));
            while (r.hasNext()) {
                r.next();
            }
        }).isInstanceOf(XMLStreamException.class).hasMessageContaining("50");
    }

    @Test
    void findsTheRootElementForProbes() {
        byte[] head = "<?xml version='1.0'?><!-- c --><alto xmlns='http://www.loc.gov/standards/alto/ns-v4#' x='1'>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Sniff.xmlRoot(head, head.length)).hasValueSatisfying(r -> {
            assertThat(r.localName()).isEqualTo("alto");
            assertThat(r.namespace()).isEqualTo("http://www.loc.gov/standards/alto/ns-v4#");
            assertThat(r.attributes()).containsEntry("x", "1");
        });
        assertThat(Sniff.xmlRoot(new byte[] {1, 2, 3}, 3)).isEmpty();
    }
}
