package org.biglam.lam.marc.internal;

/**
 * Trims the ISBD punctuation cataloguers put at the end of subfields ({@code "Whitby /"},
 * {@code "London :"}, {@code "Charlton, Lionel,"}), as traject's {@code trim_punctuation} does.
 */
public final class Punctuation {

    private Punctuation() {
    }

    /**
     * Trims white space, trailing {@code , / ; : =}, a trailing period after a word of three or
     * more letters (not after an initial: "Tolkien, J.R.R." keeps its period), and square brackets
     * around the whole value or unbalanced at one end.
     *
     * @param s the value
     * @return the trimmed value, maybe empty
     */
    public static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start) {
            char c = s.charAt(end - 1);
            if (isSpace(c) || c == ',' || c == '/' || c == ';' || c == ':' || c == '=') {
                end--;
            } else {
                break;
            }
        }
        if (end > start && s.charAt(end - 1) == '.' && end - start >= 4) {
            boolean word = true;
            for (int i = end - 4; i < end - 1; i++) {
                if (!Character.isLetterOrDigit(s.charAt(i))) {
                    word = false;
                    break;
                }
            }
            if (word && !(end - 2 >= start && s.charAt(end - 2) == '.')) {
                end--;
                while (end > start && isSpace(s.charAt(end - 1))) {
                    end--;
                }
            }
        }
        if (end > start && (s.charAt(start) == '[' || s.charAt(end - 1) == ']')) {
            int open = 0;
            int close = 0;
            for (int i = start; i < end; i++) {
                char c = s.charAt(i);
                if (c == '[') {
                    open++;
                } else if (c == ']') {
                    close++;
                }
            }
            if (s.charAt(start) == '[' && s.charAt(end - 1) == ']' && open == 1 && close == 1) {
                start++;
                end--;
            } else if (s.charAt(start) == '[' && close == 0) {
                start++;
            } else if (s.charAt(end - 1) == ']' && open == 0) {
                end--;
            }
            while (start < end && isSpace(s.charAt(start))) {
                start++;
            }
            while (end > start && isSpace(s.charAt(end - 1))) {
                end--;
            }
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00a0';
    }
}
