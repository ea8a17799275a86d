package org.biglam.lam.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.biglam.lam.spi.FormatProvider;
import org.biglam.lam.spi.Sniff;

/**
 * Detection past a long XML prolog. The probes see the first {@link FormatProvider#PROBE_BYTES}
 * bytes; where those are all prolog (a licence text or a change log in a comment, processing
 * instructions, a document type declaration with a long internal subset), no probe sees the root.
 * Then, and only then, detection reads on, up to {@link #MAX_BYTES}, and hands the probes a
 * look-ahead of the same size made of the prolog's XML declaration, its short processing
 * instructions and its document type declaration without the internal subset, then the document
 * from its root on. Comments are left out. The input itself is read as it is.
 *
 * <p>The bytes are read as ISO 8859-1 (one character a byte, so that the markup, all ASCII, is
 * found in UTF-8 and any other ASCII-compatible encoding alike), or as UTF-16 after its byte order
 * mark.
 */
final class LongProlog {

    /** The most bytes detection reads to find the root behind a prolog: 1 MiB. */
    static final int MAX_BYTES = 1 << 20;

    /** The most characters of the prolog kept (declaration, processing instructions, document type declaration). */
    private static final int KEEP_CHARS = 2048;

    /** The scan ended inside the prolog. */
    private static final int UNFINISHED = -1;
    /** The bytes are not an XML prolog (not XML, or not well-formed there). */
    private static final int NOT_PROLOG = -2;

    /** Reads up to {@code n} bytes from the start of the input, without consuming them. */
    interface Peek {
        /**
         * @param n how many bytes at most
         * @param len set to how many were read
         * @return the bytes
         */
        byte[] peek(int n, int[] len) throws IOException;
    }

    private LongProlog() {
    }

    /**
     * Whether the look-ahead, as long as the probes' and so cut off, ends inside an XML prolog.
     * Cheap where it is false: the look-ahead's first character and root, which the probes have
     * asked {@link Sniff} for already, decide most inputs.
     */
    static boolean endsInProlog(byte[] head, int len) {
        if (len < FormatProvider.PROBE_BYTES) {
            return false; // the whole input: there is no more to see
        }
        // the probes have asked these (each probe's answers are kept for the look-ahead): no decoding
        if (Sniff.firstChar(head, len) != '<' || Sniff.xmlRoot(head, len).isPresent()) {
            return false;
        }
        return scan(Text.of(head, len), null) == UNFINISHED;
    }

    /**
     * The look-ahead past a long prolog, or null when there is none to make (the input is not XML
     * whose look-ahead ends in its prolog, or its prolog goes on past {@link #MAX_BYTES}).
     *
     * @param head the probes' look-ahead
     * @param len how many of its bytes are read
     * @param more reads further
     * @param outLen set to the length of the look-ahead returned
     */
    static byte[] lookPast(byte[] head, int len, Peek more, int[] outLen) throws IOException {
        if (!endsInProlog(head, len)) {
            return null;
        }
        int want = FormatProvider.PROBE_BYTES;
        int[] got = new int[1];
        while (want < MAX_BYTES) {
            want = Math.min(MAX_BYTES, want * 8);
            byte[] bytes = more.peek(want, got);
            Text t = Text.of(bytes, got[0]);
            StringBuilder kept = new StringBuilder();
            int root = scan(t, kept);
            if (root >= 0) {
                return t.condensed(kept, root, outLen);
            }
            if (root == NOT_PROLOG || got[0] < want) {
                return null; // not XML after all, or the input ends in its prolog
            }
        }
        return null;
    }

    /** The look-ahead as characters: bytes one each, or UTF-16 code units after the byte order mark. */
    private static final class Text {
        final String s;
        final Charset charset;
        /** The bytes before the first character (a UTF-16 byte order mark), kept as they are. */
        final byte[] mark;
        /** Where the first character after any byte order mark is. */
        final int start;

        private Text(String s, Charset charset, byte[] mark, int start) {
            this.s = s;
            this.charset = charset;
            this.mark = mark;
            this.start = start;
        }

        /** The bytes as text: UTF-16 after its byte order mark, else one character a byte. */
        static Text of(byte[] b, int len) {
            if (ByteOrderMarks.utf16(b, len)) {
                Charset cs = ByteOrderMarks.bigEndian(b) ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
                return new Text(new String(b, 2, (len - 2) & ~1, cs), cs, new byte[] {b[0], b[1]}, 0);
            }
            int bom = ByteOrderMarks.utf8(b, len);
            // a UTF-8 byte order mark is three characters here, kept as they are
            return new Text(new String(b, 0, len, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1,
                    new byte[0], bom);
        }

        /** The kept prolog and the text from the root on, at most the probes' look-ahead, encoded as the input. */
        byte[] condensed(StringBuilder kept, int root, int[] outLen) {
            int perChar = charset == StandardCharsets.ISO_8859_1 ? 1 : 2;
            int room = (FormatProvider.PROBE_BYTES - mark.length) / perChar;
            StringBuilder out = new StringBuilder(room);
            out.append(s, 0, start).append(kept);
            out.append(s, root, Math.min(s.length(), root + room - out.length()));
            if (perChar == 2 && out.length() > 0 && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
                out.setLength(out.length() - 1);
            }
            byte[] body = out.toString().getBytes(charset);
            byte[] b = new byte[FormatProvider.PROBE_BYTES];
            System.arraycopy(mark, 0, b, 0, mark.length);
            System.arraycopy(body, 0, b, mark.length, body.length);
            outLen[0] = mark.length + body.length;
            return b;
        }
    }

    /**
     * Scans the prolog: the index of the root's {@code <}, or {@link #UNFINISHED}, or
     * {@link #NOT_PROLOG}. Into {@code kept} (if not null) go the declaration, the short processing
     * instructions and the document type declaration without its internal subset, a line each.
     */
    private static int scan(Text text, StringBuilder kept) {
        String t = text.s;
        int n = t.length();
        int i = text.start;
        while (true) {
            while (i < n && space(t.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return UNFINISHED;
            }
            if (t.charAt(i) != '<') {
                return NOT_PROLOG;
            }
            if (i + 1 >= n) {
                return UNFINISHED;
            }
            char c = t.charAt(i + 1);
            if (c == '?') {
                int end = t.indexOf("?>", i + 2);
                if (end < 0) {
                    return UNFINISHED;
                }
                keep(kept, t, i, end + 2, "\n");
                i = end + 2;
            } else if (c == '!') {
                if (t.startsWith("<!--", i)) {
                    int end = t.indexOf("-->", i + 4);
                    if (end < 0) {
                        return UNFINISHED;
                    }
                    i = end + 3;
                } else if (t.startsWith("<!DOCTYPE", i)) {
                    i = doctype(t, i, kept);
                    if (i < 0) {
                        return i;
                    }
                } else {
                    return n - i < "<!DOCTYPE".length() && ("<!DOCTYPE".startsWith(t.substring(i))
                            || "<!--".startsWith(t.substring(i))) ? UNFINISHED : NOT_PROLOG;
                }
            } else if (Character.isLetter(c) || c == '_' || c == ':' || c >= 0x80) {
                return i;
            } else {
                return NOT_PROLOG;
            }
        }
    }

    /** Past a document type declaration at {@code i}: the index after it, or {@link #UNFINISHED}. */
    private static int doctype(String t, int i, StringBuilder kept) {
        int n = t.length();
        int j = i + "<!DOCTYPE".length();
        int subset = -1;
        while (j < n) {
            char c = t.charAt(j);
            if (c == '"' || c == '\'') {
                int end = t.indexOf(c, j + 1);
                if (end < 0) {
                    return UNFINISHED;
                }
                j = end + 1;
            } else if (c == '[' && subset < 0) {
                subset = j;
                j = subsetEnd(t, j + 1);
                if (j < 0) {
                    return UNFINISHED;
                }
            } else if (c == '>') {
                if (kept != null) {
                    int head = subset < 0 ? j + 1 : subset;
                    keep(kept, t, i, head, subset < 0 ? "\n" : ">\n");
                }
                return j + 1;
            } else {
                j++;
            }
        }
        return UNFINISHED;
    }

    /** The index after the {@code ]} that ends an internal subset starting at {@code j}, or {@link #UNFINISHED}. */
    private static int subsetEnd(String t, int j) {
        int n = t.length();
        while (j < n) {
            char c = t.charAt(j);
            int end;
            if (c == ']') {
                return j + 1;
            } else if (c == '"' || c == '\'') {
                end = t.indexOf(c, j + 1);
                j = end < 0 ? -1 : end + 1;
            } else if (t.startsWith("<!--", j)) {
                end = t.indexOf("-->", j + 4);
                j = end < 0 ? -1 : end + 3;
            } else if (t.startsWith("<?", j)) {
                end = t.indexOf("?>", j + 2);
                j = end < 0 ? -1 : end + 2;
            } else {
                j++;
                continue;
            }
            if (j < 0) {
                return UNFINISHED;
            }
        }
        return UNFINISHED;
    }

    /** Keeps {@code t[from, to)} and {@code end}, if it is short and the kept prolog stays short. */
    private static void keep(StringBuilder kept, String t, int from, int to, String end) {
        if (kept != null && kept.length() + to - from + end.length() <= KEEP_CHARS) {
            kept.append(t, from, to).append(end);
        }
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
