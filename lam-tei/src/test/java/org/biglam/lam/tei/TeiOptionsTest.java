package org.biglam.lam.tei;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.biglam.lam.ReadOptions;
import org.biglam.lam.tei.TeiOptions.Choice;
import org.biglam.lam.tei.TeiOptions.Feature;
import org.biglam.lam.tei.TeiOptions.Profile;
import org.biglam.lam.tei.TeiOptions.Reading;
import org.biglam.lam.tei.TeiOptions.Source;
import org.junit.jupiter.api.Test;

class TeiOptionsTest {

    @Test
    void theDefaultsAreTheNormalizedProfileWithLevelOneDivisions() {
        TeiOptions o = TeiOptions.defaults();
        assertThat(o.profile()).isEqualTo(Profile.NORMALIZED);
        assertThat(o.reading(Choice.ORIG_REG)).isEqualTo(Reading.REG);
        assertThat(o.reading(Choice.ABBR_EXPAN)).isEqualTo(Reading.EXPAN);
        assertThat(o.reading(Choice.SIC_CORR)).isEqualTo(Reading.CORR);
        assertThat(o.isEnabled(Feature.SUPPLIED)).isTrue();
        assertThat(o.isEnabled(Feature.DELETIONS)).isFalse();
        assertThat(o.isEnabled(Feature.NOTES)).isFalse();
        assertThat(o.divLevel()).hasValue(1);
        assertThat(o.divType()).isEmpty();
        assertThat(o.source()).isEqualTo(Source.TEXT);
    }

    @Test
    void theDiplomaticProfileTakesWhatIsWritten() {
        TeiOptions o = TeiOptions.of(Profile.DIPLOMATIC);
        assertThat(o.prefers(Reading.ORIG)).isTrue();
        assertThat(o.prefers(Reading.ABBR)).isTrue();
        assertThat(o.prefers(Reading.SIC)).isTrue();
        assertThat(o.isEnabled(Feature.DELETIONS)).isTrue();
        assertThat(o.isEnabled(Feature.LINE_BREAKS)).isTrue();
        assertThat(o.isEnabled(Feature.SUPPLIED)).isFalse();
    }

    @Test
    void settingTheSameThingTwiceDifferentlyFails() {
        assertThatThrownBy(() -> TeiOptions.builder().prefer(Reading.SIC).prefer(Reading.CORR))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TeiOptions.builder().profile(Profile.NORMALIZED).profile(Profile.DIPLOMATIC))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TeiOptions.builder().enable(Feature.NOTES).disable(Feature.NOTES))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TeiOptions.builder().divLevel(2).divType("chapter"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TeiOptions.builder().divLevel(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsFromTheCommandLineBecomeOptions() {
        TeiOptions o = TeiOptions.from(settings("tei.profile", "diplomatic", "tei.prefer", "expan",
                "tei.disable", "line-breaks", "tei.enable", "notes", "tei.div", "chapter", "marc.other", "x"));
        assertThat(o.profile()).isEqualTo(Profile.DIPLOMATIC);
        assertThat(o.prefers(Reading.EXPAN)).isTrue();
        assertThat(o.prefers(Reading.SIC)).isTrue();
        assertThat(o.isEnabled(Feature.LINE_BREAKS)).isFalse();
        assertThat(o.isEnabled(Feature.NOTES)).isTrue();
        assertThat(o.divType()).contains("chapter");
        assertThat(o.divLevel()).isEmpty();
        assertThat(TeiOptions.from(settings("tei.div", "2")).divLevel()).hasValue(2);
        assertThatThrownBy(() -> TeiOptions.from(settings("tei.profile", "fancy")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("normalized or diplomatic");
        assertThatThrownBy(() -> TeiOptions.from(settings("tei.prefer", "lemma")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TeiOptions.from(settings("tei.source", "sourceDoc")).source()).isEqualTo(Source.SOURCE_DOC);
        assertThat(TeiOptions.from(settings("tei.source", "source-doc")).source()).isEqualTo(Source.SOURCE_DOC);
        assertThat(TeiOptions.from(settings("tei.source", "text")).source()).isEqualTo(Source.TEXT);
        assertThatThrownBy(() -> TeiOptions.from(settings("tei.source", "facsimile")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text or sourceDoc");
        assertThatThrownBy(() -> TeiOptions.builder().source(Source.TEXT).source(Source.SOURCE_DOC))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void toBuilderMakesAnEqualCopyThatCanBeTweaked() {
        TeiOptions o = TeiOptions.builder().profile(Profile.DIPLOMATIC).prefer(Reading.REG).enable(Feature.NOTES)
                .divType("letter").source(Source.SOURCE_DOC).build();
        assertThat(o.toBuilder().build()).isEqualTo(o).hasSameHashCodeAs(o);
        assertThat(o).isNotEqualTo(TeiOptions.builder().profile(Profile.DIPLOMATIC).prefer(Reading.REG)
                .enable(Feature.NOTES).divType("letter").build());
        TeiOptions tweaked = o.toBuilder().disable(Feature.DELETIONS).build();
        assertThat(tweaked.isEnabled(Feature.DELETIONS)).isFalse();
        assertThat(tweaked.prefers(Reading.REG)).isTrue();
    }

    @Test
    void optionsAreValuesMadeFromReadOptionsWithATypedObjectWinning() {
        TeiOptions typed = TeiOptions.builder().profile(Profile.DIPLOMATIC).divType("chapter").build();
        assertThat(TeiOptions.from(ReadOptions.defaults())).isEqualTo(TeiOptions.defaults())
                .isEqualTo(TeiOptions.builder().build());
        assertThat(TeiOptions.from(settings("tei.profile", "diplomatic", "tei.div", "chapter")))
                .isEqualTo(typed).hasSameHashCodeAs(typed);
        assertThat(TeiOptions.from(ReadOptions.builder().set("tei.profile", "normalized").formatOptions(typed).build()))
                .isSameAs(typed);
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
