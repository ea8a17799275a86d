package org.biglam.lam.internal;

import java.net.URI;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.biglam.lam.Location;

/**
 * Where an input sits: the outermost input's URI, the entry path inside archives, the name used for
 * ids, and what is needed to reach its siblings (the local file, the zip file on disk, the URL).
 */
record Place(String uri, String entry, String name, Path file, ZipFile zip, URI url, Path dir) {

    static Place root(Unit unit) {
        Path f = unit.file();
        URI url = unit instanceof Unit.UrlUnit ? URI.create(unit.uri()) : null;
        Place parent = unit.parentPlace();
        if (parent != null) {
            return parent;
        }
        return new Place(unit.uri(), unit.entry(), unit.name(), f, null, url,
                f == null ? null : f.getParent());
    }

    Location location() {
        return Location.of(uri, entry);
    }

    /**
     * The same place after a compression layer was taken off: no longer a plain file; the entry
     * keeps its real name, the name for ids loses the suffix.
     */
    Place decompressed(String innerName) {
        return new Place(uri, entry, innerName, null, zip, url, dir);
    }

    /** A place for an entry of an archive at this place. */
    Place child(String entryPath, ZipFile zipOnDisk) {
        String nested = entry == null ? entryPath : entry + "!/" + entryPath;
        return new Place(uri, nested, nested, null, zipOnDisk, null, null);
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
