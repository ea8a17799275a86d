package org.biglam.lam;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A reference to an image (a page scan, a canvas's image, an illustration): where it is, and where
 * known the IIIF Image API service that serves it, the region of it that a record is about, its
 * size and its media type. The image's bytes are never loaded by lam's readers.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder(String)}.
 *
 * @since 0.1
 */
public final class ImageRef {

    private final String uri;
    private final String service;
    private final Region region;
    private final long width;
    private final long height;
    private final String mime;

    private ImageRef(Builder b) {
        this.uri = b.uri;
        this.service = b.service;
        this.region = b.region;
        this.width = b.width;
        this.height = b.height;
        this.mime = b.mime;
    }

    /**
     * Starts an image reference.
     *
     * @param uri where the image is: an absolute URI, or for images inside an archive the
     *     archive's URI followed by {@code !/} and the entry's path
     * @return a builder
     */
    public static Builder builder(String uri) {
        return new Builder(uri);
    }

    /** Returns a builder holding this reference's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder(uri);
        b.service = service;
        b.region = region;
        b.width = width;
        b.height = height;
        b.mime = mime;
        return b;
    }

    /** Where the image is; never null. */
    public String uri() {
        return uri;
    }

    /** The IIIF Image API base URI of the image's service, if it has one. */
    public Optional<String> service() {
        return Optional.ofNullable(service);
    }

    /** The part of the image this record is about, in the image's pixels, if not the whole. */
    public Optional<Region> region() {
        return Optional.ofNullable(region);
    }

    /** The image's full width in pixels, where known. */
    public OptionalLong width() {
        return width < 0 ? OptionalLong.empty() : OptionalLong.of(width);
    }

    /** The image's full height in pixels, where known. */
    public OptionalLong height() {
        return height < 0 ? OptionalLong.empty() : OptionalLong.of(height);
    }

    /** The image's media type (for example {@code image/jpeg}), where known. */
    public Optional<String> mime() {
        return Optional.ofNullable(mime);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ImageRef)) {
            return false;
        }
        ImageRef other = (ImageRef) o;
        return width == other.width && height == other.height && uri.equals(other.uri)
                && Objects.equals(service, other.service) && Objects.equals(region, other.region)
                && Objects.equals(mime, other.mime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, service, region, width, height, mime);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(uri);
        if (region != null) {
            sb.append("#xywh=").append(region);
        }
        if (width >= 0 && height >= 0) {
            sb.append(" (").append(width).append('x').append(height).append(')');
        }
        if (service != null) {
            sb.append(" service=").append(service);
        }
        return sb.toString();
    }

    /** Builds an {@link ImageRef}. Not thread-safe. */
    public static final class Builder {
        private final String uri;
        private String service;
        private Region region;
        private long width = -1;
        private long height = -1;
        private String mime;

        private Builder(String uri) {
            Objects.requireNonNull(uri, "uri");
            if (uri.isBlank()) {
                throw new IllegalArgumentException("image uri must not be blank");
            }
            this.uri = uri;
        }

        /** Sets the IIIF Image API base URI; null clears it. */
        public Builder service(@Nullable String service) {
            this.service = service;
            return this;
        }

        /** Sets the region this record is about; null means the whole image. */
        public Builder region(@Nullable Region region) {
            this.region = region;
            return this;
        }

        /**
         * Sets the image's full size in pixels.
         *
         * @throws IllegalArgumentException if either is negative
         */
        public Builder size(long width, long height) {
            if (width < 0 || height < 0) {
                throw new IllegalArgumentException("image size must not be negative");
            }
            this.width = width;
            this.height = height;
            return this;
        }

        /** Sets the media type; null clears it. */
        public Builder mime(@Nullable String mime) {
            this.mime = mime;
            return this;
        }

        /** Returns the image reference. */
        public ImageRef build() {
            return new ImageRef(this);
        }
    }
}
