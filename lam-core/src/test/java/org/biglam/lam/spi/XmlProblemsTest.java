package org.biglam.lam.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.SAXParser;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.Location;
import org.biglam.lam.ReadLimits;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One wording and one way of locating for XML parse errors, checked on the JDK's own parsers (Woodstox
 * and Aalto are checked where lam-alto uses them).
 */
class XmlProblemsTest {

    private static final XMLInputFactory STAX = SecureXml.inputFactory(ReadLimits.defaults());
    private static final Location WHERE = Location.of("file:///d/x.xml", null).withIndex(2);

    /** Reads a document to its end with the JDK's StAX parser; returns the problem it gave. */
    private static LamFormatException stax(byte[] xml) {
        XMLStreamReader r = null;
        try {
            r = STAX.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (r.hasNext()) {
                r.next();
            }
        } catch (XMLStreamException e) {
            return XmlProblems.malformed(WHERE, e, r);
        }
        throw new AssertionError("the document was read");
    }

    private static LamFormatException sax(byte[] xml) throws Exception {
        SAXParser p = SecureXml.saxParserFactory().newSAXParser();
        try {
            p.parse(new ByteArrayInputStream(xml), new DefaultHandler());
        } catch (SAXException | IOException e) {
            return XmlProblems.malformed(WHERE, e);
        }
        throw new AssertionError("the document was read");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aStaxErrorIsMalformedXmlAtTheParsersLineAndColumnWithoutTheParsersOwnPrefix() {
        LamFormatException e = stax(utf8("<?xml version=\"1.0\"?>\n<a>\n<b>caf\u00e9 </c></a>"));
        assertThat(e.reason()).startsWith("malformed XML: ").doesNotContain("ParseError").doesNotContain("Message:")
                .contains("\"b\"");
        assertThat(e.location()).hasValueSatisfying(l -> {
            assertThat(l.input()).isEqualTo("file:///d/x.xml");
            assertThat(l.index()).hasValue(2);
            assertThat(l.line()).hasValue(3);
            assertThat(l.column()).isPresent();
            // the JDK's parser counts characters (the é is two bytes): not given as a byte offset
            assertThat(l.offset()).isEmpty();
        });
        assertThat(e.getCause()).isInstanceOf(XMLStreamException.class);
    }

    @Test
    void anUnknownDeclaredEncodingIsLocatedAtTheDeclaration() {
        LamFormatException e = stax(utf8("<?xml version=\"1.0\" encoding=\"UTF-9\"?><a/>"));
        assertThat(e.reason()).startsWith("malformed XML: ").contains("UTF-9");
        assertThat(e.location().orElseThrow().line()).hasValue(1);
    }

    @Test
    void anEncodingTheParserCannotReadAtTheStartIsLocatedAtByteZero() {
        // UCS-4 in the unusual byte order 2143: the JDK's parser refuses it before it has a position
        byte[] xml = {0, 0, 0x3c, 0, 0, 0, 0x3f, 0, 0, 0, 0x78, 0};
        LamFormatException e = stax(xml);
        assertThat(e.reason()).startsWith("malformed XML: ").containsIgnoringCase("UCS-4");
        assertThat(e.location().orElseThrow().offset()).hasValue(0);
        assertThat(e.location().orElseThrow().line()).hasValue(1);
    }

    @Test
    void aSaxErrorIsLocatedAtItsLineAndColumnWithTheSameWording() throws Exception {
        LamFormatException e = sax(utf8("<a>\n<b></c></a>"));
        assertThat(e.reason()).startsWith("malformed XML: ").contains("\"b\"");
        assertThat(e.location().orElseThrow().line()).hasValue(2);
        assertThat(e.location().orElseThrow().column()).isPresent();
    }

    @Test
    void aSaxParserThatFailsBeforeItHasAPositionIsLocatedAtByteZero() throws Exception {
        LamFormatException e = sax(utf8("<?xml version=\"1.0\" encoding=\"UTF-9\"?>\n<a/>"));
        assertThat(e.reason()).startsWith("malformed XML: ").contains("UTF-9");
        assertThat(e.location().orElseThrow().line().isPresent() || e.location().orElseThrow().offset().isPresent())
                .isTrue();
    }

    @Test
    void anIoErrorFromDecodingWithoutAPositionIsLocatedAtTheStartAndKeepsWhatTheDecoderKnows() {
        XMLStreamException wrapped = new XMLStreamException(
                new CharConversionException("Invalid UTF-8 middle byte 0x6f (at char #18, byte #-1)"));
        LamFormatException e = XmlProblems.malformed(WHERE, wrapped);
        assertThat(e.reason()).isEqualTo("malformed XML: Invalid UTF-8 middle byte 0x6f (at char #18)");
        assertThat(e.location().orElseThrow().offset()).hasValue(0);
    }

    @Test
    void aLazyParsersUncheckedWrapperIsSeenThroughToItsParseError() {
        XMLStreamException inner = new XMLStreamException("Unexpected EOF in the middle of a multi-byte char");
        RuntimeException lazy = new RuntimeException("[com.ctc.wstx.exc.WstxLazyException] " + inner.getMessage(), inner);
        assertThat(XmlProblems.parseError(lazy)).isSameAs(inner);
        assertThat(XmlProblems.reason(lazy)).isEqualTo("Unexpected EOF in the middle of a multi-byte char");
        assertThat(XmlProblems.parseError(new IllegalStateException("a bug"))).isNull();
        assertThat(XmlProblems.parseError(new LamFormatException("a lam problem", WHERE, inner))).isNull();
    }

    @Test
    void oneCatchTakesTheParsersErrorCheckedOrWrappedAndLetsEverythingElseGoOnAsThrown() {
        XMLStreamException inner = new XMLStreamException("Unexpected EOF in the middle of a multi-byte char");
        assertThat(XmlProblems.asParseError(inner)).isSameAs(inner);
        assertThat(XmlProblems.asParseError(new RuntimeException("lazy", inner))).isSameAs(inner);
        LamFormatException problem = new LamFormatException("record larger than the limit", WHERE, inner);
        assertThatThrownBy(() -> XmlProblems.asParseError(problem)).isSameAs(problem);
        IllegalStateException bug = new IllegalStateException("a bug");
        assertThatThrownBy(() -> XmlProblems.asParseError(bug)).isSameAs(bug);
        assertThatThrownBy(() -> XmlProblems.asParseError(new IOException("not a parser's")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnsupportedEncodingSaysSo() {
        assertThat(XmlProblems.reason(new UnsupportedEncodingException("UTF-9"))).isEqualTo("unsupported encoding UTF-9");
    }

    @Test
    void woodstoxAndAaltoPositionsAtTheEndOfAMessageAreLeftToTheLocation() {
        assertThat(XmlProblems.reason(new XMLStreamException(
                "Unexpected close tag </c>; expected </b>.\n at [row,col {unknown-source}]: [3,11]")))
                .isEqualTo("Unexpected close tag </c>; expected </b>.");
    }

    @Test
    void whereTheExceptionHasNoPositionTheReadersLastPositionIsUsed() throws Exception {
        XMLStreamReader r = STAX.createXMLStreamReader(new ByteArrayInputStream(utf8("<a>\n  <b>x</b></a>")));
        r.next();
        r.next();
        r.next();
        LamFormatException e = XmlProblems.malformed(WHERE, new XMLStreamException("the stream failed"), r);
        assertThat(e.location().orElseThrow().line()).hasValue(2);
        assertThat(e.location().orElseThrow().offset()).isEmpty();
    }
}
