package org.biglam.lam;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Where a record came from: the input's URI, the entry inside an archive (nested archives join
 * their entry paths with {@code !/}), the ordinal of the record in that input, and where known the
 * byte offset or line at which it starts.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class RecordSource {

    private final String uri;
    private final String entry;
    private final long index;
    private final long offset;
    private final long line;

    /**
     * Creates a source.
     *
     * @param uri the input's URI (for example {@code file:///data/books.mrc}); never null
     * @param entry the entry's path inside an archive, or null for a plain input
     * @param index the ordinal of the record in its input or entry, from 0; negative if unknown
     * @param offset the byte offset at which the record starts, or negative if unknown
     * @param line the line (from 1) at which the record starts, or negative if unknown
     */
    public RecordSource(String uri, @Nullable String entry, long index, long offset, long line) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.entry = entry;
        this.index = index < 0 ? -1 : index;
        this.offset = offset < 0 ? -1 : offset;
        this.line = line <= 0 ? -1 : line;
    }

    /** The input's URI; never null. */
    public String uri() {
        return uri;
    }

    /** The archive entry's path, for records read from inside an archive. */
    public Optional<String> entry() {
        return Optional.ofNullable(entry);
    }

    /** The ordinal of the record in its input or entry, from 0, where known. */
    public OptionalLong index() {
        return index < 0 ? OptionalLong.empty() : OptionalLong.of(index);
    }

    /** The byte offset at which the record starts in its (decompressed) input, where known. */
    public OptionalLong offset() {
        return offset < 0 ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /** The line, from 1, at which the record starts, where known. */
    public OptionalLong line() {
        return line < 0 ? OptionalLong.empty() : OptionalLong.of(line);
    }

    /** Returns the input's URI followed by {@code !/entry} where there is an entry. */
    public String name() {
        return entry == null ? uri : uri + "!/" + entry;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RecordSource)) {
            return false;
        }
        RecordSource other = (RecordSource) o;
        return index == other.index && offset == other.offset && line == other.line
                && uri.equals(other.uri) && Objects.equals(entry, other.entry);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, entry, index, offset, line);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name());
        if (index >= 0) {
            sb.append(" #").append(index);
        }
        if (offset >= 0) {
            sb.append(" @").append(offset);
        }
        if (line >= 0) {
            sb.append(" line ").append(line);
        }
        return sb.toString();
    }
}
