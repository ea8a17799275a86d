package org.biglam.lam.edm;

import java.io.IOException;
import java.util.Set;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.edm.internal.EdmParser;
import org.biglam.lam.spi.AbstractEmbeddedXmlReader;
import org.biglam.lam.spi.AbstractFormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.Sniff;

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
public final class EdmFormat extends AbstractFormatProvider {

    /** The setting that binds the well-known prefixes: {@value}. */
    public static final String LENIENT = "edm.lenient";
    /** The setting that adds Europeana's enrichments: {@value}. */
    public static final String ENRICHMENTS = "edm.enrichments";

    /** Creates the provider. */
    public EdmFormat() {
        super(FormatInfo.of("edm",
                "Europeana EDM (external and internal), one record per provided object", "cho")
                .withExtensions("edm")
                .withMediaTypes("application/rdf+xml")
                .withSettings(LENIENT, ENRICHMENTS));
    }

    @Override
    public MatchStrength probe(byte[] head, int len) {
        return probeXml(head, len, root -> {
            if (!isRdf(root.namespace(), root.localName())) {
                return MatchStrength.NO_MATCH;
            }
            String text = Sniff.text(head, len);
            if (!text.contains(EdmParser.EDM)) {
                return MatchStrength.NO_MATCH;
            }
            return text.contains(":ProvidedCHO") || text.contains(":WebResource") || text.contains(":Aggregation")
                    ? MatchStrength.FULL_MATCH : MatchStrength.SOLID_MATCH;
        }, text -> text.contains(EdmParser.EDM) && text.contains(":RDF") ? MatchStrength.SOLID_MATCH
                : MatchStrength.INCONCLUSIVE);
    }

    @Override
    public FormatReader open(Input input, ReadContext context) throws IOException {
        boolean enrichments = context.options().flag(ENRICHMENTS, false);
        return openXml(context, LENIENT, (r, out) -> new EdmParser(r, context, null, input.name(), enrichments, out));
    }

    /** Whether an element of this namespace and local name is an {@code rdf:RDF}. */
    private static boolean isRdf(String namespace, String localName) {
        return EdmParser.RDF.equals(namespace) && "RDF".equals(localName);
    }

    /**
     * EDM embedded in another document (the {@code metadata} of an OAI-PMH record): an
     * {@code rdf:RDF} gives one record per CHO, the first with the envelope's id.
     *
     * @since 0.1
     */
    public static final class Embedded extends AbstractEmbeddedXmlReader {

        /** Creates the reader. */
        public Embedded() {
            super("edm", Set.of(EdmParser.RDF), EdmFormat::isRdf, (xml, envelope, context, out) -> new EdmParser(xml,
                    context, envelope, envelope.id(), context.options().flag(ENRICHMENTS, false), out));
        }
    }
}
