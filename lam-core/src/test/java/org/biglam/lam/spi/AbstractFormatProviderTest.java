package org.biglam.lam.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.ReadOptions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A provider made on the base classes: its description given once, the XML probe and reader, and an
 * embedded reader over the same streaming parser.
 */
class AbstractFormatProviderTest {

    private static final String NS = "urn:example:notes";

    /** Field notes: a {@code notes} root in {@link #NS}, each {@code note} a record. */
    static final class NotesFormat extends AbstractFormatProvider {

        NotesFormat() {
            super(FormatInfo.of("notes", "Field notes", "note").withExtensions("notes"));
        }

        @Override
        public MatchStrength probe(byte[] head, int len) {
            return probeXml(head, len, root -> isNotes(root.namespace(), root.localName())
                    ? MatchStrength.FULL_MATCH : MatchStrength.NO_MATCH,
                    text -> text.contains(NS) ? MatchStrength.SOLID_MATCH : MatchStrength.INCONCLUSIVE);
        }

        @Override
        public FormatReader open(Input input, ReadContext context) throws IOException {
            return openXml(context, "notes.lenient", NotesFormat::isNotes, "a notes file",
                    (r, out) -> new NoteParser(r, null, out));
        }

        static boolean isNotes(String namespace, String localName) {
            return NS.equals(namespace) && "notes".equals(localName);
        }
    }

    static final class NotesEmbedded extends AbstractEmbeddedXmlReader {

        NotesEmbedded() {
            super("notes", Set.of(NS), NotesFormat::isNotes,
                    (xml, envelope, context, out) -> new NoteParser(xml, envelope, out));
        }
    }

    /** Steps through a {@code notes} element: a record per {@code note}, its text the note's. */
    static final class NoteParser implements XmlRecordReader.Parser {
        private final XMLStreamReader r;
        private final @Nullable LamRecord envelope;
        private final Consumer<LamRecord> out;
        private int depth;
        private int notes;
        private boolean done;

        NoteParser(XMLStreamReader r, @Nullable LamRecord envelope, Consumer<LamRecord> out) {
            this.r = r;
            this.envelope = envelope;
            this.out = out;
        }

        @Override
        public void step() throws XMLStreamException {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT && "note".equals(r.getLocalName())) {
                String id = (envelope == null ? "notes" : envelope.id()) + "#" + ++notes;
                out.accept(LamRecord.builder(id, "notes").text(r.getElementText()).build());
            } else if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                done = depth-- == 0;
            } else if (e == XMLStreamConstants.END_DOCUMENT) {
                done = true;
            }
        }

        @Override
        public boolean done() {
            return done;
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static MatchStrength probe(String s) {
        byte[] b = utf8(s);
        return new NotesFormat().probe(b, b.length);
    }

    private static List<String> texts(String document) throws IOException {
        Input input = Input.of("file:///field/day1.notes", "day1.notes", utf8(document));
        List<String> texts = new ArrayList<>();
        ReadContext context = ReadContext.of(input, ReadOptions.defaults(), "note");
        try (FormatReader reader = new NotesFormat().open(input, context)) {
            for (LamRecord rec = reader.next(); rec != null; rec = reader.next()) {
                texts.add(rec.id() + "=" + rec.text().orElse(""));
            }
        }
        return texts;
    }

    @Test
    void theDescriptionGivenToTheConstructorIsTheProvidersInfo() {
        NotesFormat p = new NotesFormat();
        assertThat(p.info()).isSameAs(p.info());
        assertThat(p.id()).isEqualTo("notes");
        assertThat(p.extensions()).containsExactly("notes");
        assertThat(p.granularities()).containsExactly("note");
    }

    @Test
    void theRootDecidesTheProbeWhenTheLookAheadShowsIt() {
        assertThat(probe("<?xml version=\"1.0\"?>\n<!-- day one -->\n<notes xmlns=\"" + NS + "\"><note>a</note>"))
                .isEqualTo(MatchStrength.FULL_MATCH);
        assertThat(probe("<notes xmlns=\"urn:other\"><note>a</note></notes>")).isEqualTo(MatchStrength.NO_MATCH);
    }

    @Test
    void markupWhoseRootTheLookAheadDoesNotShowIsToldByItsTextAndAnythingElseIsNoMatch() {
        String cut = "<notes xmlns=\"" + NS + "\" title=\"" + "x".repeat(100);
        assertThat(Sniff.xmlRoot(utf8(cut), cut.length())).isEmpty();
        assertThat(probe(cut)).isEqualTo(MatchStrength.SOLID_MATCH);
        assertThat(probe("<!-- a comment, and nothing yet")).isEqualTo(MatchStrength.INCONCLUSIVE);
        assertThat(probe("notes: " + NS)).isEqualTo(MatchStrength.NO_MATCH);
        byte[] b = utf8("<notes/>");
        assertThat(AbstractFormatProvider.probeXml(b, b.length, root -> {
            throw new IllegalStateException("a probe that breaks");
        })).isEqualTo(MatchStrength.NO_MATCH);
        assertThat(AbstractFormatProvider.probeXml(utf8(cut), cut.length(), root -> MatchStrength.FULL_MATCH))
                .isEqualTo(MatchStrength.NO_MATCH);
    }

    @Test
    void theReaderStreamsTheRecordsOfTheRootsParser() throws IOException {
        assertThat(texts("<notes xmlns=\"" + NS + "\">\n<day><note>rain</note></day>\n<note>sun</note>\n</notes>"))
                .containsExactly("notes#1=rain", "notes#2=sun");
    }

    @Test
    void anotherRootIsALocatedProblemNamingTheFormatAndTheRoot() {
        assertThatThrownBy(() -> texts("<?xml version=\"1.0\"?>\n<diary xmlns=\"urn:other\"/>"))
                .isInstanceOf(LamFormatException.class)
                .satisfies(e -> {
                    LamFormatException f = (LamFormatException) e;
                    assertThat(f.reason()).isEqualTo("not a notes file: the root element is {urn:other}diary");
                    assertThat(f.location().orElseThrow().line()).hasValue(2);
                });
    }

    @Test
    void theEmbeddedReaderReadsItsElementThroughItsEndWithTheEnvelopesId() throws Exception {
        NotesEmbedded embedded = new NotesEmbedded();
        assertThat(embedded.format()).isEqualTo("notes");
        assertThat(embedded.namespaces()).containsExactly(NS);
        assertThat(embedded.reads(NS, "notes")).isTrue();
        assertThat(embedded.reads(NS, "note")).isFalse();

        XMLStreamReader xml = SecureXml.inputFactory(ReadLimits.defaults()).createXMLStreamReader(
                new ByteArrayInputStream(utf8("<record><metadata><notes xmlns=\"" + NS + "\"><note>fog</note>"
                        + "<note>hail</note></notes><after/></metadata></record>")));
        while (!(xml.isStartElement() && "notes".equals(xml.getLocalName()))) {
            xml.next();
        }
        Input input = Input.of("file:///oai/page1.xml", "page1.xml", new byte[0]);
        List<String> texts = new ArrayList<>();
        embedded.read(xml, LamRecord.builder("oai:x:1", "oai-pmh").build(),
                ReadContext.of(input, ReadOptions.defaults(), "record"),
                r -> texts.add(r.id() + "=" + r.text().orElse("")));
        assertThat(texts).containsExactly("oai:x:1#1=fog", "oai:x:1#2=hail");
        assertThat(xml.isEndElement() && "notes".equals(xml.getLocalName())).isTrue();
    }
}
