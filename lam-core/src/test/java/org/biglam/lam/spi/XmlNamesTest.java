package org.biglam.lam.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.ReadLimits;
import org.junit.jupiter.api.Test;

/** Names as numbers: the parser's interned names and any equal string give the same number. */
class XmlNamesTest {

    private static final XmlNames NAMES = new XmlNames("lido", "event", "eventSet", "term", "appellationValue");

    @Test
    void namesAreNumberedInOrderAndOthersAreZero() {
        assertThat(NAMES.code("lido")).isEqualTo(1);
        assertThat(NAMES.code("appellationValue")).isEqualTo(5);
        assertThat(NAMES.code(new String("eventSet".toCharArray()))).isEqualTo(3);
        assertThat(NAMES.code("eventWrap")).isZero();
        assertThat(NAMES.code("")).isZero();
        assertThat(NAMES.code(null)).isZero();
    }

    @Test
    void theGuardedParsersNamesAreFound() throws XMLStreamException {
        String xml = "<l:lido xmlns:l='u'><l:event><l:eventSet/><x:term xmlns:x='v'/><other/></l:event></l:lido>";
        XMLStreamReader r = AaltoXml.factory(ReadLimits.defaults())
                .createXMLStreamReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        StringBuilder codes = new StringBuilder();
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT) {
                codes.append(NAMES.code(r.getLocalName()));
            }
        }
        assertThat(codes).hasToString("12340");
    }

    @Test
    void aNameGivenTwiceIsRefused() {
        assertThatThrownBy(() -> new XmlNames("a", "b", "a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manyNamesAllFound() {
        String[] many = new String[300];
        for (int i = 0; i < many.length; i++) {
            many[i] = "n" + i;
        }
        XmlNames names = new XmlNames(many);
        for (int i = 0; i < many.length; i++) {
            assertThat(names.code("n" + i)).isEqualTo(i + 1);
        }
        assertThat(names.code("n300")).isZero();
    }
}
