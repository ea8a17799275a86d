package org.biglam.lam.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One input a {@link FormatReader} reads: a file, an archive entry, a decompressed file, a URL's
 * body or standard input. lam has already taken off compression and archive layers.
 *
 * @since 0.1
 */
public interface Input {

    /** The URI of the outermost input: {@code file:///...}, {@code https://...} or {@code stdin:}. */
    String uri();

    /**
     * The path of the entry inside an archive, or null for a plain input. Entries of nested
     * archives are joined with {@code !/} ({@code inner.zip!/page1.xml}).
     */
    @Nullable String entry();

    /**
     * A short name for record ids, stable across machines: the entry's path inside an archive, or
     * the file name of a file, or {@code stdin}. Compression suffixes are removed
     * ({@code books.mrc.gz} gives {@code books.mrc}).
     */
    String name();

    /**
     * The input's bytes, decompressed and bounded by the limits; read once. lam owns the stream and
     * closes it: readers must not. Not buffered for marks beyond what detection used.
     */
    InputStream stream();

    /** The local file behind the input, for inputs that are plain uncompressed files. */
    Optional<Path> file();

    /**
     * Opens another input named relative to this one (an ALTO file named by a METS document, say):
     * a sibling file in a folder, another entry of the same zip file. Resolution follows URI rules
     * against this input's place. Entries of a streamed archive (tar, or an archive inside an
     * archive) that have already gone by cannot be reopened, and give empty. An {@code http(s)}
     * reference is fetched (through {@link Fetcher}) only when this input itself came over
     * http(s): a local file never makes lam go to the network. A reference the {@link Origin} rule
     * refuses (a local file named by a remote document, a file outside this input's folder or
     * archive, a {@code jar:} or other scheme) is never opened: it gives empty, with a warning of
     * kind {@value Origin#WARNING_KIND}.
     *
     * @param href a relative reference or an absolute {@code file:} URI
     * @return the input, which the caller closes with {@link java.io.InputStream#close()} on its
     *     stream; empty if it cannot be reached
     * @throws IOException if it exists but cannot be opened
     */
    Optional<Input> resolve(String href) throws IOException;

    /**
     * The URI a reference relative to this input stands for, without opening anything: for image
     * references. Inside an archive the result is the archive's URI, {@code !/}, and the resolved
     * entry path. The result may name something the {@link Origin} rule refuses; lam leaves such
     * image references out of the records a reader gives (with a warning), and a reader that
     * follows a reference by other means checks it with {@link Origin#check} first.
     *
     * @param href a relative or absolute reference
     * @return the resolved reference
     */
    String resolveUri(String href);

    /**
     * An input over bytes in memory, for calling a reader directly (with {@link ReadContext#of}):
     * no file behind it, references resolved against {@code uri} by URI rules but never opened.
     *
     * @param uri the URI the input is named by, in records' sources and problems
     * @param name the short name for record ids
     * @param bytes the bytes; not copied, not to be changed while read
     * @return the input; its {@link #stream()} is the same stream on every call
     * @since 0.1
     */
    static Input of(String uri, String name, byte[] bytes) {
        return new BytesInput(uri, name, bytes);
    }
}
