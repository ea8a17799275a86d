package org.biglam.lam.iiif.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.biglam.lam.ReadLimits;

/**
 * A fast path for the common document: plain UTF-8 JSON, an object or array at the root, within
 * every limit. It builds the very tree {@link TreeReader} would build from the same bytes (the
 * same node classes and values), and gives up (returns null) on anything else: malformed input,
 * a limit reached or nearly reached, a byte order mark or another encoding, escapes or bytes it
 * does not take, numbers Jackson would read as big integers, trailing commas, content after the
 * root, an empty document. It never accepts what Jackson refuses, so the caller can always fall
 * back to Jackson on the same bytes for the exact outcome: the error and its location, or the
 * tree. Not recursive; not thread-safe (one instance per document).
 */
final class FastJson {

    private static final JsonNodeFactory NODES = TreeBuilder.NODES;

    /** Jackson's default maximum number length ({@code StreamReadConstraints}); kept well below. */
    private static final int MAX_NUMBER = 900;
    /**
     * Distinct names a document may bring before it is left to Jackson, whose symbol table refuses
     * floods of names with colliding hashes; IIIF documents use a few dozen.
     */
    private static final int MAX_NEW_NAMES = 256;

    /** Giving up: not an error, the caller falls back to Jackson. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();

    /** Property names met before, per thread: one String per name, as Jackson's symbol table gives. */
    private static final ThreadLocal<Names> NAMES = ThreadLocal.withInitial(Names::new);

    private final byte[] b;
    private final int end;
    private int pos;
    private final int maxDepth;
    private final int maxString;
    private final int maxName;
    private final Names names;
    /** Names made anew in this document; many distinct names are left to Jackson's symbol table. */
    private int newNames;

    private final TreeBuilder tree = new TreeBuilder();
    private char[] chars;

    private FastJson(byte[] b, int len, ReadLimits limits) {
        this.b = b;
        this.end = len;
        this.maxDepth = limits.maxNestingDepth();
        this.maxString = limits.maxStringLength();
        this.maxName = Math.min(limits.maxStringLength(), 50_000);
        this.names = NAMES.get();
    }

    /**
     * The tree of a document, or null to leave the document to Jackson.
     *
     * @param b the document's bytes, with room for one byte more (a stop byte is written there)
     * @param len how many bytes the document has
     * @param limits the limits Jackson would enforce
     * @return the tree, or null
     */
    static JsonNode parse(byte[] b, int len, ReadLimits limits) {
        if (b.length <= len) {
            return null;
        }
        b[len] = 0; // taken nowhere: every read at the end stops there, and none goes past it
        try {
            return new FastJson(b, len, limits).document();
        } catch (GiveUp e) {
            return null;
        }
    }

    private JsonNode document() {
        skipSpace();
        if (pos >= end || b[pos] != '{' && b[pos] != '[') {
            throw GIVE_UP;
        }
        JsonNode root = containers();
        skipSpace();
        if (pos != end) {
            throw GIVE_UP;
        }
        return root;
    }

    private static final int START = 0;
    private static final int MEMBER = 1;
    private static final int AFTER = 2;

    /** Reads the container at {@code pos} and all it holds. */
    private JsonNode containers() {
        open(b[pos++] == '{');
        int state = START;
        while (true) {
            if (state == START) {
                skipSpace();
                if (b[pos] == (tree.inObject() ? '}' : ']')) {
                    pos++;
                    JsonNode root = tree.close();
                    if (root != null) {
                        return root;
                    }
                    state = AFTER;
                    continue;
                }
                state = MEMBER;
            }
            if (state == MEMBER) {
                if (tree.inObject()) {
                    skipSpace();
                    expect('"');
                    tree.add(name());
                    skipSpace();
                    expect(':');
                }
                skipSpace();
                byte c = b[pos];
                if (c == '{' || c == '[') {
                    pos++;
                    open(c == '{');
                    state = START;
                    continue;
                }
                tree.add(scalar(c));
            }
            skipSpace();
            byte c = b[pos++];
            if (c == ',') {
                state = MEMBER; // a trailing comma then fails on the closing bracket: given up
            } else if (c == (tree.inObject() ? '}' : ']')) {
                JsonNode root = tree.close();
                if (root != null) {
                    return root;
                }
                state = AFTER;
            } else {
                throw GIVE_UP;
            }
        }
    }

    private void open(boolean object) {
        if (tree.depth() + 1 >= maxDepth) {
            throw GIVE_UP;
        }
        tree.open(object);
    }

    private void skipSpace() {
        byte[] b = this.b;
        int p = pos;
        while (p < end) {
            byte c = b[p];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            p++;
        }
        pos = p;
    }

    private void expect(char c) {
        if (b[pos++] != c) {
            throw GIVE_UP;
        }
    }

    /** After a literal or a number: the end of the input, white space, a comma or a closing bracket. */
    private void delimited() {
        if (pos < end) {
            byte c = b[pos];
            if (c != ',' && c != '}' && c != ']' && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                throw GIVE_UP;
            }
        }
    }

    private JsonNode scalar(byte c) {
        switch (c) {
            case '"':
                pos++;
                return NODES.textNode(string(maxString));
            case 't':
                literal("true");
                return NODES.booleanNode(true);
            case 'f':
                literal("false");
                return NODES.booleanNode(false);
            case 'n':
                literal("null");
                return NODES.nullNode();
            default:
                if (c == '-' || c >= '0' && c <= '9') {
                    return number();
                }
                throw GIVE_UP;
        }
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (b[pos++] != word.charAt(i)) {
                throw GIVE_UP;
            }
        }
        delimited();
    }

    /** A number as Jackson's tree reads it: an int, a long, or a double; big integers given up. */
    private JsonNode number() {
        int start = pos;
        boolean negative = b[pos] == '-';
        if (negative) {
            pos++;
        }
        int digitsFrom = pos;
        if (!digit(b[pos])) {
            throw GIVE_UP;
        }
        if (b[pos] == '0' && pos + 1 < end && digit(b[pos + 1])) {
            throw GIVE_UP; // a leading zero
        }
        while (pos < end && digit(b[pos])) {
            pos++;
        }
        int intDigits = pos - digitsFrom;
        boolean fraction = false;
        if (pos < end && b[pos] == '.') {
            fraction = true;
            pos++;
            digits();
        }
        if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
            fraction = true;
            pos++;
            if (b[pos] == '+' || b[pos] == '-') {
                pos++;
            }
            digits();
        }
        delimited();
        if (pos - start > MAX_NUMBER) {
            throw GIVE_UP;
        }
        if (fraction) {
            return NODES.numberNode(Double.parseDouble(new String(b, start, pos - start, StandardCharsets.ISO_8859_1)));
        }
        if (intDigits > 18) {
            throw GIVE_UP;
        }
        long v = 0;
        for (int i = digitsFrom; i < pos; i++) {
            v = v * 10 + (b[i] - '0');
        }
        if (negative) {
            v = -v;
        }
        // Jackson: up to 9 digits an int; 10 digits an int where it fits; else a long
        if (intDigits <= 9 || intDigits == 10 && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            return NODES.numberNode((int) v);
        }
        return NODES.numberNode(v);
    }

    private void digits() {
        if (pos >= end || !digit(b[pos])) {
            throw GIVE_UP;
        }
        while (pos < end && digit(b[pos])) {
            pos++;
        }
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** A property name, after its opening quote: one String per name. */
    private String name() {
        byte[] b = this.b;
        int start = pos;
        int p = start;
        int h = 0;
        while (true) {
            byte c = b[p];
            if (c == '"') {
                break;
            }
            if (c < 0x20 || c == '\\') { // control, escape, or not ASCII (negative)
                fresh();
                return string(maxName);
            }
            h = 31 * h + c;
            p++;
        }
        int len = p - start;
        if (len >= maxName) {
            throw GIVE_UP;
        }
        pos = p + 1;
        String known = names.find(b, start, len, h);
        if (known != null) {
            return known;
        }
        fresh();
        return names.add(b, start, len, h);
    }

    private void fresh() {
        if (++newNames > MAX_NEW_NAMES) {
            throw GIVE_UP;
        }
    }

    /** A string, after its opening quote, shorter than {@code max} chars. */
    private String string(int max) {
        byte[] b = this.b;
        int start = pos;
        int p = plainRun(b, start, end);
        while (true) {
            byte c = b[p];
            if (c == '"') {
                break;
            }
            if (c < 0x20 || c == '\\') { // control, escape, or not ASCII (negative)
                return slowString(start, max);
            }
            p++;
        }
        int len = p - start;
        if (len >= max) {
            throw GIVE_UP;
        }
        pos = p + 1;
        return new String(b, start, len, StandardCharsets.ISO_8859_1);
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * Skips whole 8-byte words of plain string bytes (printable ASCII other than quote and
     * backslash) from {@code p}; the bytes after the returned position are to be looked at one
     * by one.
     */
    private static int plainRun(byte[] b, int p, int end) {
        while (p + 8 <= end) {
            long w = (long) LONGS.get(b, p);
            long quote = w ^ 0x2222222222222222L;
            long backslash = w ^ 0x5C5C5C5C5C5C5C5CL;
            long special = (quote - ONES) & ~quote // a quote byte
                    | (backslash - ONES) & ~backslash // a backslash
                    | (w - 0x2020202020202020L) & ~w // a byte below 0x20
                    | w; // a byte of 0x80 or more
            if ((special & HIGHS) != 0) {
                break;
            }
            p += 8;
        }
        return p;
    }

    /** A string with escapes or multi-byte characters, strictly well-formed UTF-8, from {@code start}. */
    private String slowString(int start, int max) {
        if (chars == null) {
            chars = new char[256];
        }
        int n = 0;
        pos = start;
        while (true) {
            int c = b[pos++];
            if (c == '"') {
                break;
            }
            if (n + 2 > chars.length) {
                chars = Arrays.copyOf(chars, chars.length * 2);
            }
            if (c >= 0x20 && c != '\\') {
                chars[n++] = (char) c;
            } else if (c == '\\') {
                chars[n++] = escape();
            } else if (c < 0) {
                n = utf8(c & 0xFF, n);
            } else {
                throw GIVE_UP; // a control character
            }
            if (n >= max) {
                throw GIVE_UP;
            }
        }
        return new String(chars, 0, n);
    }

    private char escape() {
        int c = b[pos++];
        switch (c) {
            case '"':
            case '\\':
            case '/':
                return (char) c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int d = Character.digit(b[pos++], 16);
                    if (d < 0) {
                        throw GIVE_UP;
                    }
                    v = v << 4 | d;
                }
                return (char) v;
            default:
                throw GIVE_UP;
        }
    }

    /** Decodes one multi-byte UTF-8 sequence led by {@code lead} into {@code chars} at {@code n}. */
    private int utf8(int lead, int n) {
        int cp;
        int more;
        int lo = 0x80;
        int hi = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            cp = lead & 0x1F;
            more = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            cp = lead & 0x0F;
            more = 2;
            if (lead == 0xE0) {
                lo = 0xA0; // no overlong forms
            } else if (lead == 0xED) {
                hi = 0x9F; // no surrogates
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            cp = lead & 0x07;
            more = 3;
            if (lead == 0xF0) {
                lo = 0x90;
            } else if (lead == 0xF4) {
                hi = 0x8F; // nothing above U+10FFFF
            }
        } else {
            throw GIVE_UP;
        }
        for (int i = 0; i < more; i++) {
            int c = b[pos++] & 0xFF;
            if (c < lo || c > hi) {
                throw GIVE_UP;
            }
            lo = 0x80;
            hi = 0xBF;
            cp = cp << 6 | c & 0x3F;
        }
        if (cp >= 0x10000) {
            chars[n++] = Character.highSurrogate(cp);
            chars[n++] = Character.lowSurrogate(cp);
        } else {
            chars[n++] = (char) cp;
        }
        return n;
    }

    /** A direct-mapped cache of ASCII property names by their bytes; bounded, per thread. */
    private static final class Names {
        private static final int SIZE = 1024;
        private final byte[][] bytes = new byte[SIZE][];
        private final String[] strings = new String[SIZE];

        /** The name {@code b[start, start + len)} hashed to {@code h}, if met before; else null. */
        String find(byte[] b, int start, int len, int h) {
            int i = slot(h);
            byte[] k = bytes[i];
            if (k == null || k.length != len) {
                return null;
            }
            for (int j = 0; j < len; j++) { // names are short: a loop beats a vectorised compare
                if (k[j] != b[start + j]) {
                    return null;
                }
            }
            return strings[i];
        }

        /** Makes and remembers the name (interned, as Jackson interns names). */
        String add(byte[] b, int start, int len, int h) {
            int i = slot(h);
            String s = new String(b, start, len, StandardCharsets.ISO_8859_1).intern();
            bytes[i] = Arrays.copyOfRange(b, start, start + len);
            strings[i] = s;
            return s;
        }

        private static int slot(int h) {
            return (h ^ h >>> 16) & (SIZE - 1);
        }
    }
}
