package org.biglam.lam.dc.internal;

import java.io.IOException;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.AaltoXml;
import org.biglam.lam.spi.XmlProblems;
import org.biglam.lam.spi.XmlRecordReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads a document of Dublin Core records one at a time: a single record (a wrapper such as
 * {@code oai_dc:dc} or {@code qualifieddc}, or any root whose children are DC properties), or a
 * collection (any other root: each child element that holds DC properties is a record).
 */
public final class DcReader implements FormatReader {

    /** The names of a record's wrapper; in no namespace, its children are read as DC 1.1 properties. */
    public static final Set<String> WRAPPERS = Set.of("dc", "qualifieddc", "dcterms", "oai_dc", "record",
            "metadata", "description");
    private final ReadContext ctx;
    private final @Nullable String lenientSetting;
    private final XMLStreamReader xml;
    private final String name;
    private boolean started;
    private boolean done;
    private boolean bareIsDc;
    private long index;

    /**
     * Opens a reader.
     *
     * @param ctx the context, whose input's stream is read (and not closed)
     * @param lenient whether to bind the well-known prefixes on the root first
     * @param lenientSetting the setting that turns lenient reading on, named when a prefix is unbound
     * @throws IOException if reading the root's start tag fails (lenient only)
     * @throws LamFormatException if the document does not start as XML
     */
    public DcReader(ReadContext ctx, boolean lenient, String lenientSetting) throws IOException {
        this.ctx = ctx;
        this.lenientSetting = lenient ? null : lenientSetting;
        this.name = ctx.input().name();
        this.xml = XmlRecordReader.open(factory(ctx), ctx.input().stream(), lenient,
                ctx.location().withIndex(0), this.lenientSetting);
    }

    /** The guarded Aalto factory with this read's limits. */
    static XMLInputFactory factory(ReadContext ctx) {
        return AaltoXml.factory(ctx.limits());
    }

    private LamFormatException located(XMLStreamException e) {
        return XmlRecordReader.malformed(ctx.location().withIndex(index), e, xml, lenientSetting);
    }

    @Override
    public LamRecord next() throws IOException {
        try {
            return advance();
        } catch (XMLStreamException | RuntimeException e) {
            XMLStreamException x = XmlProblems.asParseError(e); // anything else goes on as thrown
            done = true;
            throw located(x);
        }
    }

    private LamRecord advance() throws XMLStreamException {
        if (done) {
            return null;
        }
        if (!started) {
            started = true;
            while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
                // prolog
            }
            if (!xml.isStartElement()) {
                done = true;
                return null;
            }
            String ns = xml.getNamespaceURI();
            String local = xml.getLocalName();
            boolean bare = ns == null || ns.isEmpty();
            bareIsDc = (bare || DcRecord.OAI_DC.equals(ns)) && WRAPPERS.contains(local);
            DcRecord probe = new DcRecord(null, bareIsDc);
            if (WRAPPERS.contains(local) || DcEmbedded.NAMESPACES.contains(ns) || probe.isProperty(ns)) {
                done = true;
                long line = xml.getLocation().getLineNumber();
                DcRecord r = record(line);
                // a wrapper's name in no namespace (<record><title>), or in a DC namespace but for
                // description, which is a property there, holds the record; any other DC element
                // standing as the root is the record's one property
                boolean wrapper = WRAPPERS.contains(local) && (bare || !local.equals("description"));
                if (probe.isProperty(ns) && !wrapper) {
                    r.property(xml);
                } else {
                    r.within(xml);
                }
                return finish(r);
            }
        }
        // a collection: each child element of the root is a record (or the root holds properties)
        while (xml.hasNext()) {
            int e = xml.next();
            if (e == XMLStreamConstants.END_ELEMENT) {
                done = true;
                return null;
            }
            if (e != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            long line = xml.getLocation().getLineNumber();
            DcRecord r = record(line);
            if (r.isProperty(xml.getNamespaceURI())) {
                // the root itself is one record
                done = true;
                r.property(xml);
                r.within(xml);
                return finish(r);
            }
            r.within(xml);
            if (r.properties() > 0) {
                return finish(r);
            }
        }
        done = true;
        return null;
    }

    private DcRecord record(long line) {
        LamRecord.Builder b = LamRecord.builder(name + "#" + index, "dc").source(ctx.source(index, -1, line));
        return new DcRecord(b, bareIsDc);
    }

    private LamRecord finish(DcRecord r) {
        index++;
        return r.build(true);
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // the stream is lam's
        }
    }
}
