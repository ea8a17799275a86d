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
    /**
     * The roots of collections of records in no namespace ({@code <collection><record><title>}),
     * whose elements in no namespace are read as DC properties too.
     */
    public static final Set<String> COLLECTIONS = Set.of("collection", "records");
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
            bareIsDc = (bare || DcRecord.OAI_DC.equals(ns)) && WRAPPERS.contains(local)
                    || bare && COLLECTIONS.contains(local);
            foxml = FOXML.equals(ns);
            long line = xml.getLocation().getLineNumber();
            kind = new DcRecord(null, bareIsDc);
            if (kind.isProperty(ns, local)) {
                // a DC element standing as the root is the record's one property
                done = true;
                DcRecord r = record(line);
                r.property(xml);
                return finish(r);
            }
            push(isWrapper(ns, local), line);
        }
        // each property belongs to the innermost wrapper around it (oai_dc:dc, record, srw_dc:dc, ...),
        // else to the root's child that holds it (a collection of other elements), else to the root
        while (xml.hasNext()) {
            int e = xml.next();
            if (e == XMLStreamConstants.END_ELEMENT) {
                if (--open == 0) {
                    done = true;
                    return null;
                }
                continue;
            }
            if (e != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String ns = xml.getNamespaceURI();
            String local = xml.getLocalName();
            if (!isProperty(ns, local)) {
                push(isWrapper(ns, local), xml.getLocation().getLineNumber());
                continue;
            }
            int at = recordLevel();
            DcRecord r = record(lines[at]);
            r.property(xml);
            r.within(xml, open - at);
            open = at;
            if (open == 0) {
                done = true;
            }
            if (r.properties() > 0) {
                return finish(r);
            }
        }
        done = true;
        return null;
    }

    /** The namespace of Fedora's object XML: the record is the DC datastream, all its versions. */
    private static final String FOXML = "info:fedora/fedora-system:def/foxml#";
    private boolean foxml;
    /** The open elements from the root (level 0): whether each is a record's wrapper, and its line. */
    private boolean[] wrappers = new boolean[16];
    private long[] lines = new long[16];
    private int open;
    /** Tells the properties (in no namespace too, where the root says so). */
    private DcRecord kind;

    private boolean isProperty(String ns, String local) {
        return kind.isProperty(ns, local);
    }

    /** A record's wrapper: a name of {@link #WRAPPERS}, or an element in a Dublin Core wrapper's namespace. */
    private static boolean isWrapper(String ns, String local) {
        return WRAPPERS.contains(local) || DcEmbedded.NAMESPACES.contains(ns);
    }

    private void push(boolean wrapper, long line) {
        if (open == wrappers.length) {
            wrappers = java.util.Arrays.copyOf(wrappers, open * 2);
            lines = java.util.Arrays.copyOf(lines, open * 2);
        }
        wrappers[open] = wrapper;
        lines[open] = line;
        open++;
    }

    /** The level of the element that is the record of a property read now. */
    private int recordLevel() {
        if (!foxml) {
            for (int i = open - 1; i > 0; i--) {
                if (wrappers[i]) {
                    return i;
                }
            }
            if (wrappers[0]) {
                return 0;
            }
        }
        return open > 1 ? 1 : 0;
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
