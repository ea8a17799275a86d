package org.biglam.lam.cli.export;

import java.nio.charset.StandardCharsets;

/**
 * Says whether bytes are an image {@code lam export} embeds: the magic bytes of JPEG, PNG, TIFF,
 * GIF, WebP or JPEG 2000 and a header that decodes to a positive width and height. Anything else (a
 * text file named {@code .jpg}, an HTML error page, a truncated header) is not embedded.
 */
final class ImageKind {

    private ImageKind() {
    }

    /**
     * The file extension of the image these bytes are, or null if they are none.
     *
     * @param b the bytes
     * @return {@code jpg}, {@code png}, {@code tif}, {@code gif}, {@code webp}, {@code jp2} or null
     */
    static String of(byte[] b) {
        if (b == null || b.length < 12) {
            return null;
        }
        if (u8(b, 0) == 0xFF && u8(b, 1) == 0xD8 && u8(b, 2) == 0xFF) {
            return jpeg(b) ? "jpg" : null;
        }
        if (u8(b, 0) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && u8(b, 4) == 0x0D && u8(b, 5) == 0x0A
                && u8(b, 6) == 0x1A && u8(b, 7) == 0x0A) {
            return png(b) ? "png" : null;
        }
        if (b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8' && (b[4] == '7' || b[4] == '9') && b[5] == 'a') {
            return b.length >= 10 && le16(b, 6) > 0 && le16(b, 8) > 0 ? "gif" : null;
        }
        if (b[0] == 'I' && b[1] == 'I' || b[0] == 'M' && b[1] == 'M') {
            return tiff(b) ? "tif" : null;
        }
        if (b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
                && b[11] == 'P') {
            return webp(b) ? "webp" : null;
        }
        if (jp2(b)) {
            return "jp2";
        }
        return null;
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xff;
    }

    private static int be16(byte[] b, int i) {
        return u8(b, i) << 8 | u8(b, i + 1);
    }

    private static int le16(byte[] b, int i) {
        return u8(b, i) | u8(b, i + 1) << 8;
    }

    private static long be32(byte[] b, int i) {
        return (long) be16(b, i) << 16 | be16(b, i + 2);
    }

    private static long le32(byte[] b, int i) {
        return (long) le16(b, i + 2) << 16 | le16(b, i);
    }

    /** JPEG: segments from SOI to a start-of-frame with a positive size and 1 to 4 components. */
    private static boolean jpeg(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length) {
            if (u8(b, i) != 0xFF) {
                return false;
            }
            int marker = u8(b, i + 1);
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xD8 || marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                i += 2;
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return false;
            }
            int len = be16(b, i + 2);
            if (len < 2) {
                return false;
            }
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                if (i + 10 > b.length || len < 8) {
                    return false;
                }
                int height = be16(b, i + 5);
                int width = be16(b, i + 7);
                int components = u8(b, i + 9);
                return width > 0 && height >= 0 && components >= 1 && components <= 4;
            }
            i += 2 + len;
        }
        return false;
    }

    /** PNG: an IHDR chunk first, with a positive size and a valid bit depth and colour type. */
    private static boolean png(byte[] b) {
        if (b.length < 29 || be32(b, 8) != 13 || !new String(b, 12, 4, StandardCharsets.US_ASCII).equals("IHDR")) {
            return false;
        }
        long w = be32(b, 16);
        long h = be32(b, 20);
        int depth = u8(b, 24);
        int colour = u8(b, 25);
        boolean depthOk = depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
        boolean colourOk = colour == 0 || colour == 2 || colour == 3 || colour == 4 || colour == 6;
        return w > 0 && h > 0 && depthOk && colourOk;
    }

    /** TIFF (and BigTIFF): byte order, magic, a first IFD inside the bytes with width and height tags. */
    private static boolean tiff(byte[] b) {
        boolean le = b[0] == 'I';
        int magic = le ? le16(b, 2) : be16(b, 2);
        if (magic == 43) {
            // BigTIFF: offset size 8, then the 8-byte first IFD offset
            return (le ? le16(b, 4) : be16(b, 4)) == 8 && b.length >= 16;
        }
        if (magic != 42) {
            return false;
        }
        long ifd = le ? le32(b, 4) : be32(b, 4);
        if (ifd < 8 || ifd + 2 > b.length) {
            return false;
        }
        int n = le ? le16(b, (int) ifd) : be16(b, (int) ifd);
        boolean width = false;
        boolean height = false;
        for (int k = 0; k < n; k++) {
            int e = (int) ifd + 2 + 12 * k;
            if (e + 12 > b.length) {
                break;
            }
            int tag = le ? le16(b, e) : be16(b, e);
            width |= tag == 256;
            height |= tag == 257;
        }
        return n > 0 && width && height;
    }

    /** WebP: a VP8, VP8L or VP8X chunk with its signature. */
    private static boolean webp(byte[] b) {
        if (b.length < 30) {
            return false;
        }
        String chunk = new String(b, 12, 4, StandardCharsets.US_ASCII);
        switch (chunk) {
            case "VP8 ":
                // frame tag (3 bytes), then the start code 9d 01 2a and 14-bit width and height
                return u8(b, 23) == 0x9D && u8(b, 24) == 0x01 && u8(b, 25) == 0x2A
                        && (le16(b, 26) & 0x3FFF) > 0 && (le16(b, 28) & 0x3FFF) > 0;
            case "VP8L":
                return u8(b, 20) == 0x2F;
            case "VP8X":
                return true;
            default:
                return false;
        }
    }

    /** JPEG 2000: a JP2 file (signature box, then an image header box) or a raw codestream (SOC, SIZ). */
    private static boolean jp2(byte[] b) {
        if (u8(b, 0) == 0xFF && u8(b, 1) == 0x4F && u8(b, 2) == 0xFF && u8(b, 3) == 0x51) {
            // SIZ: Lsiz, Rsiz, then Xsiz, Ysiz, XOsiz, YOsiz
            return b.length >= 24 && be32(b, 8) > be32(b, 16) && be32(b, 12) > be32(b, 20);
        }
        if (be32(b, 0) != 12 || b[4] != 'j' || b[5] != 'P' || b[6] != ' ' || b[7] != ' ' || be32(b, 8) != 0x0D0A870AL) {
            return false;
        }
        int limit = Math.min(b.length - 12, 1 << 16);
        for (int i = 12; i < limit; i++) {
            if (b[i] == 'i' && b[i + 1] == 'h' && b[i + 2] == 'd' && b[i + 3] == 'r') {
                return i + 12 <= b.length && be32(b, i + 4) > 0 && be32(b, i + 8) > 0;
            }
        }
        return false;
    }
}
