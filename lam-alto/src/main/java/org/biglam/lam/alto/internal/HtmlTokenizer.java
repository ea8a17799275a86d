package org.biglam.lam.alto.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.biglam.lam.spi.Entities;

/**
 * A lenient tokenizer for HTML and XHTML (hOCR): start and end tags with their attributes, text with
 * character references decoded (lam-core's {@link Entities}: numeric references and HTML 4's named
 * ones); comments, doctypes and processing instructions passed over. It never fetches or expands
 * anything else, so it has no entity or DTD attack surface.
 */
final class HtmlTokenizer {

    enum Kind { START, END, TEXT, EOF }

    private final String s;
    private int pos;
    private int line = 1;
    private int lineScanned;

    Kind kind;
    String name;
    boolean selfClosing;
    final Map<String, String> attrs = new LinkedHashMap<>();
    String text;
    int tokenLine;

    HtmlTokenizer(String s) {
        this.s = s;
    }

    int line() {
        while (lineScanned < pos && lineScanned < s.length()) {
            if (s.charAt(lineScanned++) == '\n') {
                line++;
            }
        }
        return line;
    }

    Kind next() {
        attrs.clear();
        selfClosing = false;
        name = null;
        text = null;
        while (true) {
            tokenLine = line();
            if (pos >= s.length()) {
                return kind = Kind.EOF;
            }
            char c = s.charAt(pos);
            if (c != '<') {
                int end = s.indexOf('<', pos);
                if (end < 0) {
                    end = s.length();
                }
                text = Entities.decode(s.substring(pos, end));
                pos = end;
                return kind = Kind.TEXT;
            }
            if (s.startsWith("<!--", pos)) {
                int end = s.indexOf("-->", pos + 4);
                pos = end < 0 ? s.length() : end + 3;
                continue;
            }
            if (s.startsWith("<![CDATA[", pos)) {
                int end = s.indexOf("]]>", pos + 9);
                int stop = end < 0 ? s.length() : end;
                text = s.substring(pos + 9, stop);
                pos = end < 0 ? s.length() : end + 3;
                return kind = Kind.TEXT;
            }
            if (s.startsWith("<!", pos) || s.startsWith("<?", pos)) {
                int end = s.indexOf('>', pos);
                pos = end < 0 ? s.length() : end + 1;
                continue;
            }
            boolean endTag = pos + 1 < s.length() && s.charAt(pos + 1) == '/';
            int i = pos + (endTag ? 2 : 1);
            int nameStart = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '>'
                    && s.charAt(i) != '/') {
                i++;
            }
            if (i == nameStart) {
                // a lone '<' in text
                text = "<";
                pos++;
                return kind = Kind.TEXT;
            }
            name = localName(s.substring(nameStart, i));
            if (endTag) {
                int end = s.indexOf('>', i);
                pos = end < 0 ? s.length() : end + 1;
                return kind = Kind.END;
            }
            i = attributes(i);
            pos = i;
            return kind = Kind.START;
        }
    }

    private static String localName(String qname) {
        int colon = qname.indexOf(':');
        return (colon >= 0 ? qname.substring(colon + 1) : qname).toLowerCase(Locale.ROOT);
    }

    private int attributes(int i) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '>') {
                return i + 1;
            }
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '>') {
                selfClosing = true;
                return i + 2;
            }
            if (Character.isWhitespace(c) || c == '/') {
                i++;
                continue;
            }
            int ns = i;
            while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '=' && s.charAt(i) != '>'
                    && !(s.charAt(i) == '/' && i + 1 < n && s.charAt(i + 1) == '>')) {
                i++;
            }
            String an = s.substring(ns, i).toLowerCase(Locale.ROOT);
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            String value = "";
            if (i < n && s.charAt(i) == '=') {
                i++;
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i < n && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
                    char q = s.charAt(i);
                    int end = s.indexOf(q, i + 1);
                    if (end < 0) {
                        end = n;
                    }
                    value = Entities.decode(s.substring(i + 1, end));
                    i = Math.min(n, end + 1);
                } else {
                    int vs = i;
                    while (i < n && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '>') {
                        i++;
                    }
                    value = Entities.decode(s.substring(vs, i));
                }
            }
            attrs.putIfAbsent(an, value);
        }
        return n;
    }
}
