package org.biglam.lam.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.Location;
import org.biglam.lam.ReadLimits;
import org.codehaus.stax2.XMLStreamReader2;
import org.junit.jupiter.api.Test;

/**
 * The guarded Aalto factory every XML reader parses with: hostile documents are refused at bounded
 * cost with a located parse error, good ones read as StAX says.
 */
class AaltoXmlTest {

    private static final XMLInputFactory FACTORY = AaltoXml.factory(ReadLimits.defaults());
    private static final Location WHERE = Location.of("file:///d/x.xml", null).withIndex(0);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The text of a document read to its end. */
    private static String text(XMLInputFactory f, byte[] xml) throws XMLStreamException {
        XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
        StringBuilder sb = new StringBuilder();
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.CHARACTERS) {
                sb.append(r.getText());
            }
        }
        r.close();
        return sb.toString();
    }

    private static String text(String xml) throws XMLStreamException {
        return text(FACTORY, utf8(xml));
    }

    /** The problem a document gives when read to its end, as a reader words it. */
    private static LamFormatException problem(XMLInputFactory f, InputStream in) {
        XMLStreamReader r = null;
        try {
            r = f.createXMLStreamReader(in);
            while (r.hasNext()) {
                r.next();
            }
        } catch (XMLStreamException e) {
            return XmlProblems.malformed(WHERE, e, r);
        }
        throw new AssertionError("the document was read");
    }

    private static LamFormatException problem(String xml) {
        return problem(FACTORY, new ByteArrayInputStream(utf8(xml)));
    }

    @Test
    void readsAGoodDocumentWithItsTextNamesAndAttributes() throws XMLStreamException {
        XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(
                utf8("<?xml version='1.0'?><a xmlns:x='urn:x' x:k='v'>one &amp; <b>two</b><!-- c --></a>")));
        assertThat(r).isInstanceOf(XMLStreamReader2.class);
        assertThat(r.nextTag()).isEqualTo(XMLStreamConstants.START_ELEMENT);
        assertThat(r.getAttributeValue("urn:x", "k")).isEqualTo("v");
        assertThat(r.next()).isEqualTo(XMLStreamConstants.CHARACTERS);
        assertThat(r.getText()).isEqualTo("one & ");
        assertThat(r.nextTag()).isEqualTo(XMLStreamConstants.START_ELEMENT);
        assertThat(r.getElementText()).isEqualTo("two");
        assertThat(((XMLStreamReader2) r).getDepth()).isEqualTo(2);
    }

    @Test
    void readsADocumentThatNamesADtdItDoesNotShip() throws XMLStreamException {
        assertThat(text("<?xml version='1.0'?><!DOCTYPE TEI.2 SYSTEM 'http://127.0.0.1:9/tei2.dtd'><TEI.2>old</TEI.2>"))
                .isEqualTo("old");
    }

    @Test
    void refusesAnExternalEntityWithoutReadingIt() {
        LamFormatException e = problem("<!DOCTYPE a [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>\n<a>&x;</a>");
        assertThat(e.reason()).startsWith("malformed XML: ").doesNotContain("root:");
        assertThat(e.location().orElseThrow().line()).hasValue(2);
    }

    @Test
    void refusesBillionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE a [<!ENTITY a0 'lol'>");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY a").append(i).append(" '").append(("&a" + (i - 1) + ";").repeat(10)).append("'>");
        }
        assertThat(problem(dtd + "]><a>&a9;</a>").reason()).startsWith("malformed XML: ");
    }

    @Test
    void refusesNestingDeeperThanTheLimitAtTheElement() {
        XMLInputFactory shallow = AaltoXml.factory(ReadLimits.builder().maxNestingDepth(50).build());
        LamFormatException e = problem(shallow, new ByteArrayInputStream(utf8("<a>\n".repeat(60) + "</a>".repeat(60))));
        assertThat(e.reason()).isEqualTo("malformed XML: XML nested deeper than 50");
        assertThat(e.location().orElseThrow().line()).hasValue(51);
        assertThat(e.location().orElseThrow().offset()).hasValue(200L);
    }

    @Test
    void refusesAHugeAttributeOrNameAtTheTokenLimitWithoutReadingOn() {
        // 20 MB of attribute value, or of name, that never ends: refused after the token limit, not at the end
        for (String start : new String[] {"<a b='", "<a"}) {
            CountingStream in = new CountingStream(start, 20 << 20);
            LamFormatException e = problem(FACTORY, in);
            assertThat(e.reason()).contains("longer than");
            assertThat(in.served).isLessThan(AaltoXml.MAX_TOKEN_BYTES + 65_536);
        }
    }

    @Test
    void refusesManyDistinctNamesBeforeAaltosNameTableSlowsDown() {
        StringBuilder sb = new StringBuilder("<r>");
        for (int i = 0; i < 100_000; i++) {
            sb.append("<e").append(i).append("/>");
        }
        long start = System.nanoTime();
        LamFormatException e = problem(sb.append("</r>").toString());
        assertThat(e.reason()).contains("more than " + AaltoXml.MAX_NAMES + " distinct");
        assertThat(e.location().orElseThrow().line()).hasValue(1);
        assertThat(System.nanoTime() - start).as("refused early, not after a minute").isLessThan(20_000_000_000L);
    }

    @Test
    void refusesAnElementWithTooManyAttributes() {
        StringBuilder sb = new StringBuilder("<r");
        for (int i = 0; i < AaltoXml.MAX_ATTRIBUTES + 1; i++) {
            sb.append(" a").append(i % 100).append("x").append(i / 100).append("=''");
        }
        assertThat(problem(sb.append("/>").toString()).reason())
                .isEqualTo("malformed XML: an element with more than " + AaltoXml.MAX_ATTRIBUTES + " attributes");
        XMLInputFactory f = AaltoXml.factory(ReadLimits.defaults());
        StringBuilder few = new StringBuilder("<r");
        for (int i = 0; i < 3_000; i++) {
            few.append(" a").append(i % 40).append("_").append(i / 40).append("=''");
        }
        assertThat(problem(f, new ByteArrayInputStream(utf8(few + "/>"))).reason())
                .contains("more than " + AaltoXml.MAX_NAMES + " distinct");
    }

    @Test
    void refusesManyNamespacePrefixes() {
        StringBuilder sb = new StringBuilder("<r");
        for (int i = 0; i <= AaltoXml.MAX_PREFIXES; i++) {
            sb.append(" xmlns:p").append(i).append("='urn:").append(i).append("'");
        }
        assertThat(problem(sb.append("/>").toString()).reason())
                .contains("more than " + AaltoXml.MAX_PREFIXES + " distinct namespace prefixes");
    }

    @Test
    void aLongTextRunReadsButNotBeyondTheLongestStringAllowed() throws XMLStreamException {
        String big = "x".repeat(1_000_000);
        assertThat(text("<a>" + big + "</a>")).hasSize(1_000_000);
        XMLInputFactory small = AaltoXml.factory(ReadLimits.builder().maxStringLength(500_000).build());
        LamFormatException e = problem(small, new ByteArrayInputStream(utf8("<a>" + big + "</a>")));
        assertThat(e.reason()).contains("longer than");
        // a short text does not lend its allowance to the tag after it
        CountingStream in = new CountingStream("<a>x<b c='", 20 << 20);
        assertThat(problem(FACTORY, in).reason()).contains("longer than");
        assertThat(in.served).isLessThan(AaltoXml.MAX_TOKEN_BYTES + 65_536);
    }

    @Test
    void aParseErrorIsLocatedWithLineColumnAndByteOffset() {
        LamFormatException e = problem("<a>\n  <b>é</c></a>");
        assertThat(e.reason()).startsWith("malformed XML: ").doesNotContain("[row,col");
        assertThat(e.location().orElseThrow().line()).hasValue(2);
        assertThat(e.location().orElseThrow().offset()).isPresent();
    }

    /** Line, column and offset of each start tag, as "name line:column@offset". */
    private static String starts(byte[] xml) throws XMLStreamException {
        XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
        StringBuilder sb = new StringBuilder();
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT) {
                javax.xml.stream.Location l = r.getLocation();
                sb.append(r.getLocalName()).append(' ').append(l.getLineNumber()).append(':')
                        .append(l.getColumnNumber()).append('@').append(l.getCharacterOffset()).append(' ');
            }
        }
        return sb.toString().trim();
    }

    @Test
    void theRootElementIsPlacedWhereItsTagStartsNotWhereTheWhiteSpaceBeforeItDoes() throws XMLStreamException {
        // Aalto alone says 1:22@21 for this root: the end of the declaration
        assertThat(starts(utf8("<?xml version=\"1.0\"?>\n\n  <a>\n<b/></a>"))).isEqualTo("a 3:3@25 b 4:1@29");
        assertThat(starts(utf8("<?xml version=\"1.0\"?>\r\n<!-- c -->\r\n<a><b/></a>"))).isEqualTo("a 3:1@35 b 3:4@38");
        assertThat(starts(utf8("\t<a>\n<b/></a>"))).isEqualTo("a 1:2@1 b 2:1@5");
        assertThat(starts(utf8("<a>\n<b/></a>"))).isEqualTo("a 1:1@0 b 2:1@4");
        assertThat(starts(utf8("<?xml version=\"1.0\"?><a/>"))).isEqualTo("a 1:22@21");
        byte[] bom = utf8("\uFEFF<?xml version=\"1.0\"?>\n<a/>");
        assertThat(starts(bom)).isEqualTo("a 2:1@25");
    }

    @Test
    void anElementNamedWithTheXmlnsPrefixIsAParseErrorWithAPlace() {
        // Aalto refuses it with a plain RuntimeException ("non-singleton binding"), not a parse error
        LamFormatException e = problem(FACTORY, new ByteArrayInputStream(utf8("<a>\n <xmlns:d/></a>")));
        assertThat(e.getMessage()).contains("malformed XML: ").contains("xmlns");
        assertThat(e.location().orElseThrow().line()).hasValue(2);
    }

    @Test
    void manyDocumentsWithNewNamesDoNotGrowOneNameTable() throws XMLStreamException {
        XMLInputFactory f = AaltoXml.factory(ReadLimits.builder().maxNestingDepth(77).build());
        for (int d = 0; d < 40; d++) {
            StringBuilder sb = new StringBuilder("<r>");
            for (int i = 0; i < 1_000; i++) {
                sb.append("<d").append(d).append("e").append(i).append("/>");
            }
            text(f, utf8(sb.append("</r>").toString()));
        }
        // 40,000 names met; the factory started over rather than keep them all
        assertThat(((GuardedAalto) f).names()).isLessThanOrEqualTo(GuardedAalto.RENEW_AFTER_NAMES + 1_001);
    }

    @Test
    void sharedReadersAreAaltosOwnAndTheirNameTableStartsOverAsNamesAddUp() throws XMLStreamException {
        int before = AaltoXml.SHARED.names();
        AaltoXml.Guard first = new AaltoXml.Guard(new ByteArrayInputStream(utf8("<alto><String CONTENT='a'/></alto>")),
                AaltoXml.MAX_TOKEN_BYTES, AaltoXml.MAX_NAMES, AaltoXml.MAX_PREFIXES);
        XMLStreamReader r = AaltoXml.sharedReader(first);
        assertThat(r).isInstanceOf(com.fasterxml.aalto.stax.StreamReaderImpl.class);
        r.nextTag();
        r.nextTag();
        assertThat(r.getLocalName()).isSameAs("String"); // interned, as documentFactory()'s readers
        assertThat(r.getAttributeLocalName(0)).isSameAs("CONTENT");
        for (String n : new String[] {"alto", "String", "CONTENT"}) {
            first.name(n);
        }
        r.close();
        first.close();
        first.close(); // once only
        int after = AaltoXml.SHARED.names();
        assertThat(after == before + 3 || after <= 3).as("names counted once: %d then %d", before, after).isTrue();

        for (int d = 0; d < 40; d++) {
            StringBuilder sb = new StringBuilder("<r>");
            for (int i = 0; i < 1_000; i++) {
                sb.append("<s").append(d).append("e").append(i).append("/>");
            }
            AaltoXml.Guard g = new AaltoXml.Guard(new ByteArrayInputStream(utf8(sb.append("</r>").toString())), AaltoXml.MAX_TOKEN_BYTES,
                    AaltoXml.MAX_NAMES, AaltoXml.MAX_PREFIXES);
            XMLStreamReader dr = AaltoXml.sharedReader(g);
            while (dr.hasNext()) {
                if (dr.next() == XMLStreamConstants.START_ELEMENT) {
                    g.name(dr.getLocalName());
                }
            }
            g.close();
        }
        // 40,000 names met by the documents of the shared table; it started over rather than keep them
        assertThat(AaltoXml.SHARED.names()).isLessThanOrEqualTo(GuardedAalto.RENEW_AFTER_NAMES + 1_001);
    }

    @Test
    void isSharedAndNotReconfigurable() {
        assertThat(AaltoXml.factory(ReadLimits.defaults())).isSameAs(FACTORY);
        assertThatThrownBy(() -> FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, true))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theEntityReportingFactoryReportsEntitiesItNeverExpandsAndKeepsTheGuards() throws XMLStreamException {
        XMLInputFactory f = AaltoXml.entityReportingFactory(ReadLimits.defaults());
        assertThat(f).isNotSameAs(FACTORY).isSameAs(AaltoXml.entityReportingFactory(ReadLimits.defaults()));
        XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(
                utf8("<!DOCTYPE a [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>\n<a>&amp;&#233;&mdash;&x;</a>")));
        StringBuilder events = new StringBuilder();
        while (r.hasNext()) {
            switch (r.next()) {
                case XMLStreamConstants.DTD -> events.append("[dtd ").append(r.getText()).append(']');
                case XMLStreamConstants.CHARACTERS -> events.append(r.getText());
                case XMLStreamConstants.ENTITY_REFERENCE -> events.append("{").append(r.getLocalName()).append('}');
                default -> { }
            }
        }
        assertThat(events).hasToString("[dtd <!ENTITY x SYSTEM 'file:///etc/passwd'>]&\u00e9{mdash}{x}");
        // in an attribute it cannot be reported: a parse error, as with the plain factory
        assertThat(problem(f, new ByteArrayInputStream(utf8("<a k='&mdash;'/>"))).reason()).startsWith("malformed XML: ");
        XMLInputFactory shallow = AaltoXml.entityReportingFactory(ReadLimits.builder().maxNestingDepth(50).build());
        assertThat(problem(shallow, new ByteArrayInputStream(utf8("<a>\n".repeat(60) + "</a>".repeat(60)))).reason())
                .isEqualTo("malformed XML: XML nested deeper than 50");
        assertThat(problem(FACTORY, new ByteArrayInputStream(utf8("<a>&mdash;</a>"))).reason())
                .startsWith("malformed XML: ");
    }

    /** A stream of {@code start} then {@code n} bytes of 'x', counting what it served. */
    private static final class CountingStream extends InputStream {
        private final byte[] start;
        private final long n;
        long served;

        CountingStream(String start, long n) {
            this.start = utf8(start);
            this.n = n;
        }

        @Override
        public int read() {
            if (served >= start.length + n) {
                return -1;
            }
            int b = served < start.length ? start[(int) served] : 'x';
            served++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int i = 0;
            while (i < len) {
                int c = read();
                if (c < 0) {
                    break;
                }
                b[off + i++] = (byte) c;
            }
            return i == 0 && len > 0 ? -1 : i;
        }
    }
}
