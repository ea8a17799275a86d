package org.biglam.lam.alto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void parsesTheNumbersOfOcrAttributesLeniently() {
        assertThat(Numbers.parse("12")).isEqualTo(12.0);
        assertThat(Numbers.parse("808.0")).isEqualTo(808.0);
        assertThat(Numbers.parse(" 0.93 ")).isEqualTo(0.93);
        assertThat(Numbers.parse("-3")).isEqualTo(-3.0);
        assertThat(Numbers.parse("1e3")).isEqualTo(1000.0);
        assertThat(Numbers.parse("0,5")).isEqualTo(0.5);
        assertThat(Numbers.parse("high")).isNaN();
        assertThat(Numbers.parse("")).isNaN();
        assertThat(Numbers.parse(null)).isNaN();
        for (String c : new String[] {"0.93", "0.5", "0.05", "0.123456", "0.1234567", "0.", "0.9x", "0.9e1"}) {
            double expected;
            try {
                expected = Double.parseDouble(c);
            } catch (NumberFormatException e) {
                expected = Double.NaN;
            }
            assertThat(Double.valueOf(Numbers.parse(c))).as(c).isEqualTo(Double.valueOf(c.equals("0.") ? 0.0 : expected));
        }
    }

    @Test
    void readsConfidencesFromAParserBufferAsTheGeneralParseDoes() {
        // the value wherever the short path takes it, -1 (read the general way) everywhere else
        String[] taken = {"0", "1", "0.93", "0.5", "0.05", "0.123456", "0.1234567", "1.0", "1.000", "0.0"};
        for (String c : taken) {
            char[] buffer = ("  " + c + "x").toCharArray();
            assertThat(Double.valueOf(Numbers.unitFraction(buffer, 2, 2 + c.length()))).as(c)
                    .isEqualTo(Double.valueOf(Numbers.parse(c)))
                    .isEqualTo(Double.valueOf(Double.parseDouble(c)));
        }
        String[] left = {"", "2", "0.", "1.5", "0.12345678", "0,5", "0.9x", "0.9e1", "93", "-0.5", ".5", "00.5"};
        for (String c : left) {
            assertThat(Numbers.unitFraction(c.toCharArray(), 0, c.length())).as(c).isEqualTo(-1.0);
        }
    }

    @Test
    void readsCharacterConfidenceAsDigitsOrAsNumbers() {
        assertThat(AltoParser.characterConfidence("00")).isEqualTo(1.0);
        assertThat(AltoParser.characterConfidence("99")).isEqualTo(0.0);
        assertThat(AltoParser.characterConfidence("0.5 1.0")).isEqualTo(0.75);
        assertThat(AltoParser.characterConfidence("x")).isNaN();
    }

    @Test
    void recognisesAltoVersionsFromNamespaceSchemaAndAttribute() {
        assertThat(Versions.altoVersion("http://www.loc.gov/standards/alto/ns-v4#",
                "http://www.loc.gov/standards/alto/ns-v4# http://www.loc.gov/standards/alto/v4/alto-4-3.xsd", null))
                .isEqualTo("4.3");
        assertThat(Versions.altoVersion("http://www.loc.gov/standards/alto/ns-v3#", null, null)).isEqualTo("3");
        assertThat(Versions.altoVersion("http://www.loc.gov/standards/alto/ns-v4#", null, "4.1")).isEqualTo("4.1");
        assertThat(Versions.altoVersion("", "http://schema.ccs-gmbh.com/docworks/alto-1-4.xsd", null)).isEqualTo("1.4");
        assertThat(Versions.altoVersion("http://schema.ccs-gmbh.com/ALTO", null, null)).isEqualTo("1");
        assertThat(Versions.altoVersion("http://bibnum.bnf.fr/ns/alto_prod", null, null)).isEqualTo("1");
        assertThat(Versions.altoVersion("http://example.org/other", null, null)).isNull();
        assertThat(Versions.altoVersion("http://www.loc.gov/standards/alto/alto-v2.0.xsd", null, null)).isEqualTo("2.0");
    }
}
