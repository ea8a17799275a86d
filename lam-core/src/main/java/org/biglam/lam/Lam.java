package org.biglam.lam;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.biglam.lam.internal.Engine;
import org.biglam.lam.internal.Planner;
import org.biglam.lam.internal.Providers;
import org.biglam.lam.internal.Unit;
import org.biglam.lam.jsonl.JsonLinesWriter;
import org.biglam.lam.store.FileStore;
import org.biglam.lam.store.WorkUnit;

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
     * Plans a read for an engine that spreads work over machines: the inputs, listed on a store,
     * as units of work in the order {@link #open(List, ReadOptions)} reads them, with the same
     * folder rules (a folder walked in a stable order, hidden files and folders left out, files
     * that a package document such as a METS file reads itself left out). Each file is one unit;
     * {@link #split} cuts a zip file's unit into ranges of entries. Tar files, compressed tars, 7z
     * files and single compressed files cannot be cut: each is one unit. Nothing but the listing
     * and the package documents' heads is read.
     *
     * @param inputs absolute URIs of the store's files and folders, or globs ({@code
     *     hdfs://nn/scans/*.xml}); for {@link FileStore#local()} also paths and globs as on the
     *     command line
     * @param store where the inputs are
     * @param options the format (which package formats claim files), the error policy for inputs
     *     that do not exist (thrown under FAIL, reported and left out under SKIP)
     * @return the units, in read order
     * @since 0.1
     */
    public static List<WorkUnit> plan(List<String> inputs, FileStore store, ReadOptions options) {
        return Planner.plan(inputs, store, options);
    }

    /**
     * Cuts a zip file's unit into ranges of at most {@code entriesPerUnit} entries, by reading the
     * zip's central directory only (through {@link org.biglam.lam.store.InputFile#openSeekable()}).
     * A unit that is not a zip file, a zip the store cannot seek in, or one without a readable
     * central directory stays one unit. Reading all the ranges in order gives the records of
     * reading the whole file.
     *
     * @param unit a whole file's unit
     * @param store its store
     * @param entriesPerUnit most entries in one range, 1 or more
     * @param options the limits
     * @return the ranges in entry order, or the unit itself
     * @throws LamException if the file cannot be opened
     * @since 0.1
     */
    public static List<WorkUnit> split(WorkUnit unit, FileStore store, int entriesPerUnit, ReadOptions options) {
        return Planner.split(unit, store, entriesPerUnit, options);
    }

    /**
     * Reads one unit of work on a store: its records and problems together, in order. The
     * records are those {@link #open(List, ReadOptions)} gives for the unit's file (or its range of
     * entries), with the store's URIs as their sources.
     *
     * @param unit the unit, from {@link #plan} or {@link #split}
     * @param store the store it was planned on
     * @param options how to read
     * @return the cursor; the caller closes it
     * @since 0.1
     */
    public static RecordCursor read(WorkUnit unit, FileStore store, ReadOptions options) {
        return Engine.cursor(unit, store, options);
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

    /**
     * The string settings of these options that look meant for lam but that no format on the class
     * path reads: each an {@code unknown-setting} warning naming the setting and, where one is
     * within two edits (or is the same name in the format's namespace), the declared setting it is
     * likely a typo of ("no format here reads the setting dc.lenientt; did you mean dc.lenient?").
     * A setting is looked at when no format {@linkplain FormatInfo#readsSetting reads it} and its
     * namespace (the part before the first dot) is a declared setting's, a format id or {@code lam},
     * or when it is within two edits of a declared setting; any other setting ({@code fs.*},
     * {@code hadoop.*}, an application's own) passes silently. Each read ({@link #open}, {@link #read})
     * reports these warnings once, before any record, through the options' problem listener; a tool
     * that would rather refuse such settings (as the {@code lam} command does) calls this first.
     *
     * @param options the options whose {@link ReadOptions#settings()} are checked
     * @return the warnings, located at {@code options}, in the order of the settings' names; empty if none
     * @since 0.1
     */
    public static List<Problem> unknownSettings(ReadOptions options) {
        return org.biglam.lam.internal.SettingCheck.check(options.settings());
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
