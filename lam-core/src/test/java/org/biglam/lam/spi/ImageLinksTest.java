package org.biglam.lam.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.biglam.lam.ImageRef;
import org.junit.jupiter.api.Test;

/** Image links as metadata writes them, and the well-known prefixes of the lenient option. */
class ImageLinksTest {

    @Test
    void linksAreTrimmedAndTheirSpacesEncoded() {
        assertThat(ImageLinks.clean("  https://x.org/a b.jpg\n")).isEqualTo("https://x.org/a%20b.jpg");
        assertThat(ImageLinks.clean("https://x.org/a%20b.jpg")).isEqualTo("https://x.org/a%20b.jpg");
        assertThat(ImageLinks.clean(" \t")).isNull();
        assertThat(ImageLinks.clean("https://x.org/{a}|b")).isEqualTo("https://x.org/%7Ba%7D%7Cb");
    }

    @Test
    void iiifImageServicesAndManifestsAreRecognised() {
        assertThat(ImageLinks.iiifService("https://i.org/iiif/2/abc/info.json")).isEqualTo("https://i.org/iiif/2/abc");
        assertThat(ImageLinks.iiifService("https://i.org/loris/ivrla:3828/full/600,/0/default.jpg"))
                .isEqualTo("https://i.org/loris/ivrla:3828");
        assertThat(ImageLinks.iiifService("https://i.org/iiif/x/0,0,100,200/!50,50/90/gray.png"))
                .isEqualTo("https://i.org/iiif/x");
        assertThat(ImageLinks.iiifService("https://i.org/scans/page1.jpg")).isNull();
        assertThat(ImageLinks.iiifService("full/max/0/default.jpg")).as("no segment before the region").isNull();
        assertThat(ImageLinks.iiifService("https://i.org//iiif//full/max/0/default.jpg?x=1"))
                .isEqualTo("https://i.org//iiif/");
        assertThat(ImageLinks.iiifService("https://i.org/iiif/x/full/max/0/default")).isNull();
        assertThat(ImageLinks.isManifest("https://i.org/iiif/book1/manifest.json")).isTrue();
        assertThat(ImageLinks.isManifest("https://i.org/iiif/book1/manifest")).isTrue();
        assertThat(ImageLinks.isManifest("https://i.org/scans/page1.jpg")).isFalse();
        ImageRef info = ImageLinks.image(null, "https://i.org/iiif/2/abc/info.json");
        assertThat(info.uri()).isEqualTo("https://i.org/iiif/2/abc/full/max/0/default.jpg");
        assertThat(info.service()).contains("https://i.org/iiif/2/abc");
        assertThat(ImageLinks.hasScheme("urn:x")).isTrue();
        assertThat(ImageLinks.hasScheme("C:\\scans\\a.tif")).isFalse();
        assertThat(ImageLinks.hasScheme("scans/a.tif")).isFalse();
    }

    @Test
    void theImageAddressesOfContentdmAndGallicaAreImagesThoughTheyNameNoFile() {
        assertThat(ImageLinks.toImage("https://cdm16013.contentdm.oclc.org/utils/getthumbnail/collection/p16013coll4/id/57"))
                .isNotNull().satisfies(i -> assertThat(i.mime()).isEmpty());
        assertThat(ImageLinks.toImage("https://digital.lib.example.edu/digital/api/singleitem/collection/maps/id/12/thumbnail"))
                .isNotNull();
        assertThat(ImageLinks.toImage("https://gallica.bnf.fr/ark:/12148/btv1b8451596t.thumbnail")).isNotNull();
        assertThat(ImageLinks.toImage("https://gallica.bnf.fr/ark:/12148/btv1b8451596t/f1.highres")).isNotNull();
        // the item's page, and another system's /thumbnail, name no image
        assertThat(ImageLinks.toImage("https://gallica.bnf.fr/ark:/12148/btv1b8451596t")).isNull();
        assertThat(ImageLinks.toImage("https://cdm16013.contentdm.oclc.org/digital/collection/p16013coll4/id/57")).isNull();
        assertThat(ImageLinks.toImage("https://example.org/items/57/thumbnail")).isNull();
    }

    private static String bound(String xml) throws IOException {
        return new String(WellKnownPrefixes.bind(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void theWellKnownPrefixesAreDeclaredOnTheRootUnlessItDeclaresThem() throws IOException {
        String out = bound("<?xml version=\"1.0\"?>\n<!-- c --><!DOCTYPE x [<!ENTITY a \">\">]><ead:ead "
                + "xmlns:ead=\"urn:other\"><dc:title/></ead:ead>");
        assertThat(out).startsWith("<?xml version=\"1.0\"?>\n<!-- c --><!DOCTYPE x [<!ENTITY a \">\">]><ead:ead xmlns:dc=");
        assertThat(out).contains("xmlns:ead=\"urn:other\"").doesNotContain("xmlns:ead=\"urn:isbn")
                .contains("xmlns:edm=\"http://www.europeana.eu/schemas/edm/\"").endsWith("><dc:title/></ead:ead>");
        assertThat(bound("<a/>")).startsWith("<a xmlns:dc=").endsWith("/>");
        assertThat(bound("not xml")).isEqualTo("not xml");
    }
}
