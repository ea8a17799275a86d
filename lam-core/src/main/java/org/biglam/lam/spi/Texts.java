package org.biglam.lam.spi;

/**
 * White space in values, one way for every reader: runs made one space, the ends stripped, in one
 * pass over the characters (no regular expression, no builder).
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class Texts {

    private Texts() {
    }

    /**
     * A value on one line: every run of white space ({@link Character#isWhitespace}) made one
     * space, and none at either end.
     *
     * @param s the text
     * @return the text collapsed; {@code s} itself where nothing changes
     */
    public static String collapse(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ' ? i == 0 || i == n - 1 || s.charAt(i + 1) == ' ' : Character.isWhitespace(c)) {
                char[] buf = new char[n];
                s.getChars(0, n, buf, 0);
                return collapse(buf, 0, n);
            }
        }
        return s;
    }

    /**
     * {@link #collapse(String)} of characters in a buffer (a StAX parser's text, say), making one
     * string.
     *
     * @param buf the buffer
     * @param start the first character
     * @param length how many characters
     * @return the text collapsed
     */
    public static String collapse(char[] buf, int start, int length) {
        if (isCollapsed(buf, start, length, false)) {
            return new String(buf, start, length);
        }
        char[] out = new char[length];
        int o = 0;
        boolean pending = false;
        for (int i = start, end = start + length; i < end; i++) {
            char c = buf[i];
            if (Character.isWhitespace(c)) {
                pending = o > 0;
            } else {
                if (pending) {
                    out[o++] = ' ';
                    pending = false;
                }
                out[o++] = c;
            }
        }
        return new String(out, 0, o);
    }

    /**
     * Whether characters are already as {@link #collapse(char[], int, int)} leaves them, the common
     * case a reader can take as it is: not empty, no white space at either end, none but single
     * spaces between words. One pass, ASCII first.
     *
     * @param buf the buffer
     * @param start the first character
     * @param length how many characters
     * @param noBreakSpace whether a no-break space (U+00A0) counts as white space too (for readers
     *     that collapse it with the rest)
     * @return whether collapsing would change nothing
     */
    public static boolean isCollapsed(char[] buf, int start, int length, boolean noBreakSpace) {
        boolean space = true;
        for (int i = start, end = start + length; i < end; i++) {
            char c = buf[i];
            if (c > ' ' && c < 0x7f) {
                space = false;
            } else if (c == ' ') {
                if (space) {
                    return false;
                }
                space = true;
            } else if (c < 0x80 || Character.isWhitespace(c) || noBreakSpace && c == '\u00a0') {
                return false;
            } else {
                space = false;
            }
        }
        return !space;
    }
}
