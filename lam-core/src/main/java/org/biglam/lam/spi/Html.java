package org.biglam.lam.spi;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * HTML as plain text, for values that carry markup: IIIF labels and metadata, Dublin Core
 * descriptions whose HTML was escaped into the XML (Omeka, DSpace). One linear scan, no parser, no
 * network: tags and comments go, {@code script} and {@code style} content goes, block elements break
 * lines, character references are decoded ({@link Entities}).
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class Html {

    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r]+");
    private static final Pattern SPACE_NL = Pattern.compile(" ?\n ?");
    private static final Pattern NEWLINES = Pattern.compile("\n{2,}");

    private Html() {
    }

    /**
     * Whether a value holds a tag ({@code <p>}, {@code </i>}, {@code <br/>}): a {@code <} followed by
     * a letter or {@code /}, and a {@code >} after it. A value without one is no HTML to strip.
     *
     * @param s the value
     * @return whether it holds a tag
     */
    public static boolean hasTag(String s) {
        for (int i = s.indexOf('<'); i >= 0 && i + 1 < s.length(); i = s.indexOf('<', i + 1)) {
            char c = s.charAt(i + 1);
            if ((c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/') && s.indexOf('>', i + 2) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * HTML as text: tags go (a {@code >} inside a quoted attribute value is no tag's end), comments
     * go, and the content of {@code script} and {@code style} elements goes with them; {@code br},
     * {@code p}, {@code div} and {@code li} break lines. A {@code <} that starts no tag (one not
     * followed by a letter, {@code /}, {@code !} or {@code ?}), or a tag never closed, is text.
     * Character references are decoded after the tags are gone (so {@code &lt;b&gt;} stays text),
     * a no-break space is a space, and runs of white space are collapsed, lines kept.
     *
     * @param s the HTML
     * @return the text, stripped
     */
    public static String toText(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c != '<' || i + 1 >= n || !startsTag(s.charAt(i + 1))) {
                sb.append(c);
                i++;
                continue;
            }
            if (s.startsWith("<!--", i)) {
                int close = s.indexOf("-->", i + 4);
                i = close < 0 ? n : close + 3;
                continue;
            }
            int end = tagEnd(s, i + 1);
            if (end < 0) {
                sb.append(s, i, n); // never closed: text, and so is all after it (no tag can close there either)
                break;
            }
            boolean closing = s.charAt(i + 1) == '/';
            int nameStart = closing ? i + 2 : i + 1;
            int nameEnd = nameStart;
            while (nameEnd < end && Character.isLetterOrDigit(s.charAt(nameEnd))) {
                nameEnd++;
            }
            String name = s.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
            if (name.equals("br") || name.equals("p") || name.equals("div") || name.equals("li") && !closing) {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                    sb.append('\n');
                }
            }
            i = end + 1;
            if (!closing && (name.equals("script") || name.equals("style")) && s.charAt(end - 1) != '/') {
                i = rawTextEnd(s, i, name); // their content is code, not text
            }
        }
        // references decoded (after the tags are gone, so that &lt;b&gt; stays text); HTML's no-break
        // space, as &nbsp; or as it is, is a space here, so that it is collapsed and stripped like one
        String text = Entities.decode(sb.toString()).replace('\u00A0', ' ');
        // collapse runs of spaces on each line
        if (!needsCollapse(text)) {
            return text.strip();
        }
        String out = NEWLINES.matcher(SPACE_NL.matcher(SPACES.matcher(text).replaceAll(" ")).replaceAll("\n"))
                .replaceAll("\n");
        return out.strip();
    }

    private static boolean startsTag(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '!' || c == '?';
    }

    /** The {@code >} that ends the tag whose name starts at {@code from}, quoted values passed over; -1 if none. */
    private static int tagEnd(String s, int from) {
        int n = s.length();
        for (int j = from; j < n; j++) {
            char c = s.charAt(j);
            if (c == '>') {
                return j;
            }
            if ((c == '"' || c == '\'') && afterEquals(s, from, j)) {
                int close = s.indexOf(c, j + 1);
                if (close < 0) {
                    return s.indexOf('>', j + 1); // an unbalanced quote: the first > ends the tag all the same
                }
                j = close;
            }
        }
        return -1;
    }

    /** Whether the character before {@code j}, spaces passed over, is {@code =}: a quote there starts a value. */
    private static boolean afterEquals(String s, int from, int j) {
        int k = j - 1;
        while (k > from && s.charAt(k) == ' ') {
            k--;
        }
        return s.charAt(k) == '=';
    }

    /**
     * Where the raw text of a {@code script} or {@code style} element starting at {@code from} ends:
     * after its end tag, else at the end.
     */
    private static int rawTextEnd(String s, int from, String name) {
        int n = s.length();
        for (int j = s.indexOf("</", from); j >= 0; j = s.indexOf("</", j + 2)) {
            if (s.regionMatches(true, j + 2, name, 0, name.length())) {
                int gt = s.indexOf('>', j + 2 + name.length());
                return gt < 0 ? n : gt + 1;
            }
        }
        return n;
    }

    private static boolean needsCollapse(CharSequence s) {
        char prev = 'x';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\r' || c == '\f' || c == 0x0B || c == '\n' && (prev == ' ' || prev == '\n')
                    || c == ' ' && (prev == ' ' || prev == '\n')) {
                return true;
            }
            prev = c;
        }
        return false;
    }
}
