package org.biglam.lam.iiif;

import java.util.Objects;
import java.util.Optional;
import org.biglam.lam.ImageRef;
import org.jspecify.annotations.Nullable;

/**
 * One image of a canvas as the manifest describes it: the {@link ImageRef} a record carries, the
 * IIIF Image API service behind it with its version and limits, and its label (a Choice item's
 * label, such as "X-Ray").
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class IiifImage {

    private final ImageRef ref;
    private final IiifImageService service;
    private final String label;

    /**
     * Creates an image (the reader does this).
     *
     * @param ref the image reference; never null
     * @param service its Image API service, or null
     * @param label its label, or null
     */
    public IiifImage(ImageRef ref, @Nullable IiifImageService service, @Nullable String label) {
        this.ref = Objects.requireNonNull(ref, "ref");
        this.service = service;
        this.label = label;
    }

    /** The image reference, as records carry it; never null. */
    public ImageRef ref() {
        return ref;
    }

    /** The Image API service, if the image has one. */
    public Optional<IiifImageService> service() {
        return Optional.ofNullable(service);
    }

    /** The image's own label (a Choice item's), if it has one. */
    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof IiifImage)) {
            return false;
        }
        IiifImage i = (IiifImage) o;
        return ref.equals(i.ref) && Objects.equals(service, i.service) && Objects.equals(label, i.label);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ref, service, label);
    }

    @Override
    public String toString() {
        return "IiifImage[" + ref + (service == null ? "" : " " + service) + (label == null ? "" : " '" + label + "'")
                + "]";
    }
}
