package org.biglam.lam.spi;

import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.LamRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads metadata embedded in another document: the {@code metadata} of an OAI-PMH record, the
 * {@code xmlData} of a METS {@code dmdSec}, a record cut out of a collection file. A format module
 * provides one per kind of metadata it maps (MODS, Dublin Core, MARCXML, EAD, LIDO, EDM), found with
 * {@link java.util.ServiceLoader} like {@link FormatProvider}s ({@code provides
 * org.biglam.lam.spi.EmbeddedXmlReader with ...}); the envelope's reader picks one by the
 * <em>namespace</em> of the embedded element, never by a prefix's or a format's name, with
 * {@link #find}.
 *
 * <p>Implementations must be thread-safe and have a public no-argument constructor.
 *
 * @since 0.1
 */
public interface EmbeddedXmlReader {

    /** The format id of the records it makes ({@code mods}, {@code dc}, {@code marcxml}). */
    String format();

    /** The namespace URIs of the elements it reads; the empty string stands for no namespace. */
    Set<String> namespaces();

    /**
     * Whether it reads an element of this name. The default: any element in one of its
     * {@linkplain #namespaces() namespaces}.
     *
     * @param namespace the element's namespace URI, or the empty string
     * @param localName its local name ({@code mods}, {@code modsCollection}, {@code dc})
     * @return whether {@link #read} takes it
     */
    default boolean reads(String namespace, String localName) {
        return namespaces().contains(namespace);
    }

    /**
     * Reads the element {@code xml} stands on, a {@code START_ELEMENT} this reader
     * {@linkplain #reads reads}, through its {@code END_ELEMENT}, where it leaves {@code xml}, and
     * hands each record it makes to {@code out}: one for most metadata, one per component or
     * object for collections (a {@code modsCollection}, an EAD finding aid).
     *
     * <p>Each record starts from {@code envelope}: its id (the reader may refine it with a
     * fragment for the second record on), source and group, and its labels (what the envelope
     * knows, an OAI header's identifier, datestamp and sets); the reader sets the format to its own
     * with {@link LamRecord.Builder#format} and adds text, images and labels.
     *
     * @param xml the parser, standing on the element's start
     * @param envelope what the envelope knows of the record
     * @param context the options, and where to report problems and warnings
     * @param out takes each record
     * @throws XMLStreamException if the XML is not well-formed
     */
    void read(XMLStreamReader xml, LamRecord envelope, ReadContext context, Consumer<LamRecord> out)
            throws XMLStreamException;

    /**
     * Reads a collection's records, for a {@link #read} that stands on a collection element (a
     * {@code modsCollection}, a MARCXML {@code collection}): each child named {@code localName} is
     * handed to {@code record} with its id, the envelope's for the first and, for the second on,
     * the envelope's with {@code #2}, {@code #3}, ...; {@code record} reads it through its end.
     * Other children are passed over. Leaves {@code xml} on the collection's end.
     *
     * @param xml the parser, standing on the collection's start
     * @param namespace the records' namespace URI, or null for any
     * @param localName the records' local name
     * @param envelopeId the envelope's record id
     * @param record reads one record element, given its id
     * @throws XMLStreamException if the XML is not well-formed
     */
    static void eachRecord(XMLStreamReader xml, @Nullable String namespace, String localName, String envelopeId,
            RecordElement record) throws XMLStreamException {
        int n = 0;
        int depth = 1;
        while (depth > 0) {
            int e = xml.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && xml.getLocalName().equals(localName)
                        && (namespace == null || namespace.equals(xml.getNamespaceURI()))) {
                    record.read(n == 0 ? envelopeId : envelopeId + "#" + (n + 1));
                    n++;
                } else {
                    depth++;
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** Reads one record element of a collection ({@link #eachRecord}). */
    @FunctionalInterface
    interface RecordElement {

        /**
         * Reads the record element the parser stands on, through its end.
         *
         * @param id the record's id
         * @throws XMLStreamException if the XML is not well-formed
         */
        void read(String id) throws XMLStreamException;
    }

    /**
     * The reader on the class or module path for an element, if any.
     *
     * @param namespace the element's namespace URI ({@code null} is taken as none)
     * @param localName its local name
     * @return the reader, or empty when no module reads that metadata
     */
    static Optional<EmbeddedXmlReader> find(@Nullable String namespace, String localName) {
        String ns = namespace == null ? "" : namespace;
        for (EmbeddedXmlReader r : org.biglam.lam.internal.Providers.embedded()) {
            if (r.namespaces().contains(ns) && r.reads(ns, localName)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
