package org.biglam.lam.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.LamIOException;
import org.biglam.lam.Location;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.spi.FormatProvider;
import org.biglam.lam.spi.Origin;
import org.biglam.lam.store.FileStore;
import org.biglam.lam.store.InputFile;
import org.biglam.lam.store.WorkUnit;

/**
 * Inputs on a store to the files a read reads, in order: the folder rules of a read (a folder
 * walked in a stable order, hidden files and folders left out, files a package document claims
 * left out), the same for {@code Lam.open} and for an engine's plan.
 */
public final class Planner {

    /**
     * A file an input names.
     *
     * @param uri its URI on the store
     * @param name its name
     * @param size its size, or -1
     * @param path its path below the folder walked ('/' between names), or null if the input named it
     */
    record Found(String uri, String name, long size, String path) {

        /** Whether a folder walk or a glob found it (rather than the input naming it). */
        boolean walked() {
            return path != null;
        }
    }

    private Planner() {
    }

    /** The units of inputs, in read order. */
    public static List<WorkUnit> plan(List<String> inputs, FileStore store, ReadOptions options) {
        String root = rootOf(inputs, store, options);
        List<Found> found = new ArrayList<>();
        for (String input : inputs) {
            found.addAll(expand(input, store, options));
        }
        boolean many = found.size() > 1;
        List<WorkUnit> out = new ArrayList<>(found.size());
        for (Found f : found) {
            if (many && f.walked() && companion(f.name())) {
                continue;
            }
            out.add(WorkUnit.of(f.uri(), f.size(), root, many));
        }
        return out;
    }

    /**
     * Whether a file found by a walk is left out unopened: a page image, a PDF, a note (an extension
     * of {@link Providers#isCompanion}) that no format on the class path names as its own.
     */
    static boolean companion(String name) {
        if (!Providers.isCompanion(name)) {
            return false;
        }
        String ext = Providers.extension(name);
        for (FormatProvider p : Providers.all()) {
            if (p.extensions().contains(ext)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The files one input names on a store: a file; a folder's files, walked; a glob's matches. An
     * input that names nothing is reported (thrown under FAIL) and gives none.
     */
    static List<Found> expand(String input, FileStore store, ReadOptions options) {
        String uri = toUri(input, store);
        try {
            if (uri != null && store.isFolder(uri)) {
                List<Found> files;
                try {
                    files = walk(store, uri, false);
                } catch (IOException e) {
                    LamIOException ex = new LamIOException("cannot walk folder", Location.of(uri, null), e);
                    if (options.errorPolicy() == ErrorPolicy.FAIL) {
                        throw ex;
                    }
                    options.problemListener().accept(Problem.of(ex, Location.of(uri, null)));
                    return List.of();
                }
                return Claims.filter(files, store, rootUri(uri), options);
            }
            Optional<InputFile> file = uri == null ? Optional.empty() : store.file(uri);
            if (file.isPresent()) {
                InputFile f = file.get();
                return List.of(new Found(f.uri(), f.name(), f.size(), null));
            }
            Path named = store == LocalStore.INSTANCE ? LocalStore.path(uri) : null;
            if (named != null && java.nio.file.Files.exists(named)) {
                // a named pipe or a device the user names (lam convert <(zcat a.mrc.gz)): read as a stream
                return List.of(new Found(uri, named.getFileName() == null ? named.toString()
                        : named.getFileName().toString(), -1, null));
            }
            if (Unit.isGlob(input)) {
                List<Found> matched = glob(input, store);
                if (matched.isEmpty()) {
                    Unit.missing(input, options, "no file matches the pattern");
                }
                return matched;
            }
        } catch (IOException e) {
            LamIOException ex = new LamIOException("cannot read input", Location.of(input, null), e);
            if (options.errorPolicy() == ErrorPolicy.FAIL) {
                throw ex;
            }
            options.problemListener().accept(Problem.of(ex, Location.of(input, null)));
            return List.of();
        }
        Unit.missing(input, options, "no such file or folder");
        return List.of();
    }

    /** An input as a URI of the store: on local files, a path becomes its {@code file:} URI. */
    private static String toUri(String input, FileStore store) {
        if (store != LocalStore.INSTANCE || input.regionMatches(true, 0, "file:", 0, 5)) {
            return input;
        }
        try {
            return Path.of(input).toAbsolutePath().normalize().toUri().toString();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static String rootUri(String folderUri) {
        return folderUri.endsWith("/") ? folderUri : folderUri + "/";
    }

    /**
     * A folder's files, below it at any depth, sorted by their path below it ('/' between names),
     * hidden ones (a name starting with a dot, or inside such a folder) left out unless asked for.
     */
    static List<Found> walk(FileStore store, String folderUri, boolean hiddenToo) throws IOException {
        List<Found> out = new ArrayList<>();
        java.util.ArrayDeque<String[]> todo = new java.util.ArrayDeque<>();
        todo.push(new String[] {folderUri, ""});
        while (!todo.isEmpty()) {
            String[] next = todo.pop();
            for (FileStore.Entry e : store.list(next[0])) {
                if (!hiddenToo && e.name().startsWith(".")) {
                    continue;
                }
                String key = next[1] + e.name();
                if (e.folder()) {
                    todo.push(new String[] {e.uri(), key + "/"});
                } else {
                    out.add(new Found(e.uri(), e.name(), e.size(), key));
                }
            }
        }
        out.sort(Comparator.comparing(Found::path));
        return out;
    }

    /** The files a glob matches: below the folder before its first wildcard, matched by their path below it. */
    private static List<Found> glob(String pattern, FileStore store) throws IOException {
        String norm = pattern.replace('\\', '/');
        Optional<String> base = Unit.globBaseString(norm);
        String rest = base.map(b -> norm.substring(b.length())).orElse(norm);
        String baseUri;
        if (store == LocalStore.INSTANCE && !norm.regionMatches(true, 0, "file:", 0, 5)) {
            baseUri = Path.of(base.orElse(".")).toAbsolutePath().normalize().toUri().toString();
        } else if (base.isPresent()) {
            baseUri = base.get();
        } else {
            return List.of();
        }
        if (!store.isFolder(baseUri)) {
            return List.of();
        }
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        List<Found> out = new ArrayList<>();
        for (Found f : walk(store, baseUri, true)) {
            if (m.matches(Path.of(f.path()))) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * The root of a read on a store: the deepest folder holding every input, as the origin rule's
     * default local root is ({@link Origin#withInputsRoot}); null if that is the store's root.
     */
    static String rootOf(List<String> inputs, FileStore store, ReadOptions options) {
        if (store == LocalStore.INSTANCE) {
            return Origin.withInputsRoot(options, inputs).localRoot().map(p -> rootUri(p.toUri().toString()))
                    .orElse(null);
        }
        String common = null;
        for (String input : inputs) {
            String folder;
            try {
                if (Unit.isGlob(input) && !store.isFolder(input) && store.file(input).isEmpty()) {
                    folder = Unit.globBaseString(input.replace('\\', '/')).orElse(null);
                } else if (store.isFolder(input)) {
                    folder = rootUri(input);
                } else {
                    folder = input.substring(0, input.lastIndexOf('/') + 1);
                }
            } catch (IOException e) {
                return null;
            }
            if (folder == null || folder.isEmpty()) {
                return null;
            }
            if (common == null) {
                common = folder;
            } else {
                int n = 0;
                int max = Math.min(common.length(), folder.length());
                while (n < max && common.charAt(n) == folder.charAt(n)) {
                    n++;
                }
                common = common.substring(0, common.lastIndexOf('/', n - 1) + 1);
            }
        }
        if (common == null) {
            return null;
        }
        int authority = common.indexOf("://");
        int pathStart = authority < 0 ? common.indexOf(':') + 1 : common.indexOf('/', authority + 3);
        return pathStart < 0 || common.length() - pathStart <= 1 ? null : common;
    }

    /** A zip unit cut into ranges of at most {@code entries} entries. */
    public static List<WorkUnit> split(WorkUnit unit, FileStore store, int entries, ReadOptions options) {
        if (entries < 1) {
            throw new IllegalArgumentException("entries per unit must be 1 or more: " + entries);
        }
        if (unit.isEntryRange()) {
            return List.of(unit);
        }
        Location where = Location.of(unit.uri(), null);
        try {
            InputFile f = store.file(unit.uri()).orElseThrow(() -> new java.io.FileNotFoundException(
                    "no such file: " + unit.uri()));
            Optional<SeekableByteChannel> channel = f.openSeekable();
            if (channel.isEmpty()) {
                return List.of(unit);
            }
            SeekableByteChannel ch = channel.get();
            try {
                ByteBuffer head = ByteBuffer.allocate(4);
                while (head.hasRemaining() && ch.read(head) >= 0) {
                    // the magic number, to tell a zip by its content
                }
                if (Containers.detect(head.array(), head.position(), f.name()) != Containers.ZIP) {
                    ch.close();
                    return List.of(unit);
                }
                ch.position(0);
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
            List<WorkUnit> out = new ArrayList<>();
            try (ZipFile zip = openZip(ch)) {
                int index = 0;
                int from = 0;
                long bytes = 0;
                for (Enumeration<ZipArchiveEntry> en = zip.getEntries(); en.hasMoreElements(); index++) {
                    ZipArchiveEntry e = en.nextElement();
                    if (index - from == entries) {
                        out.add(unit.entries(from, index, bytes));
                        from = index;
                        bytes = 0;
                    }
                    bytes += Math.max(0, e.getCompressedSize());
                }
                if (from == 0) {
                    return List.of(unit); // one range: the whole file
                }
                out.add(unit.entries(from, index, bytes));
            } catch (IOException noCentralDirectory) {
                return List.of(unit); // read entry by entry, as one unit
            }
            return out;
        } catch (IOException e) {
            throw new LamIOException("cannot read input", where, e);
        }
    }

    /** A zip file read through its central directory only (its entries' local headers read when opened). */
    static ZipFile openZip(SeekableByteChannel ch) throws IOException {
        try {
            return ZipFile.builder().setSeekableByteChannel(ch).setIgnoreLocalFileHeader(true).get();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Opens a file's input stream, for look-aheads. */
    static InputStream open(FileStore store, String uri) throws IOException {
        return store.file(uri).orElseThrow(() -> new java.io.FileNotFoundException("no such file: " + uri)).open();
    }
}
