package org.biglam.lam.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.Location;
import org.biglam.lam.ReadLimits;
import org.junit.jupiter.api.Test;

/** Opening a streamed document on its root, strictly or leniently, with located errors. */
class XmlRecordReaderTest {

    private static final XMLInputFactory F = SecureXml.inputFactory(ReadLimits.defaults());
    private static final Location WHERE = Location.of("file:///x.xml", null);

    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theParserStandsOnTheRootAndAnUnboundPrefixNamesTheLenientOption() throws Exception {
        XMLStreamReader r = XmlRecordReader.openRoot(F, in("<?xml version=\"1.0\"?>\n<!-- c -->\n<a><b/></a>"), false,
                WHERE, "x.lenient");
        assertThat(r.getLocalName()).isEqualTo("a");
        assertThatThrownBy(() -> XmlRecordReader.openRoot(F, in("\n<edm:x/>"), false, WHERE, "x.lenient"))
                .isInstanceOf(LamFormatException.class).hasMessageContaining("malformed XML")
                .hasMessageContaining("x.lenient=true")
                .satisfies(e -> assertThat(((LamFormatException) e).location().orElseThrow().line()).hasValue(2));
        XMLStreamReader lenient = XmlRecordReader.openRoot(F, in("\n<edm:x/>"), true, WHERE, null);
        assertThat(lenient.getNamespaceURI()).isEqualTo("http://www.europeana.eu/schemas/edm/");
    }

    @Test
    void aDocumentWithoutARootIsLocated() {
        assertThatThrownBy(() -> XmlRecordReader.openRoot(F, in("<?xml version=\"1.0\"?>\n<!-- only -->\n"), false,
                WHERE, null)).isInstanceOf(LamFormatException.class)
                .satisfies(e -> {
                    Location l = ((LamFormatException) e).location().orElseThrow();
                    assertThat(l.line().isPresent() || l.offset().isPresent()).isTrue();
                });
    }
}
