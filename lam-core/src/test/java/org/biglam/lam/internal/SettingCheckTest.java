package org.biglam.lam.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.Problem;
import org.junit.jupiter.api.Test;

class SettingCheckTest {

    private static final List<FormatInfo> FORMATS = List.of(
            FormatInfo.of("alto", "ALTO", "page").withSettings("alto.hyphenation", "alto.resolution"),
            FormatInfo.of("mets", "METS", "page").withSettings("alto.hyphenation", "alto.resolution"),
            FormatInfo.of("dc", "DC", "record").withSettings("dc.lenient"),
            FormatInfo.of("oai-pmh", "OAI-PMH", "record").withSettings("oai.lenient", "oai.delay"),
            FormatInfo.of("marc21", "MARC", "record").withSettings("marc.flavour", "marc.flavor", "marc.map.*"));

    private static List<String> check(String... keys) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String k : keys) {
            settings.put(k, "x");
        }
        return SettingCheck.check(settings, FORMATS).stream().map(Problem::message).toList();
    }

    @Test
    void aKeyNamedAfterAFormatIsTakenForThatFormatsSettingOfTheSameName() {
        assertThat(check("mets.hyphenation", "oai-pmh.lenient", "marc21.flavour")).containsExactly(
                "no format here reads the setting marc21.flavour; did you mean marc.flavour?",
                "no format here reads the setting mets.hyphenation; did you mean alto.hyphenation?",
                "no format here reads the setting oai-pmh.lenient; did you mean oai.lenient?");
    }

    @Test
    void theNearestDeclaredSettingWinsAndTiesGoToTheFirstInAlphabeticalOrder() {
        assertThat(check("dc.lenientt", "marc.flavo", "marc.mapp.genre", "dc.lenint")).containsExactly(
                "no format here reads the setting dc.lenientt; did you mean dc.lenient?",
                "no format here reads the setting dc.lenint; did you mean dc.lenient?",
                "no format here reads the setting marc.flavo; did you mean marc.flavor?",
                "no format here reads the setting marc.mapp.genre; did you mean marc.map.genre?");
    }

    @Test
    void threeEditsAwayIsNoSuggestion() {
        assertThat(check("dc.lnnt")).containsExactly("no format here reads the setting dc.lnnt (the dc settings: dc.lenient)");
        assertThat(check("dd.lnint")).isEmpty();
    }

    @Test
    void declaredSettingsAndFamilyMembersPass() {
        assertThat(check("dc.lenient", "marc.map.marc:series", "oai.delay", "alto.resolution")).isEmpty();
        assertThat(check("marc.map.")).hasSize(1);
    }

    @Test
    void theDistanceIsLevenshteinsCutAtTheLimit() {
        assertThat(SettingCheck.distance("dc.lenient", "dc.lenient", 2)).isZero();
        assertThat(SettingCheck.distance("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(SettingCheck.distance("kitten", "sitting", 2)).isEqualTo(3);
        assertThat(SettingCheck.distance("a", "abcdef", 2)).isEqualTo(3);
    }
}
