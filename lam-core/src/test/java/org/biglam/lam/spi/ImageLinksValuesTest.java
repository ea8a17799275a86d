package org.biglam.lam.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.biglam.lam.ImageRef;
import org.junit.jupiter.api.Test;

class ImageLinksValuesTest {

    @Test
    void imageFilesGetTheirMediaType() {
        ImageRef jpg = ImageLinks.toImage(" https://example.org/scans/p1.JPG?size=full ");
        assertThat(jpg.uri()).isEqualTo("https://example.org/scans/p1.JPG?size=full");
        assertThat(jpg.mime()).contains("image/jpeg");
        assertThat(ImageLinks.toImage("http://example.org/a.tif").mime()).contains("image/tiff");
        assertThat(ImageLinks.toImage("http://example.org/a.jp2").mime()).contains("image/jp2");
    }

    @Test
    void iiifServicesAndManifests() {
        ImageRef service = ImageLinks.toImage("https://example.org/iiif/p1/info.json");
        assertThat(service.service()).contains("https://example.org/iiif/p1");
        assertThat(ImageLinks.toImage("https://example.org/iiif/book/manifest").mime()).contains("application/ld+json");
        assertThat(ImageLinks.toImage("https://example.org/iiif/p1/full/max/0/default.jpg").mime()).contains("image/jpeg");
    }

    @Test
    void otherValuesAreNoImages() {
        assertThat(ImageLinks.toImage(null)).isNull();
        assertThat(ImageLinks.toImage("whitby-0042")).isNull();
        assertThat(ImageLinks.toImage("https://example.org/items/42")).isNull();
        assertThat(ImageLinks.toImage("https://example.org/book/manifest")).as("a manifest link says iiif").isNull();
        assertThat(ImageLinks.toImage("file:///etc/p.jpg")).as("only http(s)").isNull();
        assertThat(ImageLinks.toImage("https://example.org/a b.jpg")).isNull();
    }
}
