package org.biglam.lam.tei.internal;

import org.biglam.lam.spi.vocab.Dates;

/**
 * Reads a year or a range of years from TEI dates with lam-core's shared date reading: from
 * {@code @when}, {@code @notBefore} / {@code @notAfter}, {@code @from} / {@code @to} and P4's
 * {@code @value} (ISO 8601, also {@code 17450619}), or failing those from the years written in the
 * text. Thread-safe.
 */
final class TeiDates {

    private TeiDates() {
    }

    /**
     * A year ({@code 1745}) or range ({@code 1779/1785}, {@code 1779/..}) from a date's attributes,
     * falling back to the years in its text, falling back to the text itself; null if all are empty.
     */
    static String normalise(String when, String notBefore, String notAfter, String from, String to,
            String value, String text) {
        String y = Dates.isoYear(when);
        if (y == null) {
            y = Dates.isoYear(value);
        }
        if (y != null) {
            return y;
        }
        String lo = Dates.isoYear(notBefore != null ? notBefore : from);
        String hi = Dates.isoYear(notAfter != null ? notAfter : to);
        if (lo != null || hi != null) {
            return Dates.span(lo, hi);
        }
        if (text == null || text.isBlank()) {
            return null;
        }
        String years = Dates.yearsIn(text);
        return years != null ? years : text.strip();
    }
}
