package org.biglam.lam;

/**
 * A rectangle inside an image, in the image's own pixels: {@code x} and {@code y} are the top-left
 * corner, {@code w} and {@code h} the width and height.
 *
 * <p>Immutable and thread-safe.
 *
 * @param x left edge, in pixels, never negative
 * @param y top edge, in pixels, never negative
 * @param w width, in pixels, never negative
 * @param h height, in pixels, never negative
 * @since 0.1
 */
public record Region(long x, long y, long w, long h) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if any value is negative
     */
    public Region {
        if (x < 0 || y < 0 || w < 0 || h < 0) {
            throw new IllegalArgumentException(
                    "region values must not be negative: " + x + "," + y + "," + w + "," + h);
        }
    }

    /**
     * Parses the IIIF / Media Fragments form {@code x,y,w,h} (an optional {@code xywh=} prefix and
     * {@code pixel:} unit are accepted; fractional values are rounded).
     *
     * @param xywh the text, for example {@code "10,20,300,40"}
     * @return the region
     * @throws IllegalArgumentException if the text is not four numbers
     */
    public static Region parse(String xywh) {
        String s = xywh.trim();
        if (s.startsWith("xywh=")) {
            s = s.substring(5);
        }
        if (s.startsWith("pixel:")) {
            s = s.substring(6);
        }
        String[] parts = s.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a region x,y,w,h: " + xywh);
        }
        try {
            return new Region(
                    Math.round(Double.parseDouble(parts[0].trim())),
                    Math.round(Double.parseDouble(parts[1].trim())),
                    Math.round(Double.parseDouble(parts[2].trim())),
                    Math.round(Double.parseDouble(parts[3].trim())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a region x,y,w,h: " + xywh, e);
        }
    }

    /** Returns {@code x,y,w,h}, the form IIIF Image API URLs and media fragments use. */
    @Override
    public String toString() {
        return x + "," + y + "," + w + "," + h;
    }
}
