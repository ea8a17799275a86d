package org.biglam.lam.mods.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.spi.Texts;
import org.biglam.lam.spi.XmlStreams;

/**
 * One element of a MODS record: its local name, the attributes the mapping reads (by local name),
 * direct text and child elements in the MODS namespace or in none (a {@code mods:mods} whose
 * children were written without the prefix). A record is small, so it is
 * read into this tree and mapped from it, which keeps nesting (a related item's title is not a
 * title of the record). Elements of other namespaces (extensions) are passed over. In the free-text
 * elements ({@link #MIXED}: {@code abstract}, {@code note}, {@code tableOfContents}) child elements
 * of any namespace are markup ({@code <p>}, {@code <i>}, {@code <br/>}): their text is the
 * element's, in order.
 */
public final class Node {

    /** The attributes {@link ModsMapper} reads (by local name); only these are kept. */
    static final Set<String> MAPPED_ATTRIBUTES = Set.of("ID", "access", "authority", "encoding", "href", "invalid",
            "keyDate", "point", "qualifier", "shareable", "type", "usage");

    /**
     * Elements of free text whose child elements, as some producers write them (XHTML {@code p},
     * {@code i}, {@code br}, in its namespace or in none), are part of the text, not of the tree.
     */
    static final Set<String> MIXED = Set.of("abstract", "note", "tableOfContents");

    /** Elements inside free text that stand apart from the text around them: paragraphs, lines, list items. */
    private static final Set<String> BLOCKS = Set.of("p", "br", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1",
            "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "hr", "section", "lb");

    /**
     * What stands between the paragraphs of free text with markup: the paragraph separator, white
     * space to {@link #text()} (one line), a break to {@link #paragraphs()}.
     */
    static final char BREAK = '\u2029';

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
     * @param ns the namespace of the elements kept (besides those in no namespace)
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
            n.attrs = attributes(xml, ac);
        }
        int mark = sb.length();
        // the first run of direct text as the parser gives it; the builder only once there is a second
        String single = null;
        // white space before any other text (the indentation of an element's children) is not kept
        // but summed up: none, a single space, or more (which the text's cleaning makes one space)
        int lead = LEAD_NONE;
        while (true) {
            int e = xml.next();
            if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA || e == XMLStreamConstants.SPACE) {
                if (lead != LEAD_TEXT) {
                    int len = xml.getTextLength();
                    if (isXmlSpace(xml.getTextCharacters(), xml.getTextStart(), len)) {
                        if (len > 0) {
                            lead = lead == LEAD_NONE && len == 1 && xml.getTextCharacters()[xml.getTextStart()] == ' '
                                    ? LEAD_SPACE : LEAD_MORE;
                        }
                        continue;
                    }
                    if (lead != LEAD_NONE) {
                        // the stand-in gives the same text and raw text as the white space it replaces
                        sb.append(lead == LEAD_SPACE ? " " : "\n");
                    }
                    lead = LEAD_TEXT;
                }
                if (single == null && sb.length() == mark) {
                    single = xml.getText();
                } else {
                    if (single != null) {
                        sb.append(single);
                        single = null;
                    }
                    sb.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
            } else if (e == XMLStreamConstants.START_ELEMENT) {
                if (MIXED.contains(n.name)) {
                    // markup inside a free-text element (<p>, <i>, <br/>, in any namespace): its text, in order
                    if (single != null) {
                        sb.append(single);
                        single = null;
                    }
                    lead = LEAD_TEXT;
                    inline(xml, sb);
                    continue;
                }
                String cns = xml.getNamespaceURI();
                // a child in no namespace is MODS too: a prefixed record whose children lost their prefix
                if ((cns == null || cns.isEmpty() || ns.equals(cns)) && ++count[0] < MAX_NODES) {
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
        if (single != null) {
            n.text = single.isEmpty() ? null : single;
        } else if (sb.length() > mark) {
            n.text = sb.substring(mark);
            sb.setLength(mark);
        }
        return n;
    }

    /**
     * Appends the text of the element {@code xml} stands on, and of all its descendants, in order;
     * a block element ({@code p}, {@code div}, {@code li}, ...) or a {@code br} is set off by
     * {@link #BREAK}.
     *
     * @param xml standing on a {@code START_ELEMENT}; left on its {@code END_ELEMENT}
     */
    private static void inline(XMLStreamReader xml, StringBuilder sb) throws XMLStreamException {
        int depth = 0;
        while (true) {
            int e = xml.getEventType();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (BLOCKS.contains(xml.getLocalName())) {
                    sb.append(BREAK);
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                if (BLOCKS.contains(xml.getLocalName())) {
                    sb.append(BREAK);
                }
                if (--depth == 0) {
                    return;
                }
            } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA
                    || e == XMLStreamConstants.SPACE) {
                sb.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            }
            xml.next();
        }
    }

    /**
     * The attributes the mapping reads, by local name in document order, or null if none: values
     * of the others ({@code authority}, {@code displayLabel}, ...) are not made.
     */
    private static String[] attributes(XMLStreamReader xml, int count) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (MAPPED_ATTRIBUTES.contains(xml.getAttributeLocalName(i))) {
                kept++;
            }
        }
        if (kept == 0) {
            return null;
        }
        String[] a = new String[kept * 2];
        int at = 0;
        for (int i = 0; i < count; i++) {
            String local = xml.getAttributeLocalName(i);
            if (MAPPED_ATTRIBUTES.contains(local)) {
                a[at++] = local;
                a[at++] = xml.getAttributeValue(i);
            }
        }
        return a;
    }

    private static final int LEAD_NONE = 0;
    private static final int LEAD_SPACE = 1;
    private static final int LEAD_MORE = 2;
    private static final int LEAD_TEXT = 3;

    /** Whether characters are all XML white space (space, tab, line feed, carriage return). */
    private static boolean isXmlSpace(char[] buf, int start, int len) {
        for (int i = start, end = start + len; i < end; i++) {
            char c = buf[i];
            if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** An attribute's value by local name, or null. */
    String attr(String local) {
        assert MAPPED_ATTRIBUTES.contains(local) : "attribute " + local + " is not kept: add it to MAPPED_ATTRIBUTES";
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

    /**
     * The text in paragraphs: as {@link #text()}, but with an empty line where markup set a block
     * apart ({@code <p>}, {@code <br/>}); the same as {@link #text()} for text without markup.
     */
    String paragraphs() {
        if (text == null || text.indexOf(BREAK) < 0) {
            return text();
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (String p : text.split(String.valueOf(BREAK))) {
            String c = clean(p);
            if (!c.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append("\n\n");
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String clean(String t) {
        if (t == null) {
            return "";
        }
        if (t.indexOf('\n') >= 0 || t.indexOf(BREAK) >= 0 || t.indexOf('\r') >= 0 || t.indexOf('\t') >= 0
                || t.contains("  ")) {
            return Texts.collapse(t);
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
