package org.biglam.lam.spi.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // ISO 639-1, 639-2/T and /B, 639-3
        "en, en", "eng, en", "ger, de", "deu, de", "fre, fr", "fra, fr", "dut, nl", "wel, cy", "chi, zh",
        "heb, he", "yid, yi", "ind, id", "lat, la", "grc, grc", "enm, enm", "gmh, gmh", "ota, ota",
        // MARC's discontinued codes: one answer in every format (TEI used to keep scc)
        "scc, sr", "scr, hr", "iri, ga", "esp, eo", "tag, tl", "mol, ro",
        // tags and locales in canonical case
        "en-gb, en-GB", "en_GB, en-GB", "sr-latn, sr-Latn", "ger-DE, de-DE", "ZH-hant-TW, zh-Hant-TW",
        "mul, mul",
        // names, as catalogues and TEI headers write them
        "German, de", "english, en", "Middle English, enm", "'English, Middle (1100-1500)', enm",
        "Ancient Greek, grc", "'Greek, Modern (1453-)', el", "Deutsch, de", "français, fr", "Latein, la",
        "Old Norse, non", "Hebrew, he", "ENG, en", "EN, en", "tib, bo", "hbo, hbo", "ang, ang",
        "Swiss German, gsw", "Schweizerdeutsch, gsw", "Serbo-Croatian, sh", "hbs, sh", "sh, sh",
        // MARC's list names syc "Syriac" (syr is "Syriac, Modern")
        "Syriac, syc", "syr, syr",
    })
    void mapsCodesAndNamesToBcp47(String value, String tag) {
        assertThat(Languages.toBcp47(value)).isEqualTo(tag);
    }

    @Test
    void givesNoTagForBlankUndeterminedOrUnreadableValues() {
        assertThat(Languages.toBcp47(null)).isNull();
        assertThat(Languages.toBcp47("  ")).isNull();
        assertThat(Languages.toBcp47("und")).isNull();
        assertThat(Languages.toBcp47("zxx")).isNull();
        assertThat(Languages.toBcp47("|||")).isNull();
        assertThat(Languages.toBcp47("Klingonisch")).isNull();
        assertThat(Languages.toBcp47("e")).isNull();
        assertThat(Languages.toBcp47("Fraktur")).isNull();
    }

    @Test
    void readsSeveralLanguagesFromOneValue() {
        assertThat(Languages.tagsIn("English; Latin")).containsExactly("en", "la");
        assertThat(Languages.tagsIn("Deutsch und Französisch")).containsExactly("de", "fr");
        assertThat(Languages.tagsIn("eng/fre/ger")).containsExactly("en", "fr", "de");
        assertThat(Languages.tagsIn("Greek, Ancient (to 1453)")).containsExactly("grc");
        assertThat(Languages.tagsIn("English and English")).containsExactly("en");
        assertThat(Languages.tagsIn("unknown")).isEmpty();
        assertThat(Languages.tagsIn("Old and new")).isEmpty();
        assertThat(Languages.tagsIn("grc; enm")).containsExactly("grc", "enm");
        // codes parted by white space only, as the Javadoc promised: every part must be a code
        assertThat(Languages.tagsIn("ger fre")).containsExactly("de", "fr");
        assertThat(Languages.tagsIn("eng  lat eng")).containsExactly("en", "la");
        assertThat(Languages.tagsIn("new and old")).isEmpty();
        assertThat(Languages.tagsIn("in English")).isEmpty();
    }
}
