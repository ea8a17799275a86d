package org.biglam.lam.iiif;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.biglam.lam.Region;
import org.jspecify.annotations.Nullable;

/**
 * A IIIF Image API service as a manifest describes it (its base URI, its API version, and where
 * given its full size and the server's size limits), and the builder of image request URLs for a
 * region and a size in the service's own version: {@code full} in version 2 and {@code max} in
 * version 3 for the whole size, {@code w,}, {@code ,h}, {@code w,h}, {@code !w,h} and
 * {@code pct:n}, with the server's {@code maxWidth}, {@code maxHeight} and {@code maxArea}
 * respected (a size beyond them is scaled down, keeping the aspect ratio, where the region's size
 * is known).
 *
 * <pre>{@code
 * IiifImageService s = IiifImageService.builder("https://example.org/iiif/p1", 3).size(6000, 8000).build();
 * s.url(new Region(0, 0, 3000, 4000), IiifImageService.Size.bestFit(512, 512));
 * // https://example.org/iiif/p1/0,0,3000,4000/!512,512/0/default.jpg
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class IiifImageService {

    private final String id;
    private final int version;
    private final String profile;
    private final long width;
    private final long height;
    private final long maxWidth;
    private final long maxHeight;
    private final long maxArea;

    private IiifImageService(Builder b) {
        this.id = b.id;
        this.version = b.version;
        this.profile = b.profile;
        this.width = b.width;
        this.height = b.height;
        this.maxWidth = b.maxWidth;
        this.maxHeight = b.maxHeight;
        this.maxArea = b.maxArea;
    }

    /**
     * Starts a service description.
     *
     * @param id the service's base URI (without {@code /info.json}); a trailing slash is removed
     * @param version the Image API major version: 1, 2 or 3
     * @return a builder
     * @throws IllegalArgumentException if the id is blank or the version unknown
     */
    public static Builder builder(String id, int version) {
        return new Builder(id, version);
    }

    /** A service known only by its base URI and version. */
    public static IiifImageService of(String id, int version) {
        return builder(id, version).build();
    }

    /** The base URI; never null. */
    public String id() {
        return id;
    }

    /** The Image API major version: 1, 2 or 3. */
    public int version() {
        return version;
    }

    /** The compliance level or profile URI the manifest gives ({@code level1}, ...), if any. */
    public Optional<String> profile() {
        return Optional.ofNullable(profile);
    }

    /** The full image's width, if the manifest gives it. */
    public OptionalLong width() {
        return width < 0 ? OptionalLong.empty() : OptionalLong.of(width);
    }

    /** The full image's height, if the manifest gives it. */
    public OptionalLong height() {
        return height < 0 ? OptionalLong.empty() : OptionalLong.of(height);
    }

    /** The widest image the server returns, if it says. */
    public OptionalLong maxWidth() {
        return maxWidth < 0 ? OptionalLong.empty() : OptionalLong.of(maxWidth);
    }

    /** The highest image the server returns, if it says. */
    public OptionalLong maxHeight() {
        return maxHeight < 0 ? OptionalLong.empty() : OptionalLong.of(maxHeight);
    }

    /** The most pixels the server returns in one image, if it says. */
    public OptionalLong maxArea() {
        return maxArea < 0 ? OptionalLong.empty() : OptionalLong.of(maxArea);
    }

    /** The URI of the service's {@code info.json}. */
    public String infoUrl() {
        return id + "/info.json";
    }

    /** The URL of the whole image at the largest size allowed, as a JPEG. */
    public String fullUrl() {
        return url(null, Size.max());
    }

    /**
     * The URL of a region at a size, unrotated, in the default quality, as a JPEG.
     *
     * @param region the region in the image's pixels, or null for the whole image
     * @param size the size asked for
     * @return the URL
     */
    public String url(@Nullable Region region, Size size) {
        return url(region, size, version == 1 ? "native" : "default", "jpg");
    }

    /**
     * The URL of a region at a size, unrotated.
     *
     * @param region the region in the image's pixels, or null for the whole image
     * @param size the size asked for
     * @param quality the quality ({@code default}, {@code color}, {@code gray}, {@code bitonal})
     * @param format the format extension ({@code jpg}, {@code png}, ...)
     * @return the URL
     */
    public String url(@Nullable Region region, Size size, String quality, String format) {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(format, "format");
        String regionPart = region == null ? "full" : region.toString();
        return id + '/' + regionPart + '/' + sizePart(region, size) + "/0/" + quality + '.' + format;
    }

    /**
     * The size segment of a request for a region, in this service's version and within its limits.
     *
     * @param region the region, or null for the whole image
     * @param size the size asked for
     * @return the size segment, for example {@code max}, {@code 512,} or {@code !800,600}
     */
    public String sizePart(@Nullable Region region, Size size) {
        long rw = region != null ? region.w() : width;
        long rh = region != null ? region.h() : height;
        boolean limited = maxWidth > 0 || maxHeight > 0 || maxArea > 0;
        boolean known = rw > 0 && rh > 0;
        if (!known) {
            if (size.kind == Size.Kind.MAX) {
                return version >= 3 ? "max" : (limited ? "max" : "full");
            }
            return size.spec(version);
        }
        // the pixel size the request would give
        double w;
        double h;
        switch (size.kind) {
            case MAX:
                w = rw;
                h = rh;
                break;
            case WIDTH:
                w = size.w;
                h = (double) rh * size.w / rw;
                break;
            case HEIGHT:
                h = size.h;
                w = (double) rw * size.h / rh;
                break;
            case EXACT:
                w = size.w;
                h = size.h;
                break;
            case BEST_FIT: {
                double s = Math.min((double) size.w / rw, (double) size.h / rh);
                w = rw * s;
                h = rh * s;
                break;
            }
            case PERCENT:
                w = rw * size.pct / 100.0;
                h = rh * size.pct / 100.0;
                break;
            default:
                throw new AssertionError(size.kind);
        }
        double scale = 1.0;
        if (maxWidth > 0 && w > maxWidth) {
            scale = Math.min(scale, maxWidth / w);
        }
        // the Image API: where maxHeight is not given, it is maxWidth
        long effMaxHeight = maxHeight > 0 ? maxHeight : maxWidth;
        if (effMaxHeight > 0 && h > effMaxHeight) {
            scale = Math.min(scale, effMaxHeight / h);
        }
        if (maxArea > 0 && w * h > maxArea) {
            scale = Math.min(scale, Math.sqrt(maxArea / (w * h)));
        }
        if (scale < 1.0) {
            long sw = Math.max(1, (long) Math.floor(w * scale));
            long sh = Math.max(1, (long) Math.floor(h * scale));
            if (size.kind == Size.Kind.MAX && version >= 3) {
                return "max";
            }
            return upscalePrefix(sw, sh, rw, rh) + sw + "," + sh;
        }
        if (size.kind == Size.Kind.MAX) {
            return version >= 3 ? "max" : "full";
        }
        return upscalePrefix(Math.round(w), Math.round(h), rw, rh) + size.spec(version);
    }

    private String upscalePrefix(long w, long h, long rw, long rh) {
        return version >= 3 && (w > rw || h > rh) ? "^" : "";
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof IiifImageService)) {
            return false;
        }
        IiifImageService s = (IiifImageService) o;
        return version == s.version && width == s.width && height == s.height && maxWidth == s.maxWidth
                && maxHeight == s.maxHeight && maxArea == s.maxArea && id.equals(s.id)
                && Objects.equals(profile, s.profile);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version, profile, width, height, maxWidth, maxHeight, maxArea);
    }

    @Override
    public String toString() {
        return "IiifImageService[" + id + " v" + version + (profile == null ? "" : " " + profile)
                + (width >= 0 ? " " + width + "x" + height : "")
                + (maxWidth > 0 ? " maxWidth=" + maxWidth : "") + (maxHeight > 0 ? " maxHeight=" + maxHeight : "")
                + (maxArea > 0 ? " maxArea=" + maxArea : "") + "]";
    }

    /**
     * A size asked of an Image API service. Immutable.
     *
     * @since 0.1
     */
    public static final class Size {

        enum Kind { MAX, WIDTH, HEIGHT, EXACT, BEST_FIT, PERCENT }

        private static final Size MAX = new Size(Kind.MAX, -1, -1, 0);

        private final Kind kind;
        private final long w;
        private final long h;
        private final double pct;

        private Size(Kind kind, long w, long h, double pct) {
            this.kind = kind;
            this.w = w;
            this.h = h;
            this.pct = pct;
        }

        private static long positive(long v, String what) {
            if (v <= 0) {
                throw new IllegalArgumentException(what + " must be positive: " + v);
            }
            return v;
        }

        /** The whole size, or the largest the server allows: {@code full} (v2) or {@code max} (v3). */
        public static Size max() {
            return MAX;
        }

        /** This width, the height in proportion: {@code w,}. */
        public static Size width(long w) {
            return new Size(Kind.WIDTH, positive(w, "width"), -1, 0);
        }

        /** This height, the width in proportion: {@code ,h}. */
        public static Size height(long h) {
            return new Size(Kind.HEIGHT, -1, positive(h, "height"), 0);
        }

        /** Exactly this width and height, distorting if need be: {@code w,h}. */
        public static Size exact(long w, long h) {
            return new Size(Kind.EXACT, positive(w, "width"), positive(h, "height"), 0);
        }

        /** The largest size within this box, keeping the aspect ratio: {@code !w,h}. */
        public static Size bestFit(long w, long h) {
            return new Size(Kind.BEST_FIT, positive(w, "width"), positive(h, "height"), 0);
        }

        /**
         * A percentage of the region's size: {@code pct:n}.
         *
         * @throws IllegalArgumentException if not positive
         */
        public static Size percent(double pct) {
            if (!(pct > 0)) {
                throw new IllegalArgumentException("percent must be positive: " + pct);
            }
            return new Size(Kind.PERCENT, -1, -1, pct);
        }

        String spec(int version) {
            switch (kind) {
                case MAX:
                    return version >= 3 ? "max" : "full";
                case WIDTH:
                    return w + ",";
                case HEIGHT:
                    return "," + h;
                case EXACT:
                    return w + "," + h;
                case BEST_FIT:
                    return "!" + w + "," + h;
                case PERCENT:
                    return "pct:" + BigDecimal.valueOf(pct).stripTrailingZeros().toPlainString();
                default:
                    throw new AssertionError(kind);
            }
        }

        @Override
        public String toString() {
            return spec(3);
        }
    }

    /** Builds {@link IiifImageService}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final int version;
        private String profile;
        private long width = -1;
        private long height = -1;
        private long maxWidth = -1;
        private long maxHeight = -1;
        private long maxArea = -1;

        private Builder(String id, int version) {
            Objects.requireNonNull(id, "id");
            String s = id.strip();
            while (s.endsWith("/")) {
                s = s.substring(0, s.length() - 1);
            }
            if (s.endsWith("/info.json")) {
                s = s.substring(0, s.length() - "/info.json".length());
            }
            if (s.isEmpty()) {
                throw new IllegalArgumentException("service id must not be blank");
            }
            if (version < 1 || version > 3) {
                throw new IllegalArgumentException("Image API version must be 1, 2 or 3: " + version);
            }
            this.id = s;
            this.version = version;
        }

        /** Sets the compliance level or profile; null clears it. */
        public Builder profile(@Nullable String profile) {
            this.profile = profile;
            return this;
        }

        /** Sets the full image's size; a value not positive means unknown. */
        public Builder size(long width, long height) {
            this.width = width > 0 ? width : -1;
            this.height = height > 0 ? height : -1;
            return this;
        }

        /** Sets the server's largest width; not positive means none. */
        public Builder maxWidth(long v) {
            this.maxWidth = v > 0 ? v : -1;
            return this;
        }

        /** Sets the server's largest height; not positive means none. */
        public Builder maxHeight(long v) {
            this.maxHeight = v > 0 ? v : -1;
            return this;
        }

        /** Sets the server's largest area in pixels; not positive means none. */
        public Builder maxArea(long v) {
            this.maxArea = v > 0 ? v : -1;
            return this;
        }

        /** Returns the service. */
        public IiifImageService build() {
            return new IiifImageService(this);
        }
    }
}
