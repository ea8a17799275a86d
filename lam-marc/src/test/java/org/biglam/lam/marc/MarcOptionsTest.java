package org.biglam.lam.marc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;

class MarcOptionsTest {

    private static byte[] sample() {
        return MarcBytes.utf8()
                .control("001", "map-1")
                .control("008", "850101s1985    enk           000 1 eng d")
                .field("100", "1 ", "aAuthor, Ann,", "d1950-")
                .field("245", "10", "aMain title :", "bsubtitle.", "nPart 2,", "pThe end /", "cAnn Author.")
                .field("650", " 0", "aCats", "vFiction.")
                .field("650", " 7", "aKatzen", "2gnd")
                .field("655", " 7", "aDetective and mystery fiction.", "2lcgft")
                .field("700", "1 ", "aEditor, Ed,", "eeditor.")
                .field("710", "2 ", "aSome Society.", "bBranch.")
                .bytes();
    }

    private static LamRecord read(ReadOptions.Builder options) {
        Reading r = Reading.skip(sample(), "map.mrc", options);
        assertThat(r.errors()).isEmpty();
        return r.records.get(0);
    }

    @Test
    void addsAndReplacesLabelsWithTrajectStyleSpecifications() {
        MarcOptions marc = MarcOptions.builder()
                .map("genre", "655a")
                .map("contributor", "700a:710ab")
                .map("subject", "650|*0|a")
                .map("marc:form", "008[33]")
                .map("marc:leader-type", "LDR[6-7]")
                .build();
        LamRecord r = read(ReadOptions.builder().formatOptions(marc));
        assertThat(r.label("genre")).containsExactly("Detective and mystery fiction");
        assertThat(r.label("contributor")).containsExactly("Editor, Ed", "Some Society. Branch");
        assertThat(r.label("subject")).containsExactly("Cats");
        assertThat(r.label("marc:form")).containsExactly("1");
        assertThat(r.label("marc:leader-type")).containsExactly("nam".substring(1));
        assertThat(r.label("title")).containsExactly("Main title : subtitle. Part 2, The end");
    }

    @Test
    void takesTheSameMappingsAsStringSettings() {
        LamRecord r = read(ReadOptions.builder().set("marc.map.genre", "655a").set("marc.map.rights", "")
                .set("marc.map.language", "008[35-37]").set("marc.text", "245ab"));
        assertThat(r.label("genre")).containsExactly("Detective and mystery fiction");
        assertThat(r.label("language")).containsExactly("en");
        assertThat(r.text()).hasValue("Main title : subtitle.");
    }

    @Test
    void removesALabelMappedToNothing() {
        LamRecord r = read(ReadOptions.builder().formatOptions(MarcOptions.builder().unmap("subject").text("").build()));
        assertThat(r.labels()).doesNotContainKey("subject");
        assertThat(r.text()).isEmpty();
    }

    @Test
    void rejectsBadSpecificationsAndDoubleSettingsAtBuildTime() {
        assertThatThrownBy(() -> MarcOptions.builder().map("genre", "65")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tag");
        assertThatThrownBy(() -> MarcOptions.builder().map("genre", "245[3-1]"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MarcOptions.builder().map("genre", "650|0|a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MarcOptions.builder().encoding("klingon")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MarcOptions.builder().map("genre", "655a").map("genre", "655v"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(MarcOptions.from(settings("marc.encoding", "MARC8", "tei.profile", "x")).encoding())
                .isEqualTo(MarcOptions.ENCODING_MARC8);
    }

    @Test
    void givesDefaultLabelsForABook() {
        LamRecord r = read(ReadOptions.builder());
        assertThat(r.label("title")).containsExactly("Main title : subtitle. Part 2, The end");
        assertThat(r.label("creator")).containsExactly("Author, Ann, 1950-");
        assertThat(r.label("contributor")).containsExactly("Editor, Ed", "Some Society. Branch");
        assertThat(r.label("subject")).containsExactly("Cats -- Fiction", "Katzen");
        assertThat(r.label("genre")).containsExactly("Detective and mystery fiction", "fiction");
        assertThat(r.text()).hasValue("Main title : subtitle. Part 2, The end / Ann Author.");
    }

    @Test
    void readsTheFlavourEncodingAndNamesSettingsAndRefusesBadOnes() {
        MarcOptions o = MarcOptions.from(settings("marc.flavour", "UNIMARC", "marc.encoding", "ISO5426",
                "marc.names", "true"));
        assertThat(o.flavour()).isEqualTo(MarcOptions.FLAVOUR_UNIMARC);
        assertThat(o.encoding()).isEqualTo(MarcOptions.ENCODING_ISO5426);
        assertThat(o.names()).isTrue();
        assertThat(MarcOptions.defaults().flavour()).isEqualTo(MarcOptions.FLAVOUR_AUTO);
        assertThat(MarcOptions.defaults().names()).isFalse();
        assertThat(o).isEqualTo(o.toBuilder().build()).isNotEqualTo(MarcOptions.defaults());
        assertThatThrownBy(() -> MarcOptions.from(settings("marc.flavour", "danmarc")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("danmarc");
        assertThatThrownBy(() -> MarcOptions.from(settings("marc.names", "maybe")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("marc.names");
        assertThatThrownBy(() -> MarcOptions.builder().flavour("marc21").flavour("unimarc"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void optionsAreValuesMadeFromReadOptionsWithATypedObjectWinning() {
        MarcOptions typed = MarcOptions.builder().flavour("unimarc").map("marc:series", "490a").build();
        assertThat(MarcOptions.from(ReadOptions.defaults())).isEqualTo(MarcOptions.defaults());
        assertThat(MarcOptions.from(settings("marc.flavour", "unimarc", "marc.map.marc:series", "490a")))
                .isEqualTo(typed).hasSameHashCodeAs(typed);
        assertThat(MarcOptions.from(ReadOptions.builder().set("marc.flavour", "marc21").formatOptions(typed).build()))
                .isSameAs(typed);
        assertThat(MarcOptions.from(settings("marc.names", "yes")).names()).isTrue();
    }

    /** Read options with these string settings, name and value in turn. */
    private static ReadOptions settings(String... nameValue) {
        ReadOptions.Builder b = ReadOptions.builder();
        for (int i = 0; i < nameValue.length; i += 2) {
            b.set(nameValue[i], nameValue[i + 1]);
        }
        return b.build();
    }
}
