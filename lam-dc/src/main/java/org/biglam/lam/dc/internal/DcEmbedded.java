package org.biglam.lam.dc.internal;

import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.LamRecord;
import org.biglam.lam.spi.EmbeddedXmlReader;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.vocab.DublinCore;

/**
 * Dublin Core inside another document: an {@code oai_dc:dc}, a qualified-DC wrapper
 * ({@code oai_qdc:qualifieddc}, {@code oai_dcterms:dcterms}) or a bare DC or DCTERMS element, as
 * the {@code metadata} of an OAI-PMH record or a METS {@code dmdSec}. One record; format {@code dc}.
 */
public final class DcEmbedded implements EmbeddedXmlReader {

    /** The namespaces of the wrappers of qualified Dublin Core that servers use. */
    static final Set<String> NAMESPACES = Set.of(DcRecord.OAI_DC, DublinCore.DC, DublinCore.DCTERMS,
            "http://worldcat.org/xmlschemas/qdc-1.0/", "http://www.openarchives.org/OAI/2.0/oai_dcterms/",
            "http://epubs.cclrc.ac.uk/xmlns/qdc/", "http://purl.org/dc/elements/1.1/qualifieddc/",
            "http://dspace.org/qualifieddc/", "info:srw/schema/1/dc-schema");

    /** Creates the reader (ServiceLoader calls this). */
    public DcEmbedded() {
    }

    /**
     * Whether a namespace is Dublin Core's or a wrapper's of Dublin Core.
     *
     * @param namespace a namespace URI
     * @return whether it is
     */
    public static boolean isDublinCore(String namespace) {
        return NAMESPACES.contains(namespace);
    }

    @Override
    public String format() {
        return "dc";
    }

    @Override
    public Set<String> namespaces() {
        return NAMESPACES;
    }

    @Override
    public void read(XMLStreamReader xml, LamRecord envelope, ReadContext context, Consumer<LamRecord> out)
            throws XMLStreamException {
        DcRecord r = new DcRecord(envelope.toBuilder().format("dc"), false);
        if (r.isProperty(xml.getNamespaceURI(), xml.getLocalName())) {
            r.property(xml);
        } else {
            r.within(xml);
        }
        out.accept(r.build(false));
    }
}
