package org.biglam.lam.store;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One unit of work of a read planned with {@link org.biglam.lam.Lam#plan}: a file of a {@link
 * FileStore}, whole, or for a zip file a range {@code [from, to)} of its entries by their index in
 * the zip's central directory (made by {@link org.biglam.lam.Lam#split}). Read one with {@link
 * org.biglam.lam.Lam#read(WorkUnit, FileStore, org.biglam.lam.ReadOptions)}, on any machine that
 * has the same store: a unit is small and {@link Serializable}, for an engine to send to its
 * workers.
 *
 * <p>A unit also carries the root of the read, the folder the user named as input (or the one
 * holding the files named), which the {@link org.biglam.lam.spi.Origin origin rule} bounds the
 * unit's references with: a METS document may name its images in a sibling folder inside it.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class WorkUnit implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String uri;
    private final long size;
    private final @Nullable String root;
    private final int from;
    private final int to;
    private final boolean oneOfMany;

    private WorkUnit(String uri, long size, @Nullable String root, int from, int to, boolean oneOfMany) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.size = size;
        this.root = root;
        this.from = from;
        this.to = to;
        this.oneOfMany = oneOfMany;
    }

    /**
     * A whole file.
     *
     * @param uri the file's URI on its store
     * @param size its size in bytes, or -1 if unknown
     * @param root the folder URI that bounds the file's references (ending in {@code /}), or null
     *     for the file's own folder only
     * @param oneOfMany whether the file is one of several files of the read (a folder's, a glob's,
     *     several inputs'): a file no format recognises is then left out with a warning, as in a
     *     folder, rather than being an error
     * @return the unit
     */
    public static WorkUnit of(String uri, long size, @Nullable String root, boolean oneOfMany) {
        return new WorkUnit(uri, size, root, 0, -1, oneOfMany);
    }

    /**
     * This file's entries {@code [from, to)} by central-directory index: the unit of a zip file
     * read in parts. Indexes count every entry of the central directory, folders too.
     *
     * @param from the first entry's index, 0 or more
     * @param to the index after the last entry, more than {@code from}
     * @param bytes the compressed size of those entries (for balancing work), or -1
     * @return the unit
     * @throws IllegalArgumentException if the range is empty or negative
     */
    public WorkUnit entries(int from, int to, long bytes) {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("entry range [" + from + ", " + to + ") is empty or negative");
        }
        return new WorkUnit(uri, bytes, root, from, to, oneOfMany);
    }

    /** The file's URI on its store. */
    public String uri() {
        return uri;
    }

    /**
     * The bytes this unit reads, for balancing work: the file's size, or for an entry range the
     * compressed size of its entries; -1 if unknown.
     */
    public long size() {
        return size;
    }

    /** The folder URI that bounds the unit's references, if any. */
    public Optional<String> root() {
        return Optional.ofNullable(root);
    }

    /** Whether the file is one of several files of the read: see {@link #of}. */
    public boolean oneOfMany() {
        return oneOfMany;
    }

    /** Whether the unit is a range of a zip file's entries rather than a whole file. */
    public boolean isEntryRange() {
        return to >= 0;
    }

    /** The index of the range's first entry; 0 for a whole file. */
    public int entryFrom() {
        return from;
    }

    /** The index after the range's last entry; -1 for a whole file. */
    public int entryTo() {
        return to;
    }

    /**
     * Whether the file is named as a zip file ({@code .zip}, any case), so {@link
     * org.biglam.lam.Lam#split} may cut it into entry ranges. Split checks the content itself.
     */
    public boolean isZip() {
        return !isEntryRange() && uri.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof WorkUnit)) {
            return false;
        }
        WorkUnit w = (WorkUnit) o;
        return uri.equals(w.uri) && size == w.size && from == w.from && to == w.to && oneOfMany == w.oneOfMany
                && Objects.equals(root, w.root);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, size, root, from, to, oneOfMany);
    }

    /** The URI, and the entry range if any: {@code file:///a.zip[0,500)}. */
    @Override
    public String toString() {
        return isEntryRange() ? uri + "[" + from + "," + to + ")" : uri;
    }
}
