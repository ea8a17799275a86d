package org.biglam.lam.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Which bytes lam export embeds as an image. */
class ImageKindTest {

    private static byte[] encode(String format) throws IOException {
        BufferedImage img = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 2, 0xff8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(img, format, out)).as(format + " writer").isTrue();
        return out.toByteArray();
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    private static byte[] pad(byte[] b, int n) {
        return Arrays.copyOf(b, Math.max(n, b.length));
    }

    @Test
    void imagesTheJdkWritesAreKnownByTheirHeaders() throws IOException {
        assertThat(ImageKind.of(encode("jpeg"))).isEqualTo("jpg");
        assertThat(ImageKind.of(encode("png"))).isEqualTo("png");
        assertThat(ImageKind.of(encode("gif"))).isEqualTo("gif");
        assertThat(ImageKind.of(encode("tiff"))).isEqualTo("tif");
        assertThat(ImageKind.of(encode("bmp"))).as("BMP is not embedded").isNull();
    }

    @Test
    void webpAndJpeg2000HeadersAreKnown() {
        // RIFF....WEBPVP8L, size, signature 0x2f
        byte[] webp = pad(bytes('R', 'I', 'F', 'F', 30, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L', 10, 0, 0, 0,
                0x2f, 6, 0x40, 0x01, 0), 40);
        assertThat(ImageKind.of(webp)).isEqualTo("webp");
        // JP2 signature box, ftyp, then jp2h > ihdr with height 5 and width 7
        byte[] jp2 = pad(bytes(0, 0, 0, 12, 'j', 'P', ' ', ' ', 0x0d, 0x0a, 0x87, 0x0a,
                0, 0, 0, 20, 'f', 't', 'y', 'p', 'j', 'p', '2', ' ', 0, 0, 0, 0, 'j', 'p', '2', ' ',
                0, 0, 0, 45, 'j', 'p', '2', 'h', 0, 0, 0, 22, 'i', 'h', 'd', 'r', 0, 0, 0, 5, 0, 0, 0, 7, 0, 3), 80);
        assertThat(ImageKind.of(jp2)).isEqualTo("jp2");
        // a raw codestream: SOC, SIZ with Xsiz 7, Ysiz 5
        byte[] j2k = pad(bytes(0xff, 0x4f, 0xff, 0x51, 0, 41, 0, 0, 0, 0, 0, 7, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0), 48);
        assertThat(ImageKind.of(j2k)).isEqualTo("jp2");
    }

    @Test
    void textHtmlAndCutHeadersAreNotImages() throws IOException {
        assertThat(ImageKind.of("root:x:0:0:root:/root:/bin/bash\n".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(ImageKind.of("<html><body>404</body></html>".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(ImageKind.of(new byte[0])).isNull();
        byte[] png = encode("png");
        assertThat(ImageKind.of(Arrays.copyOf(png, 20))).as("PNG cut before its size").isNull();
        byte[] badPng = png.clone();
        badPng[24] = 3;
        assertThat(ImageKind.of(badPng)).as("PNG with bit depth 3").isNull();
        byte[] jpeg = encode("jpeg");
        assertThat(ImageKind.of(Arrays.copyOf(jpeg, 12))).as("JPEG magic alone").isNull();
        assertThat(ImageKind.of(pad(bytes(0xff, 0xd8, 0xff, 0xe0), 64))).as("JPEG without a frame").isNull();
        assertThat(ImageKind.of(pad(bytes('I', 'I', 42, 0, 8, 0, 0, 0, 0, 0), 32))).as("TIFF with an empty IFD").isNull();
        assertThat(ImageKind.of(pad(bytes('G', 'I', 'F', '8', '9', 'a', 0, 0, 0, 0), 16))).as("GIF 0x0").isNull();
        assertThat(ImageKind.of(pad(bytes('R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E'), 40))).isNull();
    }
}
