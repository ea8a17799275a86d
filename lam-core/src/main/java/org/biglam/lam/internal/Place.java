package org.biglam.lam.internal;

import java.nio.file.Path;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.biglam.lam.Location;
import org.biglam.lam.store.FileStore;
import org.biglam.lam.store.InputFile;

/**
 * Where an input sits: the outermost input's URI, the entry path inside archives, the name used for
 * ids, and what is needed to reach its siblings: the store file itself while the input is that
 * plain file, the zip file when it is a zip's entry, and the store with the read's root.
 */
record Place(String uri, String entry, String name, InputFile plain, ZipFile zip, Reach reach) {

    /**
     * The store an input's references are opened on; the folder URI that bounds them on a store
     * other than local files (null for none: the input's own folder only); and whether relative
     * references resolve against the input's URI (not for standard input, a caller's stream, a
     * source's page).
     */
    record Reach(FileStore store, String root, boolean base) {

        /** A store file's reach. */
        Reach(FileStore store, String root) {
            this(store, root, true);
        }
    }

    static Place root(Unit unit) {
        Place parent = unit.parentPlace();
        if (parent != null) {
            return parent;
        }
        return new Place(unit.uri(), unit.entry(), unit.name(), unit.storeFile(), null, unit.reach());
    }

    Location location() {
        return Location.of(uri, entry);
    }

    /** The local file behind a plain input, or null. */
    Path file() {
        return plain instanceof LocalStore.LocalFile ? ((LocalStore.LocalFile) plain).path() : null;
    }

    /**
     * The same place after a compression layer was taken off: no longer a plain file; the entry
     * keeps its real name, the name for ids loses the suffix.
     */
    Place decompressed(String innerName) {
        return new Place(uri, entry, innerName, null, zip, reach);
    }

    /** A place for an entry of an archive at this place. */
    Place child(String entryPath, ZipFile zipOnDisk) {
        String nested = entry == null ? entryPath : entry + "!/" + entryPath;
        return new Place(uri, nested, nested, null, zipOnDisk, reach);
    }

    /** The entry's path within its innermost archive. */
    String innerEntry() {
        if (entry == null) {
            return null;
        }
        int bang = entry.lastIndexOf("!/");
        return bang < 0 ? entry : entry.substring(bang + 2);
    }

    /**
     * Resolves a relative path against an entry path, as URIs do; null if it climbs out of the
     * archive.
     */
    static String resolveEntryPath(String base, String href) {
        String h = href.replace('\\', '/');
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        if (!h.startsWith("/")) {
            int slash = base.lastIndexOf('/');
            if (slash >= 0) {
                for (String p : base.substring(0, slash).split("/")) {
                    if (!p.isEmpty()) {
                        parts.addLast(p);
                    }
                }
            }
        }
        for (String p : h.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }
}
