package org.biglam.lam.ead.internal;

/** White space and markers in captured text. */
final class Text {

    /** Separates items (names, paragraphs) inside one capture. */
    static final char SEP = '\u0001';

    private Text() {
    }

    /** Runs of white space to one space, stripped; null when nothing is left. */
    static String clean(CharSequence s, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == SEP || c == '\u00a0') {
                space = sb.length() > 0;
            } else {
                if (space && c != ',' && c != ';') {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        return sb.length() == 0 ? null : sb.toString();
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

    private static java.util.List<String> items(CharSequence s, boolean terms) {
        java.util.List<String> out = new java.util.ArrayList<>(2);
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == SEP) {
                String v = terms ? term(s.subSequence(start, i)) : clean(s, start, i);
                if (v != null) {
                    out.add(v);
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** Paragraphs (between {@link #SEP} markers) cleaned and joined by a new line. */
    static String paragraphs(CharSequence s) {
        java.util.List<String> items = items(s, false);
        return items.isEmpty() ? null : String.join("\n", items);
    }
}
