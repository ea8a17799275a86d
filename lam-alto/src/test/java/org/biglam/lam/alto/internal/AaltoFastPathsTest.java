package org.biglam.lam.alto.internal;

import org.biglam.lam.spi.AaltoXml;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.testing.Corpus;
import org.codehaus.stax2.typed.TypedValueDecoder;
import org.codehaus.stax2.typed.TypedXMLStreamReader;
import org.junit.jupiter.api.Test;

/**
 * What {@link AaltoFastPaths} relies on in Aalto, checked against the Aalto on the class path: a
 * failure here means an Aalto upgrade changed it, and says what to re-check before ALTO is read
 * wrong or slowly. Every fast path must give what plain StAX gives ({@link StaxFastPaths}).
 */
class AaltoFastPathsTest {

    private static final String RECHECK = " Re-check AaltoFastPaths (and AaltoXml.documentFactory()) against this Aalto version ("
            + aaltoVersion() + ") before upgrading.";

    /** Attribute values with white space, entities and numbers in the shapes the fast paths treat apart. */
    private static final String TRICKY = "<?xml version='1.0' encoding='UTF-8'?>"
            + "<alto xmlns='http://www.loc.gov/standards/alto/ns-v4#'><Layout><Page ID='p'><PrintSpace>"
            + "<TextBlock ID=' b1 ' HPOS=' 1' VPOS='2 ' WIDTH='&#9;3' HEIGHT='4&#10;'><TextLine ID='l'>"
            + "<String ID='w1' CONTENT=' lead' HPOS=' 10' WIDTH='5 ' WC=' 0.5 '/>"
            + "<String CONTENT='trail ' HPOS='16' WIDTH='5' WC='0.93'/>"
            + "<String CONTENT='  ' HPOS='22.5' WIDTH='5.75' WC='1'/>"
            + "<String CONTENT='a&amp;b' HPOS='28' WIDTH='1e1' WC='93'/>"
            + "<String CONTENT='' HPOS='' WIDTH='' WC=''/>"
            + "<String CONTENT='x&#32;y' HPOS='-3' WIDTH='4' WC='0,5'/>"
            + "<String CONTENT='&#160;nb&#160;' HPOS='1234567890' WIDTH='4.' WC='1.0'/>"
            + "<String CONTENT='&#x20;sp&#x9;' HPOS='0' WIDTH='04' WC='0.12345678'/>"
            + "<String CONTENT='q' WC='0.1234567' HPOS='7' WIDTH='8'/><SP/>"
            + "<String CONTENT='z' WC='  ' HPOS='  ' WIDTH=' 8 '/>"
            + "</TextLine></TextBlock></PrintSpace></Page></Layout></alto>";

    private static String aaltoVersion() {
        Package p = com.fasterxml.aalto.stax.InputFactoryImpl.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "version unknown" : v;
    }

    private static XMLStreamReader aalto(InputStream in) throws XMLStreamException {
        return AaltoXml.documentFactory().createXMLStreamReader(in);
    }

    private static XMLStreamReader aalto(String xml) throws XMLStreamException {
        return aalto(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static void toFirstElement(XMLStreamReader r, String name) throws XMLStreamException {
        while (r.next() != XMLStreamConstants.START_ELEMENT || !name.equals(r.getLocalName())) {
            // on
        }
    }

    @Test
    void choosesAaltosFastPathsForTheReaderXmlAltoMakes() throws XMLStreamException {
        XMLStreamReader r = aalto("<alto/>");
        assertThat(ParserFastPaths.of(r))
                .withFailMessage("AaltoXml.documentFactory() gives a %s, which AaltoFastPaths does not take (it casts to "
                        + "com.fasterxml.aalto.stax.StreamReaderImpl): ALTO is read without Aalto's fast paths, "
                        + "much slower." + RECHECK, r.getClass().getName())
                .isInstanceOf(AaltoFastPaths.class);
        assertThat(r).withFailMessage("Aalto's reader no longer offers Stax2 typed access (TypedXMLStreamReader), "
                + "which AaltoFastPaths reads values through." + RECHECK).isInstanceOf(TypedXMLStreamReader.class);
    }

    @Test
    void choosesPlainStaxForAnyOtherParser() throws XMLStreamException {
        XMLStreamReader r = org.biglam.lam.spi.SecureXml.inputFactory(org.biglam.lam.ReadLimits.defaults())
                .createXMLStreamReader(new ByteArrayInputStream("<alto/>".getBytes(StandardCharsets.UTF_8)));
        ParserFastPaths fast = ParserFastPaths.of(r);
        assertThat(fast).isInstanceOf(StaxFastPaths.class);
        assertThat(fast.internsNames()).isFalse();
    }

    @Test
    void aaltoInternsNamesSoThatTheParserMayCompareThemByIdentity() throws XMLStreamException {
        XMLStreamReader r = aalto(TRICKY);
        toFirstElement(r, "String");
        String message = "Aalto no longer interns names as AaltoXml.documentFactory() asks (P_INTERN_NAMES): AltoParser's tests "
                + "by identity (name == \"String\") would miss, and AaltoXml.Guard's cache too; the results stay right "
                + "but ALTO is read slower." + RECHECK;
        assertThat(ParserFastPaths.of(r).internsNames()).withFailMessage(message).isTrue();
        assertThat(r.getLocalName()).withFailMessage(message).isSameAs("String");
        assertThat(r.getAttributeLocalName(1)).withFailMessage(message).isSameAs("CONTENT");
    }

    /** A decoder that notes what Aalto hands it. */
    private static final class Recording extends TypedValueDecoder {
        final List<String> calls = new ArrayList<>();

        @Override
        public void decode(String input) {
            calls.add("string:" + input);
        }

        @Override
        public void decode(char[] buffer, int start, int end) {
            calls.add("slice:" + new String(buffer, start, end - start) + "|before:"
                    + (start > 0 ? (int) buffer[start - 1] : -1) + "|after:" + (end < buffer.length ? (int) buffer[end] : -1));
        }

        @Override
        public void handleEmptyValue() {
            calls.add("empty");
        }
    }

    @Test
    void aaltoHandsADecoderATrimmedSliceOfItsBufferWithTheCutSpaceBesideIt() throws XMLStreamException {
        // AaltoFastPaths.ExactDecoder takes a slice as the whole value unless white space is next to
        // it in the buffer: Aalto must hand the value trimmed, in place, with what was cut still there.
        XMLStreamReader r = aalto("<e A='x' B=' y ' C='z'/>");
        toFirstElement(r, "e");
        Recording d = new Recording();
        for (int i = 0; i < 3; i++) {
            ((TypedXMLStreamReader) r).getAttributeAs(i, d);
        }
        assertThat(d.calls).withFailMessage("Aalto's typed access no longer hands a decoder the attribute value as "
                + "a trimmed slice of its buffer with the cut white space beside it (got %s): AaltoFastPaths."
                + "ExactDecoder could take a trimmed value for the whole one." + RECHECK, d.calls)
                .hasSize(3)
                .satisfies(c -> assertThat(c.get(0)).startsWith("slice:x|"))
                .satisfies(c -> assertThat(c.get(1)).isEqualTo("slice:y|before:32|after:32"))
                .satisfies(c -> assertThat(c.get(2)).startsWith("slice:z|"));
    }

    @Test
    void fastPathsGiveWhatPlainStaxGivesOnTrickyValues() throws XMLStreamException {
        assertThat(compare(aalto(TRICKY))).isGreaterThan(40);
    }

    @Test
    void fastPathsGiveWhatPlainStaxGivesOnEveryAltoFileOfTheCorpus() throws IOException, XMLStreamException {
        List<Path> files = new ArrayList<>(Corpus.files("alto"));
        files.addAll(Corpus.files("mets-alto"));
        int values = 0;
        for (Path f : files) {
            if (f.toString().endsWith(".xml") && !f.getFileName().toString().contains("mets")) {
                try (InputStream in = Files.newInputStream(f)) {
                    values += compare(aalto(in));
                }
            }
        }
        assertThat(values).isGreaterThan(10_000);
    }

    /**
     * Every attribute of every element read through Aalto's fast paths and as plain StAX gives it:
     * the same value; the same confidence where the fast path reads one, else the same trimmed text;
     * the coordinate {@link Numbers#coordinate} reads in the trimmed value. Returns the number of
     * values compared.
     */
    private static int compare(XMLStreamReader r) throws XMLStreamException {
        ParserFastPaths fast = ParserFastPaths.of(r);
        assertThat(fast).isInstanceOf(AaltoFastPaths.class);
        int n = 0;
        while (r.hasNext()) {
            if (r.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            for (int i = 0; i < r.getAttributeCount(); i++) {
                String plain = r.getAttributeValue(i);
                String where = r.getLocalName() + "/@" + r.getAttributeLocalName(i) + "='" + plain + "' at line "
                        + r.getLocation().getLineNumber();
                assertThat(fast.value(i)).withFailMessage("AaltoFastPaths.value differs from getAttributeValue for %s: "
                        + "Aalto's buffer no longer behaves as ExactDecoder expects." + RECHECK, where).isEqualTo(plain);
                double c = fast.confidence(i);
                if (c >= 0) {
                    assertThat(c).withFailMessage("AaltoFastPaths.confidence read %s for %s." + RECHECK, c, where)
                            .isEqualTo(Numbers.parse(plain.trim()));
                } else {
                    assertThat(fast.confidenceText()).withFailMessage("AaltoFastPaths.confidenceText is '%s' for %s: "
                            + "Aalto trims values differently." + RECHECK, fast.confidenceText(), where)
                            .isEqualTo(plain.trim());
                }
                Float x = fast.coordinate(i);
                char[] trimmed = plain.trim().toCharArray();
                assertThat(x).withFailMessage("AaltoFastPaths.coordinate read %s for %s: Aalto no longer hands the "
                        + "trimmed value to a decoder." + RECHECK, x, where)
                        .isEqualTo(Float.valueOf(Numbers.coordinate(trimmed, 0, trimmed.length)));
                n++;
            }
        }
        return n;
    }
}
