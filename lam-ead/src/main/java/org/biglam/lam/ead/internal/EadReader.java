package org.biglam.lam.ead.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.ReadContext;

/** Reads one EAD file: its finding aid's records, streamed. */
public final class EadReader implements FormatReader {

    private final ReadContext ctx;
    private final boolean lenient;
    private final XMLStreamReader r;
    private final EadParser parser;
    private final ArrayDeque<LamRecord> queue = new ArrayDeque<>();
    private RuntimeException pending;
    private boolean finished;

    /**
     * @param input the input
     * @param ctx the context
     * @param collection one record per finding aid
     * @param lenient bind the well-known prefixes
     * @throws IOException if reading fails
     */
    public EadReader(Input input, ReadContext ctx, boolean collection, boolean lenient) throws IOException {
        this.ctx = ctx;
        this.lenient = lenient;
        this.r = XmlSupport.open(XmlSupport.factory(ctx.limits()), input.stream(), lenient, ctx.location());
        String rootNs = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
        if (!"ead".equals(r.getLocalName()) || !EadParser.NAMESPACES.contains(rootNs)) {
            throw new LamFormatException("not an EAD finding aid: the root element is {" + rootNs + "}"
                    + r.getLocalName(), ctx.location().withLine(r.getLocation().getLineNumber(),
                            r.getLocation().getColumnNumber()));
        }
        this.parser = new EadParser(r, ctx, collection, null, input.name(), queue::add);
    }

    @Override
    public LamRecord next() {
        while (queue.isEmpty()) {
            if (pending != null) {
                RuntimeException e = pending;
                pending = null;
                finished = true;
                throw e;
            }
            if (finished || parser.done()) {
                if (!finished && parser.records() == 0) {
                    finished = true;
                    ctx.problem(new LamFormatException("an EAD finding aid without archdesc: no record",
                            XmlSupport.place(ctx.location(), r)));
                }
                finished = true;
                return null;
            }
            try {
                parser.step();
            } catch (LamFormatException e) {
                pending = e;
            } catch (XMLStreamException e) {
                pending = XmlSupport.malformed(ctx.location(), e, r, lenient);
            } catch (RuntimeException e) {
                XMLStreamException parse = org.biglam.lam.spi.XmlProblems.parseError(e);
                if (parse == null) {
                    throw e;
                }
                pending = XmlSupport.malformed(ctx.location(), parse, r, lenient);
            }
        }
        return queue.poll();
    }

    @Override
    public void close() {
        try {
            r.close();
        } catch (XMLStreamException ignored) {
            // nothing held beyond the stream, which lam closes
        }
    }
}
