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
        assertThat(Dates.fromStatement("c1998.")).isEqualTo("1998");
        assertThat(Dates.fromStatement("[18--?]")).isEqualTo("1800/1899");
        assertThat(Dates.fromStatement("1885-1890.")).isEqualTo("1885/1890");
        assertThat(Dates.fromStatement("[197-]")).isEqualTo("1970/1979");
        assertThat(Dates.fromStatement("MDCCLXXIX [1779]")).isEqualTo("1779");
        assertThat(Dates.fromStatement("n.d.")).isNull();
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
