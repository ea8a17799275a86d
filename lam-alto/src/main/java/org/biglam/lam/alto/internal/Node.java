package org.biglam.lam.alto.internal;


import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.spi.EmbeddedXmlReader;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.XmlProblems;
import org.biglam.lam.spi.XmlStreams;

/**
 * A light element tree for metadata documents (METS): local names, attributes by local name, text.
 * Subtrees of elements named in a skip set are not kept.
 */
public final class Node {

    /** The element's local name. */
    public final String name;
    /** Attributes by local name (first wins). */
    public final Map<String, String> attrs;
    /** Child elements in order. */
    public final List<Node> children = new ArrayList<>(2);
    /** The element's own text (direct text children), or null. */
    private StringBuilder text;
    /** The line the element starts at. */
    public final long line;
    /**
     * For an element read by a metadata module (a {@code mods} element, by lam-mods): the labels of
     * the record it made, its subtree not kept; null for other elements.
     */
    Map<String, List<String>> embedded;

    private Node(String name, Map<String, String> attrs, long line) {
        this.name = name;
        this.attrs = attrs;
        this.line = line;
    }

    /** An attribute by local name, or null. */
    public String attr(String name) {
        return attrs.get(name);
    }

    /** The element's direct text, stripped; "" if none. */
    public String text() {
        return text == null ? "" : text.toString().strip();
    }

    /** The first child of a local name, or null. */
    public Node child(String name) {
        for (Node c : children) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The children of a local name. */
    public List<Node> children(String name) {
        List<Node> out = new ArrayList<>();
        for (Node c : children) {
            if (c.name.equals(name)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Every descendant of a local name, in document order. */
    public List<Node> descendants(String name) {
        List<Node> out = new ArrayList<>();
        collect(this, name, out);
        return out;
    }

    private static void collect(Node n, String name, List<Node> out) {
        for (Node c : n.children) {
            if (c.name.equals(name)) {
                out.add(c);
            }
            collect(c, name, out);
        }
    }

    /**
     * Reads a document into a tree.
     *
     * @param factory a secure StAX factory
     * @param in the bytes (not closed)
     * @param location for errors
     * @param limits nesting depth and document size
     * @param skip local names whose subtrees are dropped
     * @return the root
     */
    public static Node parse(XMLInputFactory factory, InputStream in, Location location, ReadLimits limits,
            Set<String> skip) {
        return parse(factory, in, location, limits, skip, null);
    }

    /**
     * Reads a document into a tree, handing {@code mods} elements in the MODS namespace to the
     * project's MODS reader (lam-mods, through {@link EmbeddedXmlReader}): such an element is kept
     * without its subtree, with the labels of the record the reader made ({@link #embedded}).
     *
     * @param factory a secure StAX factory
     * @param in the bytes (not closed)
     * @param location for errors
     * @param limits nesting depth and document size
     * @param skip local names whose subtrees are dropped
     * @param ctx the read's context, for the MODS reader; null to keep MODS as a tree
     * @return the root
     */
    public static Node parse(XMLInputFactory factory, InputStream in, Location location, ReadLimits limits,
            Set<String> skip, ReadContext ctx) {
        EmbeddedXmlReader mods = ctx == null ? null : EmbeddedXmlReader.find(MODS_NS, "mods").orElse(null);
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(in);
            List<Node> stack = new ArrayList<>();
            Node root = null;
            long chars = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (!stack.isEmpty() && skip.contains(name)) {
                        XmlStreams.skipElement(r);
                        continue;
                    }
                    Map<String, String> attrs = r.getAttributeCount() == 0 ? Map.of() : new HashMap<>();
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        attrs.putIfAbsent(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        chars += r.getAttributeValue(i).length();
                    }
                    javax.xml.stream.Location l = r.getLocation();
                    Node n = new Node(name, attrs, l == null ? -1 : l.getLineNumber());
                    if (stack.isEmpty()) {
                        root = n;
                    } else {
                        stack.get(stack.size() - 1).children.add(n);
                        if (mods != null && name.equals("mods") && MODS_NS.equals(r.getNamespaceURI())) {
                            n.embedded = embedded(mods, r, ctx, n.line);
                            continue; // the reader left the parser on the element's end
                        }
                    }
                    stack.add(n);
                    chars += 32;
                    if (stack.size() > limits.maxNestingDepth()) {
                        throw new LamLimitExceededException("XML nested deeper than " + limits.maxNestingDepth(),
                                location.withLine(n.line, 0));
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    stack.remove(stack.size() - 1);
                } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA)
                        && !stack.isEmpty()) {
                    Node n = stack.get(stack.size() - 1);
                    if (n.text == null) {
                        n.text = new StringBuilder();
                    }
                    n.text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    chars += r.getTextLength();
                }
                if (chars > limits.maxRecordBytes()) {
                    throw new LamLimitExceededException("document larger than " + limits.maxRecordBytes()
                            + " bytes (maxRecordBytes)", location);
                }
            }
            if (root == null) {
                throw new LamFormatException("empty document: no root element", location);
            }
            return root;
        } catch (XMLStreamException e) {
            throw XmlProblems.malformed(location, e, r);
        } catch (RuntimeException e) {
            // Woodstox parses text lazily and throws its errors unchecked
            XMLStreamException x = XmlProblems.parseError(e);
            throw x == null ? e : XmlProblems.malformed(location, x, r);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // the stream belongs to the caller
                }
            }
        }
    }

    private static final String MODS_NS = "http://www.loc.gov/mods/v3";

    /** The labels of the record the MODS reader makes of the element the parser stands on. */
    private static Map<String, List<String>> embedded(EmbeddedXmlReader reader, XMLStreamReader r, ReadContext ctx,
            long line) throws XMLStreamException {
        List<LamRecord> made = new ArrayList<>(1);
        reader.read(r, LamRecord.builder("mods@" + line, reader.format()).build(), ctx, made::add);
        return made.isEmpty() ? Map.of() : made.get(0).labels();
    }

    /** The labels a metadata module made of this element, or null if it was not handed to one. */
    public Map<String, List<String>> embeddedLabels() {
        return embedded;
    }
}
