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
        Decoded last = LAST.get();
        if (last.text != null && last.len == len && Arrays.equals(last.bytes, 0, len, head, 0, len)) {
            return last.text;
        }
        String s = decode(head, len);
        if (last.bytes.length < len) {
            last.bytes = new byte[Math.max(len, FormatProvider.PROBE_BYTES)];
        }
        System.arraycopy(head, 0, last.bytes, 0, len);
        last.len = len;
        last.text = s;
        return s;
    }

    /** The last look-ahead decoded on this thread. */
    private static final class Decoded {
        byte[] bytes = new byte[FormatProvider.PROBE_BYTES];
        int len = -1;
        String text;
        /** The text whose root {@link #root} is (compared by identity), or null. */
        String rootOf;
        Optional<XmlRoot> root;
    }

    private static final ThreadLocal<Decoded> LAST = ThreadLocal.withInitial(Decoded::new);

    private static String decode(byte[] head, int len) {
        Charset cs = StandardCharsets.UTF_8;
        int start = 0;
        if (len >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            start = 3;
        } else if (len >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            start = 2;
        } else if (len >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            start = 2;
        }
        String s = new String(head, start, Math.max(0, len - start), cs);
        if (!s.isEmpty() && s.charAt(s.length() - 1) == '\uFFFD') {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /**
     * The first non-white-space character of the look-ahead as text, or 0 if there is none.
     */
    public static char firstChar(byte[] head, int len) {
        String s = text(head, len);
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
        char first = firstChar(head, len);
        if (first != '<') {
            return Optional.empty();
        }
        // every XML format's probe asks for the root of the same look-ahead: parse it once per thread
        String text = text(head, len);
        Decoded last = LAST.get();
        if (last.rootOf == text) {
            return last.root;
        }
        Optional<XmlRoot> root = parseRoot(text);
        last.rootOf = text;
        last.root = root;
        return root;
    }

    private static Optional<XmlRoot> parseRoot(String text) {
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
