package org.biglam.lam.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntitiesTest {

    @Test
    void namedEntitiesOfHtml4AndXmlGiveTheirCharactersAndCaseMatters() {
        assertThat(Entities.value("eacute")).isEqualTo("\u00e9");
        assertThat(Entities.value("Eacute")).isEqualTo("\u00c9");
        assertThat(Entities.value("mdash")).isEqualTo("\u2014");
        assertThat(Entities.value("thetasym")).isEqualTo("\u03d1");
        assertThat(Entities.value("nbsp")).isEqualTo("\u00a0");
        assertThat(Entities.value("apos")).isEqualTo("'");
        assertThat(Entities.value("amp")).isEqualTo("&");
        assertThat(Entities.value("EACUTE")).isNull();
        assertThat(Entities.value("hellip2")).isNull();
        assertThat(Entities.value("")).isNull();
    }

    @Test
    void latinLettersWithAnAccentAreNamedAsIso8879sLatin2NamesThem() {
        // each name is a letter and an accent: the character must be Unicode's letter with that accent
        java.util.Map<String, String> accents = java.util.Map.ofEntries(java.util.Map.entry("acute", "ACUTE"),
                java.util.Map.entry("grave", "GRAVE"), java.util.Map.entry("circ", "CIRCUMFLEX"),
                java.util.Map.entry("tilde", "TILDE"), java.util.Map.entry("uml", "DIAERESIS"),
                java.util.Map.entry("ring", "RING ABOVE"), java.util.Map.entry("cedil", "CEDILLA"),
                java.util.Map.entry("macr", "MACRON"), java.util.Map.entry("breve", "BREVE"),
                java.util.Map.entry("ogon", "OGONEK"), java.util.Map.entry("caron", "CARON"),
                java.util.Map.entry("dblac", "DOUBLE ACUTE"), java.util.Map.entry("dot", "DOT ABOVE"),
                java.util.Map.entry("strok", "STROKE"));
        int checked = 0;
        for (char letter = 'A'; letter <= 'z'; letter++) {
            for (java.util.Map.Entry<String, String> a : accents.entrySet()) {
                String v = Entities.value(letter + a.getKey());
                // HTML 4's sdot is the dot operator, a name of its own
                if (v != null && Character.isLetter(letter) && !(letter + a.getKey()).equals("sdot")) {
                    assertThat(Character.getName(v.codePointAt(0))).as(letter + a.getKey()).isEqualTo("LATIN "
                            + (Character.isUpperCase(letter) ? "CAPITAL" : "SMALL") + " LETTER "
                            + Character.toUpperCase(letter) + " WITH " + a.getValue());
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(150); // Latin 1's and Latin 2's, and ebreve's kin
        assertThat(Entities.value("amacr")).isEqualTo("\u0101");
        assertThat(Entities.value("ebreve")).isEqualTo("\u0115");
        assertThat(Entities.value("Lstrok")).isEqualTo("\u0141");
        assertThat(Entities.value("inodot")).isEqualTo("\u0131");
        assertThat(Entities.value("ijlig")).isEqualTo("\u0133");
    }

    @Test
    void iso8879sNumericPublishingAndDiacriticalCharactersThatHtml4LacksAreKnown() {
        assertThat(Entities.decode("&dollar;5 &amp; 10&percnt; &ndash; a well&hyphen;known &ldquor;Wort&rdquor;"))
                .isEqualTo("$5 & 10% \u2013 a well\u2010known \u201eWort\u201d");
        assertThat(Entities.value("lsqb")).isEqualTo("[");
        assertThat(Entities.value("half")).isEqualTo("\u00bd");
        assertThat(Entities.value("breve")).isEqualTo("\u02d8");
        assertThat(Entities.value("mldr")).isEqualTo("\u2026");
    }

    @Test
    void numericReferencesGiveTheirCharacterOnlyForAUnicodeScalarValueOtherThanZero() {
        assertThat(Entities.reference("#233")).isEqualTo("\u00e9");
        assertThat(Entities.reference("#xE9")).isEqualTo("\u00e9");
        assertThat(Entities.reference("#XE9")).isEqualTo("\u00e9");
        assertThat(Entities.reference("#x1F600")).isEqualTo("\ud83d\ude00"); // beyond the BMP: a surrogate pair
        assertThat(Entities.reference("#x10FFFF")).isEqualTo(new String(Character.toChars(0x10FFFF)));
        assertThat(Entities.reference("#x110000")).isNull(); // past Unicode
        assertThat(Entities.reference("#99999999")).isNull(); // would overflow nothing, past Unicode all the same
        assertThat(Entities.reference("#xD800")).isNull(); // a lone surrogate is no character
        assertThat(Entities.reference("#0")).isNull();
        assertThat(Entities.reference("#")).isNull();
        assertThat(Entities.reference("#x")).isNull();
        assertThat(Entities.reference("#12a")).isNull();
        assertThat(Entities.reference("#+5")).isNull();
        assertThat(Entities.reference("#\u0661\u0662")).isNull(); // Arabic-Indic digits are not ASCII digits
        assertThat(Entities.reference("eacute")).isEqualTo("\u00e9");
    }

    @Test
    void decodeReplacesKnownReferencesAndLeavesEverythingElseAsItIsWritten() {
        assertThat(Entities.decode("Caf&eacute; &amp; th&#xE9; &#8212; &lt;b&gt;"))
                .isEqualTo("Caf\u00e9 & th\u00e9 \u2014 <b>");
        assertThat(Entities.decode("AT&T; R&D &unknown; &#xD800; & ;")).isEqualTo("AT&T; R&D &unknown; &#xD800; & ;");
        assertThat(Entities.decode("&amp;amp;")).isEqualTo("&amp;"); // decoded once, not twice
        assertThat(Entities.decode("&&amp;")).isEqualTo("&&");
        assertThat(Entities.decode("a &amp b;")).isEqualTo("a &amp b;"); // a space ends the reference
        assertThat(Entities.decode("trailing &")).isEqualTo("trailing &");
        assertThat(Entities.decode("&#x" + "0".repeat(40) + "41;")).startsWith("&#x"); // too long to be looked at
        String plain = "no reference here";
        assertThat(Entities.decode(plain)).isSameAs(plain);
        assertThat(Entities.decode(null)).isNull();
    }

    @Test
    void decodingTextOfManyAmpersandsWithoutSemicolonsTakesLinearTime() {
        // each & looks at most a few dozen characters ahead, not to the end of the text
        String hostile = "&".repeat(2_000_000);
        assertThat(Entities.decode(hostile)).isEqualTo(hostile);
        String noSemicolon = "&a".repeat(1_000_000);
        assertThat(Entities.decode(noSemicolon)).isEqualTo(noSemicolon);
    }
}
