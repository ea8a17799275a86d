package org.biglam.lam.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.jspecify.annotations.Nullable;

/**
 * A {@link FormatReader} over a streaming StAX parser that hands out records as it meets them (an EAD
 * finding aid's components, a LIDO wrap's objects): it pulls events until a record is ready, and when
 * the XML breaks it first hands out the records made before the break, then throws the located
 * {@code malformed XML} problem ({@link XmlProblems}). With a lenient option, it binds the well-known
 * prefixes first ({@link WellKnownPrefixes}); without, an unbound prefix's error names the option.
 *
 * <p>The same parser, given another envelope's {@code XMLStreamReader}, serves an
 * {@link EmbeddedXmlReader}: it steps until {@link Parser#done()}.
 *
 * @since 0.1
 */
public final class XmlRecordReader implements FormatReader {

    /** A format's streaming parser: it reads events step by step and hands out records as they are made. */
    public interface Parser {

        /**
         * Reads the next event and acts on it; it may read on (until it has handed out a record, say),
         * but never past {@link #done()}.
         *
         * @throws XMLStreamException if the XML is not well-formed
         */
        void step() throws XMLStreamException;

        /** Whether the element it started on has ended (or the document). */
        boolean done();

        /**
         * Called once after {@link #done()}, to report what only the end can tell (a document that
         * gave no record, say). The default does nothing.
         *
         * @param at where the parser stands
         */
        default void finish(Location at) {
        }
    }

    private final ReadContext ctx;
    private final String lenientSetting;
    private final XMLStreamReader r;
    private final Parser parser;
    private final ArrayDeque<LamRecord> queue = new ArrayDeque<>();
    private LamFormatException pending;
    private boolean finished;

    /**
     * Opens the input's stream and a parser on its root element.
     *
     * @param factory a StAX factory set up by {@link SecureXml}
     * @param ctx the context (its input's stream is read)
     * @param lenient whether to bind the well-known prefixes
     * @param lenientSetting the setting that turns lenient reading on ({@code ead.lenient}), named in
     *     the error an unbound prefix gives
     * @param parser makes the format's parser from the StAX parser standing on the root element (it
     *     may refuse the root with a {@link LamFormatException}) and the consumer to hand records to
     * @throws IOException if reading fails
     * @throws LamFormatException if the document has no root element or is malformed before it
     */
    public XmlRecordReader(XMLInputFactory factory, ReadContext ctx, boolean lenient, String lenientSetting,
            BiFunction<XMLStreamReader, Consumer<LamRecord>, Parser> parser) throws IOException {
        this.ctx = ctx;
        this.lenientSetting = lenient ? null : lenientSetting;
        this.r = openRoot(factory, ctx.input().stream(), lenient, ctx.location(), this.lenientSetting);
        this.parser = parser.apply(r, queue::add);
    }

    /** The parser, standing where the reader stands. */
    public XMLStreamReader xml() {
        return r;
    }

    @Override
    public LamRecord next() {
        while (queue.isEmpty()) {
            if (pending != null) {
                LamFormatException e = pending;
                pending = null;
                finished = true;
                throw e;
            }
            if (finished) {
                return null;
            }
            if (parser.done()) {
                finished = true;
                parser.finish(place(ctx.location(), r));
                continue;
            }
            try {
                parser.step();
            } catch (LamFormatException e) {
                pending = e;
            } catch (XMLStreamException | RuntimeException e) {
                pending = malformed(ctx.location(), XmlProblems.asParseError(e), r, lenientSetting);
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

    /**
     * A parser over a stream, standing on the root element's start.
     *
     * @param factory the factory
     * @param in the document
     * @param lenient whether to bind the well-known prefixes first
     * @param where the input's location, for errors
     * @param lenientSetting the lenient option's setting to name when a prefix is unbound, or null
     * @return the parser on the root's start
     * @throws IOException if reading fails
     */
    public static XMLStreamReader openRoot(XMLInputFactory factory, InputStream in, boolean lenient, Location where,
            @Nullable String lenientSetting) throws IOException {
        XMLStreamReader r = open(factory, in, lenient, where, lenientSetting);
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT) {
                    return r;
                }
            }
            throw new LamFormatException("no root element", place(where, r));
        } catch (XMLStreamException | RuntimeException e) {
            throw malformed(where, XmlProblems.asParseError(e), r, lenientSetting);
        }
    }

    /**
     * A parser over a stream, at the document's start: for a reader that walks the document itself
     * (and so does not use this class), with the same lenient binding and the same located errors.
     *
     * @param factory the factory
     * @param in the document
     * @param lenient whether to bind the well-known prefixes first
     * @param where the input's location, for errors
     * @param lenientSetting the lenient option's setting to name when a prefix is unbound, or null
     * @return the parser, before the document's first event
     * @throws IOException if reading the root's start tag fails (lenient only)
     * @throws LamFormatException if the document does not start as XML
     */
    public static XMLStreamReader open(XMLInputFactory factory, InputStream in, boolean lenient, Location where,
            @Nullable String lenientSetting) throws IOException {
        try {
            return factory.createXMLStreamReader(lenient ? WellKnownPrefixes.bind(in) : in);
        } catch (XMLStreamException | RuntimeException e) {
            throw malformed(where, XmlProblems.asParseError(e), null, lenientSetting);
        }
    }

    /**
     * Where a parser stands: its line and column, else the document's start.
     *
     * @param where the input's location
     * @param r the parser; may be null
     * @return the location, with a line or an offset
     */
    public static Location place(Location where, @Nullable XMLStreamReader r) {
        javax.xml.stream.Location l = null;
        try {
            l = r == null ? null : r.getLocation();
        } catch (RuntimeException ignored) {
            // no place known
        }
        return l != null && l.getLineNumber() > 0 ? where.withLine(l.getLineNumber(), Math.max(0, l.getColumnNumber()))
                : where.withOffset(0);
    }

    /**
     * {@link XmlProblems#malformed(Location, Throwable, XMLStreamReader)}, with a hint at the lenient
     * option when the error is an unbound namespace prefix.
     *
     * @param where the input's location
     * @param e the parser's error
     * @param r the parser, or null
     * @param lenientSetting the setting to name, or null (lenient already, or no such option)
     * @return the problem
     */
    public static LamFormatException malformed(Location where, Throwable e, @Nullable XMLStreamReader r,
            @Nullable String lenientSetting) {
        LamFormatException p = XmlProblems.malformed(where, e, r);
        String m = p.getMessage();
        boolean unbound = m.contains("namespace prefix") || m.contains("PrefixUnbound") || m.contains("is not bound");
        if (lenientSetting == null || !unbound) {
            return p;
        }
        return new LamFormatException(p.reason() + " (a record cut out of its envelope? " + lenientSetting
                + "=true binds the well-known prefixes)", p.location().orElse(where), e);
    }
}
