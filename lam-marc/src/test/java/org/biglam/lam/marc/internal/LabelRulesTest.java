package org.biglam.lam.marc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelRulesTest {

    @Test
    void readsYearsAndRangesFrom008() {
        assertThat(Dates.from008("790101s1779    enk")).isEqualTo("1779");
        assertThat(Dates.from008("790101m17791785enk")).isEqualTo("1779/1785");
        assertThat(Dates.from008("790101s18uu    enk")).isEqualTo("1800/1899");
        assertThat(Dates.from008("790101c19909999enk")).isEqualTo("1990/..");
        assertThat(Dates.from008("790101d19901995enk")).isEqualTo("1990/1995");
        assertThat(Dates.from008("790101r19851923enk")).isEqualTo("1985");
        assertThat(Dates.from008("790101nuuuuuuuuenk")).isNull();
        assertThat(Dates.from008("790101s||||    enk")).isNull();
    }

    @Test
    void readsYearsFromDateStatements() {
        assertThat(org.biglam.lam.spi.vocab.Dates.fromStatement("c1998.")).isEqualTo("1998");
        assertThat(org.biglam.lam.spi.vocab.Dates.fromStatement("[18--?]")).isEqualTo("1800/1899");
        assertThat(org.biglam.lam.spi.vocab.Dates.fromStatement("1885-1890.")).isEqualTo("1885/1890");
        assertThat(org.biglam.lam.spi.vocab.Dates.fromStatement("[197-]")).isEqualTo("1970/1979");
        assertThat(org.biglam.lam.spi.vocab.Dates.fromStatement("MDCCLXXIX [1779]")).isEqualTo("1779");
        assertThat(org.biglam.lam.spi.vocab.Dates.fromStatement("n.d.")).isNull();
    }

    @Test
    void trimsIsbdPunctuation() {
        assertThat(Punctuation.trim("A history of Whitby /")).isEqualTo("A history of Whitby");
        assertThat(Punctuation.trim("London :")).isEqualTo("London");
        assertThat(Punctuation.trim("Charlton, Lionel,")).isEqualTo("Charlton, Lionel");
        assertThat(Punctuation.trim("History.")).isEqualTo("History");
        assertThat(Punctuation.trim("Tolkien, J.R.R.")).isEqualTo("Tolkien, J.R.R.");
        assertThat(Punctuation.trim("[London]")).isEqualTo("London");
        assertThat(Punctuation.trim("[London")).isEqualTo("London");
        assertThat(Punctuation.trim("Paris ; New York")).isEqualTo("Paris ; New York");
    }

    @Test
    void trimsIsbdPunctuationButKeepsThePeriodOfAbbreviationsAndInitials() {
        // headings as they stand in the corpus's records (LCSH, names, titles)
        String[][] cases = {
            {"Comic books, strips, etc.", "Comic books, strips, etc."},
            {"Smith, J.", "Smith, J."},
            {"Pride and prejudice /", "Pride and prejudice"},
            {"Austen, Jane,", "Austen, Jane"},
            {"Fiction.", "Fiction"},
            {"Great Britain.", "Great Britain"},
            {"Tolkien, J. R. R.", "Tolkien, J. R. R."},
            {"Davis, Sammy, Jr.", "Davis, Sammy, Jr."},
            {"Ford Motor Co.", "Ford Motor Co."},
            {"Harcourt, Brace & Co.,", "Harcourt, Brace & Co."},
            {"Little, Brown and Co.", "Little, Brown and Co."},
            {"U.S. Dept. of Justice,", "U.S. Dept. of Justice"},
            {"Washington, D.C. :", "Washington, D.C."},
            {"1775-1817.", "1775-1817"},
            {"Sisters", "Sisters"},
            {"Manufacturing consent :", "Manufacturing consent"},
            {"Ed. by John Smith.", "Ed. by John Smith"},
            {"المكتبة،", "المكتبة"},
            {"\u200fتهران :\u200f", "تهران"},
        };
        for (String[] c : cases) {
            assertThat(Punctuation.trim(c[0])).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void recognisesPlaceholdersForAnUnknownPlaceOrPublisher() {
        for (String p : new String[] {"[S.l.]", "[s.n.]", "[s.n.]،", "s.n.,", "[S.l. :", "[Place of publication not identified]",
            "[publisher not identified]", "[o.O.]", "[б.и.]", "[sine loco]"}) {
            assertThat(Punctuation.placeholder(p)).as(p).isTrue();
        }
        for (String p : new String[] {"Sl", "S.L. Publishing", "London", "Snow", "[London]"}) {
            assertThat(Punctuation.placeholder(p)).as(p).isFalse();
        }
    }

    @Test
    void readsUnimarcDatesAsTheirMarc21Kin() {
        assertThat(MarcMapper.unimarcDate("19990827d1993    m  y0chiy09      e")).isEqualTo("1993");
        assertThat(MarcMapper.unimarcDate("19990827a19909999m  y0chiy09      e")).isEqualTo("1990/..");
        assertThat(MarcMapper.unimarcDate("19990827b19901995m  y0chiy09      e")).isEqualTo("1990/1995");
        assertThat(MarcMapper.unimarcDate("19990827g17791785m  y0chiy09      e")).isEqualTo("1779/1785");
        assertThat(MarcMapper.unimarcDate("19990827d19      m  y0chiy09      e")).isEqualTo("1900/1999");
        assertThat(MarcMapper.unimarcDate("19990827u    ")).isNull();
        assertThat(MarcMapper.unimarcDate("20020826d        m  y0chiy09      e")).isNull();
    }

    @Test
    void normalisesIsbnsAndOclcNumbers() {
        assertThat(Identifiers.isbn("0-306-40615-2 (pbk.)")).isEqualTo("0306406152");
        assertThat(Identifiers.isbn("978-3-16-148410-0")).isEqualTo("9783161484100");
        assertThat(Identifiers.isbn("080442957X :")).isEqualTo("080442957X");
        assertThat(Identifiers.isbn("(pbk.)")).isNull();
        assertThat(Identifiers.oclc("(OCoLC)ocm01234567")).isEqualTo("1234567");
        assertThat(Identifiers.oclc("(OCoLC)710973037")).isEqualTo("710973037");
        assertThat(Identifiers.oclc("(DLC)   93707283")).isNull();
    }
}
