package org.biglam.lam.spi.vocab;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Dates to the normalised form lam puts under the {@code date} label: a year ({@code 1779}), a range
 * of years ({@code 1779/1785}, {@code 1800/1899} for "18--"), or an open range ({@code 1990/..},
 * {@code ../1850}), as ISO 8601-2 (EDTF) writes intervals. Years before the common era keep their
 * sign ({@code -0044}). The raw value is always kept by the reader under a prefixed label; these
 * methods only read a year out of it. Thread-safe.
 *
 * @since 0.1
 */
public final class Dates {

    private Dates() {
    }

    /**
     * The normalised form of a span of two years.
     *
     * @param from the first year, or null when open
     * @param to the last year, or null when open
     * @return {@code from}, {@code from/to}, {@code from/..} or {@code ../to}; null when both are null
     */
    public static @Nullable String span(@Nullable String from, @Nullable String to) {
        if (from == null && to == null) {
            return null;
        }
        if (from == null) {
            return "../" + to;
        }
        if (to == null) {
            return from + "/..";
        }
        return from.equals(to) ? from : from + "/" + to;
    }

    /**
     * The year of an ISO 8601 or EDTF date: {@code 1745}, {@code 1745-06-19}, {@code 17450619},
     * {@code 1745-06-19T12:00}, {@code -0044}, and short years ({@code 44}) as they are.
     *
     * @param iso the value
     * @return the year, or null if the value is not such a date
     */
    public static @Nullable String isoYear(String iso) {
        if (iso == null) {
            return null;
        }
        String v = iso.strip();
        int n = v.length();
        int start = v.startsWith("-") ? 1 : 0;
        int i = start;
        while (i < n && isDigit(v.charAt(i))) {
            i++;
        }
        int digits = i - start;
        if (digits == 4 && (i == n || v.charAt(i) == 'T' || monthDay(v, i)) || digits == 8 && i == n) {
            return v.substring(0, start + 4);
        }
        if (digits >= 1 && digits <= 4 && i == n) {
            return v;
        }
        return null;
    }

    /**
     * A normalised date from an ISO 8601 / EDTF value or interval ({@code 1850/1860},
     * {@code 1850/..}, {@code 1850-01-01/1860-12-31}), falling back to the years written in it
     * ({@link #yearsIn}).
     *
     * @param value the value as the source gives it
     * @return the normalised date, or null if no year can be read
     */
    public static @Nullable String normalise(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() == 9 && value.charAt(4) == '/' && fourDigits(value, 0) && fourDigits(value, 5)) {
            // already a span of two years (1850/1860), the commonest normalised form given
            return value.regionMatches(0, value, 5, 4) ? value.substring(0, 4) : value;
        }
        if (value.isBlank()) {
            return null;
        }
        String v = value.strip();
        String y = isoYear(v);
        if (y != null) {
            return y;
        }
        int slash = v.indexOf('/');
        if (slash > 0 && slash == v.lastIndexOf('/')) {
            String a = v.substring(0, slash).strip();
            String b = v.substring(slash + 1).strip();
            String lo = a.equals("..") || a.isEmpty() ? null : isoYear(a);
            String hi = b.equals("..") || b.isEmpty() ? null : isoYear(b);
            if ((lo != null || a.equals("..") || a.isEmpty()) && (hi != null || b.equals("..") || b.isEmpty())
                    && (lo != null || hi != null)) {
                return span(lo, hi);
            }
        }
        return yearsIn(v);
    }

    /**
     * The span of the years written in a text, from the earliest to the latest: {@code 1885-1890}
     * gives {@code 1885/1890}, {@code printed 1744, reprinted 1751} gives {@code 1744/1751}, and a
     * year with unknown trailing digits ({@code 18--}, {@code 19uu}, {@code 185?}) counts as its
     * whole span ({@code 1800/1899}), as does a decade or century written as a plural
     * ({@code 1950s} is {@code 1950/1959}, {@code 1800s} is {@code 1800/1899}, {@code 1950s-1980s}
     * is {@code 1950/1989}). Years are runs of digits that stand alone, from 500 to 2199; a year
     * followed by a before-Christ mark ({@code 1750 B.C.}, {@code 44 v. Chr.}) is not one.
     *
     * <p>A century written in words or numerals counts as its span too: {@code 17th century},
     * {@code 17th cent.}, {@code seventeenth century}, {@code 18. Jahrhundert}, {@code 18. Jh.},
     * {@code XVIIe siècle}, {@code XVIIIe s.}, {@code 17e eeuw}, {@code siglo XVII},
     * {@code sec. XVII}, {@code s. XVII}, {@code saec. XV}, and ranges of two ({@code 17th-18th century}
     * is {@code 1600/1799}, {@code 17./18. Jh.}, {@code siglos XVI y XVII}). The 17th century is
     * {@code 1600/1699}, not the strict {@code 1601/1700}: the same span as {@code 1600s} and
     * {@code 16--} here, as subject headings ({@code 17th century}) and EDTF's {@code 16XX} mean it,
     * so that a century and the years of the same century written otherwise give one value. A word
     * before it narrows it, with overlapping thirds since such words are vague: {@code early}
     * ({@code Anfang des}, {@code début du}, {@code principios del}, ...) is the years 00 to 40 of the
     * century ({@code early 17th century} is {@code 1600/1640}), {@code mid} ({@code mid-19th century},
     * {@code Mitte des}, {@code milieu du}) 30 to 70, {@code late} ({@code Ende des}, {@code fin du})
     * 60 to 99; {@code first half of the} 00 to 49, {@code second half of the} 50 to 99. A Roman
     * numeral counts only beside a century word ({@code Louis XIV}, {@code Part II}, {@code vol. XVII}
     * are no date), a century before Christ ({@code 5th century BC}) gives none, and only centuries
     * from the 6th to the 21st are read, as years are from 500.
     *
     * @param text the text
     * @return the span, or null if the text names no year
     */
    public static @Nullable String yearsIn(String text) {
        if (text == null) {
            return null;
        }
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(text.charAt(i)) || i > 0 && isDigit(text.charAt(i - 1))) {
                i++;
                continue;
            }
            int[] y = yearAt(text, i);
            int end = i;
            while (end < n && isDigit(text.charAt(end))) {
                end++;
            }
            if (y != null && !beforeChrist(text, end)) {
                lo = Math.min(lo, y[0]);
                hi = Math.max(hi, y[1]);
            }
            i = Math.max(end, i + 1);
        }
        int[] c = Centuries.in(text);
        if (c != null) {
            lo = Math.min(lo, c[0]);
            hi = Math.max(hi, c[1]);
        }
        if (lo == Integer.MAX_VALUE) {
            return null;
        }
        return lo == hi ? Integer.toString(lo) : lo + "/" + hi;
    }

    /** B.C., BC, BCE, B.C.E., v. Chr., av. J.-C.: a year before Christ. */
    private static final Pattern BEFORE_CHRIST = Pattern.compile(
            "(?i)(?<![\\p{L}])(b\\.\\s?c\\.?(\\s?e\\.?)?|bce?|v\\.\\s?chr|av\\.\\s?j\\.?\\s?-?\\s?c)(?![\\p{L}])");

    /** Whether a year that ends at {@code end} is followed by a before-Christ mark ({@code 1750 B.C.}). */
    private static boolean beforeChrist(String text, int end) {
        int n = text.length();
        int i = end;
        while (i < n && text.charAt(i) == ' ') {
            i++;
        }
        if (i >= n || !Character.isLetter(text.charAt(i))) {
            return false;
        }
        java.util.regex.Matcher m = BEFORE_CHRIST.matcher(text);
        m.region(i, Math.min(n, i + 12));
        m.useTransparentBounds(true);
        return m.lookingAt();
    }

    /** Whether the word before the year at {@code at} is "between" ({@code [between 1850 and 1880?]}). */
    private static boolean between(String s, int at) {
        int e = at;
        while (e > 0 && s.charAt(e - 1) == ' ') {
            e--;
        }
        return e >= 7 && s.regionMatches(true, e - 7, "between", 0, 7)
                && (e == 7 || !Character.isLetter(s.charAt(e - 8)));
    }

    /** Whether a value holds a letter (a date statement or a coverage that is more than years). */
    static boolean hasLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first year or range a catalogue's date statement gives: {@code c1998.} gives
     * {@code 1998}, {@code [18--?]} gives {@code 1800/1899}, {@code 1885-1890} gives
     * {@code 1885/1890}, as does {@code [between 1885 and 1890?]}, and {@code 1998, reprinted 2005}
     * gives {@code 1998} (the first year, not the span, since the first is the edition's). A statement of a year before Christ
     * ({@code [ca. 1750 B.C.]}, {@code 44 v. Chr.}) gives none. A statement with no year but a century
     * ({@code [17th cent.]}) gives the century's span, as {@link #yearsIn} reads it.
     *
     * @param s the statement
     * @return the normalised date, or null
     */
    public static @Nullable String fromStatement(String s) {
        if (s == null || hasLetters(s) && BEFORE_CHRIST.matcher(s).find()) {
            return null; // a year before Christ ([ca. 1750 B.C.]) is none of the common era
        }
        int n = s.length();
        for (int i = 0; i + 4 <= n; i++) {
            if (i > 0 && isDigit(s.charAt(i - 1))) {
                continue;
            }
            int[] y = statementYear(s, i);
            if (y == null) {
                continue;
            }
            int j = i + 4;
            while (j < n && s.charAt(j) == ' ') {
                j++;
            }
            // 1885-1890, or a cataloguer's "between 1850 and 1880"
            int after = j < n && s.charAt(j) == '-' ? j + 1
                    : s.startsWith("and ", j) && between(s, i) ? j + 4 : -1;
            if (after > 0 && y[0] == y[1]) {
                int k = after;
                while (k < n && s.charAt(k) == ' ') {
                    k++;
                }
                if (k + 4 <= n) {
                    int[] y2 = statementYear(s, k);
                    if (y2 != null && y2[1] > y[0] && (k + 4 == n || !isDigit(s.charAt(k + 4)))) {
                        return range(y[0], y2[1]);
                    }
                }
            }
            return range(y[0], y[1]);
        }
        // no year: a century ("[17th cent.]", "[18. Jh.]")
        int[] c = Centuries.in(s);
        return c == null ? null : range(c[0], c[1]);
    }

    /**
     * A year of four characters at {@code at} with unknown trailing digits written {@code u},
     * {@code -}, {@code ?} or {@code x} (at least two digits known): {low, high}; null if there is
     * none.
     *
     * @param s the text
     * @param at where the year would start
     * @return the year's span, or null
     */
    public static int @Nullable [] codedYear(String s, int at) {
        if (at < 0 || at + 4 > s.length()) {
            return null;
        }
        int lo = 0;
        int hi = 0;
        int known = 0;
        for (int i = 0; i < 4; i++) {
            char c = s.charAt(at + i);
            if (isDigit(c) && known == i) {
                lo = lo * 10 + (c - '0');
                hi = hi * 10 + (c - '0');
                known++;
            } else if ((c == 'u' || c == '-' || c == '?' || c == 'x' || c == 'X') && i >= 1 && known >= 1) {
                lo = lo * 10;
                hi = hi * 10 + 9;
            } else {
                return null;
            }
        }
        return known >= 2 && lo > 0 ? new int[] {lo, hi} : null;
    }

    /** Whether {@code -MM}, {@code -MM-DD} or either followed by {@code T...} stands at {@code i}. */
    private static boolean fourDigits(String v, int i) {
        return isDigit(v.charAt(i)) && isDigit(v.charAt(i + 1)) && isDigit(v.charAt(i + 2)) && isDigit(v.charAt(i + 3));
    }

    private static boolean monthDay(String v, int i) {
        int n = v.length();
        if (i + 3 > n || v.charAt(i) != '-' || !isDigit(v.charAt(i + 1)) || !isDigit(v.charAt(i + 2))) {
            return false;
        }
        int month = (v.charAt(i + 1) - '0') * 10 + v.charAt(i + 2) - '0';
        if (month < 1 || month > 12 && month < 21 || month > 41) { // EDTF: 21-41 for seasons and quarters
            return false;
        }
        int j = i + 3;
        if (j + 3 <= n && v.charAt(j) == '-' && isDigit(v.charAt(j + 1)) && isDigit(v.charAt(j + 2))) {
            j += 3;
        }
        return j == n || v.charAt(j) == 'T';
    }

    /** A year in running text at {@code at}: four characters (coded or not) or three digits from 500. */
    private static int[] yearAt(String s, int at) {
        int n = s.length();
        int end = at;
        while (end < n && isDigit(s.charAt(end))) {
            end++;
        }
        int digits = end - at;
        if (digits == 4) {
            int y = Integer.parseInt(s, at, end, 10);
            if (y < 1000 || y > 2199) {
                return null;
            }
            if (y % 10 == 0 && plural(s, end)) {
                // 1950s: the decade; 1800s: the century, as English uses them
                return new int[] {y, y % 100 == 0 ? y + 99 : y + 9};
            }
            return new int[] {y, y};
        }
        if (digits == 3 && (end == n || !isYearFiller(s.charAt(end))
                // 990-1000: the start of a range, not a coded year (185-)
                || s.charAt(end) == '-' && end + 1 < n && isDigit(s.charAt(end + 1)))) {
            int y = Integer.parseInt(s, at, end, 10);
            return y >= 500 ? new int[] {y, y} : null;
        }
        if (digits >= 2 && digits < 4) {
            int[] y = codedYear(s, at);
            if (y != null && y[0] >= 1000 && y[0] <= 2199 && (at + 4 == n || !isDigit(s.charAt(at + 4)))) {
                return y;
            }
        }
        return null;
    }

    /** Whether {@code s} or {@code 's} ends a word at {@code i} (the plural of a year: {@code 1950s}, {@code 1950's}). */
    private static boolean plural(String s, int i) {
        int n = s.length();
        int j = i < n && (s.charAt(i) == '\'' || s.charAt(i) == '\u2019') ? i + 1 : i;
        return j < n && s.charAt(j) == 's' && (j + 1 == n || !Character.isLetterOrDigit(s.charAt(j + 1)));
    }

    private static boolean isYearFiller(char c) {
        return c == 'u' || c == '-' || c == '?' || c == 'x' || c == 'X';
    }

    private static int[] statementYear(String s, int at) {
        char c0 = s.charAt(at);
        char c1 = s.charAt(at + 1);
        if (!(c0 == '1' || c0 == '2') || !isDigit(c1)) {
            return null;
        }
        int[] y = codedYear(s, at);
        if (y == null || y[0] < 1000 || y[0] > 2199) {
            return null;
        }
        if (at + 4 < s.length() && isDigit(s.charAt(at + 4))) {
            return null;
        }
        return y;
    }

    private static String range(int lo, int hi) {
        return lo == hi ? Integer.toString(lo) : lo + "/" + hi;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
