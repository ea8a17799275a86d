package org.biglam.lam.lido;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.lido.internal.LidoParser;
import org.biglam.lam.lido.internal.XmlSupport;
import org.biglam.lam.spi.EmbeddedXmlReader;
import org.biglam.lam.spi.FormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.Sniff;
import org.biglam.lam.spi.XmlRecordReader;

/**
 * The {@code lido} format: LIDO 1.0 and 1.1 museum object records, a {@code lidoWrap} of many or a
 * single {@code lido}, with vocabulary terms as {@code lido:term} or {@code skos:Concept/skos:prefLabel}.
 * One record per object (granularity {@code object}), streamed: memory holds one object.
 * Setting {@code lido.lenient=true} binds the well-known prefixes for a record cut out of its
 * envelope.
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class LidoFormat implements FormatProvider {

    private static final FormatInfo INFO = FormatInfo.of("lido", "LIDO 1.0 and 1.1 museum object records", "object")
            .withExtensions("lido")
            .withMediaTypes("application/lido+xml");

    /** The setting that binds the well-known prefixes: {@value}. */
    public static final String LENIENT = "lido.lenient";

    /** Creates the provider. */
    public LidoFormat() {
    }

    @Override
    public FormatInfo info() {
        return INFO;
    }

    @Override
    public MatchStrength probe(byte[] head, int len) {
        try {
            Optional<Sniff.XmlRoot> root = Sniff.xmlRoot(head, len);
            if (root.isPresent()) {
                String ln = root.get().localName();
                if (LidoParser.NS.equals(root.get().namespace()) && (ln.equals("lidoWrap") || ln.equals("lido"))) {
                    return MatchStrength.FULL_MATCH;
                }
                return MatchStrength.NO_MATCH;
            }
            if (Sniff.firstChar(head, len) != '<') {
                return MatchStrength.NO_MATCH;
            }
            String text = Sniff.text(head, len);
            return text.contains(LidoParser.NS) && text.contains(":lido") ? MatchStrength.SOLID_MATCH
                    : MatchStrength.INCONCLUSIVE;
        } catch (RuntimeException e) {
            return MatchStrength.NO_MATCH;
        }
    }

    @Override
    public FormatReader open(Input input, ReadContext context) throws IOException {
        boolean lenient = context.options().flag(LENIENT, false);
        return new XmlRecordReader(XmlSupport.factory(context.limits()), context, lenient, LENIENT, (r, out) -> {
            String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
            if (!("lido".equals(r.getLocalName()) || "lidoWrap".equals(r.getLocalName())) || !LidoParser.NS.equals(ns)) {
                throw new LamFormatException("not LIDO: the root element is {" + ns + "}" + r.getLocalName(),
                        XmlRecordReader.place(context.location(), r));
            }
            return new LidoParser(r, context, null, input.name(), out);
        });
    }

    /**
     * LIDO embedded in another document (the {@code metadata} of an OAI-PMH record, a METS
     * {@code dmdSec}): a {@code lido} gives one record, a {@code lidoWrap} one per object. The first
     * record's id is the envelope's.
     *
     * @since 0.1
     */
    public static final class Embedded implements EmbeddedXmlReader {

        /** Creates the reader. */
        public Embedded() {
        }

        @Override
        public String format() {
            return "lido";
        }

        @Override
        public Set<String> namespaces() {
            return Set.of(LidoParser.NS);
        }

        @Override
        public boolean reads(String namespace, String localName) {
            return LidoParser.NS.equals(namespace) && ("lido".equals(localName) || "lidoWrap".equals(localName));
        }

        @Override
        public void read(XMLStreamReader xml, LamRecord envelope, ReadContext context, Consumer<LamRecord> out)
                throws XMLStreamException {
            LidoParser p = new LidoParser(xml, context, envelope, envelope.id(), out);
            while (!p.done()) {
                p.step();
            }
        }
    }
}
