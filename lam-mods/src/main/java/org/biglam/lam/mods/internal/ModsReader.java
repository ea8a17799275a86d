package org.biglam.lam.mods.internal;

import java.io.IOException;
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
 * Reads the {@code mods} records of a document one at a time, wherever they sit: the root
 * ({@code mods}), a {@code modsCollection}, or any wrapper; in the MODS namespace or in none. Each
 * record's tree is read and mapped alone, so memory is bounded by one record.
 *
 * <p>In a Fedora object (FOXML), a datastream keeps every version of its MODS: only its newest
 * ({@code CREATED}, else the last written) is a record, and a record without an id of its own takes
 * the object's {@code PID}.
 */
public final class ModsReader implements FormatReader {

    private final ReadContext ctx;
    private final @Nullable String lenientSetting;
    private final XMLStreamReader xml;
    private final String name;
    private boolean done;
    private long index;
    /** The Fedora object's PID, in a FOXML document. */
    private @Nullable String pid;
    /** In a FOXML datastream: the newest version's MODS so far, its line, and its {@code CREATED}. */
    private boolean inDatastream;
    private @Nullable Node held;
    private long heldLine;
    private @Nullable String heldCreated;
    private @Nullable String versionCreated;

    /** The FOXML namespace (Fedora 3's export format). */
    static final String FOXML = "info:fedora/fedora-system:def/foxml#";

    /**
     * Opens a reader.
     *
     * @param ctx the context, whose input's stream is read (and not closed)
     * @param lenient whether to bind the well-known prefixes on the root first
     * @param lenientSetting the setting that turns lenient reading on, named when a prefix is unbound
     * @throws IOException if reading the root's start tag fails (lenient only)
     */
    public ModsReader(ReadContext ctx, boolean lenient, String lenientSetting) throws IOException {
        this.ctx = ctx;
        this.lenientSetting = lenient ? null : lenientSetting;
        this.name = ctx.input().name();
        this.xml = XmlRecordReader.open(AaltoXml.factory(ctx.limits()), ctx.input().stream(), lenient,
                ctx.location().withIndex(0), this.lenientSetting);
    }

    private LamFormatException located(XMLStreamException e) {
        return XmlRecordReader.malformed(ctx.location().withIndex(index), e, xml, lenientSetting);
    }

    @Override
    public LamRecord next() throws IOException {
        if (done) {
            return null;
        }
        try {
            while (xml.hasNext()) {
                int e = xml.next();
                if (e == XMLStreamConstants.END_ELEMENT && inDatastream && isFoxml("datastream")) {
                    inDatastream = false;
                    if (held != null) {
                        Node mods = held;
                        held = null;
                        return record(mods, heldLine);
                    }
                    continue;
                }
                if (e != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (xml.getLocalName().equals("mods")) {
                    // in the MODS namespace, or in none (a file written without it): its elements in the same
                    String ns = xml.getNamespaceURI();
                    if (ns == null || ns.isEmpty()) {
                        ns = "";
                    } else if (!ModsMapper.NS.equals(ns)) {
                        continue;
                    }
                    long line = xml.getLocation().getLineNumber();
                    Node mods = Node.read(xml, ns);
                    if (!inDatastream) {
                        return record(mods, line);
                    }
                    // a version of a Fedora datastream: the newest is the record
                    if (held == null || versionCreated == null || heldCreated == null
                            || versionCreated.compareTo(heldCreated) >= 0) {
                        held = mods;
                        heldLine = line;
                        heldCreated = versionCreated;
                    }
                } else if (isFoxml("digitalObject")) {
                    pid = blankToNull(xml.getAttributeValue(null, "PID"));
                } else if (isFoxml("datastream")) {
                    inDatastream = true;
                    held = null;
                } else if (isFoxml("datastreamVersion")) {
                    versionCreated = blankToNull(xml.getAttributeValue(null, "CREATED"));
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            XMLStreamException x = XmlProblems.asParseError(e); // anything else goes on as thrown
            done = true;
            throw located(x);
        }
        done = true;
        return null;
    }

    private LamRecord record(Node mods, long line) {
        String id = ModsMapper.ownId(mods);
        if (id == null) {
            id = pid == null ? name + "#" + index : index == 0 ? pid : pid + "#" + (index + 1);
        }
        LamRecord.Builder b = LamRecord.builder(id, "mods").source(ctx.source(index, -1, line));
        ModsMapper.map(mods, b);
        index++;
        return b.build();
    }

    private boolean isFoxml(String localName) {
        return xml.getLocalName().equals(localName) && FOXML.equals(xml.getNamespaceURI());
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
