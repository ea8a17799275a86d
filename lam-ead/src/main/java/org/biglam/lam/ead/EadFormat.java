package org.biglam.lam.ead;

import java.io.IOException;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.ead.internal.EadParser;
import org.biglam.lam.spi.AaltoXml;
import org.biglam.lam.spi.AbstractEmbeddedXmlReader;
import org.biglam.lam.spi.AbstractFormatProvider;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.MatchStrength;
import org.biglam.lam.spi.ReadContext;
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
public final class EadFormat extends AbstractFormatProvider {

    /** The setting that binds the well-known prefixes: {@value}. */
    public static final String LENIENT = "ead.lenient";

    /** Creates the provider. */
    public EadFormat() {
        super(FormatInfo.of("ead",
                "EAD 2002 and EAD3 finding aids, one record per archival component", "component", "collection")
                .withExtensions("ead")
                .withMediaTypes("application/ead+xml")
                .withSettings(LENIENT));
    }

    @Override
    public MatchStrength probe(byte[] head, int len) {
        return probeXml(head, len, root -> !isEad(root.namespace(), root.localName()) ? MatchStrength.NO_MATCH
                : root.namespace().isEmpty() ? MatchStrength.SOLID_MATCH : MatchStrength.FULL_MATCH,
                text -> text.contains("<!DOCTYPE ead") || text.contains("<ead")
                        && (text.contains("urn:isbn:1-931666-22-9") || text.contains("ead3.archivists.org/schema"))
                        ? MatchStrength.SOLID_MATCH : MatchStrength.INCONCLUSIVE);
    }

    /**
     * Opens a finding aid with lam's guarded Aalto that reports entity references instead of failing
     * on them: EAD 2002's DTD declares the ISO character entities ({@code &eacute;}), which files that
     * name the DTD use; the parser fills in the known ones and refuses the others (nothing is expanded).
     */
    @Override
    public FormatReader open(Input input, ReadContext context) throws IOException {
        boolean collection = "collection".equals(context.granularity());
        boolean lenient = context.options().flag(LENIENT, false);
        return new XmlRecordReader(AaltoXml.entityReportingFactory(context.limits()), context, lenient, LENIENT,
                (r, out) -> {
                    String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
                    if (!isEad(ns, r.getLocalName())) {
                        throw new LamFormatException("not an EAD finding aid: the root element is {" + ns + "}"
                                + r.getLocalName(), XmlRecordReader.place(context.location(), r));
                    }
                    return new EadParser(r, context, collection, null, input.name(), out);
                });
    }

    /** Whether an element of this namespace and local name is an EAD finding aid. */
    private static boolean isEad(String namespace, String localName) {
        return "ead".equals(localName) && EadParser.NAMESPACES.contains(namespace);
    }

    /**
     * EAD embedded in another document (the {@code metadata} of an OAI-PMH record, a METS
     * {@code dmdSec}): each {@code ead} element gives its component records, or one record when the
     * granularity asked for is {@code collection}. The first record's id is the envelope's; the
     * components' ids add a fragment.
     *
     * @since 0.1
     */
    public static final class Embedded extends AbstractEmbeddedXmlReader {

        /** Creates the reader. */
        public Embedded() {
            super("ead", EadParser.NAMESPACES, EadFormat::isEad, (xml, envelope, context, out) -> new EadParser(xml,
                    context, "collection".equals(context.granularity()), envelope, envelope.id(), out));
        }
    }
}
