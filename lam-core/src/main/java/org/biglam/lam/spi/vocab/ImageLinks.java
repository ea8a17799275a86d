package org.biglam.lam.spi.vocab;

import java.util.Locale;
import org.biglam.lam.ImageRef;

/**
 * Links in catalogue records that point at images: an image file ({@code .jpg}, {@code .png},
 * {@code .tif}, {@code .jp2}, ...), a IIIF Image API service ({@code .../info.json}, or a IIIF
 * image request {@code .../full/max/0/default.jpg}), or a IIIF manifest (a link with {@code iiif}
 * in it ending in {@code manifest} or {@code manifest.json}). One rule for every format whose
 * identifiers or locations may be such links (Dublin Core identifiers, MODS {@code location/url}).
 * Thread-safe.
 *
 * @since 0.2
 */
public final class ImageLinks {

    private ImageLinks() {
    }

    /**
     * The image reference a link stands for, if it is an http(s) link to an image, a IIIF image
     * service or a IIIF manifest: with the service for {@code info.json} links and the media type
     * where the link's ending tells it ({@code application/ld+json} for a manifest).
     *
     * @param link a value from a record
     * @return the reference, or null when the value is not such a link
     */
    public static ImageRef toImage(String link) {
        if (link == null) {
            return null;
        }
        String u = link.strip();
        if (!(u.regionMatches(true, 0, "http://", 0, 7) || u.regionMatches(true, 0, "https://", 0, 8))
                || u.indexOf(' ') >= 0) {
            return null;
        }
        String lower = u.toLowerCase(Locale.ROOT);
        int cut = lower.length();
        int q = lower.indexOf('?');
        int h = lower.indexOf('#');
        if (q >= 0) {
            cut = q;
        }
        if (h >= 0 && h < cut) {
            cut = h;
        }
        String path = lower.substring(0, cut);
        String mime = mime(path);
        boolean service = path.endsWith("/info.json");
        boolean manifest = path.contains("iiif") && (path.endsWith("manifest") || path.endsWith("manifest.json"));
        if (mime == null && !service && !manifest) {
            return null;
        }
        ImageRef.Builder img = ImageRef.builder(u);
        if (service) {
            img.service(u.substring(0, cut - "/info.json".length()));
        } else if (manifest) {
            img.mime("application/ld+json");
        } else {
            img.mime(mime);
        }
        return img.build();
    }

    private static String mime(String path) {
        if (path.endsWith(".jpg") || path.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (path.endsWith(".png")) {
            return "image/png";
        }
        if (path.endsWith(".tif") || path.endsWith(".tiff")) {
            return "image/tiff";
        }
        if (path.endsWith(".jp2")) {
            return "image/jp2";
        }
        if (path.endsWith(".gif")) {
            return "image/gif";
        }
        if (path.endsWith(".webp")) {
            return "image/webp";
        }
        return null;
    }
}
