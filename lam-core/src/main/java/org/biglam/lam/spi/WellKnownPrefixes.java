package org.biglam.lam.spi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Binds the well-known metadata prefixes ({@code dc}, {@code dcterms}, {@code mods}, {@code ead},
 * {@code lido}, {@code edm}, {@code rdf}, {@code ore}, {@code skos}, and {@code oai_dc}, {@code mets},
 * {@code xlink}, {@code xsi}, {@code rdfs}, {@code owl}, {@code foaf}, {@code svcs},
 * {@code wgs84_pos}) on a document's root element, for records cut out of their envelope that lost
 * their namespace declarations: a reader's lenient option. A prefix the root declares itself keeps its own binding; a declaration further
 * down still overrides. Strict reading (the default everywhere) never calls this.
 *
 * <p>The declarations are written into the root's start tag, which must lie within the first 64 KiB
 * of an ASCII-compatible encoding (UTF-8, ISO 8859); otherwise the stream is left as it is.
 * Thread-safe.
 *
 * @since 0.1
 */
public final class WellKnownPrefixes {

    /** The prefixes and the namespaces they are bound to, in the order they are declared. */
    public static final Map<String, String> PREFIXES;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dc", "http://purl.org/dc/elements/1.1/");
        m.put("dcterms", "http://purl.org/dc/terms/");
        m.put("mods", "http://www.loc.gov/mods/v3");
        m.put("ead", "urn:isbn:1-931666-22-9");
        m.put("lido", "http://www.lido-schema.org");
        m.put("edm", "http://www.europeana.eu/schemas/edm/");
        m.put("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        m.put("ore", "http://www.openarchives.org/ore/terms/");
        m.put("skos", "http://www.w3.org/2004/02/skos/core#");
        m.put("oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc/");
        m.put("mets", "http://www.loc.gov/METS/");
        m.put("xlink", "http://www.w3.org/1999/xlink");
        m.put("xsi", "http://www.w3.org/2001/XMLSchema-instance");
        m.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        m.put("owl", "http://www.w3.org/2002/07/owl#");
        m.put("foaf", "http://xmlns.com/foaf/0.1/");
        m.put("svcs", "http://rdfs.org/sioc/services#");
        m.put("wgs84_pos", "http://www.w3.org/2003/01/geo/wgs84_pos#");
        PREFIXES = java.util.Collections.unmodifiableMap(m);
    }

    private static final int HEAD = 64 * 1024;

    private WellKnownPrefixes() {
    }

    /**
     * A stream that reads as {@code in} with the well-known prefixes the root element does not
     * declare declared on it.
     *
     * @param in the document; read here only as far as its root's start tag
     * @return the stream to parse (the same bytes when the root tag is not found)
     * @throws IOException if reading fails
     */
    public static InputStream bind(InputStream in) throws IOException {
        byte[] head = in.readNBytes(HEAD);
        int n = head.length;
        String s = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        int tag = rootTag(s);
        if (tag < 0) {
            return new SequenceInputStream(new ByteArrayInputStream(head), in);
        }
        int nameEnd = tag + 1;
        while (nameEnd < n && !isSpaceOrEnd(s.charAt(nameEnd))) {
            nameEnd++;
        }
        int close = tagEnd(s, nameEnd);
        if (close < 0) {
            return new SequenceInputStream(new ByteArrayInputStream(head), in);
        }
        String attrs = s.substring(nameEnd, close);
        StringBuilder add = new StringBuilder();
        for (Map.Entry<String, String> e : PREFIXES.entrySet()) {
            if (!declares(attrs, e.getKey())) {
                add.append(" xmlns:").append(e.getKey()).append("=\"").append(e.getValue()).append('"');
            }
        }
        byte[] extra = add.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[n + extra.length];
        System.arraycopy(head, 0, out, 0, nameEnd);
        System.arraycopy(extra, 0, out, nameEnd, extra.length);
        System.arraycopy(head, nameEnd, out, nameEnd + extra.length, n - nameEnd);
        return new SequenceInputStream(new ByteArrayInputStream(out), in);
    }

    private static boolean isSpaceOrEnd(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' || c == '/';
    }

    private static boolean declares(String attrs, String prefix) {
        int i = 0;
        String key = "xmlns:" + prefix;
        while ((i = attrs.indexOf(key, i)) >= 0) {
            int j = i + key.length();
            while (j < attrs.length() && Character.isWhitespace(attrs.charAt(j))) {
                j++;
            }
            if (j < attrs.length() && attrs.charAt(j) == '=' && i > 0 && Character.isWhitespace(attrs.charAt(i - 1))) {
                return true;
            }
            i = j;
        }
        return false;
    }

    /** Where the root's start tag begins ({@code <}), past the prolog; -1 if not within the text. */
    private static int rootTag(String s) {
        int n = s.length();
        int i = 0;
        if (s.startsWith("\u00ef\u00bb\u00bf")) {
            i = 3;
        }
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (s.startsWith("<?", i)) {
                int e = s.indexOf("?>", i + 2);
                if (e < 0) {
                    return -1;
                }
                i = e + 2;
            } else if (s.startsWith("<!--", i)) {
                int e = s.indexOf("-->", i + 4);
                if (e < 0) {
                    return -1;
                }
                i = e + 3;
            } else if (s.startsWith("<!", i)) {
                int depth = 0;
                int j = i + 2;
                char quote = 0;
                for (; j < n; j++) {
                    char d = s.charAt(j);
                    if (quote != 0) {
                        if (d == quote) {
                            quote = 0;
                        }
                    } else if (d == '"' || d == '\'') {
                        quote = d;
                    } else if (d == '[') {
                        depth++;
                    } else if (d == ']') {
                        depth--;
                    } else if (d == '>' && depth <= 0) {
                        break;
                    }
                }
                if (j >= n) {
                    return -1;
                }
                i = j + 1;
            } else if (c == '<' && i + 1 < n && isNameStart(s.charAt(i + 1))) {
                return i;
            } else {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 0x7f;
    }

    /** The index of the {@code >} (or {@code />}) closing a start tag, past quoted values; -1 if none. */
    private static int tagEnd(String s, int from) {
        char quote = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i > from && s.charAt(i - 1) == '/' ? i - 1 : i;
            }
        }
        return -1;
    }
}
