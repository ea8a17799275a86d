package org.biglam.lam.marc.internal;

/**
 * Normalised dates from MARC: a year ({@code 1779}) or a range ({@code 1779/1785},
 * {@code 1990/..} for one still going), from 008/06-14; date statements (260/264 $c) are read by
 * lam-core's shared {@code Dates.fromStatement}.
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

    private static int[] year(String s, int at) {
        return org.biglam.lam.spi.vocab.Dates.codedYear(s, at);
    }

    private static String range(int lo, int hi) {
        return lo == hi ? Integer.toString(lo) : lo + "/" + hi;
    }
}
