package org.biglam.lam;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Lam#detect} found for one input or archive entry: its name, the compression and
 * archive layers around it, and its format.
 *
 * @param uri the outermost input's URI
 * @param entry the archive entry, or null
 * @param containers the layers taken off, outermost first ({@code gzip}, {@code tar}, ...)
 * @param format the format id, or null if no format on the class path recognises it
 * @param problem why it could not be read, or null
 * @since 0.1
 */
public record Detection(String uri, @Nullable String entry, List<String> containers, @Nullable String format,
        @Nullable String problem) {

    /** The format id, if one was recognised. */
    public Optional<String> formatId() {
        return Optional.ofNullable(format);
    }

    /** The input's name: its URI, and {@code !/entry} inside an archive. */
    public String name() {
        return entry == null ? uri : uri + "!/" + entry;
    }
}
