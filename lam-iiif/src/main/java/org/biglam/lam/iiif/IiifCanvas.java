package org.biglam.lam.iiif;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The IIIF view of a canvas record, attached to it as its native object: get it with
 * {@code record.unwrap(IiifCanvas.class)}. It tells what the JSON form cannot: each image's Image
 * API service with its version and limits (for {@link IiifImageService#url}), the canvas's size,
 * the Choice items that were not the default, and the thumbnails.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class IiifCanvas {

    private final String manifestId;
    private final String canvasId;
    private final int presentationVersion;
    private final long width;
    private final long height;
    private final List<IiifImage> images;
    private final List<IiifImage> alternatives;
    private final List<IiifImage> thumbnails;

    /**
     * Creates a view (the reader does this).
     *
     * @param manifestId the manifest's id; never null
     * @param canvasId the canvas's id; never null
     * @param presentationVersion the Presentation API version the manifest was read as: 2 or 3
     * @param width the canvas's width, or negative if unknown
     * @param height the canvas's height, or negative if unknown
     * @param images the painted images, the defaults of Choices; never null
     * @param alternatives the other items of Choices; never null
     * @param thumbnails the canvas's (or else the manifest's) thumbnails; never null
     */
    public IiifCanvas(String manifestId, String canvasId, int presentationVersion, long width, long height,
            List<IiifImage> images, List<IiifImage> alternatives, List<IiifImage> thumbnails) {
        this.manifestId = Objects.requireNonNull(manifestId, "manifestId");
        this.canvasId = Objects.requireNonNull(canvasId, "canvasId");
        this.presentationVersion = presentationVersion;
        this.width = width;
        this.height = height;
        this.images = List.copyOf(images);
        this.alternatives = List.copyOf(alternatives);
        this.thumbnails = List.copyOf(thumbnails);
    }

    /** The manifest's id; never null. */
    public String manifestId() {
        return manifestId;
    }

    /** The canvas's id; never null. */
    public String canvasId() {
        return canvasId;
    }

    /** The Presentation API version the manifest was read as: 2 or 3. */
    public int presentationVersion() {
        return presentationVersion;
    }

    /** The canvas's width, where given. */
    public OptionalLong width() {
        return width < 0 ? OptionalLong.empty() : OptionalLong.of(width);
    }

    /** The canvas's height, where given. */
    public OptionalLong height() {
        return height < 0 ? OptionalLong.empty() : OptionalLong.of(height);
    }

    /** The painted images, in order (for a Choice, its default item); unmodifiable. */
    public List<IiifImage> images() {
        return images;
    }

    /** The items of Choices other than the default; unmodifiable. */
    public List<IiifImage> alternatives() {
        return alternatives;
    }

    /** The thumbnails; unmodifiable. */
    public List<IiifImage> thumbnails() {
        return thumbnails;
    }

    /** The first painted image's service, if any: the usual way to build image URLs for a canvas. */
    public Optional<IiifImageService> service() {
        for (IiifImage i : images) {
            if (i.service().isPresent()) {
                return i.service();
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof IiifCanvas)) {
            return false;
        }
        IiifCanvas c = (IiifCanvas) o;
        return presentationVersion == c.presentationVersion && width == c.width && height == c.height
                && manifestId.equals(c.manifestId) && canvasId.equals(c.canvasId) && images.equals(c.images)
                && alternatives.equals(c.alternatives) && thumbnails.equals(c.thumbnails);
    }

    @Override
    public int hashCode() {
        return Objects.hash(manifestId, canvasId, presentationVersion, width, height, images, alternatives,
                thumbnails);
    }

    @Override
    public String toString() {
        return "IiifCanvas[" + canvasId + " in " + manifestId + " v" + presentationVersion
                + (width >= 0 ? " " + width + "x" + height : "") + " images=" + images + "]";
    }
}
