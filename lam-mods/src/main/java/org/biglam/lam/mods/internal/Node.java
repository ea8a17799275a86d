package org.biglam.lam.mods.internal;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.spi.Texts;
import org.biglam.lam.spi.XmlStreams;

/**
 * One element of a MODS record: its local name, attributes (by local name; {@code xml:lang} as
 * {@code lang}), direct text and child elements in the MODS namespace. A record is small, so it is
 * read into this tree and mapped from it, which keeps nesting (a related item's title is not a
 * title of the record). Elements of other namespaces (extensions) are passed over.
 */
public final class Node {

    /** Most elements read into one record's tree; the rest of a larger record is passed over. */
    static final int MAX_NODES = 100_000;

    final String name;
    private String[] attrs;
    /** The child elements: a shared empty list until the first is added. */
    List<Node> children = List.of();
    private String text;

    private Node(String name) {
        this.name = name;
    }

    /** A node for tests and callers that build trees by hand. */
    static Node of(String name, String text, String... attrs) {
        Node n = new Node(name);
        n.text = text;
        n.attrs = attrs.length == 0 ? null : attrs;
        return n;
    }

    /**
     * Reads the element {@code xml} stands on through its end.
     *
     * @param xml standing on a {@code START_ELEMENT}; left on its {@code END_ELEMENT}
     * @param ns the namespace of the elements kept
     * @return the element's tree
     * @throws XMLStreamException if the XML is not well-formed
     */
    public static Node read(XMLStreamReader xml, String ns) throws XMLStreamException {
        int[] count = {0};
        return read(xml, ns, count, new StringBuilder());
    }

    private static Node read(XMLStreamReader xml, String ns, int[] count, StringBuilder sb) throws XMLStreamException {
        Node n = new Node(xml.getLocalName());
        int ac = xml.getAttributeCount();
        if (ac > 0) {
            String[] a = new String[ac * 2];
            for (int i = 0; i < ac; i++) {
                a[2 * i] = xml.getAttributeLocalName(i);
                a[2 * i + 1] = xml.getAttributeValue(i);
            }
            n.attrs = a;
        }
        int mark = sb.length();
        while (true) {
            int e = xml.next();
            if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA || e == XMLStreamConstants.SPACE) {
                sb.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            } else if (e == XMLStreamConstants.START_ELEMENT) {
                String cns = xml.getNamespaceURI();
                if (ns.equals(cns == null ? "" : cns) && ++count[0] < MAX_NODES) {
                    if (n.children.isEmpty()) {
                        n.children = new ArrayList<>(4);
                    }
                    n.children.add(read(xml, ns, count, sb));
                } else {
                    XmlStreams.skipElement(xml);
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        if (sb.length() > mark) {
            n.text = sb.substring(mark);
            sb.setLength(mark);
        }
        return n;
    }

    /** An attribute's value by local name, or null. */
    String attr(String local) {
        if (attrs != null) {
            for (int i = 0; i < attrs.length; i += 2) {
                if (attrs[i].equals(local)) {
                    return attrs[i + 1];
                }
            }
        }
        return null;
    }

    /** The direct text as written (white space kept), or the empty string. */
    String raw() {
        return text == null ? "" : text;
    }

    /** The direct text, white space runs made one space, stripped; the empty string if none. */
    String text() {
        String c = clean;
        if (c == null) {
            c = clean(text);
            clean = c;
        }
        return c;
    }

    private String clean;

    private static String clean(String t) {
        if (t == null) {
            return "";
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t' || c == ' ' && i + 1 < t.length() && t.charAt(i + 1) == ' ') {
                return Texts.collapse(t);
            }
        }
        return t.strip();
    }

    /** The first child of a name, or null. */
    Node child(String name) {
        for (Node c : children) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The children of a name. */
    List<Node> children(String name) {
        List<Node> out = new ArrayList<>(2);
        for (Node c : children) {
            if (c.name.equals(name)) {
                out.add(c);
            }
        }
        return out;
    }
}
