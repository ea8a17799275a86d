package org.biglam.lam.marc.internal;

/** Normalises ISBNs (020) and OCLC numbers (035). */
public final class Identifiers {

    private Identifiers() {
    }

    /**
     * The ISBN at the start of a 020 $a ({@code 0-306-40615-2 (pbk.)} gives {@code 0306406152}).
     *
     * @param s the subfield
     * @return the ISBN's digits (and a final X), or null if none
     */
    public static String isbn(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(13);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            } else if ((c == 'X' || c == 'x') && (sb.length() == 9 || sb.length() == 12)) {
                sb.append('X');
                break;
            } else if (c == '-' || (c == ' ' && sb.length() == 0)) {
                continue;
            } else if (sb.length() > 0) {
                break;
            }
        }
        return sb.length() == 10 || sb.length() == 13 ? sb.toString() : null;
    }

    /**
     * The OCLC number of a 035 $a ({@code (OCoLC)ocm01234567} gives {@code 1234567}).
     *
     * @param s the subfield
     * @return the number without prefix and leading zeros, or null if it is not an OCLC number
     */
    public static String oclc(String s) {
        if (s == null) {
            return null;
        }
        String v = s.strip();
        if (v.startsWith("(OCoLC)")) {
            v = v.substring(7).strip();
        } else if (!(v.startsWith("ocm") || v.startsWith("ocn") || v.startsWith("on"))) {
            return null;
        }
        int i = 0;
        while (i < v.length() && Character.isLetter(v.charAt(i))) {
            i++;
        }
        while (i < v.length() && v.charAt(i) == '0') {
            i++;
        }
        int j = i;
        while (j < v.length() && Character.isDigit(v.charAt(j))) {
            j++;
        }
        return j > i ? v.substring(i, j) : null;
    }
}
