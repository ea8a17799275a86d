package org.biglam.lam.spi.vocab;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Centuries written in words or numerals, for {@link Dates#yearsIn}: {@code 17th century},
 * {@code 17th cent.}, {@code seventeenth century}, {@code 18. Jahrhundert}, {@code 18. Jh.},
 * {@code XVIIe siècle}, {@code XVIIIe s.}, {@code 17e eeuw}, {@code siglo XVII}, {@code sec. XVII},
 * {@code s. XVII}, {@code saec. XV}, {@code secolul al XVII-lea}, ranges of them
 * ({@code 17th-18th century}, {@code 17./18. Jh.}, {@code XVIe-XVIIe siècles}, {@code siglos XVI y XVII}),
 * each narrowed by a word before it ({@code early}, {@code mid-}, {@code late}, {@code first half of the},
 * {@code last quarter of the}, {@code 3/4}, {@code Anfang des}, {@code fin du}, {@code finales del},
 * {@code sfârșitul}, ...). A numeral counts only next to a century word, so
 * {@code Louis XIV}, {@code Part II} or {@code vol. XVII} are no date; a century before Christ
 * ({@code 5th century BC}, {@code 6. Jh. v. Chr.}) is none either. Centuries from the 6th to the
 * 21st only, as {@link Dates#yearsIn} reads years from 500.
 */
final class Centuries {

    /** Ordinal kinds, as bits. */
    private static final int EN = 1; // 17th, 1st, 2nd, 3rd
    private static final int WORD = 2; // seventeenth
    private static final int DOT = 4; // 17. (German: the period makes the ordinal)
    private static final int SUFFIXED = 8; // 17e, 17ème, 17de (French, Dutch)
    private static final int ROMAN = 16; // XVII
    private static final int ROMAN_SUFFIXED = 32; // XVIIe, XVIIᵉ

    /** Century words written after their numeral, with the kinds of numeral each takes. */
    private static final Map<String, Integer> AFTER = Map.ofEntries(
            Map.entry("century", EN | WORD | ROMAN), Map.entry("centuries", EN | WORD | ROMAN),
            Map.entry("cent", EN | WORD), Map.entry("c", EN),
            Map.entry("jahrhundert", DOT | ROMAN), Map.entry("jahrhunderts", DOT | ROMAN),
            Map.entry("jahrhunderte", DOT | ROMAN), Map.entry("jahrhunderten", DOT | ROMAN),
            Map.entry("jh", DOT | ROMAN), Map.entry("jhs", DOT | ROMAN), Map.entry("jhdt", DOT | ROMAN),
            Map.entry("jhd", DOT | ROMAN),
            Map.entry("siècle", SUFFIXED | ROMAN | ROMAN_SUFFIXED),
            Map.entry("siècles", SUFFIXED | ROMAN | ROMAN_SUFFIXED),
            Map.entry("siecle", SUFFIXED | ROMAN | ROMAN_SUFFIXED),
            Map.entry("siecles", SUFFIXED | ROMAN | ROMAN_SUFFIXED),
            Map.entry("s", SUFFIXED | ROMAN_SUFFIXED),
            Map.entry("eeuw", SUFFIXED | ROMAN), Map.entry("eeuwen", SUFFIXED | ROMAN),
            Map.entry("secolo", ROMAN), Map.entry("secoli", ROMAN));

    /** Century words written before their Roman numeral (Spanish, Italian, Portuguese, Latin). */
    private static final Set<String> BEFORE = Set.of("siglo", "siglos", "sec", "secc", "secolo", "secoli", "século",
            "séculos", "seculo", "saec", "saeculum", "sæc", "s", "secolul", "secolului", "secol", "secolele",
            "secolelor");

    /** Words joining the two centuries of a range. */
    private static final Set<String> AND = Set.of("and", "or", "to", "und", "oder", "bis", "et", "ou", "au", "y", "o",
            "a", "al", "e", "en", "tot", "of");

    /** Words between a narrowing word and its century ("first half of the"). */
    private static final Set<String> ARTICLES = Set.of("of", "the", "des", "du", "del", "de", "dello", "della", "dem",
            "d", "le", "il", "a", "al");

    private static final Set<String> EARLY = Set.of("early", "beginning", "start", "anfang", "beginn", "frühes",
            "frühen", "début", "debut", "commencement", "principios", "principio", "comienzos", "inicios", "inizio",
            "begin", "începutul", "inceputul", "început", "inceput", "înc", "inc");
    private static final Set<String> MID = Set.of("mid", "middle", "mitte", "milieu", "mediados", "metà", "midden",
            "mijlocul", "mijl", "jumătatea", "jumatatea");
    private static final Set<String> LATE = Set.of("late", "end", "ende", "spätes", "späten", "fin", "finales", "fines",
            "final", "fine", "eind", "sfârșitul", "sfârşitul", "sfarsitul", "sfărșitul", "sf");
    private static final Set<String> HALF = Set.of("half", "hälfte", "moitié", "moitie", "mitad", "metà", "jumătate",
            "jumatate");
    private static final Set<String> FIRST = Set.of("first", "1", "1st", "erste", "ersten", "première", "premiere",
            "primera", "prima", "primul");
    private static final Set<String> SECOND = Set.of("second", "2", "2nd", "zweite", "zweiten", "seconde",
            "deuxième", "segunda", "seconda", "latter", "doua", "ii");

    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("sixth", 6),
            Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10),
            Map.entry("eleventh", 11), Map.entry("twelfth", 12), Map.entry("thirteenth", 13),
            Map.entry("fourteenth", 14), Map.entry("fifteenth", 15), Map.entry("sixteenth", 16),
            Map.entry("seventeenth", 17), Map.entry("eighteenth", 18), Map.entry("nineteenth", 19),
            Map.entry("twentieth", 20));

    private static final Set<String> QUARTER = Set.of("quarter", "sfert", "viertel", "quart");
    private static final Set<String> THIRD = Set.of("third", "3", "3rd", "dritte", "dritten", "troisième",
            "tercera", "terzo");
    private static final Set<String> FOURTH = Set.of("fourth", "last", "4", "4th", "vierte", "vierten", "letzte",
            "letzten", "dernier", "ultimul", "último", "ultimo");

    private static final String[] ROMANS = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi",
        "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx", "xxi"};

    /** Suffixes of a French or Dutch ordinal: 17e, 17ème, 1er, 17de, XVIIᵉ. */
    private static final Set<String> SUFFIXES = Set.of("e", "è", "ème", "eme", "er", "ère", "de", "ste", "\u1d49");

    /** Narrowings, as the first and last year within the century (00 to 99). */
    private static final int[] WHOLE = {0, 99};

    private final String s;
    private final int[] starts;
    private final int[] ends;
    private final String[] words;
    private final int count;

    private Centuries(String s, int[] starts, int[] ends, int count) {
        this.s = s;
        this.starts = starts;
        this.ends = ends;
        this.count = count;
        this.words = new String[count];
    }

    /**
     * The span of the centuries written in a text.
     *
     * @param s the text
     * @return {lowest year, highest year}, or null if the text names no century
     */
    static int @Nullable [] in(String s) {
        int n = s.length();
        int letter = 0;
        while (letter < n && !Character.isLetter(s.charAt(letter))) {
            letter++;
        }
        if (letter == n) {
            return null; // digits and punctuation only (1885-1890, 18--): no century word
        }
        int[] starts = null;
        int[] ends = null;
        int count = 0;
        boolean letters = false;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(s.charAt(i))) {
                letters |= !isDigit(s.charAt(i));
                i++;
            }
            if (starts == null) {
                starts = new int[8];
                ends = new int[8];
            } else if (count == starts.length) {
                starts = java.util.Arrays.copyOf(starts, count * 2);
                ends = java.util.Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count] = i;
            count++;
        }
        if (!letters || count < 2) {
            return null; // no century word, or no numeral beside it
        }
        return new Centuries(s, starts, ends, count).scan();
    }

    private int[] scan() {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int k = 0; k < count; k++) {
            // every century word begins with c, e, j or s (century, eeuw, Jahrhundert, siècle, siglo, sec.)
            char c0 = Character.toLowerCase(s.charAt(starts[k]));
            if (c0 != 'c' && c0 != 's' && c0 != 'j' && c0 != 'e') {
                continue;
            }
            String w = word(k);
            int[] span = null;
            Integer kinds = AFTER.get(w);
            if (kinds != null && k > 0) {
                span = after(k, kinds);
            }
            if (span == null && BEFORE.contains(w) && k + 1 < count) {
                span = before(k);
            }
            if (span != null) {
                lo = Math.min(lo, span[0]);
                hi = Math.max(hi, span[1]);
            }
        }
        return lo == Integer.MAX_VALUE ? null : new int[] {lo, hi};
    }

    /** A century word at {@code k} after its numeral (or a range of two): the span, or null. */
    private int @Nullable [] after(int k, int kinds) {
        String w = word(k);
        boolean abbreviated = w.equals("c") || w.equals("s");
        if (abbreviated && !(ends[k] < s.length() && s.charAt(ends[k]) == '.')) {
            return null; // c. and s. only as abbreviations
        }
        int last = ordinal(k - 1, kinds);
        if (last < 0 || !joined(k - 1, k, kind(k - 1, kinds))) {
            return null;
        }
        int[] lastPart = narrowing(k - 1);
        int from = lastPart[2];
        int first = -1;
        int[] firstPart = null;
        // a range: "17th-18th", "17./18.", "XVIe-XVIIe", "17th and 18th", "late 17th-early 18th"
        if (from - 1 >= 0 && ordinal(from - 1, kinds) >= 0 && rangeMark(from - 1, from, kind(from - 1, kinds))) {
            first = ordinal(from - 1, kinds);
            firstPart = narrowing(from - 1);
        } else if (from - 2 >= 0 && AND.contains(word(from - 1)) && ordinal(from - 2, kinds) >= 0
                && spaces(from - 2, from - 1, kind(from - 2, kinds)) && spaces(from - 1, from, 0)) {
            first = ordinal(from - 2, kinds);
            firstPart = narrowing(from - 2);
        }
        if (beforeChrist(k)) {
            return null;
        }
        return span(first, firstPart, last, lastPart);
    }

    /**
     * A century word at {@code k} before its Roman numeral (or a range of two): the span, or null.
     * Romanian writes "secolul al XIX-lea": the article and the ending are passed over.
     */
    private int @Nullable [] before(int k) {
        boolean s1 = word(k).equals("s");
        if (s1 && !(ends[k] < s.length() && s.charAt(ends[k]) == '.')) {
            return null;
        }
        int at = k + 1;
        if (word(at).equals("al") && at + 1 < count && spacesAfterWord(k, at)) {
            at++;
        }
        int kinds = ROMAN;
        int first = ordinal(at, kinds);
        if (first < 0 || s1 && !Character.isUpperCase(s.charAt(starts[at]))
                || !spacesAfterWord(at == k + 1 ? k : k + 1, at)) {
            return null;
        }
        int end = lea(at);
        int[] part = narrowing(k);
        int last = first;
        if (end + 1 < count && ordinal(end + 1, kinds) >= 0 && rangeMark(end, end + 1, ROMAN)) {
            last = ordinal(end + 1, kinds);
            end = lea(end + 1);
        } else if (end + 2 < count && AND.contains(word(end + 1)) && ordinal(end + 2, kinds) >= 0
                && spaces(end, end + 1, ROMAN) && spaces(end + 1, end + 2, 0)) {
            last = ordinal(end + 2, kinds);
            end = lea(end + 2);
        }
        if (beforeChrist(end)) {
            return null;
        }
        return last == first ? span(-1, null, first, part) : span(first, part, last, WHOLE);
    }

    /** The token a numeral at {@code k} ends with: its Romanian ending ("XIX-lea"), or itself. */
    private int lea(int k) {
        return k + 1 < count && word(k + 1).equals("lea") && starts[k + 1] == ends[k] + 1 && s.charAt(ends[k]) == '-'
                ? k + 1 : k;
    }

    private static int @Nullable [] span(int first, int @Nullable [] firstPart, int last, int[] lastPart) {
        if (lastPart == null) {
            lastPart = WHOLE;
        }
        if (first < 0) {
            first = last;
            firstPart = lastPart;
        }
        if (first > last || first < 6 || last > 21) {
            return null;
        }
        return new int[] {(first - 1) * 100 + firstPart[0], (last - 1) * 100 + lastPart[1]};
    }

    /** The century an ordinal at {@code k} of one of the kinds names, or -1. */
    private int ordinal(int k, int kinds) {
        int kind = kind(k, kinds);
        return kind == 0 ? -1 : value(k);
    }

    /** The kind (one bit of {@code kinds}) of the ordinal at {@code k}, or 0 if it is none of them. */
    private int kind(int k, int kinds) {
        String w = word(k);
        int n = w.length();
        int d = 0;
        while (d < n && isDigit(w.charAt(d))) {
            d++;
        }
        if (d > 0) {
            if (d > 2) {
                return 0;
            }
            String suffix = w.substring(d);
            if (suffix.isEmpty()) {
                return (kinds & DOT) != 0 && ends[k] < s.length() && s.charAt(ends[k]) == '.' ? DOT : 0;
            }
            if ((kinds & EN) != 0 && (suffix.equals("th") || suffix.equals("st") || suffix.equals("nd")
                    || suffix.equals("rd"))) {
                return EN;
            }
            return (kinds & SUFFIXED) != 0 && SUFFIXES.contains(suffix) ? SUFFIXED : 0;
        }
        if ((kinds & WORD) != 0 && WORDS.containsKey(w)) {
            return WORD;
        }
        if ((kinds & (ROMAN | ROMAN_SUFFIXED)) == 0) {
            return 0;
        }
        int r = 0;
        while (r < n && (w.charAt(r) == 'i' || w.charAt(r) == 'v' || w.charAt(r) == 'x')) {
            r++;
        }
        if (r == 0 || romanValue(w.substring(0, r)) < 0) {
            return 0;
        }
        // one case throughout (XVII or xvii, not Xvii)
        String raw = s.substring(starts[k], starts[k] + r);
        if (!raw.equals(raw.toUpperCase(Locale.ROOT)) && !raw.equals(raw.toLowerCase(Locale.ROOT))) {
            return 0;
        }
        if (r == n) {
            return (kinds & ROMAN) != 0 ? ROMAN : 0;
        }
        if (SUFFIXES.contains(w.substring(r))) {
            return (kinds & ROMAN_SUFFIXED) != 0 ? ROMAN_SUFFIXED : (kinds & ROMAN) != 0 ? ROMAN : 0;
        }
        return 0;
    }

    /** The number of an ordinal already known to be one. */
    private int value(int k) {
        String w = word(k);
        int d = 0;
        while (d < w.length() && isDigit(w.charAt(d))) {
            d++;
        }
        if (d > 0) {
            return Integer.parseInt(w, 0, d, 10);
        }
        Integer v = WORDS.get(w);
        if (v != null) {
            return v;
        }
        int r = 0;
        while (r < w.length() && (w.charAt(r) == 'i' || w.charAt(r) == 'v' || w.charAt(r) == 'x')) {
            r++;
        }
        return romanValue(w.substring(0, r));
    }

    private static int romanValue(String r) {
        for (int i = 1; i < ROMANS.length; i++) {
            if (ROMANS[i].equals(r)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The narrowing written before the ordinal (or century word) at {@code k}, with "of the",
     * "des", "du", "del", "al" between: early, mid, late, a half ({@code first half of the}), a
     * quarter ({@code last quarter of the}, {@code 3/4 sec. XIX}).
     *
     * @return {first year within the century, last year within it, the narrowing's first token};
     *     the whole century and {@code k} itself if none is written
     */
    private int[] narrowing(int k) {
        int at = k - 1;
        // a quarter or half as a fraction: 1/4 sec. XX, 2/2 sec. XIX
        if (at >= 1 && (word(at).equals("4") || word(at).equals("2")) && s.charAt(ends[at - 1]) == '/'
                && ends[at - 1] + 1 == starts[at] && spaces(at, k, 0) && word(at - 1).length() == 1) {
            int q = quarter(word(at - 1));
            if (word(at).equals("2") && (q == 1 || q == 2)) {
                return new int[] {(q - 1) * 50, q * 50 - 1, at - 1};
            }
            if (word(at).equals("4") && q > 0) {
                return new int[] {(q - 1) * 25, q == 4 ? 99 : q * 25, at - 1};
            }
        }
        int articles = 0;
        while (at >= 0 && articles < 2 && ARTICLES.contains(word(at)) && gap(at, at + 1)) {
            at--;
            articles++;
        }
        if (at < 0 || !gap(at, at + 1)) {
            return new int[] {0, 99, k};
        }
        String w = word(at);
        if (at > 0 && (HALF.contains(w) || QUARTER.contains(w)) && gap(at - 1, at)) {
            int o = at - 1;
            if (ARTICLES.contains(word(o)) && o > 0 && gap(o - 1, o)) {
                o--; // "A II a jumătate": the ordinal's own article
            }
            // "a doua jumătate", "the second half": an article before the ordinal may be part of it
            String h = word(o);
            if (HALF.contains(w)) {
                if (FIRST.contains(h)) {
                    return new int[] {0, 49, o};
                }
                if (SECOND.contains(h)) {
                    return new int[] {50, 99, o > 0 && ARTICLES.contains(word(o - 1)) ? o - 1 : o};
                }
            } else {
                int q = quarter(h);
                if (q > 0) {
                    return new int[] {(q - 1) * 25, q == 4 ? 99 : q * 25, o};
                }
            }
        }
        if (EARLY.contains(w)) {
            return new int[] {0, 40, at};
        }
        if (MID.contains(w)) {
            return new int[] {30, 70, at};
        }
        if (LATE.contains(w)) {
            return new int[] {60, 99, at};
        }
        return new int[] {0, 99, k};
    }

    /** Which quarter an ordinal before "quarter" names: 1 to 4, or 0. */
    private static int quarter(String w) {
        if (FIRST.contains(w)) {
            return 1;
        }
        if (SECOND.contains(w) && !w.equals("latter")) {
            return 2;
        }
        if (THIRD.contains(w)) {
            return 3;
        }
        return FOURTH.contains(w) ? 4 : 0;
    }

    /** Whether only white space stands between two tokens, after an abbreviation's period ("sf. sec."). */
    private boolean gap(int a, int b) {
        return spaces(a, b, s.charAt(ends[a]) == '.' ? DOT : 0);
    }

    /** Whether an ordinal and its century word stand together: white space or a hyphen ("18th-century"). */
    private boolean joined(int a, int b, int kindA) {
        // XVIII. Jh.: a Roman numeral may carry the German ordinal's period
        return spaces(a, b, kindA == ROMAN && s.charAt(ends[a]) == '.' ? DOT : kindA);
    }

    /**
     * Whether only white space and at most one hyphen stand between tokens {@code a} and {@code b}
     * (after the period of a German ordinal, when {@code kindA} is one).
     */
    private boolean spaces(int a, int b, int kindA) {
        int i = ends[a];
        if (kindA == DOT) {
            i++;
        }
        int hyphens = 0;
        for (; i < starts[b]; i++) {
            char c = s.charAt(i);
            if (c == '-') {
                hyphens++;
            } else if (!Character.isWhitespace(c) && c != '\u00a0') {
                return false;
            }
        }
        return hyphens <= 1;
    }

    /** Whether only an abbreviation's period and white space stand between a century word and its numeral. */
    private boolean spacesAfterWord(int a, int b) {
        int i = ends[a];
        if (i < starts[b] && s.charAt(i) == '.') {
            i++;
        }
        for (; i < starts[b]; i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00a0') {
                return false;
            }
        }
        return true;
    }

    /** Whether a range's dash or slash (with white space) stands between tokens {@code a} and {@code b}. */
    private boolean rangeMark(int a, int b, int kindA) {
        int i = ends[a];
        if (kindA == DOT) {
            i++;
        }
        int marks = 0;
        for (; i < starts[b]; i++) {
            char c = s.charAt(i);
            if (c == '-' || c == '\u2013' || c == '\u2014' || c == '/') {
                marks++;
            } else if (!Character.isWhitespace(c) && c != '\u00a0') {
                return false;
            }
        }
        return marks == 1;
    }

    /** Whether the words after token {@code k} say "before Christ": BC, B.C., BCE, v. Chr., av. J.-C., a. C. */
    private boolean beforeChrist(int k) {
        if (k + 1 >= count) {
            return false;
        }
        String a = word(k + 1);
        String b = k + 2 < count ? word(k + 2) : "";
        return a.equals("bc") || a.equals("bce") || a.equals("b") && b.equals("c") || a.equals("v") && b.equals("chr")
                || a.equals("vor") && b.equals("christus") || a.equals("av") && b.equals("j")
                || a.equals("a") && b.equals("c") || a.equals("ac") || a.equals("before") && b.equals("christ");
    }

    private String word(int k) {
        String w = words[k];
        if (w == null) {
            w = s.substring(starts[k], ends[k]).toLowerCase(Locale.ROOT);
            words[k] = w;
        }
        return w;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
