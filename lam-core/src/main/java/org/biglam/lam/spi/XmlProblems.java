package org.biglam.lam.spi;

import java.io.UnsupportedEncodingException;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.Location;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Locator;
import org.xml.sax.SAXParseException;

/**
 * XML parse errors as lam problems, one way for every reader: a parser's exception (the JDK's StAX
 * or SAX parser, Woodstox, Aalto, including their encoding errors) becomes a {@link LamFormatException}
 * worded {@code malformed XML: <the parser's reason>} and located at the line, column and byte
 * offset the parser gives.
 *
 * <p>How the place is found, in this order:
 * <ol>
 *   <li>the exception's own position ({@link XMLStreamException#getLocation()},
 *       {@link SAXParseException#getLineNumber()}), or that of an exception it wraps;</li>
 *   <li>else the position of the last event the reader (or SAX locator) gave, if one is passed and
 *       it had moved past the document's start (Woodstox reports an encoding error met while
 *       decoding ahead with no position of its own, the JDK's SAX parser an I/O error);</li>
 *   <li>else byte 0 (line 1, column 1): a parser fails with no position only before it has given
 *       anything (a byte order mark, XML declaration or declared encoding it cannot read, or the
 *       first bytes of the document undecodable).</li>
 * </ol>
 * A byte offset is given only where the parser counts bytes: Aalto does, for the byte streams lam
 * gives it, as the StAX {@link javax.xml.stream.Location#getCharacterOffset()} contract says; the
 * JDK's parser and Woodstox count characters, which are not bytes once a document has a non-ASCII character, so their
 * offsets are left out. The reason is the parser's message without the position it repeats
 * ({@code ParseError at [row,col]:[3,9] Message: }, {@code at [row,col {unknown-source}]: [3,11]},
 * {@code byte #-1}).
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class XmlProblems {

    /** The JDK's StAX message prefix: {@code ParseError at [row,col]:[1,14]\nMessage: }. */
    private static final Pattern JDK_PREFIX = Pattern.compile("(?s)^ParseError at \\[row,col]:\\[-?\\d+,-?\\d+]\\s*Message:\\s*");
    /** Woodstox's and Aalto's message suffix: {@code \n at [row,col {unknown-source}]: [1,15]}. */
    private static final Pattern STAX2_SUFFIX = Pattern.compile("(?s)\\s*at \\[row,col(?: \\{[^}]*})?]: \\[-?\\d+,-?\\d+]\\s*$");
    /** Woodstox's encoding errors: {@code (at char #18, byte #-1)}; an unknown byte position is dropped. */
    private static final Pattern UNKNOWN_BYTE = Pattern.compile(", byte #-1\\)");

    private XmlProblems() {
    }

    /**
     * The problem for a parser's exception, located by the exception alone (or at byte 0 if it
     * carries no position).
     *
     * @param where the input, entry and record (index, id) being read; never null
     * @param error what the parser threw: an {@link XMLStreamException}, a {@link SAXParseException}
     *     or other {@code SAXException}, or an {@code IOException} from decoding (a
     *     {@code CharConversionException}, an {@link UnsupportedEncodingException})
     * @return {@code malformed XML: <reason>} at {@code where} with the parser's line, column and,
     *     where it counts them, byte offset; the error as cause
     */
    public static LamFormatException malformed(Location where, Throwable error) {
        return malformed(where, error, (XMLStreamReader) null);
    }

    /**
     * The problem for a StAX parser's exception, located by the exception or else by where the
     * reader last was.
     *
     * @param where the input, entry and record (index, id) being read; never null
     * @param error what the parser threw
     * @param reader the reader that threw it, or null if it could not be created
     * @return {@code malformed XML: <reason>} at the parser's position; the error as cause
     */
    public static LamFormatException malformed(Location where, Throwable error, @Nullable XMLStreamReader reader) {
        return new LamFormatException("malformed XML: " + reason(error), locate(where, error, reader), error);
    }

    /**
     * The problem for a SAX parser's exception, located by the exception or else by where the
     * parser last was (its {@link Locator}, as {@link org.xml.sax.ContentHandler#setDocumentLocator}
     * gave it, or a copy taken when the parse failed).
     *
     * @param where the input, entry and record (index, id) being read; never null
     * @param error what the parser threw
     * @param locator the parser's locator, or null if it gave none
     * @return {@code malformed XML: <reason>} at the parser's position; the error as cause
     */
    public static LamFormatException malformed(Location where, Throwable error, @Nullable Locator locator) {
        Location at = positionOf(where, error);
        if (at == null && locator != null && locator.getLineNumber() > 0
                && (locator.getLineNumber() > 1 || locator.getColumnNumber() > 1)) {
            at = where.withLine(locator.getLineNumber(), locator.getColumnNumber());
        }
        return new LamFormatException("malformed XML: " + reason(error), at == null ? start(where) : at, error);
    }

    /**
     * The parse error an unchecked exception carries, if it is a StAX parser's wrapper for one: a
     * parser that parses text lazily (Woodstox's {@code WstxLazyException}, Aalto's
     * {@code UncheckedStreamException}) throws a malformed document's error from {@code getText} and
     * the like unchecked. Catch {@code RuntimeException} around such calls and give this to
     * {@link #malformed(Location, Throwable, XMLStreamReader)}; if it is null, rethrow.
     *
     * @param e an unchecked exception met while reading
     * @return the parser's exception it wraps, or null if it is not such a wrapper (a lam problem, a bug)
     */
    public static @Nullable XMLStreamException parseError(RuntimeException e) {
        if (e instanceof org.biglam.lam.LamException || !(e.getCause() instanceof XMLStreamException)) {
            return null;
        }
        return (XMLStreamException) e.getCause();
    }

    /**
     * The parser's error that a failed read threw, checked or not: for the one catch around a
     * reading loop that gives a located problem for either, so that a reader writes
     *
     * <pre>{@code
     * } catch (XMLStreamException | RuntimeException e) {
     *     XMLStreamException x = XmlProblems.asParseError(e); // anything else is rethrown
     *     done = true;
     *     throw XmlProblems.malformed(where, x, reader);
     * }
     * }</pre>
     *
     * @param e what the read threw: an {@link XMLStreamException}, or an unchecked exception that
     *     may wrap one ({@link #parseError(RuntimeException)})
     * @return the parser's exception
     * @throws RuntimeException {@code e} itself, when it is unchecked and not a parser's wrapper (a
     *     lam problem such as a limit, or a bug), so that it goes on as it was thrown
     * @throws IllegalArgumentException if {@code e} is another checked exception
     */
    public static XMLStreamException asParseError(Exception e) {
        if (e instanceof XMLStreamException x) {
            return x;
        }
        if (!(e instanceof RuntimeException r)) {
            throw new IllegalArgumentException("not a parser's error nor unchecked: " + e, e);
        }
        XMLStreamException x = parseError(r);
        if (x == null) {
            throw r;
        }
        return x;
    }

    /**
     * The parser's reason, as lam words it: the message of the exception (or, for an exception that
     * only wraps another, of its cause) without the position the parser repeats in it.
     *
     * @param error what the parser threw
     * @return the reason, never null or blank
     */
    public static String reason(Throwable error) {
        Throwable t = error;
        // a wrapper whose message is only its cause's (Woodstox's WstxIOException, SAX's SAXException),
        // or a lazy parser's unchecked wrapper
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().equals(t.getCause().toString())
                || t.getMessage().equals(t.getCause().getMessage())
                || t instanceof RuntimeException && parseError((RuntimeException) t) != null)) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        m = JDK_PREFIX.matcher(m).replaceFirst("");
        m = STAX2_SUFFIX.matcher(m).replaceFirst("");
        m = UNKNOWN_BYTE.matcher(m).replaceAll(")");
        m = m.strip();
        if (t instanceof UnsupportedEncodingException && !m.toLowerCase(java.util.Locale.ROOT).contains("encoding")) {
            m = "unsupported encoding " + m;
        }
        return m.isEmpty() ? t.getClass().getSimpleName() : m;
    }

    /**
     * Where a parser's exception happened: {@code where} with the line, column and byte offset found as
     * the class comment says.
     *
     * @param where the input, entry and record being read; never null
     * @param error what the parser threw
     * @param reader the reader that threw it, or null
     * @return the location, always with a line or an offset
     */
    public static Location locate(Location where, Throwable error, @Nullable XMLStreamReader reader) {
        Location own = positionOf(where, error);
        if (own != null) {
            return own;
        }
        javax.xml.stream.Location last = reader == null ? null : safeLocation(reader);
        if (last != null && last.getLineNumber() > 0 && (last.getLineNumber() > 1 || last.getColumnNumber() > 1)) {
            return at(where, last);
        }
        return start(where);
    }

    /** The document's start: line 1, column 1, byte 0. */
    private static Location start(Location where) {
        return where.withLine(1, 1).withOffset(0);
    }

    /** The position the exception, or one it wraps, gives; null if none. */
    private static Location positionOf(Location where, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof XMLStreamException) {
                javax.xml.stream.Location at = ((XMLStreamException) t).getLocation();
                if (at != null && at.getLineNumber() > 0) {
                    return at(where, at);
                }
            } else if (t instanceof SAXParseException) {
                SAXParseException p = (SAXParseException) t;
                if (p.getLineNumber() > 0) {
                    return where.withLine(p.getLineNumber(), p.getColumnNumber());
                }
            }
        }
        return null;
    }

    /**
     * {@code where} with a StAX location's line and column, and its offset where the parser counts
     * bytes (see the class comment).
     *
     * @param where the input, entry and record being read; never null
     * @param at the parser's location, or null
     * @return the location
     */
    public static Location at(Location where, javax.xml.stream.@Nullable Location at) {
        if (at == null) {
            return where;
        }
        Location l = where.withLine(at.getLineNumber(), at.getColumnNumber());
        if (countsBytes(at) && at.getCharacterOffset() >= 0) {
            l = l.withOffset(at.getCharacterOffset());
        }
        return l;
    }

    /** Aalto's locations count bytes in a byte stream; the JDK's and Woodstox's count characters. */
    private static boolean countsBytes(javax.xml.stream.Location at) {
        return at.getClass().getName().startsWith("com.fasterxml.aalto.");
    }

    private static javax.xml.stream.Location safeLocation(XMLStreamReader reader) {
        try {
            return reader.getLocation();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
