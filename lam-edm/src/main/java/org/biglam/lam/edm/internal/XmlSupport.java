package org.biglam.lam.edm.internal;

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

/**
 * The StAX parser lam-edm reads with (Woodstox, set up by {@link SecureXml#secure}: no DTDs, no
 * external entities, lam's limits), and parse errors located at the parser's line and column.
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
        } catch (com.ctc.wstx.exc.WstxLazyException e) {
            throw malformed(where, e, r, lenient);
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
        Location loc = where;
        javax.xml.stream.Location l = e instanceof XMLStreamException ? ((XMLStreamException) e).getLocation() : null;
        if (l == null && r != null) {
            try {
                l = r.getLocation();
            } catch (RuntimeException ignored) {
                // no place known
            }
        }
        if (l != null && l.getLineNumber() > 0) {
            loc = loc.withLine(l.getLineNumber(), Math.max(0, l.getColumnNumber()));
        } else {
            // the parser knows no place (an encoding it cannot read at all): the document's start
            loc = loc.withOffset(l != null && l.getCharacterOffset() > 0 ? l.getCharacterOffset() : 0);
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int i = m.indexOf("Message: ");
        m = (i >= 0 ? m.substring(i + 9) : m).strip();
        int nl = m.indexOf('\n');
        if (nl > 0) {
            m = m.substring(0, nl).strip();
        }
        if (!lenient && m.contains("Undeclared namespace prefix")) {
            m += " (a record cut out of its envelope? the lenient option binds the well-known prefixes)";
        }
        return new LamFormatException("malformed XML: " + m, loc, e);
    }
}
