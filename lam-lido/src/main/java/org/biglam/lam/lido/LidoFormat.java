package org.biglam.lam.lido;

import java.io.IOException;
import java.util.Set;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.lido.internal.LidoParser;
import org.biglam.lam.spi.AbstractEmbeddedXmlReader;
import org.biglam.lam.spi.AbstractFormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;

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
public final class LidoFormat extends AbstractFormatProvider {

    /** The setting that binds the well-known prefixes: {@value}. */
    public static final String LENIENT = "lido.lenient";

    /** Creates the provider. */
    public LidoFormat() {
        super(FormatInfo.of("lido", "LIDO 1.0 and 1.1 museum object records", "object")
                .withExtensions("lido")
                .withMediaTypes("application/lido+xml")
                .withSettings(LENIENT));
    }

    @Override
    public MatchStrength probe(byte[] head, int len) {
        return probeXml(head, len,
                root -> isLido(root.namespace(), root.localName()) ? MatchStrength.FULL_MATCH : MatchStrength.NO_MATCH,
                text -> text.contains(LidoParser.NS) && text.contains(":lido") ? MatchStrength.SOLID_MATCH
                        : MatchStrength.INCONCLUSIVE);
    }

    @Override
    public FormatReader open(Input input, ReadContext context) throws IOException {
        return openXml(context, LENIENT, LidoFormat::isLido, "LIDO",
                (r, out) -> new LidoParser(r, context, null, input.name(), out));
    }

    /** Whether an element of this namespace and local name is a {@code lido} or a {@code lidoWrap}. */
    private static boolean isLido(String namespace, String localName) {
        return LidoParser.NS.equals(namespace) && ("lido".equals(localName) || "lidoWrap".equals(localName));
    }

    /**
     * LIDO embedded in another document (the {@code metadata} of an OAI-PMH record, a METS
     * {@code dmdSec}): a {@code lido} gives one record, a {@code lidoWrap} one per object. The first
     * record's id is the envelope's.
     *
     * @since 0.1
     */
    public static final class Embedded extends AbstractEmbeddedXmlReader {

        /** Creates the reader. */
        public Embedded() {
            super("lido", Set.of(LidoParser.NS), LidoFormat::isLido,
                    (xml, envelope, context, out) -> new LidoParser(xml, context, envelope, envelope.id(), out));
        }
    }
}
