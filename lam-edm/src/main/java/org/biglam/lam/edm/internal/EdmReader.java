package org.biglam.lam.edm.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.ReadContext;

/** Reads one EDM file: one record per provided CHO of each rdf:RDF in it. */
public final class EdmReader implements FormatReader {

    private final ReadContext ctx;
    private final boolean lenient;
    private final XMLStreamReader r;
    private final EdmParser parser;
    private final ArrayDeque<LamRecord> queue = new ArrayDeque<>();
    private RuntimeException pending;
    private boolean finished;

    /**
     * @param input the input
     * @param ctx the context
     * @param lenient bind the well-known prefixes
     * @param enrichments add Europeana's enrichments as prefixed labels
     * @throws IOException if reading fails
     */
    public EdmReader(Input input, ReadContext ctx, boolean lenient, boolean enrichments) throws IOException {
        this.ctx = ctx;
        this.lenient = lenient;
        this.r = XmlSupport.open(XmlSupport.factory(ctx.limits()), input.stream(), lenient, ctx.location());
        this.parser = new EdmParser(r, ctx, null, input.name(), enrichments, queue::add);
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
                if (!finished && parser.graphs() == 0) {
                    ctx.warn("edm-rdf", "no rdf:RDF element in the document: no record", ctx.location());
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
