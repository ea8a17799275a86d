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
 */
public final class ModsReader implements FormatReader {

    private final ReadContext ctx;
    private final @Nullable String lenientSetting;
    private final XMLStreamReader xml;
    private final String name;
    private boolean done;
    private long index;

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
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("mods")) {
                    // in the MODS namespace, or in none (a file written without it): its elements in the same
                    String ns = xml.getNamespaceURI();
                    if (ns == null || ns.isEmpty()) {
                        ns = "";
                    } else if (!ModsMapper.NS.equals(ns)) {
                        continue;
                    }
                    long line = xml.getLocation().getLineNumber();
                    Node mods = Node.read(xml, ns);
                    String id = ModsMapper.ownId(mods);
                    LamRecord.Builder b = LamRecord.builder(id == null ? name + "#" + index : id, "mods")
                            .source(ctx.source(index, -1, line));
                    ModsMapper.map(mods, b);
                    index++;
                    return b.build();
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

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // the stream is lam's
        }
    }
}
