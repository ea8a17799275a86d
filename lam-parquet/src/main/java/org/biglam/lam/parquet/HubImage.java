package org.biglam.lam.parquet;

import org.jspecify.annotations.Nullable;

/**
 * The value of an image column: the image's encoded bytes (JPEG, PNG, ...) and a path or URI
 * naming it. Either may be null, not both: {@code datasets} decodes the bytes when present and
 * otherwise opens the path.
 *
 * @param bytes the encoded image, or null when only referenced
 * @param path a file name or URI, or null
 * @since 0.1
 */
public record HubImage(byte @Nullable [] bytes, @Nullable String path) {

    /** Checks that at least one of bytes and path is given. */
    public HubImage {
        if (bytes == null && path == null) {
            throw new IllegalArgumentException("an image needs bytes or a path");
        }
    }
}
