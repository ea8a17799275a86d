package org.biglam.lam.ead.internal;

/** White space and markers in captured text. */
final class Text {

    /** Separates items (names, paragraphs) inside one capture. */
    static final char SEP = '\u0001';

    private Text() {
    }

    /** Runs of white space to one space, stripped; null when nothing is left. */
    static String clean(CharSequence s, int from, int to) {
        int len = to - from;
        if (len <= 0) {
            return null;
        }
        char[] in = new char[len];
        if (s instanceof StringBuilder) {
            ((StringBuilder) s).getChars(from, to, in, 0);
        } else if (s instanceof String) {
            ((String) s).getChars(from, to, in, 0);
        } else {
            for (int i = 0; i < len; i++) {
                in[i] = s.charAt(from + i);
            }
        }
        int n = 0;
        boolean space = false;
        for (int i = 0; i < len; i++) {
            char c = in[i];
            if (c <= ' ' || c == '\u00a0' || c > 0x7f && Character.isWhitespace(c)) {
                space = n > 0;
            } else {
                if (space && c != ',' && c != ';') {
                    in[n++] = ' ';
                }
                space = false;
                in[n++] = c;
            }
        }
        return n == 0 ? null : new String(in, 0, n);
    }

    static String clean(CharSequence s) {
        return s == null ? null : clean(s, 0, s.length());
    }

    /** A name or term without the separators left at its end by an empty last part. */
    static String term(CharSequence s) {
        String v = clean(s);
        if (v == null) {
            return null;
        }
        int e = v.length();
        while (e > 0 && (v.charAt(e - 1) == ',' || v.charAt(e - 1) == ';' || v.charAt(e - 1) == ' '
                || v.charAt(e - 1) == '-' && e > 1 && v.charAt(e - 2) == '-')) {
            e--;
        }
        return e == 0 ? null : v.substring(0, e);
    }

    /** The items between {@link #SEP} markers, each cleaned, blanks left out. */
    static java.util.List<String> items(CharSequence s) {
        return items(s, true);
    }

    private static java.util.List<String> items(CharSequence cs, boolean terms) {
        java.util.List<String> out = new java.util.ArrayList<>(2);
        String s = cs.toString();
        int start = 0;
        while (start <= s.length()) {
            int end = s.indexOf(SEP, start);
            if (end < 0) {
                end = s.length();
            }
            String v = terms ? term(s.substring(start, end)) : clean(s, start, end);
            if (v != null) {
                out.add(v);
            }
            start = end + 1;
        }
        return out;
    }

    /** Paragraphs (between {@link #SEP} markers) cleaned and joined by a new line. */
    static String paragraphs(CharSequence s) {
        java.util.List<String> items = items(s, false);
        return items.isEmpty() ? null : String.join("\n", items);
    }
}
