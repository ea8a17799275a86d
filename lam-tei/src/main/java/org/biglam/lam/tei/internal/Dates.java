package org.biglam.lam.tei.internal;

import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a year or a range of years from TEI dates: from {@code @when}, {@code @notBefore} /
 * {@code @notAfter}, {@code @from} / {@code @to} and P4's {@code @value} (ISO 8601, also
 * {@code 17450619}), or failing those from the years written in the text. Thread-safe.
 */
final class Dates {

    private static final Pattern ISO_YEAR = Pattern.compile("^(-?\\d{4})(?:\\d{4}|-.*|T.*)?$");
    private static final Pattern SHORT_YEAR = Pattern.compile("^-?\\d{1,4}$");
    private static final Pattern TEXT_YEAR = Pattern.compile("(?<!\\d)(1\\d{3}|20\\d{2})(?!\\d)");

    private Dates() {
    }

    /** The year of an ISO 8601 date value, or null. */
    static String year(String iso) {
        if (iso == null) {
            return null;
        }
        String v = iso.strip();
        Matcher m = ISO_YEAR.matcher(v);
        if (m.matches()) {
            return m.group(1);
        }
        return SHORT_YEAR.matcher(v).matches() ? v : null;
    }

    /**
     * A year ({@code 1745}) or range ({@code 1779/1785}) from a date's attributes, falling back to
     * years in its text, falling back to the text itself; null if all are empty.
     */
    static String normalise(String when, String notBefore, String notAfter, String from, String to,
            String value, String text) {
        String y = year(when);
        if (y == null) {
            y = year(value);
        }
        if (y != null) {
            return y;
        }
        String lo = year(notBefore != null ? notBefore : from);
        String hi = year(notAfter != null ? notAfter : to);
        if (lo != null && hi != null) {
            return lo.equals(hi) ? lo : lo + "/" + hi;
        }
        if (lo != null || hi != null) {
            return lo != null ? lo + "/" : "/" + hi;
        }
        if (text == null || text.isBlank()) {
            return null;
        }
        TreeSet<String> years = new TreeSet<>();
        Matcher m = TEXT_YEAR.matcher(text);
        while (m.find()) {
            years.add(m.group(1));
        }
        if (years.size() == 1) {
            return years.first();
        }
        if (years.size() > 1) {
            return years.first() + "/" + years.last();
        }
        return text.strip();
    }
}
