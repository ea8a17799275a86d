package org.biglam.lam.alto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.biglam.lam.ReadOptions;
import org.biglam.lam.alto.AltoOptions.Hyphenation;
import org.junit.jupiter.api.Test;

class AltoOptionsTest {

    @Test
    void optionsAreValuesMadeFromReadOptionsWithATypedObjectWinning() {
        AltoOptions typed = AltoOptions.builder().hyphenation(Hyphenation.KEEP).resolution(300).build();
        assertThat(AltoOptions.from(ReadOptions.defaults())).isEqualTo(AltoOptions.defaults())
                .isEqualTo(AltoOptions.builder().build());
        ReadOptions settings = ReadOptions.builder().set(AltoOptions.SETTING_HYPHENATION, "keep")
                .set(AltoOptions.SETTING_RESOLUTION, "300").build();
        assertThat(AltoOptions.from(settings)).isEqualTo(typed).hasSameHashCodeAs(typed);
        assertThat(AltoOptions.from(ReadOptions.builder().set(AltoOptions.SETTING_HYPHENATION, "join")
                .formatOptions(typed).build())).isSameAs(typed);
        assertThatThrownBy(() -> AltoOptions.from(ReadOptions.builder().set(AltoOptions.SETTING_RESOLUTION, "high")
                .build())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alto.resolution");
    }
}
