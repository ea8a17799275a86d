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
        char[] out = null;
        int o = 0;
        boolean pending = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                if (out == null) {
                    out = new char[n];
                    s.getChars(0, i, out, 0);
                    o = i;
                }
                pending = o > 0;
            } else if (out != null) {
                if (pending) {
                    out[o++] = ' ';
                    pending = false;
                }
                out[o++] = c;
            }
        }
        return out == null ? s : new String(out, 0, o);
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
}
