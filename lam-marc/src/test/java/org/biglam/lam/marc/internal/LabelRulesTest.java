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
