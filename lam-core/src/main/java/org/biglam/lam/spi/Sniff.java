package org.biglam.lam.spi;

import java.io.StringReader;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.internal.ByteOrderMarks;

/**
 * Helpers for {@link FormatProvider#probe}: the look-ahead as text, its XML root element, whether
 * it looks like JSON. They never throw on bad or truncated bytes.
 *
 * @since 0.1
 */
public final class Sniff {

    /**
     * The root element of an XML document: its local name, namespace URI ("" for none) and
     * attributes (by local name).
     *
     * @param localName the root's local name
     * @param namespace the root's namespace URI, or "" for none
     * @param attributes the root's attributes by local name, in document order
     */
    public record XmlRoot(String localName, String namespace, Map<String, String> attributes) {
    }

    private Sniff() {
    }

    /**
     * Decodes the look-ahead as text: UTF-16 where a byte order mark says so, UTF-8 otherwise
     * (malformed bytes replaced), with any byte order mark removed. A multibyte character cut at
     * the end is dropped.
     */
    public static String text(byte[] head, int len) {
        // every provider's probe asks for the same look-ahead: decode it once per thread (the
        // bytes are compared, not the array, which a caller may reuse)
        Decoded last = remember(head, len);
        if (last.text == null) {
            last.text = decode(head, len);
        }
        return last.text;
    }

    /** This thread's record of the look-ahead {@code head}, emptied first if it held another. */
    private static Decoded remember(byte[] head, int len) {
        Decoded last = LAST.get();
        if (last.len == len && Arrays.equals(last.bytes, 0, len, head, 0, len)) {
            return last;
        }
        if (last.bytes.length < len) {
            last.bytes = new byte[Math.max(len, FormatProvider.PROBE_BYTES)];
        }
        System.arraycopy(head, 0, last.bytes, 0, len);
        last.len = len;
        last.text = null;
        last.root = null;
        last.bytes1 = null;
        return last;
    }

    /** The last look-ahead decoded on this thread. */
    private static final class Decoded {
        byte[] bytes = new byte[FormatProvider.PROBE_BYTES];
        int len = -1;
        /** The look-ahead as text, or null until a probe asks for it. */
        String text;
        /** The look-ahead's root, or null until a probe asks for it. */
        Optional<XmlRoot> root;
        /** The look-ahead's bytes one character each (ISO 8859-1), or null until {@link #containsAscii} asks. */
        String bytes1;
    }

    private static final ThreadLocal<Decoded> LAST = ThreadLocal.withInitial(Decoded::new);

    /** Whether the look-ahead starts with a UTF-16 byte order mark (else it is read as UTF-8). */
    private static boolean utf16(byte[] head, int len) {
        return ByteOrderMarks.utf16(head, len);
    }

    /**
     * The length of a UTF-8 byte order mark some bytes start with, for a probe or reader that passes
     * over it (a MARC export, a full-text resource).
     *
     * @param head the bytes
     * @param len how many of them are read
     * @return 3, or 0 when they start with none
     */
    public static int utf8ByteOrderMark(byte[] head, int len) {
        return ByteOrderMarks.utf8(head, len);
    }

    private static String decode(byte[] head, int len) {
        Charset cs = StandardCharsets.UTF_8;
        int start = utf8ByteOrderMark(head, len);
        if (utf16(head, len)) {
            cs = (head[0] & 0xff) == 0xFE ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
            start = 2;
        }
        String s = new String(head, start, Math.max(0, len - start), cs);
        if (!s.isEmpty() && s.charAt(s.length() - 1) == '\uFFFD') {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /**
     * Whether the look-ahead as {@linkplain #text text} contains {@code ascii}, for a probe that
     * looks for a marker: where the look-ahead is UTF-8, it is looked for in the bytes themselves
     * (an ASCII character is one byte in UTF-8, and no byte of another character, well-formed or
     * not, is one), without decoding; otherwise, or for a string not all ASCII, in the text.
     *
     * @param head the look-ahead
     * @param len how many of its bytes are read
     * @param ascii what to look for
     * @return whether the text contains it
     */
    public static boolean containsAscii(byte[] head, int len, String ascii) {
        if (utf16(head, len) || !isAscii(ascii)) {
            return text(head, len).contains(ascii);
        }
        Decoded last = remember(head, len);
        if (last.text != null) {
            return last.text.contains(ascii);
        }
        if (last.bytes1 == null) {
            last.bytes1 = new String(head, 0, len, StandardCharsets.ISO_8859_1);
        }
        return last.bytes1.contains(ascii);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first non-white-space character of the look-ahead as text, or 0 if there is none.
     */
    public static char firstChar(byte[] head, int len) {
        // ASCII white space then an ASCII character decode to themselves in UTF-8 (with or without
        // its byte order mark): read the bytes, and decode the whole look-ahead only where a
        // character outside ASCII or a UTF-16 byte order mark comes first. A JSON provider's probe
        // refuses an XML page with this, before any decoding.
        if (utf16(head, len)) {
            return firstNonSpace(text(head, len));
        }
        for (int i = utf8ByteOrderMark(head, len); i < len; i++) {
            byte b = head[i];
            if (b < 0) {
                return firstNonSpace(text(head, len));
            }
            if (!Character.isWhitespace(b)) {
                return (char) b;
            }
        }
        return 0;
    }

    static char firstNonSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c;
            }
        }
        return 0;
    }

    /**
     * Finds the root element of an XML document in its first bytes, passing over the prolog,
     * comments and a DOCTYPE. Empty if the bytes are not XML or the root is not within them.
     */
    public static Optional<XmlRoot> xmlRoot(byte[] head, int len) {
        // every XML format's probe asks for the root of the same look-ahead: find it once per thread
        Decoded last = remember(head, len);
        if (last.root == null) {
            Optional<XmlRoot> root = last.text == null ? rootFromPrefix(head, len) : null;
            last.root = root != null ? root : rootOfText(text(head, len));
        }
        return last.root;
    }

    /** How many bytes of the look-ahead {@link #rootFromPrefix} decodes, about. */
    private static final int PREFIX_BYTES = 2048;

    /**
     * The root from the start of the look-ahead alone, without decoding all of it (a folder walk's
     * look-ahead for package documents asks for the root only), or null when the start does not
     * decide. The start is cut after an ASCII byte, where UTF-8 decoding of the part and of the
     * whole agree, so that a root found in it, or a first character other than {@code <}, is the
     * answer of the whole look-ahead; otherwise the whole decides.
     */
    private static Optional<XmlRoot> rootFromPrefix(byte[] head, int len) {
        if (len <= PREFIX_BYTES || utf16(head, len)) {
            return null; // short enough to decode whole, or UTF-16
        }
        int cut = PREFIX_BYTES;
        while (cut > 0 && head[cut - 1] < 0) {
            cut--;
        }
        if (cut < 64) {
            return null;
        }
        String t = decode(head, cut);
        char first = firstNonSpace(t);
        if (first == 0) {
            return null;
        }
        if (first != '<') {
            return Optional.empty();
        }
        // quickRoot reads no character past the root's start tag, and gives null when the tag is cut
        return quickRoot(t);
    }

    private static Optional<XmlRoot> rootOfText(String text) {
        if (firstNonSpace(text) != '<') {
            return Optional.empty();
        }
        Optional<XmlRoot> root = quickRoot(text);
        return root != null ? root : parseRoot(text);
    }

    private static final java.util.regex.Pattern DECLARATION = java.util.regex.Pattern.compile(
            "<\\?xml[ \\t\\r\\n]+version[ \\t\\r\\n]*=[ \\t\\r\\n]*([\"'])1\\.0\\1"
            + "(?:[ \\t\\r\\n]+encoding[ \\t\\r\\n]*=[ \\t\\r\\n]*([\"'])(?i:utf-8|iso-8859-1|us-ascii)\\2)?"
            + "(?:[ \\t\\r\\n]+standalone[ \\t\\r\\n]*=[ \\t\\r\\n]*([\"'])(?:yes|no)\\3)?[ \\t\\r\\n]*\\?>");
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    /**
     * The root of the common case without starting a parser (which costs more than the rest of a
     * probe): an optional plain XML declaration, white space, then a start tag whose names are
     * ASCII and whose attribute values hold no reference, no line break or tab and no control
     * character. Anything else (a comment, a DOCTYPE, an undeclared prefix, a repeated attribute,
     * the tag cut off) gives null, and the parser decides, so the answer is always the parser's.
     */
    static Optional<XmlRoot> quickRoot(String t) {
        int n = t.length();
        int i = 0;
        if (t.startsWith("<?xml")) {
            int end = t.indexOf("?>");
            if (end < 0 || !DECLARATION.matcher(t).region(0, end + 2).matches()) {
                return null;
            }
            i = end + 2;
        }
        while (i < n && space(t.charAt(i))) {
            i++;
        }
        if (i >= n || t.charAt(i) != '<') {
            return null;
        }
        int nameStart = ++i;
        i = qname(t, i);
        if (i < 0) {
            return null;
        }
        String element = t.substring(nameStart, i);
        Map<String, String> namespaces = new LinkedHashMap<>();
        java.util.List<String[]> attributes = new java.util.ArrayList<>();
        while (true) {
            int before = i;
            while (i < n && space(t.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return null;
            }
            char c = t.charAt(i);
            if (c == '>' || c == '/' && i + 1 < n && t.charAt(i + 1) == '>') {
                break;
            }
            if (i == before || attributes.size() + namespaces.size() >= 64) {
                return null;
            }
            int aStart = i;
            i = qname(t, i);
            if (i < 0) {
                return null;
            }
            String name = t.substring(aStart, i);
            while (i < n && space(t.charAt(i))) {
                i++;
            }
            if (i >= n || t.charAt(i) != '=') {
                return null;
            }
            i++;
            while (i < n && space(t.charAt(i))) {
                i++;
            }
            if (i >= n || t.charAt(i) != '"' && t.charAt(i) != '\'') {
                return null;
            }
            char quote = t.charAt(i++);
            int vStart = i;
            while (i < n && t.charAt(i) != quote) {
                char v = t.charAt(i);
                if (v == '<' || v == '&' || v < 0x20 || v >= 0xD800 && v <= 0xDFFF || v >= 0xFFFE) {
                    return null;
                }
                i++;
            }
            if (i >= n) {
                return null;
            }
            String value = t.substring(vStart, i++);
            if (name.equals("xmlns") || name.startsWith("xmlns:")) {
                String prefix = name.equals("xmlns") ? "" : name.substring(6);
                if (prefix.equals("xml") || prefix.equals("xmlns") || !prefix.isEmpty() && value.isEmpty()
                        || value.equals(XML_NS) || value.equals("http://www.w3.org/2000/xmlns/")
                        || namespaces.put(prefix, value) != null) {
                    return null;
                }
            } else {
                attributes.add(new String[] {name, value});
            }
        }
        String ns = namespace(element, namespaces, false);
        if (ns == null) {
            return null;
        }
        Map<String, String> byLocal = new LinkedHashMap<>();
        for (String[] a : attributes) {
            if (namespace(a[0], namespaces, true) == null
                    || byLocal.put(a[0].substring(a[0].indexOf(':') + 1), a[1]) != null) {
                return null;
            }
        }
        return Optional.of(new XmlRoot(element.substring(element.indexOf(':') + 1), ns, Map.copyOf(byLocal)));
    }

    /** A name's namespace URI ("" for none), or null when its prefix is not declared. */
    private static String namespace(String qname, Map<String, String> namespaces, boolean attribute) {
        int colon = qname.indexOf(':');
        if (colon < 0) {
            return attribute ? "" : namespaces.getOrDefault("", "");
        }
        String prefix = qname.substring(0, colon);
        if (prefix.equals("xml")) {
            return attribute ? XML_NS : null;
        }
        return prefix.equals("xmlns") ? null : namespaces.get(prefix);
    }

    /** The end of an ASCII qualified name starting at {@code i} (at most one colon, not at an end), or -1. */
    private static int qname(String t, int i) {
        int start = i;
        int colon = -1;
        int n = Math.min(t.length(), start + 200);
        while (i < n) {
            char c = t.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
                    || i > start && i != colon + 1 && (c >= '0' && c <= '9' || c == '-' || c == '.')) {
                i++;
            } else if (c == ':' && colon < 0 && i > start) {
                colon = i++;
            } else {
                break;
            }
        }
        if (i == start || i == colon + 1 || i >= t.length()) {
            return -1;
        }
        char next = t.charAt(i);
        return space(next) || next == '>' || next == '/' || next == '=' ? i : -1;
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    static Optional<XmlRoot> parseRoot(String text) {
        XMLStreamReader r = null;
        try {
            // decoded here, so that the parser has no bytes to complain about on standard error;
            // Aalto, unguarded: the look-ahead bounds the work, and no DTD or entity is read (a
            // new factory each time, so that no name table outlives the look-ahead; a JDK parser
            // costs some 50 microseconds to make, which a folder of small files pays per file)
            r = AaltoXml.documentFactory().createXMLStreamReader(new StringReader(text));
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT) {
                    Map<String, String> attributes = new LinkedHashMap<>();
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        attributes.putIfAbsent(r.getAttributeLocalName(i), r.getAttributeValue(i));
                    }
                    String ns = r.getNamespaceURI();
                    return Optional.of(new XmlRoot(r.getLocalName(), ns == null ? "" : ns,
                            Map.copyOf(attributes)));
                }
            }
            return Optional.empty();
        } catch (XMLStreamException | RuntimeException e) {
            return Optional.empty();
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
    }
}
