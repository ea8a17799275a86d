package org.biglam.lam.lido.internal;

import com.ctc.wstx.stax.WstxInputFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.Location;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.spi.SecureXml;
import org.biglam.lam.spi.WellKnownPrefixes;
import org.biglam.lam.spi.XmlProblems;

/**
 * The StAX parser lam-lido reads with (Woodstox, set up by {@link SecureXml#secure}: no DTDs, no
 * external entities, lam's limits); parse errors through lam-core's {@link XmlProblems}.
 */
public final class XmlSupport {

    private static final ConcurrentHashMap<ReadLimits, XMLInputFactory> FACTORIES = new ConcurrentHashMap<>();

    private XmlSupport() {
    }

    /** The secure Woodstox factory for these limits. */
    public static XMLInputFactory factory(ReadLimits limits) {
        if (FACTORIES.size() > 16) {
            FACTORIES.clear();
        }
        return FACTORIES.computeIfAbsent(limits, l -> SecureXml.secure(new WstxInputFactory(), l));
    }

    /**
     * A parser over a stream, standing on the root element's start.
     *
     * @param factory the factory
     * @param in the document
     * @param lenient whether to bind the well-known prefixes first
     * @param where the input's location, for errors
     * @return the parser on the root's start
     * @throws IOException if reading fails
     */
    public static XMLStreamReader open(XMLInputFactory factory, InputStream in, boolean lenient, Location where)
            throws IOException {
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(lenient ? WellKnownPrefixes.bind(in) : in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT) {
                    return r;
                }
            }
            throw new LamFormatException("no root element", place(where, r));
        } catch (XMLStreamException e) {
            throw malformed(where, e, r, lenient);
        } catch (RuntimeException e) {
            XMLStreamException parse = XmlProblems.parseError(e);
            if (parse == null) {
                throw e;
            }
            throw malformed(where, parse, r, lenient);
        }
    }

    /**
     * Where the parser stands: its line and column, else the document's start.
     *
     * @param where the input's location
     * @param r the parser; may be null
     * @return the location
     */
    public static Location place(Location where, XMLStreamReader r) {
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
     * A located problem for a parse error: "malformed XML: reason" at the parser's line and column.
     *
     * @param where the input's location
     * @param e the parser's error
     * @param r the parser, for its place where the error has none; may be null
     * @param lenient whether the lenient option was on (else an unbound prefix names the option)
     * @return the problem
     */
    public static LamFormatException malformed(Location where, Throwable e, XMLStreamReader r, boolean lenient) {
        LamFormatException p = XmlProblems.malformed(where, e, r);
        if (lenient || !p.getMessage().contains("namespace prefix")) {
            return p;
        }
        return new LamFormatException(p.getMessage() + " (a record cut out of its envelope? the lenient option binds "
                + "the well-known prefixes)", p.location().orElse(where), e);
    }
}
