package org.biglam.lam.store;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.biglam.lam.internal.LocalStore;

/**
 * Where files live, named by URIs: the local file system ({@link #local()}), or another store a
 * caller implements (a Hadoop {@code FileSystem}, an object store, an in-memory one in tests).
 * {@link org.biglam.lam.Lam#plan} lists inputs on a store, and {@link
 * org.biglam.lam.Lam#read(WorkUnit, FileStore, org.biglam.lam.ReadOptions)} reads them from it:
 * every record's source is the store's URI, and references inside a document (a METS file's ALTO
 * pages, page images) resolve and open on the same store.
 *
 * <p>The {@link org.biglam.lam.spi.Origin origin rule} holds for every store: a document of a
 * store leads lam only to files of the same store (same scheme and authority) inside the folder it
 * came from or the folder the user named as input; never to a local file from a document of
 * another store, never to the network. A store implementation opens only its own URIs.
 *
 * <p>Implementations must be thread-safe.
 *
 * @since 0.1
 */
public interface FileStore {

    /**
     * The local file system: {@code file:} URIs. It opens regular files (and links to them), lists
     * folders one level, and seeks.
     *
     * @return the store
     */
    static FileStore local() {
        return LocalStore.INSTANCE;
    }

    /**
     * The file at a URI, if it is one this store holds and it exists as a file (not a folder).
     *
     * @param uri an absolute URI of this store
     * @return the file, or empty if there is none (or the URI is not this store's)
     * @throws IOException if the store cannot be asked
     */
    Optional<InputFile> file(String uri) throws IOException;

    /**
     * Whether a URI names a folder of this store.
     *
     * @param uri an absolute URI
     * @return true for a folder; false for a file, for nothing, or for another store's URI
     * @throws IOException if the store cannot be asked
     */
    boolean isFolder(String uri) throws IOException;

    /**
     * The children of a folder, one level down (not recursive), in any order: lam sorts them and
     * leaves out hidden ones itself.
     *
     * @param folderUri the folder's URI
     * @return its files and folders
     * @throws IOException if the folder cannot be listed
     */
    List<Entry> list(String folderUri) throws IOException;

    /**
     * Resolves a reference against a file's URI, following URI rules (RFC 3986): {@code alto/p1.xml}
     * against {@code hdfs://nn/pkg/mets.xml} gives {@code hdfs://nn/pkg/alto/p1.xml}. An absolute
     * reference is given back as it is. The default resolves with {@link URI#resolve}, after
     * turning backslashes into slashes and escaping spaces; a reference that is no URI is given back
     * as it is.
     *
     * @param baseUri the URI of the file holding the reference
     * @param href the reference
     * @return the absolute reference
     */
    default String resolve(String baseUri, String href) {
        String h = href.strip().replace('\\', '/').replace(" ", "%20");
        try {
            return URI.create(baseUri).resolve(URI.create(h)).toString();
        } catch (IllegalArgumentException e) {
            return href;
        }
    }

    /**
     * One child of a listed folder.
     *
     * @param uri its absolute URI
     * @param name its name, the last segment of its path
     * @param folder true for a folder, false for a file
     * @param size a file's size in bytes, or -1 if unknown (and for folders)
     */
    record Entry(String uri, String name, boolean folder, long size) implements Serializable {

        private static final long serialVersionUID = 1L;

        /** Checks the parts. */
        public Entry {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(name, "name");
        }
    }
}
