package org.biglam.lam.spi.vocab;

import java.util.Locale;
import java.util.Set;

/**
 * The ISBD punctuation cataloguers put at the end of MARC subfields ({@code "Whitby /"},
 * {@code "London :"}, {@code "Charlton, Lionel,"}, {@code "1905."}) trimmed, as traject's
 * {@code trim_punctuation} does, and the placeholders for an unknown place or publisher
 * ({@code [S.l.]}, {@code [s.n.]}) told apart: one rule for MARC and for the formats whose values
 * come from MARC (MODS made by LC's MARC-to-MODS stylesheet keeps the punctuation). A value that
 * really ends in {@code ?} or {@code !}, an initial ({@code Smith, J.}) and a known abbreviation
 * ({@code Ford Motor Co.}, {@code etc.}) keep theirs. Thread-safe.
 *
 * @since 0.1
 */
public final class Punctuation {

    /** Words whose period is part of them: a heading ending in one keeps it ("strips, etc."). */
    private static final Set<String> ABBREVIATIONS = Set.of("etc", "jr", "sr", "inc", "co", "ltd", "corp", "bros",
            "dept", "univ", "esq", "st", "ste", "mt", "ft", "no", "nos", "vol", "vols", "ed", "eds", "comp", "comps",
            "trans", "tr", "ill", "illus", "ca", "cm", "mm", "pp", "approx", "assn", "assoc", "inst", "natl", "govt",
            "dr", "mr", "mrs", "ms", "prof", "rev", "gen", "col", "capt", "lt", "sgt", "hon", "bart", "pseud", "fl",
            "mss", "publ", "hrsg", "bd", "bde", "aufl", "éd", "impr", "réimpr", "cie");

    /** Placeholders for an unknown place or publisher, by their letters and periods, lowercased. */
    private static final Set<String> PLACEHOLDERS = Set.of("s.l", "s.n", "s.l.s.n", "s.ln", "sineloco",
            "sinenomine", "s.e", "s.ed", "s.p", "s.i", "o.o", "o.v", "o.n", "b.m", "b.i", "б.м", "б.и", "m.n", "n.p",
            "n.pub", "sanslieu", "sansnom", "placeofpublicationnotidentified", "publishernotidentified",
            "placeofproductionnotidentified", "producernotidentified", "lieudepublicationnonidentifié",
            "éditeurnonidentifié", "verlagnichtermittelt", "erscheinungsortnichtermittelt");

    private Punctuation() {
    }

    /**
     * Whether a place or publisher statement is only a placeholder for an unknown one:
     * {@code [S.l.]}, {@code [s.n.]}, {@code [s.n.]،}, {@code [Place of publication not identified]},
     * {@code [o.O.]}, {@code [б.и.]} and their kin, whatever punctuation or brackets surround them.
     *
     * @param s the statement
     * @return whether it says nothing
     */
    public static boolean placeholder(String s) {
        // most values are a real name: no period and none of the words of the spelled-out forms
        if (s.length() > 48 || s.indexOf('.') < 0 && s.indexOf("identifi") < 0 && s.indexOf("ermittelt") < 0
                && s.indexOf("ine ") < 0 && s.indexOf("ans ") < 0) {
            return false;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c) || c == '.') {
                sb.append(c);
            }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == '.') {
            end--;
        }
        return end > 0 && PLACEHOLDERS.contains(sb.substring(0, end).toLowerCase(Locale.ROOT));
    }

    /**
     * Trims white space, trailing {@code , / ; : =} (and the Arabic comma and semicolon), a
     * trailing period after a word of three or more letters (not after an initial: "Tolkien, J.R.R."
     * and "Smith, J." keep their period; nor after an abbreviation: "Comic books, strips, etc."),
     * and square brackets around the whole value or unbalanced at one end.
     *
     * @param s the value
     * @return the trimmed value, maybe empty
     */
    public static String trim(String s) {
        return trim(s, true);
    }

    /**
     * As {@link #trim(String)}, but square brackets are kept: for a value whose brackets may be its
     * own, a title part ({@code [Brief]} written as nonSort {@code [} and title {@code Brief]}) or a
     * name.
     *
     * @param s the value
     * @return the trimmed value, maybe empty
     */
    public static String trimEnd(String s) {
        return trim(s, false);
    }

    private static String trim(String s, boolean brackets) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start) {
            char c = s.charAt(end - 1);
            if (isSpace(c) || c == ',' || c == '/' || c == ';' || c == ':' || c == '=' || c == '\u060C'
                    || c == '\u061B') {
                end--;
            } else {
                break;
            }
        }
        if (end > start && s.charAt(end - 1) == '.' && end - start >= 4) {
            // the period closes a word of three letters or more, or a cataloguer's bracket ([Map of Whitby].)
            boolean word = true;
            for (int i = s.charAt(end - 2) == ']' ? end - 1 : end - 4; i < end - 1; i++) {
                if (!Character.isLetterOrDigit(s.charAt(i))) {
                    word = false;
                    break;
                }
            }
            if (word && !(end - 2 >= start && s.charAt(end - 2) == '.') && !abbreviation(s, start, end - 1)) {
                end--;
                while (end > start && isSpace(s.charAt(end - 1))) {
                    end--;
                }
            }
        }
        if (brackets && end > start && (s.charAt(start) == '[' || s.charAt(end - 1) == ']')) {
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

    /** Whether the word before the period at {@code dot} is an abbreviation that keeps it. */
    private static boolean abbreviation(String s, int start, int dot) {
        int w = dot;
        while (w > start && Character.isLetter(s.charAt(w - 1))) {
            w--;
        }
        return w < dot && dot - w <= 6 && ABBREVIATIONS.contains(s.substring(w, dot).toLowerCase(Locale.ROOT));
    }

    private static boolean isSpace(char c) {
        // with the directional marks that 880 fields carry around their ISBD punctuation
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00a0' || c == '\u200e' || c == '\u200f'
                || c >= '\u202a' && c <= '\u202e';
    }
}
