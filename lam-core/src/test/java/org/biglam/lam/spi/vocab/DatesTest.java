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

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "17th century | 1600/1699", "17th cent. | 1600/1699", "17th c. | 1600/1699", "seventeenth century | 1600/1699",
        "Seventeenth Century | 1600/1699", "18th-century | 1700/1799", "19th Century | 1800/1899",
        "21st century | 2000/2099", "6th century | 500/599",
        "early 17th century | 1600/1640", "late 18th century | 1760/1799", "mid-19th century | 1830/1870",
        "mid 19th century | 1830/1870", "first half of the 18th century | 1700/1749",
        "second half of the 16th century | 1550/1599", "17th-18th century | 1600/1799",
        "17th and 18th centuries | 1600/1799", "late 17th-early 18th century | 1660/1740",
        "18. Jahrhundert | 1700/1799", "18. Jh. | 1700/1799", "18.Jh. | 1700/1799", "17./18. Jh. | 1600/1799",
        "Ende des 18. Jahrhunderts | 1760/1799", "1. Hälfte des 19. Jhs. | 1800/1849",
        "XVIII. Jh. | 1700/1799",
        "XVIIe siècle | 1600/1699", "XVIIIe s. | 1700/1799", "xviie siècle | 1600/1699", "XVIIᵉ siècle | 1600/1699",
        "17e siècle | 1600/1699", "fin du XVIIe siècle | 1660/1699", "XVIe-XVIIe siècles | 1500/1699",
        "17e eeuw | 1600/1699", "17de eeuw | 1600/1699",
        "siglo XVII | 1600/1699", "sec. XVII | 1600/1699", "s. XVII | 1600/1699", "saec. XV | 1400/1499",
        "secolo XVII | 1600/1699", "XVII secolo | 1600/1699", "siglos XVI-XVII | 1500/1699",
        "siglos XVI y XVII | 1500/1699", "finales del siglo XVIII | 1760/1799", "século XIX | 1800/1899",
        "'[ca. 1650], 17th century' | 1600/1699", "ca. 1790-1810 (late 18th century) | 1760/1810",
        "c. 1600-1700 | 1600/1700", "around 900 or 10th century | 900/999",
        "secolul al XIX-lea | 1800/1899", "sfârșitul sec.al XIX-lea | 1860/1899", "Începutul sec. XX | 1900/1940",
        "sf. sec. XIX - înc. sec. XX | 1860/1940", "prima jumătate a secolului XX | 1900/1949",
        "a doua jumătate a secolului al XIX-lea | 1850/1899", "A II a jumătate a sec. XX | 1950/1999",
        "Mijl. sec. XIX | 1830/1870", "1/4 sec. XX | 1900/1925", "3/4 sec. XIX | 1850/1875", "4/4 sec. XIX | 1875/1899", "2/2 sec. XIX | 1850/1899",
        "primul sfert al secolului al XIX-lea | 1800/1825", "ultimul sfert al secolului al XIX-lea | 1875/1899",
        "last quarter of the 18th century | 1775/1799", "deceniul al III-lea al sec.XX | 1900/1999",
    })
    void readsCenturies(String value, String normalised) {
        assertThat(Dates.normalise(value)).isEqualTo(normalised);
        assertThat(Dates.yearsIn(value)).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Louis XIV", "Part II", "vol. XVII", "Pius XII", "chapter XVII", "XVII", "s. xvii", "17th", "the 17th",
        "17 century", "century", "5th century BC", "5th century B.C.", "6. Jh. v. Chr.", "VIe siècle av. J.-C.",
        "3rd century", "22nd century", "Henry VIII's wives", "s. v. Kant", "Vol. XVIII, s. 17",
    })
    void readsNoCenturyWithoutACenturyWord(String value) {
        assertThat(Dates.yearsIn(value)).isNull();
        assertThat(Dates.normalise(value)).isNull();
    }

    @Test
    void readsACenturyFromACatalogueStatementWithNoYear() {
        assertThat(Dates.fromStatement("[17th cent.]")).isEqualTo("1600/1699");
        assertThat(Dates.fromStatement("[18. Jh.]")).isEqualTo("1700/1799");
        // a year is the statement's date; the century words beside it do not widen it
        assertThat(Dates.fromStatement("1650 [17th cent.]")).isEqualTo("1650");
        assertThat(Dates.fromStatement("Louis XIV")).isNull();
    }

    @Test
    void anyMixOfCenturyWordsNumeralsAndPunctuationGivesAnOrderedSpanOrNothing() {
        String[] pieces = {"17th", "XVII", "xviie", "18.", "century", "cent", "c.", "s.", "s", "Jh.", "siècle", "siglo",
            "sec.", "secolul", "al", "-lea", "early", "mid-", "late", "first", "half", "of", "the", "1/4", "2/2", "-",
            "/", " ", "  ", "and", "y", "BC", "v. Chr.", "1850", "18--", ".", ",", "4", "a", "II", "ᵉ", "XXI", "22nd"};
        java.util.Random random = new java.util.Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(8); k >= 0; k--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
                if (random.nextBoolean()) {
                    sb.append(' ');
                }
            }
            String v = sb.toString();
            String d = Dates.yearsIn(v);
            if (d != null) {
                String[] ends = d.split("/");
                assertThat(Integer.parseInt(ends[0])).as(v).isBetween(500, 2199);
                assertThat(Integer.parseInt(ends[ends.length - 1])).as(v).isBetween(Integer.parseInt(ends[0]), 2199);
            }
            Dates.fromStatement(v);
        }
    }

    @Test
    void aYearBeforeChristIsNoYearOfTheCommonEra() {
        assertThat(Dates.fromStatement("[ca. 1750 B.C.]")).isNull();
        assertThat(Dates.fromStatement("44 v. Chr.")).isNull();
        assertThat(Dates.fromStatement("1200 av. J.-C.")).isNull();
        assertThat(Dates.fromStatement("[1850?]")).isEqualTo("1850");
        assertThat(Dates.yearsIn("a seal of 1750 BC, published 1902")).isEqualTo("1902");
        assertThat(Dates.yearsIn("between 600 B.C.E. and 1600")).isEqualTo("1600");
        // letters that only begin like a mark do not take the year away
        assertThat(Dates.yearsIn("1885 Bcn harbour")).isEqualTo("1885");
        assertThat(Dates.yearsIn("BC Archives, 1923")).isEqualTo("1923");
    }

    @Test
    void aCataloguersBetweenTwoYearsIsTheirRange() {
        assertThat(Dates.fromStatement("[between 1850 and 1880?]")).isEqualTo("1850/1880");
        assertThat(Dates.fromStatement("Between 1900 and 1910.")).isEqualTo("1900/1910");
        // "and" without "between" is a second year of its own: the first is the statement's
        assertThat(Dates.fromStatement("1998 and 2005")).isEqualTo("1998");
        assertThat(Dates.fromStatement("[between 1880 and 1850]")).isEqualTo("1880");
    }
}
