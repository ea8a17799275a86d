package org.biglam.lam.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;

/**
 * One file on a {@link FileStore}: what lam reads its bytes from. lam takes compression and
 * archive layers off itself; a file is the raw bytes as stored.
 *
 * <p>Implementations need not be thread-safe: lam uses one from one thread at a time.
 *
 * @since 0.1
 */
public interface InputFile {

    /**
     * The file's absolute URI, as its store names it ({@code file:///data/a.xml},
     * {@code hdfs://namenode/scans/a.xml}, {@code https://host/a.xml}). Records read from the file
     * carry it as {@link org.biglam.lam.RecordSource#uri()}, and relative references in the file
     * resolve against it with {@link FileStore#resolve}.
     *
     * @return the URI
     */
    String uri();

    /**
     * The file's name, the last segment of its path ({@code a.xml}): used for record ids and for
     * detection by extension.
     *
     * @return the name
     */
    String name();

    /**
     * The file's size in bytes, or -1 if not known without asking the store.
     *
     * @return the size, or -1
     */
    long size();

    /**
     * Opens the file's bytes from the start. The caller closes the stream.
     *
     * @return a new stream
     * @throws IOException if the file cannot be opened
     */
    InputStream open() throws IOException;

    /**
     * Opens the file for random access, where the store can: lam reads a zip file through its
     * central directory this way (and so reads a range of its entries without reading the others),
     * and a 7z file. A store that cannot seek gives empty, and lam reads the file as a stream (a zip
     * entry by entry from the start). The caller closes the channel.
     *
     * @return a new channel, or empty (the default)
     * @throws IOException if the file cannot be opened
     */
    default Optional<SeekableByteChannel> openSeekable() throws IOException {
        return Optional.empty();
    }
}
