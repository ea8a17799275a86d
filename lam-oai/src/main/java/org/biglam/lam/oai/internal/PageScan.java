package org.biglam.lam.oai.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.spi.WellKnownPrefixes;

/**
 * What the harvester needs of a page before handing it on: whether it is well-formed, its OAI
 * {@code error}, its {@code resumptionToken} (text and attributes), and for
 * {@code ListIdentifiers} pages the identifiers of the records not deleted. One StAX pass.
 */
final class PageScan {

    /** Whether the page parsed to the end of its root. */
    boolean wellFormed = true;
    /** Why it did not, and the line. */
    String problem;
    long problemLine = -1;
    /** Whether the page is malformed by an unbound namespace prefix: not cut short, no retry mends it. */
    boolean unbound;
    /** Whether a resumptionToken element is present, its text (stripped), and attributes. */
    boolean tokenElement;
    String token;
    /** The line of the root element, or -1. */
    long rootLine = -1;
    /** The line of the resumption token, or -1. */
    long tokenLine = -1;
    String cursor;
    String completeListSize;
    /** The first OAI error's code and message, and its line. */
    String errorCode;
    String errorText;
    long errorLine = -1;
    /** The root's local name, for a page that is no OAI-PMH response at all. */
    String root;
    /** Identifiers of headers not deleted (ListIdentifiers), and how many were deleted. */
    final List<String> identifiers = new ArrayList<>();
    int deleted;

    private PageScan() {
    }

    /** Whether the page is the last of its list: no token, or an empty one. */
    boolean last() {
        return token == null || token.isEmpty();
    }

    static PageScan of(byte[] page, XMLInputFactory factory) {
        return of(page, factory, false);
    }

    /**
     * The scan of a page; {@code lenient} binds the well-known prefixes on its root first
     * ({@code oai.lenient}).
     */
    static PageScan of(byte[] page, XMLInputFactory factory, boolean lenient) {
        PageScan s = new PageScan();
        XMLStreamReader xml = null;
        try {
            java.io.InputStream in = new ByteArrayInputStream(page);
            xml = factory.createXMLStreamReader(lenient ? WellKnownPrefixes.bind(in) : in);
            int depth = 0;
            boolean inHeader = false;
            boolean headerDeleted = false;
            String headerId = null;
            while (xml.hasNext()) {
                int e = xml.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String local = xml.getLocalName();
                    if (depth == 1) {
                        s.root = local;
                        s.rootLine = xml.getLocation().getLineNumber();
                    } else if (depth == 2 && local.equals("error") && s.errorCode == null) {
                        s.errorCode = xml.getAttributeValue(null, "code");
                        s.errorLine = xml.getLocation().getLineNumber();
                        s.errorText = xml.getElementText().strip();
                        depth--;
                    } else if (depth == 3 && local.equals("resumptionToken")) {
                        s.tokenElement = true;
                        s.tokenLine = xml.getLocation().getLineNumber();
                        s.cursor = xml.getAttributeValue(null, "cursor");
                        s.completeListSize = xml.getAttributeValue(null, "completeListSize");
                        s.token = xml.getElementText().strip();
                        depth--;
                    } else if (depth == 3 && local.equals("header")) {
                        inHeader = true;
                        headerDeleted = "deleted".equals(xml.getAttributeValue(null, "status"));
                        headerId = null;
                    } else if (inHeader && depth == 4 && local.equals("identifier")) {
                        headerId = xml.getElementText().strip();
                        depth--;
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    if (inHeader && depth == 3) {
                        inHeader = false;
                        if (headerDeleted) {
                            s.deleted++;
                        } else if (headerId != null && !headerId.isEmpty()) {
                            s.identifiers.add(headerId);
                        }
                    }
                    depth--;
                    if (depth == 0) {
                        break; // what some servers append after the root is not read
                    }
                }
            }
            if (depth != 0 || s.root == null) {
                s.wellFormed = false;
                s.problem = s.root == null ? "no XML in the answer" : "the page ends before its root does (cut short?)";
            }
        } catch (XMLStreamException | RuntimeException | java.io.IOException ex) {
            s.wellFormed = false;
            s.problem = ex.getMessage() == null ? ex.toString() : ex.getMessage().replaceAll("\\s+", " ");
            s.unbound = s.problem.contains("namespace prefix") || s.problem.contains("is not bound");
            if (ex instanceof XMLStreamException && ((XMLStreamException) ex).getLocation() != null) {
                s.problemLine = ((XMLStreamException) ex).getLocation().getLineNumber();
            }
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // in memory
                }
            }
        }
        return s;
    }
}
