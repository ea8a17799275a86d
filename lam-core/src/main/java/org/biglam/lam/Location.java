package org.biglam.lam;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Where in the input a problem was found: the input, the archive entry, the record's index and
 * id, and the byte offset or line and column. Any part may be unknown.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Location {

    private final String input;
    private final String entry;
    private final long index;
    private final String recordId;
    private final long offset;
    private final long line;
    private final long column;

    private Location(String input, String entry, long index, String recordId, long offset, long line,
            long column) {
        this.input = Objects.requireNonNull(input, "input");
        this.entry = entry;
        this.index = index < 0 ? -1 : index;
        this.recordId = recordId;
        this.offset = offset < 0 ? -1 : offset;
        this.line = line <= 0 ? -1 : line;
        this.column = column <= 0 ? -1 : column;
    }

    /**
     * A location naming only an input (and an entry inside it).
     *
     * @param input the input's URI or name; never null
     * @param entry the archive entry, or null
     * @return the location
     */
    public static Location of(String input, @Nullable String entry) {
        return new Location(input, entry, -1, null, -1, -1, -1);
    }

    /** Returns a copy naming the record's index (from 0; negative for unknown). */
    public Location withIndex(long index) {
        return new Location(input, entry, index, recordId, offset, line, column);
    }

    /** Returns a copy naming the record's id (null for unknown). */
    public Location withRecordId(@Nullable String recordId) {
        return new Location(input, entry, index, recordId, offset, line, column);
    }

    /** Returns a copy naming the byte offset (negative for unknown). */
    public Location withOffset(long offset) {
        return new Location(input, entry, index, recordId, offset, line, column);
    }

    /** Returns a copy naming the line and column (from 1; zero or negative for unknown). */
    public Location withLine(long line, long column) {
        return new Location(input, entry, index, recordId, offset, line, column);
    }

    /** The input's URI or name; never null. */
    public String input() {
        return input;
    }

    /** The archive entry, if the problem is inside one. */
    public Optional<String> entry() {
        return Optional.ofNullable(entry);
    }

    /** The ordinal of the record in its input or entry, from 0. */
    public OptionalLong index() {
        return index < 0 ? OptionalLong.empty() : OptionalLong.of(index);
    }

    /** The record's id (a MARC 001, say), where it could be read. */
    public Optional<String> recordId() {
        return Optional.ofNullable(recordId);
    }

    /** The byte offset in the (decompressed) input. */
    public OptionalLong offset() {
        return offset < 0 ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /** The line, from 1. */
    public OptionalLong line() {
        return line < 0 ? OptionalLong.empty() : OptionalLong.of(line);
    }

    /** The column, from 1. */
    public OptionalLong column() {
        return column < 0 ? OptionalLong.empty() : OptionalLong.of(column);
    }

    /**
     * Returns the location as people read it, for example
     * {@code file:///d/x.tar.gz!/a/b.mrc record 3 (id ocm123) at byte 4711}.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(input);
        if (entry != null) {
            sb.append("!/").append(entry);
        }
        if (index >= 0) {
            sb.append(" record ").append(index);
        }
        if (recordId != null) {
            sb.append(" (id ").append(recordId).append(')');
        }
        if (line >= 0) {
            sb.append(" line ").append(line);
            if (column >= 0) {
                sb.append(" column ").append(column);
            }
        }
        if (offset >= 0) {
            sb.append(" at byte ").append(offset);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Location)) {
            return false;
        }
        Location l = (Location) o;
        return index == l.index && offset == l.offset && line == l.line && column == l.column
                && input.equals(l.input) && Objects.equals(entry, l.entry)
                && Objects.equals(recordId, l.recordId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(input, entry, index, recordId, offset, line, column);
    }
}
