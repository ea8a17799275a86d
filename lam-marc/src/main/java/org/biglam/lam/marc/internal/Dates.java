package org.biglam.lam.marc.internal;

/**
 * Normalised dates from MARC: a year ({@code 1779}) or a range ({@code 1779/1785},
 * {@code 1990/..} for one still going), from 008/06-14 or else from a 260/264 $c statement.
 */
public final class Dates {

    private Dates() {
    }

    /**
     * Reads the dates of a 008 field.
     *
     * @param f008 the field's data
     * @return the normalised date, or null if 008 gives none
     */
    public static String from008(String f008) {
        if (f008.length() < 15) {
            return null;
        }
        char type = f008.charAt(6);
        int[] d1 = year(f008, 7);
        int[] d2 = year(f008, 11);
        switch (type) {
            case 's': case 'e': case 't': case 'r': case 'p':
                return d1 == null ? null : range(d1[0], d1[1]);
            case 'm': case 'i': case 'k': case 'q': case 'd':
                if (d1 == null) {
                    return null;
                }
                if (d2 == null || d2[1] < d1[0] || f008.startsWith("9999", 11)) {
                    return range(d1[0], d1[1]);
                }
                return range(d1[0], d2[1]);
            case 'c': case 'u':
                if (d1 == null) {
                    return null;
                }
                if (d2 != null && !f008.startsWith("9999", 11) && d2[1] >= d1[0]) {
                    return range(d1[0], d2[1]);
                }
                return d1[0] + "/..";
            default:
                return null;
        }
    }

    /** A year of four characters with 'u' (or '-', '?') for unknown trailing digits: {low, high}. */
    private static int[] year(String s, int at) {
        int lo = 0;
        int hi = 0;
        int known = 0;
        for (int i = 0; i < 4; i++) {
            char c = s.charAt(at + i);
            if (c >= '0' && c <= '9' && known == i) {
                lo = lo * 10 + (c - '0');
                hi = hi * 10 + (c - '0');
                known++;
            } else if ((c == 'u' || c == '-' || c == '?' || c == 'x') && i >= 1) {
                lo = lo * 10;
                hi = hi * 10 + 9;
            } else {
                return null;
            }
        }
        return known >= 2 && lo > 0 ? new int[] {lo, hi} : null;
    }

    private static String range(int lo, int hi) {
        return lo == hi ? Integer.toString(lo) : lo + "/" + hi;
    }

    /**
     * Reads a year or decade out of a date statement ({@code c1998.}, {@code [18--?]},
     * {@code 1885-1890}).
     *
     * @param s the statement
     * @return the normalised date, or null
     */
    public static String fromStatement(String s) {
        int n = s.length();
        for (int i = 0; i + 4 <= n; i++) {
            if (i > 0 && Character.isDigit(s.charAt(i - 1))) {
                continue;
            }
            int[] y = statementYear(s, i);
            if (y == null) {
                continue;
            }
            int j = i + 4;
            while (j < n && (s.charAt(j) == ' ')) {
                j++;
            }
            if (j < n && s.charAt(j) == '-' && y[0] == y[1]) {
                int k = j + 1;
                while (k < n && s.charAt(k) == ' ') {
                    k++;
                }
                if (k + 4 <= n) {
                    int[] y2 = statementYear(s, k);
                    if (y2 != null && y2[1] > y[0] && (k + 4 == n || !Character.isDigit(s.charAt(k + 4)))) {
                        return range(y[0], y2[1]);
                    }
                }
            }
            return range(y[0], y[1]);
        }
        return null;
    }

    private static int[] statementYear(String s, int at) {
        char c0 = s.charAt(at);
        char c1 = s.charAt(at + 1);
        if (!(c0 == '1' || c0 == '2') || !Character.isDigit(c1)) {
            return null;
        }
        int[] y = year(s, at);
        if (y == null || y[0] < 1000 || y[0] > 2199) {
            return null;
        }
        if (at + 4 < s.length() && Character.isDigit(s.charAt(at + 4))) {
            return null;
        }
        return y;
    }
}
