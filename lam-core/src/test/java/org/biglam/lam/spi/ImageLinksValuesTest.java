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
    void aLinkGivenAsTheObjectsImageIsOneUnlessItsEndingNamesAnotherKindOfFile() {
        // Islandora's datastream view: no ending, an image because the record says so
        assertThat(ImageLinks.toObjectImage("https://repo.example.org/islandora/object/x:1/datastream/OBJ/view").uri())
                .isEqualTo("https://repo.example.org/islandora/object/x:1/datastream/OBJ/view");
        // an ending that tells keeps its media type
        assertThat(ImageLinks.toObjectImage("https://example.org/p1.jpg").mime()).contains("image/jpeg");
        // DSpace's bitstream of a thesis, sound, video: no images, whatever their query or case
        assertThat(ImageLinks.toObjectImage("https://dspace.example.edu/bitstream/1/2/Thesis.PDF?sequence=1")).isNull();
        assertThat(ImageLinks.toObjectImage("https://example.org/a/interview.mp3")).isNull();
        assertThat(ImageLinks.toObjectImage("https://example.org/a/film.webm#t=10")).isNull();
        // no host, no http(s), or a space: nothing
        assertThat(ImageLinks.toObjectImage("https://")).isNull();
        assertThat(ImageLinks.toObjectImage("https:///a/b")).isNull();
        assertThat(ImageLinks.toObjectImage("ftp://example.org/a")).isNull();
        assertThat(ImageLinks.toObjectImage("https://example.org/a b")).isNull();
        assertThat(ImageLinks.toObjectImage(null)).isNull();
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
