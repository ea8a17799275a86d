package org.biglam.lam.edm;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.LamRecord;
import org.biglam.lam.edm.internal.EdmParser;
import org.biglam.lam.edm.internal.XmlSupport;
import org.biglam.lam.spi.EmbeddedXmlReader;
import org.biglam.lam.spi.FormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.Sniff;
import org.biglam.lam.spi.XmlRecordReader;

/**
 * The {@code edm} format: Europeana Data Model in RDF/XML, as providers send it (external: the values
 * on {@code edm:ProvidedCHO}, which may be nested in its aggregation) and as Europeana publishes it
 * (internal: an empty CHO, the provider's values on the {@code ore:Proxy} that is not Europeana's).
 * One record per CHO (granularity {@code cho}) from the provider's values; each {@code rdf:RDF} of
 * the input is read in turn, so a wrapper of many (a dump, an OAI-PMH response) streams.
 *
 * <p>Settings: {@code edm.enrichments=true} adds the values of Europeana's proxy and aggregation as
 * {@code europeana:} labels; {@code edm.lenient=true} binds the well-known prefixes for a record cut
 * out of its envelope.
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class EdmFormat implements FormatProvider {

    private static final FormatInfo INFO = FormatInfo.of("edm",
            "Europeana EDM (external and internal), one record per provided object", "cho")
            .withExtensions("edm")
            .withMediaTypes("application/rdf+xml");

    /** The setting that binds the well-known prefixes: {@value}. */
    public static final String LENIENT = "edm.lenient";
    /** The setting that adds Europeana's enrichments: {@value}. */
    public static final String ENRICHMENTS = "edm.enrichments";

    /** Creates the provider. */
    public EdmFormat() {
    }

    @Override
    public FormatInfo info() {
        return INFO;
    }

    @Override
    public MatchStrength probe(byte[] head, int len) {
        try {
            Optional<Sniff.XmlRoot> root = Sniff.xmlRoot(head, len);
            String text = Sniff.text(head, len);
            boolean edm = text.contains(EdmParser.EDM);
            if (root.isPresent()) {
                if ("RDF".equals(root.get().localName()) && EdmParser.RDF.equals(root.get().namespace())) {
                    return edm && (text.contains(":ProvidedCHO") || text.contains(":WebResource")
                            || text.contains(":Aggregation")) ? MatchStrength.FULL_MATCH
                            : edm ? MatchStrength.SOLID_MATCH : MatchStrength.NO_MATCH;
                }
                return MatchStrength.NO_MATCH;
            }
            if (Sniff.firstChar(head, len) != '<') {
                return MatchStrength.NO_MATCH;
            }
            return edm && text.contains(":RDF") ? MatchStrength.SOLID_MATCH : MatchStrength.INCONCLUSIVE;
        } catch (RuntimeException e) {
            return MatchStrength.NO_MATCH;
        }
    }

    @Override
    public FormatReader open(Input input, ReadContext context) throws IOException {
        boolean enrichments = context.options().flag(ENRICHMENTS, false);
        boolean lenient = context.options().flag(LENIENT, false);
        return new XmlRecordReader(XmlSupport.factory(context.limits()), context, lenient, LENIENT,
                (r, out) -> new EdmParser(r, context, null, input.name(), enrichments, out));
    }

    /**
     * EDM embedded in another document (the {@code metadata} of an OAI-PMH record): an
     * {@code rdf:RDF} gives one record per CHO, the first with the envelope's id.
     *
     * @since 0.1
     */
    public static final class Embedded implements EmbeddedXmlReader {

        /** Creates the reader. */
        public Embedded() {
        }

        @Override
        public String format() {
            return "edm";
        }

        @Override
        public Set<String> namespaces() {
            return Set.of(EdmParser.RDF);
        }

        @Override
        public boolean reads(String namespace, String localName) {
            return EdmParser.RDF.equals(namespace) && "RDF".equals(localName);
        }

        @Override
        public void read(XMLStreamReader xml, LamRecord envelope, ReadContext context, Consumer<LamRecord> out)
                throws XMLStreamException {
            EdmParser p = new EdmParser(xml, context, envelope, envelope.id(), context.options().flag(ENRICHMENTS, false), out);
            while (!p.done()) {
                p.step();
            }
        }
    }
}
