package org.biglam.lam.iiif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.biglam.lam.Region;
import org.biglam.lam.iiif.IiifImageService.Size;
import org.junit.jupiter.api.Test;

class IiifImageServiceTest {

    private static final String BASE = "https://images.example.org/iiif/p1";

    @Test
    void theWholeSizeIsFullInVersionTwoAndMaxInVersionThree() {
        assertThat(IiifImageService.of(BASE, 2).fullUrl()).isEqualTo(BASE + "/full/full/0/default.jpg");
        assertThat(IiifImageService.of(BASE, 3).fullUrl()).isEqualTo(BASE + "/full/max/0/default.jpg");
        assertThat(IiifImageService.of(BASE, 1).fullUrl()).isEqualTo(BASE + "/full/full/0/native.jpg");
    }

    @Test
    void sizesAreWrittenInTheImageApiForms() {
        IiifImageService s = IiifImageService.of(BASE + "/", 3);
        Region r = new Region(10, 20, 300, 400);
        assertThat(s.url(r, Size.width(150))).isEqualTo(BASE + "/10,20,300,400/150,/0/default.jpg");
        assertThat(s.url(r, Size.height(200))).isEqualTo(BASE + "/10,20,300,400/,200/0/default.jpg");
        assertThat(s.url(r, Size.exact(100, 100))).isEqualTo(BASE + "/10,20,300,400/100,100/0/default.jpg");
        assertThat(s.url(r, Size.bestFit(512, 512))).isEqualTo(BASE + "/10,20,300,400/!512,512/0/default.jpg"
                .replace("!512", "^!512"));
        assertThat(s.url(null, Size.percent(12.5))).isEqualTo(BASE + "/full/pct:12.5/0/default.jpg");
        assertThat(s.url(null, Size.max(), "gray", "png")).isEqualTo(BASE + "/full/max/0/gray.png");
        assertThat(s.infoUrl()).isEqualTo(BASE + "/info.json");
    }

    @Test
    void versionThreeMarksUpscalingAndVersionTwoDoesNot() {
        Region r = new Region(0, 0, 100, 100);
        assertThat(IiifImageService.of(BASE, 3).sizePart(r, Size.width(200))).isEqualTo("^200,");
        assertThat(IiifImageService.of(BASE, 2).sizePart(r, Size.width(200))).isEqualTo("200,");
        assertThat(IiifImageService.of(BASE, 3).sizePart(r, Size.width(50))).isEqualTo("50,");
    }

    @Test
    void theServersMaxWidthMaxHeightAndMaxAreaAreRespected() {
        IiifImageService w = IiifImageService.builder(BASE, 2).size(4000, 3000).maxWidth(1000).build();
        // maxHeight defaults to maxWidth
        assertThat(w.url(null, Size.max())).isEqualTo(BASE + "/full/1000,750/0/default.jpg");
        assertThat(w.url(null, Size.width(2000))).isEqualTo(BASE + "/full/1000,750/0/default.jpg");
        assertThat(w.url(null, Size.width(800))).isEqualTo(BASE + "/full/800,/0/default.jpg");
        assertThat(w.url(new Region(0, 0, 500, 500), Size.max())).isEqualTo(BASE + "/0,0,500,500/full/0/default.jpg");

        IiifImageService h = IiifImageService.builder(BASE, 3).size(3000, 4000).maxWidth(5000).maxHeight(1000).build();
        assertThat(h.url(null, Size.max())).isEqualTo(BASE + "/full/max/0/default.jpg");
        assertThat(h.url(null, Size.percent(50))).isEqualTo(BASE + "/full/750,1000/0/default.jpg");

        IiifImageService a = IiifImageService.builder(BASE, 2).size(2000, 2000).maxArea(1_000_000).build();
        assertThat(a.url(null, Size.max())).isEqualTo(BASE + "/full/1000,1000/0/default.jpg");
        assertThat(a.url(null, Size.bestFit(4000, 4000))).isEqualTo(BASE + "/full/1000,1000/0/default.jpg");

        IiifImageService unknownSize = IiifImageService.builder(BASE, 2).maxWidth(1000).build();
        assertThat(unknownSize.url(null, Size.max())).isEqualTo(BASE + "/full/max/0/default.jpg");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> IiifImageService.of(BASE, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IiifImageService.of(" ", 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Size.width(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Size.percent(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aServiceIdEndingInInfoJsonIsTrimmed() {
        assertThat(IiifImageService.of(BASE + "/info.json", 2).id()).isEqualTo(BASE);
    }
}
