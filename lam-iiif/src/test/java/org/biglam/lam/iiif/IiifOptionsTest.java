package org.biglam.lam.iiif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;

class IiifOptionsTest {

    @Test
    void optionsAreValuesMadeFromReadOptionsWithATypedObjectWinning() {
        IiifOptions some = IiifOptions.builder().preferLanguage("de").ocr(true).cacheDir(Path.of("cache"))
                .backoff(Duration.ofSeconds(1)).build();
        assertThat(some).isEqualTo(some.toBuilder().build()).hasSameHashCodeAs(some.toBuilder().build())
                .isNotEqualTo(IiifOptions.defaults()).isNotEqualTo(some.toBuilder().retries(0).build());
        assertThat(IiifOptions.defaults()).isEqualTo(IiifOptions.builder().build());
        assertThat(IiifOptions.from(ReadOptions.defaults())).isEqualTo(IiifOptions.defaults());
        ReadOptions settings = ReadOptions.builder().set("iiif.prefer-language", "de").set("iiif.ocr", "yes")
                .set("iiif.cache-dir", "cache").build();
        assertThat(IiifOptions.from(settings)).isEqualTo(IiifOptions.builder().preferLanguage("de").ocr(true)
                .cacheDir(Path.of("cache")).build());
        assertThat(IiifOptions.from(settings.toBuilder().formatOptions(some).build())).isSameAs(some);
        assertThatThrownBy(() -> IiifOptions.from(ReadOptions.builder().set("iiif.fetch", "sometimes").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iiif.fetch");
    }
}
