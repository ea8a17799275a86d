package org.biglam.lam.spi.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1745, 1745", "1745-06-19, 1745", "17450619, 1745", "1745-06-19T12:00:00Z, 1745", "-0044, -0044",
        "44, 44", "'  1801 ', 1801",
    })
    void readsTheYearOfIsoDates(String value, String year) {
        assertThat(Dates.isoYear(value)).isEqualTo(year);
    }

    @Test
    void refusesValuesThatAreNotIsoDates() {
        assertThat(Dates.isoYear("c1998")).isNull();
        assertThat(Dates.isoYear("1745/1750")).isNull();
        assertThat(Dates.isoYear("174506")).isNull();
        assertThat(Dates.isoYear(null)).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1850/1860, 1850/1860", "1850-01-01/1860-12-31, 1850/1860", "1850/.., 1850/..", "../1850, ../1850",
        "1850/, 1850/..", "1850, 1850", "'printed 1744, reprinted 1751', 1744/1751", "[18--?], 1800/1899",
        "ca. 185?, 1850/1859", "1885-1890, 1885/1890", "19uu, 1900/1999", "anno 812, 812",
        "1850/1850, 1850", "1900/1850, 1900/1850", "1850/18x0, 1850", "1850-1860, 1850/1860",
        "1950s, 1950/1959", "circa 1910s, 1910/1919", "1950s-1980s, 1950/1989", "the 1800s, 1800/1899",
        "1950's, 1950/1959", "1620s, 1620/1629", "1955s, 1955", "1950sq, 1950", "'1980s; Nov. 2012', 1980/2012",
        "ca. 990-1000, 990/1000", "ca. 185-?, 1850/1859",
    })
    void normalisesValuesAndIntervals(String value, String normalised) {
        assertThat(Dates.normalise(value)).isEqualTo(normalised);
    }

    @Test
    void givesNothingWhereNoYearIsWritten() {
        assertThat(Dates.normalise("undated")).isNull();
        assertThat(Dates.normalise("")).isNull();
        assertThat(Dates.yearsIn("12345 and 99")).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "c1998., 1998", "[18--?], 1800/1899", "1885-1890., 1885/1890", "'1998, reprinted 2005', 1998",
        "MDCCLXXIX [1779], 1779", "[s.d.], ''",
    })
    void readsTheFirstDateOfACatalogueStatement(String statement, String date) {
        assertThat(Dates.fromStatement(statement)).isEqualTo(date.isEmpty() ? null : date);
    }

    @Test
    void writesSpansAsEdtfIntervals() {
        assertThat(Dates.span("1779", "1785")).isEqualTo("1779/1785");
        assertThat(Dates.span("1779", "1779")).isEqualTo("1779");
        assertThat(Dates.span("1990", null)).isEqualTo("1990/..");
        assertThat(Dates.span(null, "1850")).isEqualTo("../1850");
        assertThat(Dates.span(null, null)).isNull();
    }

    @Test
    void readsCodedYearsWithUnknownDigits() {
        assertThat(Dates.codedYear("19uu", 0)).containsExactly(1900, 1999);
        assertThat(Dates.codedYear("x185-", 1)).containsExactly(1850, 1859);
        assertThat(Dates.codedYear("1uuu", 0)).isNull();
        assertThat(Dates.codedYear("19", 0)).isNull();
    }
}
