package org.biglam.lam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormatInfoTest {

    @Test
    void keepsExtensionsAndMediaTypesInTheOrderGivenAndComparesByValue() {
        FormatInfo info = FormatInfo.of("notes", "Field notes", "note", "page")
                .withExtensions("notes", "fn", "txt")
                .withMediaTypes("text/x-notes", "text/plain");
        assertThat(info.extensions()).containsExactly("notes", "fn", "txt");
        assertThat(info.mediaTypes()).containsExactly("text/x-notes", "text/plain");
        assertThat(info.granularities()).containsExactly("note", "page");
        assertThat(info.defaultGranularity()).isEqualTo("note");
        assertThat(info).isEqualTo(new FormatInfo("notes", "Field notes", Set.of("txt", "fn", "notes"),
                List.of("note", "page"), Set.of("text/plain", "text/x-notes")));
        assertThat(info.withExtensions()).isNotEqualTo(info);
        assertThatThrownBy(() -> info.extensions().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> info.granularities().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesWhatNoProviderShouldSay() {
        assertThatThrownBy(() -> FormatInfo.of("Notes", "x", "note")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Notes'");
        assertThatThrownBy(() -> FormatInfo.of("notes", " ", "note")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FormatInfo.of("notes", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("granularities");
        assertThatThrownBy(() -> FormatInfo.of("notes", "x", "page", "page"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FormatInfo.of("notes", "x", "note").withExtensions(".txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'.txt'");
        assertThatThrownBy(() -> FormatInfo.of("notes", "x", "note").withExtensions("TXT"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FormatInfo.of("notes", "x", (String) null)).isInstanceOf(NullPointerException.class);
        for (String bad : new String[] {"lenient", "notes.", ".lenient", "Notes.lenient", "notes.a b", "notes.*.x", "*"}) {
            assertThatThrownBy(() -> FormatInfo.of("notes", "x", "note").withSettings(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void declaresSettingsInOrderAndReadsAFamilyByItsPrefix() {
        FormatInfo info = FormatInfo.of("notes", "Field notes", "note").withSettings("notes.lenient", "notes.map.*");
        assertThat(info.settings()).containsExactly("notes.lenient", "notes.map.*");
        assertThat(info.withExtensions("fn").settings()).isEqualTo(info.settings());
        assertThat(info.readsSetting("notes.lenient")).isTrue();
        assertThat(info.readsSetting("notes.map.genre")).isTrue();
        assertThat(info.readsSetting("notes.map.")).isFalse();
        assertThat(info.readsSetting("notes.mapgenre")).isFalse();
        assertThat(info.readsSetting("notes.lenientt")).isFalse();
        assertThat(FormatInfo.of("notes", "Field notes", "note").settings()).isEmpty();
        assertThat(new FormatInfo("notes", "Field notes", Set.of(), List.of("note"), Set.of()))
                .isEqualTo(FormatInfo.of("notes", "Field notes", "note"));
    }
}
