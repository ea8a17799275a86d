package org.biglam.lam.spi;

import java.util.Locale;
import java.util.regex.Pattern;
import org.biglam.lam.ImageRef;
import org.jspecify.annotations.Nullable;

/**
 * Image links as metadata gives them ({@code dao} in EAD, {@code resourceSet} in LIDO,
 * {@code edm:isShownBy} in EDM): trimmed, with spaces and other characters a URI may not hold
 * percent-encoded, made absolute against the document, and IIIF recognised: an Image API service
 * ({@code .../info.json}, or an image request {@code .../full/max/0/default.jpg}) gives its service
 * base, and a Presentation API manifest is told apart from an image. Whether a reference may be
 * followed is the origin rule's business, not this class's. {@link #toImage} tells whether a value
 * that may be anything (a Dublin Core identifier) is such a link at all. Thread-safe.
 *
 * @since 0.1
 */
public final class ImageLinks {

    /** The last four segments of an IIIF Image API request: quality and format, rotation, size, region. */
    private static final Pattern QUALITY = Pattern.compile("(default|color|gray|bitonal|native|grey)\\.[a-z0-9]{2,4}");
    private static final Pattern ROTATION = Pattern.compile("!?\\d+(\\.\\d+)?");
    private static final Pattern SIZE = Pattern.compile("full|max|\\^?!?\\d*,\\d*|\\^?pct:[\\d.]+|\\^?max|\\^?!?\\d+,\\d+");
    private static final Pattern REGION = Pattern.compile("full|square|\\d+,\\d+,\\d+,\\d+|pct:[\\d.,]+");

    /** The characters a link may not hold as they are: controls, space, {@code "<>\\^`{|}} and DEL. */
    private static final boolean[] BAD = new boolean[0x80];

    static {
        for (char c = 0; c <= ' '; c++) {
            BAD[c] = true;
        }
        for (char c : "\"<>\\^`{|}\u007f".toCharArray()) {
            BAD[c] = true;
        }
    }

    private ImageLinks() {
    }

    /**
     * A link trimmed, with white space inside and characters not allowed in a URI percent-encoded
     * ({@code a b.jpg} gives {@code a%20b.jpg}); {@code %} signs are left as they are.
     *
     * @param href the link as written
     * @return the cleaned link, or null when blank
     */
    public static @Nullable String clean(String href) {
        if (href == null) {
            return null;
        }
        String h = href.strip();
        if (h.isEmpty()) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            boolean bad = c < 0x80 && BAD[c];
            if (bad && sb == null) {
                sb = new StringBuilder(h.length() + 8).append(h, 0, i);
            }
            if (sb != null) {
                if (bad) {
                    sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4 & 0xf, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? h : sb.toString();
    }

    /**
     * Whether a link names a IIIF Presentation manifest rather than an image: its path ends in
     * {@code manifest} or {@code manifest.json}, or holds {@code /manifest/} or {@code /iiif/presentation/}.
     *
     * @param uri a cleaned link
     * @return whether it is a manifest
     */
    public static boolean isManifest(String uri) {
        String u = path(uri).toLowerCase(Locale.ROOT);
        return u.endsWith("/manifest") || u.endsWith("manifest.json") || u.contains("/manifest/")
                || u.contains("/iiif/presentation/") || u.contains("/presentation/v") && u.contains("/manifest");
    }

    /**
     * The IIIF Image API service base of a link, if it names one: {@code .../info.json} gives what
     * stands before, an image request {@code .../<region>/<size>/<rotation>/<quality>.<format>}
     * the part before its region.
     *
     * @param uri a cleaned link
     * @return the service base, or null
     */
    public static @Nullable String iiifService(String uri) {
        String p = path(uri);
        if (p.endsWith("/info.json")) {
            return uri.substring(0, p.length() - "/info.json".length());
        }
        // the last four '/'-separated segments (trailing empty ones dropped, as String.split would),
        // with at least one before them; found without splitting the whole link
        int end = p.length();
        while (end > 0 && p.charAt(end - 1) == '/') {
            end--;
        }
        int s4 = end > 0 ? p.lastIndexOf('/', end - 1) : -1;
        int s3 = s4 > 0 ? p.lastIndexOf('/', s4 - 1) : -1;
        int s2 = s3 > 0 ? p.lastIndexOf('/', s3 - 1) : -1;
        int s1 = s2 > 0 ? p.lastIndexOf('/', s2 - 1) : -1;
        if (s1 >= 0 && p.indexOf('.', s4) > 0) {
            String quality = p.substring(s4 + 1, end);
            String rotation = p.substring(s3 + 1, s4);
            String size = p.substring(s2 + 1, s3);
            String region = p.substring(s1 + 1, s2);
            if (QUALITY.matcher(quality).matches() && ROTATION.matcher(rotation).matches()
                    && SIZE.matcher(size).matches() && REGION.matcher(region).matches()) {
                int cut = p.length() - (region.length() + size.length() + rotation.length() + quality.length() + 4);
                return uri.substring(0, cut);
            }
        }
        return null;
    }

    /**
     * An image reference for a link: cleaned, made absolute against the input, with its IIIF
     * service where it names one (the reference is then the service's full image).
     *
     * @param input the document's input, to resolve relative links; may be null
     * @param href the link as written
     * @return the reference, or null when the link is blank
     */
    public static @Nullable ImageRef image(@Nullable Input input, String href) {
        String u = clean(href);
        if (u == null) {
            return null;
        }
        if (input != null && !hasScheme(u)) {
            try {
                u = input.resolveUri(u);
            } catch (RuntimeException e) {
                // left as written: names nothing lam reads
            }
        }
        String service = iiifService(u);
        if (service != null) {
            String full = u.endsWith("/info.json") ? service + "/full/max/0/default.jpg" : u;
            return ImageRef.builder(full).service(service).build();
        }
        return ImageRef.builder(u).build();
    }

    /** Whether a link starts with a URI scheme ({@code https:}, {@code urn:}). */
    public static boolean hasScheme(String u) {
        int colon = u.indexOf(':');
        if (colon < 2) { // a Windows drive letter (C:) is not a scheme
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = u.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 0x80 || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return Character.isLetter(u.charAt(0));
    }

    /**
     * The image reference a value stands for, if it is an http(s) link to an image file, a IIIF
     * image service, a IIIF manifest (a link with {@code iiif} in it ending in {@code manifest} or
     * {@code manifest.json}), or an image address of CONTENTdm ({@code /utils/getthumbnail/...}) or
     * Gallica ({@code ark:/12148/...thumbnail}, {@code .highres}): for values that may be anything, such as Dublin Core identifiers and
     * MODS {@code location/url}s; with the service for {@code info.json} links and the media type
     * where the link's ending tells it ({@code application/ld+json} for a manifest).
     *
     * @param link a value from a record
     * @return the reference, or null when the value is not such a link
     */
    public static @Nullable ImageRef toImage(String link) {
        if (link == null) {
            return null;
        }
        String u = link.strip();
        if (!(u.regionMatches(true, 0, "http://", 0, 7) || u.regionMatches(true, 0, "https://", 0, 8))
                || u.indexOf(' ') >= 0) {
            return null;
        }
        int cut = u.length();
        int q = u.indexOf('?');
        int h = u.indexOf('#');
        if (q >= 0) {
            cut = q;
        }
        if (h >= 0 && h < cut) {
            cut = h;
        }
        // the path's ending, in any case, read in place (no lower-cased copy of every value)
        String mime = mimeOf(u, cut);
        boolean service = endsWith(u, cut, "/info.json");
        boolean manifest = (endsWith(u, cut, "manifest") || endsWith(u, cut, "manifest.json"))
                && u.substring(0, cut).toLowerCase(Locale.ROOT).contains("iiif");
        if (mime == null && !service && !manifest) {
            // an image server's address that names no file ending: its image, media type unsaid
            return imageEndpoint(u, cut) ? ImageRef.builder(u).build() : null;
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

    /**
     * The image reference of a link that a record gives as its object's image or preview (MODS
     * {@code location/url} with {@code access="preview"} or {@code "raw object"}): as {@link #toImage}
     * where the link's ending tells; else, an http(s) link with a host whose path does not end in
     * the ending of a document, sound, video or archive file ({@code .../OBJ/view} is an image,
     * {@code .../Thesis.PDF?sequence=1} is not).
     *
     * @param link the link, {@linkplain #clean cleaned}
     * @return the reference, or null when the link is no image
     */
    public static @Nullable ImageRef toObjectImage(String link) {
        ImageRef img = toImage(link);
        if (img != null || link == null) {
            return img;
        }
        String u = link.strip();
        int at = u.regionMatches(true, 0, "http://", 0, 7) ? 7 : u.regionMatches(true, 0, "https://", 0, 8) ? 8 : -1;
        if (at < 0 || u.length() == at || "/?#".indexOf(u.charAt(at)) >= 0 || u.indexOf(' ') >= 0) {
            return null;
        }
        String p = path(u);
        int slash = p.lastIndexOf('/');
        int dot = p.lastIndexOf('.');
        if (dot > slash && p.length() - dot - 1 <= 5
                && OTHER_FILES.contains(p.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            return null;
        }
        return ImageRef.builder(u).build();
    }

    /** Endings of files that are no images: documents, data, archives, sound and video. */
    private static final java.util.Set<String> OTHER_FILES = java.util.Set.of("pdf", "epub", "djvu", "txt", "xml",
            "html", "htm", "json", "csv", "doc", "docx", "rtf", "odt", "xls", "xlsx", "ppt", "pptx", "zip", "gz",
            "tar", "7z", "mp3", "wav", "flac", "ogg", "oga", "m4a", "aac", "mp4", "m4v", "mov", "avi", "mkv",
            "webm", "mpg", "mpeg", "wmv", "wma", "warc");

    /** Whether {@code u}'s first {@code cut} characters end with {@code suffix}, in any case. */
    /**
     * The image addresses of common repository systems that end in no file name: CONTENTdm's
     * {@code /utils/getthumbnail/collection/x/id/1} and {@code /digital/api/singleitem/.../thumbnail},
     * and Gallica's {@code ark:/12148/btv1b...} with {@code .thumbnail}, {@code .highres},
     * {@code .medres} or {@code .lowres}.
     */
    private static boolean imageEndpoint(String u, int cut) {
        String path = u.substring(0, cut).toLowerCase(Locale.ROOT);
        if (path.contains("/utils/getthumbnail/")
                || path.contains("/digital/api/singleitem/") && path.endsWith("/thumbnail")) {
            return true;
        }
        return path.contains("/ark:/12148/") && (path.endsWith(".thumbnail") || path.endsWith(".highres")
                || path.endsWith(".medres") || path.endsWith(".lowres"));
    }

    private static boolean endsWith(String u, int cut, String suffix) {
        int n = suffix.length();
        return cut >= n && u.regionMatches(true, cut - n, suffix, 0, n);
    }

    private static String mimeOf(String u, int cut) {
        if (endsWith(u, cut, ".jpg") || endsWith(u, cut, ".jpeg")) {
            return "image/jpeg";
        }
        if (endsWith(u, cut, ".png")) {
            return "image/png";
        }
        if (endsWith(u, cut, ".tif") || endsWith(u, cut, ".tiff")) {
            return "image/tiff";
        }
        if (endsWith(u, cut, ".jp2")) {
            return "image/jp2";
        }
        if (endsWith(u, cut, ".gif")) {
            return "image/gif";
        }
        if (endsWith(u, cut, ".webp")) {
            return "image/webp";
        }
        return null;
    }

    private static String path(String uri) {
        int q = uri.indexOf('?');
        int h = uri.indexOf('#');
        int end = uri.length();
        if (q >= 0) {
            end = q;
        }
        if (h >= 0 && h < end) {
            end = h;
        }
        return uri.substring(0, end);
    }
}
