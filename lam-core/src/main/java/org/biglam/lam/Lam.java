package org.biglam.lam;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.biglam.lam.internal.Engine;
import org.biglam.lam.internal.Providers;
import org.biglam.lam.internal.Unit;
import org.biglam.lam.jsonl.JsonLinesWriter;

/**
 * The entry points: read any supported input as a stream of {@link LamRecord}s, detect formats,
 * list the formats on the class path, and write JSON Lines.
 *
 * <pre>{@code
 * try (Stream<LamRecord> records = Lam.read(Path.of("books.mrc.gz"))) {
 *     records.filter(r -> r.label("genre").contains("fiction"))
 *            .forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>An input is a file, a folder (walked in a stable order), a glob ({@code data/*.xml}), an
 * archive (zip, tar, tar.gz, tar.bz2, tar.xz, 7z; archives inside archives too) read entry by entry
 * without unpacking to disk, a compressed file (.gz, .bz2, .xz, .zst where zstd-jni is present),
 * an {@code http(s)} URL, or standard input ({@code -}). Formats are detected by content first and
 * by extension second, unless {@link ReadOptions#format()} names one.
 *
 * <p>All methods are thread-safe.
 *
 * @since 0.1
 */
public final class Lam {

    private Lam() {
    }

    /**
     * Reads a file, folder or archive with the default options (detect the format, each format's
     * default granularity, fail at the first problem).
     *
     * @param path the file or folder
     * @return the records; close it to close the input
     * @throws LamException at the first problem
     */
    public static Stream<LamRecord> read(Path path) {
        return read(path, ReadOptions.defaults());
    }

    /**
     * Reads a file, folder or archive.
     *
     * @param path the file or folder
     * @param options how to read
     * @return the records; close it to close the input
     */
    public static Stream<LamRecord> read(Path path, ReadOptions options) {
        return open(path, options).stream();
    }

    /**
     * Reads an input named as on the command line: a path, a glob, an {@code http(s)} URL,
     * {@code -} for standard input, or an input of a source module's scheme (an OAI-PMH harvest,
     * {@code oai:https://host/oai?metadataPrefix=oai_dc}, with lam-oai on the class path).
     *
     * @param input the input
     * @param options how to read
     * @return the records; close it to close the input
     */
    public static Stream<LamRecord> read(String input, ReadOptions options) {
        return open(List.of(input), options).stream();
    }

    /**
     * Reads a stream of bytes (compressed or archived ones too). The caller keeps ownership of
     * {@code in} and closes it after the returned stream is closed.
     *
     * @param in the bytes
     * @param name a name for the input, used in record ids and errors and for its extension (for
     *     example {@code books.mrc}); not a path that is opened
     * @param options how to read
     * @return the records
     */
    public static Stream<LamRecord> read(InputStream in, String name, ReadOptions options) {
        return Engine.open(List.of(Unit.of(in, name)), options).stream();
    }

    /**
     * Opens inputs named as on the command line (paths, globs, URLs, {@code -}, source inputs such as
     * {@code oai:...}), read in order.
     *
     * @param inputs the inputs
     * @param options how to read
     * @return the reader; the caller closes it
     * @throws LamException if an input does not exist (under {@link ErrorPolicy#FAIL})
     */
    public static LamReader open(List<String> inputs, ReadOptions options) {
        ReadOptions o = org.biglam.lam.spi.Origin.withInputsRoot(options, inputs);
        return Engine.open(Unit.parseAll(inputs, o), o);
    }

    /**
     * Opens a file, folder or archive.
     *
     * @param path the file or folder
     * @param options how to read
     * @return the reader; the caller closes it
     */
    public static LamReader open(Path path, ReadOptions options) {
        ReadOptions o = org.biglam.lam.spi.Origin.withInputsRoot(options, List.of(path.toString()));
        return Engine.open(Unit.expand(path, o), o);
    }

    /**
     * Tells the format of each input, and of each entry of archives, without reading records.
     *
     * @param input a path, glob, URL or {@code -}
     * @param options the limits and a format override, if any
     * @return one detection per input or entry, in order
     */
    public static List<Detection> detect(String input, ReadOptions options) {
        return Engine.detect(Unit.parseAll(List.of(input), options), options);
    }

    /** The formats on the class path, ordered by id. */
    public static List<FormatInfo> formats() {
        return Providers.infos();
    }

    /**
     * A writer of the JSON Lines form of records: one JSON object per line, UTF-8. The caller
     * closes the writer, which does not close {@code out}.
     *
     * @param out where to write
     * @return the writer
     */
    public static RecordWriter jsonLinesWriter(OutputStream out) {
        return new JsonLinesWriter(out);
    }

    /** The version of lam-core, or {@code dev} when not run from a released jar. */
    public static String version() {
        String v = Lam.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
