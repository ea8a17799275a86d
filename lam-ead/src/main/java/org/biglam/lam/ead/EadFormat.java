package org.biglam.lam.ead;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ead.internal.EadParser;
import org.biglam.lam.ead.internal.XmlSupport;
import org.biglam.lam.spi.EmbeddedXmlReader;
import org.biglam.lam.spi.FormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.Sniff;
import org.biglam.lam.spi.XmlRecordReader;

/**
 * The {@code ead} format: EAD 2002 finding aids (namespace {@code urn:isbn:1-931666-22-9} or none)
 * and EAD3 ({@code http://ead3.archivists.org/schema/} and its {@code undeprecated} variant), with
 * components {@code c} or numbered {@code c01}..{@code c12}, nested to any depth.
 *
 * <p>Granularities: {@code component} (the default: one record per component, the collection-level
 * {@code archdesc} included) and {@code collection} (one record per finding aid). The finding aid is
 * streamed: memory holds one component and its ancestors' titles. Setting {@code ead.lenient=true}
 * binds the well-known prefixes for a finding aid cut out of its envelope.
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class EadFormat implements FormatProvider {

    private static final FormatInfo INFO = FormatInfo.of("ead",
            "EAD 2002 and EAD3 finding aids, one record per archival component", "component", "collection")
            .withExtensions("ead")
            .withMediaTypes("application/ead+xml");

    /** The setting that binds the well-known prefixes: {@value}. */
    public static final String LENIENT = "ead.lenient";

    /** Creates the provider. */
    public EadFormat() {
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
                String ns = root.get().namespace();
                if ("ead".equals(root.get().localName()) && EadParser.NAMESPACES.contains(ns)) {
                    return ns.isEmpty() ? MatchStrength.SOLID_MATCH : MatchStrength.FULL_MATCH;
                }
                return MatchStrength.NO_MATCH;
            }
            if (Sniff.firstChar(head, len) != '<') {
                return MatchStrength.NO_MATCH;
            }
            String text = Sniff.text(head, len);
            if (text.contains("<!DOCTYPE ead") || text.contains("<ead") && (text.contains("urn:isbn:1-931666-22-9")
                    || text.contains("ead3.archivists.org/schema"))) {
                return MatchStrength.SOLID_MATCH;
            }
            return MatchStrength.INCONCLUSIVE;
        } catch (RuntimeException e) {
            return MatchStrength.NO_MATCH;
        }
    }

    @Override
    public FormatReader open(Input input, ReadContext context) throws IOException {
        String g = context.granularity();
        boolean collection = "collection".equals(g);
        boolean lenient = context.options().flag(LENIENT, false);
        return new XmlRecordReader(XmlSupport.factory(context.limits()), context, lenient, LENIENT, (r, out) -> {
            String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
            if (!"ead".equals(r.getLocalName()) || !EadParser.NAMESPACES.contains(ns)) {
                throw new LamFormatException("not an EAD finding aid: the root element is {" + ns + "}"
                        + r.getLocalName(), XmlRecordReader.place(context.location(), r));
            }
            return new EadParser(r, context, collection, null, input.name(), out);
        });
    }

    /**
     * EAD embedded in another document (the {@code metadata} of an OAI-PMH record, a METS
     * {@code dmdSec}): each {@code ead} element gives its component records, or one record when the
     * granularity asked for is {@code collection}. The first record's id is the envelope's; the
     * components' ids add a fragment.
     *
     * @since 0.1
     */
    public static final class Embedded implements EmbeddedXmlReader {

        /** Creates the reader. */
        public Embedded() {
        }

        @Override
        public String format() {
            return "ead";
        }

        @Override
        public Set<String> namespaces() {
            return EadParser.NAMESPACES;
        }

        @Override
        public boolean reads(String namespace, String localName) {
            return "ead".equals(localName) && EadParser.NAMESPACES.contains(namespace);
        }

        @Override
        public void read(XMLStreamReader xml, LamRecord envelope, ReadContext context, Consumer<LamRecord> out)
                throws XMLStreamException {
            EadParser p = new EadParser(xml, context, "collection".equals(context.granularity()), envelope,
                    envelope.id(), out);
            while (!p.done()) {
                p.step();
            }
        }
    }
}
