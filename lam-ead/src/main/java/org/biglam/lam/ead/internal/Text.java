package org.biglam.lam.ead.internal;

/**
 * White space and markers in captured text. The text of a capture is kept in a {@link Buf}, a char
 * array the parser's text events are copied into, and cleaned from there into strings without
 * intermediate copies.
 */
final class Text {

    /** Separates items (names, paragraphs) inside one capture. */
    static final char SEP = '\u0001';

    private Text() {
    }

    /** White space for cleaning: control characters (the {@link #SEP} marker too), no-break space, Unicode spaces. */
    private static boolean space(char c) {
        return c <= ' ' || c == '\u00a0' || c > 0x7f && Character.isWhitespace(c);
    }

    /**
     * How far {@code in[from, to)} is clean already, from its start: visible ASCII characters and
     * single spaces between them, none before a comma or semicolon (most text is like this).
     *
     * @return the index of the first character that cleaning could change or drop, {@code to} if none
     */
    static int cleanUpTo(char[] in, int from, int to) {
        int i = from;
        while (i < to) {
            char c = in[i];
            if (c > ' ' && c < 0x7f) {
                i++;
            } else if (c == ' ' && i > from && i + 1 < to) {
                char d = in[i + 1];
                if (d > ' ' && d < 0x7f && d != ',' && d != ';') {
                    i += 2;
                } else {
                    return i;
                }
            } else {
                return i;
            }
        }
        return i;
    }

    /**
     * Cleans {@code in[from, to)} into {@code out} from {@code at}: runs of white space to one space,
     * none at either end, none before a comma or semicolon.
     *
     * @return the end of what was written ({@code at} when nothing was)
     */
    private static int clean(char[] in, int from, int to, char[] out, int at) {
        return clean(in, from, cleanUpTo(in, from, to), to, out, at);
    }

    /** The same, {@code in[from, i)} being {@linkplain #cleanUpTo clean already}. */
    private static int clean(char[] in, int from, int i, int to, char[] out, int at) {
        System.arraycopy(in, from, out, at, i - from);
        int n = at + (i - from);
        boolean space = false;
        while (i < to) {
            char c = in[i];
            if (c > ' ' && c < 0x7f && !space) {
                // the commonest case first: a visible ASCII character after one, and the clean run it starts
                int end = cleanUpTo(in, i, to);
                System.arraycopy(in, i, out, n, end - i);
                n += end - i;
                i = end;
                continue;
            }
            i++;
            if (space(c)) {
                space = n > at;
            } else {
                if (space && c != ',' && c != ';') {
                    out[n++] = ' ';
                }
                space = false;
                out[n++] = c;
            }
        }
        return n;
    }

    /** A name or term without the separators left at its end by an empty last part. */
    static String term(String v) {
        if (v == null) {
            return null;
        }
        int e = v.length();
        while (e > 0 && (v.charAt(e - 1) == ',' || v.charAt(e - 1) == ';' || v.charAt(e - 1) == ' '
                || v.charAt(e - 1) == '-' && e > 1 && v.charAt(e - 2) == '-')) {
            e--;
        }
        return e == 0 ? null : e == v.length() ? v : v.substring(0, e);
    }

    /**
     * The characters of one capture: the parser's text events copied in, markers and spaces added
     * between elements; cleaned into strings through a scratch array of its own.
     */
    static final class Buf implements CharSequence {
        private static final int SMALL = 256;
        private char[] a = new char[SMALL];
        private char[] scratch = new char[SMALL];
        private int n;

        @Override
        public int length() {
            return n;
        }

        @Override
        public char charAt(int i) {
            if (i < 0 || i >= n) {
                throw new IndexOutOfBoundsException(i);
            }
            return a[i];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(a, start, end - start);
        }

        @Override
        public String toString() {
            return new String(a, 0, n);
        }

        /** Empties the buffer (a large array is given back). */
        void clear() {
            n = 0;
            if (a.length > 1 << 16) {
                a = new char[SMALL];
                scratch = new char[SMALL];
            }
        }

        private void room(int more) {
            if (n + more > a.length) {
                a = java.util.Arrays.copyOf(a, Math.max(a.length * 2, n + more));
            }
        }

        void append(char c) {
            if (n == a.length) {
                room(1);
            }
            a[n++] = c;
        }

        void append(String s) {
            int len = s.length();
            room(len);
            s.getChars(0, len, a, n);
            n += len;
        }

        void append(char[] src, int off, int len) {
            room(len);
            System.arraycopy(src, off, a, n, len);
            n += len;
        }

        /** The first index of {@code c}, or -1. */
        int indexOf(char c) {
            for (int i = 0; i < n; i++) {
                if (a[i] == c) {
                    return i;
                }
            }
            return -1;
        }

        private char[] scratch(int len) {
            if (scratch.length < len) {
                scratch = new char[Math.max(len, scratch.length * 2)];
            }
            return scratch;
        }

        /** {@code [from, to)} cleaned: runs of white space to one space, stripped; null when nothing is left. */
        String clean(int from, int to) {
            if (to - from <= 0) {
                return null;
            }
            int i = Text.cleanUpTo(a, from, to);
            if (i == to) {
                return new String(a, from, to - from); // clean already, and not empty: its first character is visible
            }
            char[] out = scratch(to - from);
            int len = Text.clean(a, from, i, to, out, 0);
            return len == 0 ? null : new String(out, 0, len);
        }

        /** All of it cleaned; null when nothing is left. */
        String clean() {
            return clean(0, n);
        }

        /** All of it cleaned as a {@linkplain Text#term(String) term}. */
        String term() {
            return Text.term(clean());
        }

        /**
         * The items between {@link Text#SEP} markers from {@code from} on, each cleaned as a
         * {@linkplain Text#term(String) term}, blanks left out.
         */
        java.util.List<String> terms(int from) {
            java.util.List<String> out = new java.util.ArrayList<>(2);
            int start = from;
            while (start <= n) {
                int end = start;
                while (end < n && a[end] != SEP) {
                    end++;
                }
                String v = Text.term(clean(start, end));
                if (v != null) {
                    out.add(v);
                }
                start = end + 1;
            }
            return out;
        }

        /**
         * Paragraphs (between {@link Text#SEP} markers) cleaned and joined by {@code join} (a new
         * line, or a space); null when nothing is left.
         */
        String paragraphs(char join) {
            char[] out = scratch(n + 1);
            int len = 0;
            int start = 0;
            while (start <= n) {
                int i = Text.cleanUpTo(a, start, n); // stops at the marker, if not before
                int end = i;
                while (end < n && a[end] != SEP) {
                    end++;
                }
                int at = len > 0 ? len + 1 : 0;
                int e = Text.clean(a, start, i, end, out, at);
                if (e > at) {
                    if (at > 0) {
                        out[len] = join;
                    }
                    len = e;
                }
                start = end + 1;
            }
            return len == 0 ? null : new String(out, 0, len);
        }
    }
}
