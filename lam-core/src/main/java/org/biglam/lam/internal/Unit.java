package org.biglam.lam.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.LamIOException;
import org.biglam.lam.Location;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.store.FileStore;
import org.biglam.lam.store.InputFile;

/**
 * One top-level thing to read: a file of a store (local files, http(s) URLs, another store),
 * standard input, a caller's stream, or bytes already buffered (an archive entry handed to another
 * thread). Folders and globs are expanded into file units, in a stable order, when parsed, by the
 * {@link Planner}, the same way for every store.
 */
public abstract class Unit {

    /**
     * Whether the unit is one of several of a read (a folder's files, several inputs): a file no
     * format recognises is then left out with a warning rather than being an error.
     */
    boolean many;

    /** The URI of the outermost input. */
    public abstract String uri();

    /** Opens the unit's raw bytes. */
    abstract InputStream open(ReadOptions options) throws IOException;

    /** The name for ids and extension detection. */
    abstract String name();

    /** The entry path, for buffered archive entries; null otherwise. */
    String entry() {
        return null;
    }

    /** The file of a store, for store units: what the unit's raw bytes are. */
    InputFile storeFile() {
        return null;
    }

    /** The store the unit's references open on, for store units; null otherwise. */
    Place.Reach reach() {
        return null;
    }

    /** The entries {@code [from, to)} of the unit's zip file to read, or null for all. */
    int[] entryRange() {
        return null;
    }

    /** A caller-owned stream is not closed by lam. */
    boolean closesStream() {
        return true;
    }

    /** Where this unit's siblings are resolved, for buffered entries. */
    Place parentPlace() {
        return null;
    }

    /** The format a source's page names, or null to detect it. */
    String format() {
        return null;
    }

    /** The approximate size in bytes, or -1. */
    long size() {
        return -1;
    }

    /** A local file. */
    public static Unit of(Path path) {
        Path p = path.toAbsolutePath().normalize();
        return new StoreUnit(LocalStore.INSTANCE, LocalStore.file(p, -1), null, null);
    }

    /** A file of a store, read whole or (for a zip) a range of its entries. */
    static Unit of(FileStore store, InputFile file, String root, int[] range) {
        return new StoreUnit(store, file, root, range);
    }

    /** A file, or a folder's files in a stable order. */
    public static List<Unit> expand(Path path, ReadOptions options) {
        if (!Files.exists(path)) {
            return List.of(of(path)); // fails when read, as a file that cannot be opened
        }
        return parseAll(List.of(path.toAbsolutePath().normalize().toUri().toString()), options);
    }

    /** A caller's stream, which lam does not close. */
    public static Unit of(InputStream in, String name) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        return new StreamUnit(in, name, "stream:" + name, false);
    }

    /**
     * Parses inputs as the command line names them: {@code -}, {@code http(s)://...}, a glob, a
     * folder, a file. A folder or glob becomes its files, sorted by path. An input that does not
     * exist, and a glob that matches no file, is a problem: thrown under FAIL, reported and left
     * out under SKIP. A name with glob characters that is an existing file is that file.
     */
    public static List<Unit> parseAll(List<String> inputs, ReadOptions options) {
        List<Unit> units = new ArrayList<>();
        List<Planner.Found> local = new ArrayList<>();
        HttpStore http = null;
        for (String input : inputs) {
            Unit source = SourceUnit.parse(input, options);
            if (source != null) {
                units.add(source);
            } else if (input.equals("-")) {
                units.add(new StreamUnit(System.in, "stdin", "stdin:", false));
            } else if (input.startsWith("http://") || input.startsWith("https://")) {
                if (http == null) {
                    http = new HttpStore(options.limits());
                }
                units.add(new StoreUnit(http, new HttpStore.UrlFile(URI.create(input), options.limits()), null, null));
            } else {
                for (Planner.Found f : Planner.expand(input, LocalStore.INSTANCE, options)) {
                    units.add(null);
                    local.add(f);
                }
            }
        }
        List<Unit> out = new ArrayList<>(units.size());
        boolean many = units.size() > 1;
        int k = 0;
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            if (u == null) {
                Planner.Found f = local.get(k++);
                if (many && f.walked() && Planner.companion(f.name())) {
                    continue; // a page image or a note beside the records: nothing to read
                }
                Path p = LocalStore.path(f.uri());
                u = new StoreUnit(LocalStore.INSTANCE, LocalStore.file(p, f.size()), null, null);
            }
            u.many = many;
            out.add(u);
        }
        return out;
    }

    /** Reports an input that names nothing: thrown under FAIL, reported under SKIP. */
    static void missing(String input, ReadOptions options, String why) {
        LamIOException e = new LamIOException("cannot read input", Location.of(input, null),
                new java.io.FileNotFoundException(why));
        if (options.errorPolicy() == ErrorPolicy.FAIL) {
            throw e;
        }
        options.problemListener().accept(Problem.of(e, Location.of(input, null)));
    }

    /** Whether an input names files by a pattern: it holds a star, a question mark, or an opening bracket or brace. */
    public static boolean isGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    /**
     * The folder a glob walks: the part of the pattern before the folder that holds its first
     * wildcard ({@code scans/2024/*.xml} gives {@code scans/2024/}), or {@code .}.
     */
    public static Path globBase(String pattern) {
        return Path.of(globBaseString(pattern.replace('\\', '/')).orElse("."));
    }

    /** The part of a pattern (with '/') before the folder that holds its first wildcard, ending in '/'; empty if none. */
    static java.util.Optional<String> globBaseString(String norm) {
        int slash = norm.lastIndexOf('/', firstMeta(norm));
        return slash < 0 ? java.util.Optional.empty() : java.util.Optional.of(norm.substring(0, slash + 1));
    }

    private static int firstMeta(String norm) {
        int i = 0;
        while (i < norm.length() && "*?[{".indexOf(norm.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    /** A file of a store: a local file, a URL, a file of another store. */
    static final class StoreUnit extends Unit {
        private final InputFile file;
        private final Place.Reach reach;
        private final int[] range;

        StoreUnit(FileStore store, InputFile file, String root, int[] range) {
            this.file = file;
            this.reach = new Place.Reach(store, root);
            this.range = range;
        }

        @Override
        public String uri() {
            return file.uri();
        }

        @Override
        InputStream open(ReadOptions options) throws IOException {
            return file.open();
        }

        @Override
        String name() {
            return file.name();
        }

        @Override
        InputFile storeFile() {
            return file;
        }

        @Override
        Place.Reach reach() {
            return reach;
        }

        @Override
        int[] entryRange() {
            return range;
        }

        @Override
        long size() {
            return file.size();
        }
    }

    /**
     * {@code path.toUri()} of a regular file as a string, made without it where the path needs no
     * escaping: the JDK's asks the file system whether the path is a folder (a system call a file)
     * to end it with '/'.
     */
    static String fileUri(Path path) {
        String s = path.toString();
        if (s.startsWith("/") && path.getFileSystem() == FileSystems.getDefault()) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '/' || c == '.'
                        || c == '-' || c == '_' || c == '~')) {
                    return path.toUri().toString();
                }
            }
            return "file://" + s;
        }
        return path.toUri().toString();
    }

    /** Standard input's and a caller's stream's: absolute local references only, as the origin rule allows. */
    private static final Place.Reach STREAM_REACH = new Place.Reach(LocalStore.INSTANCE, null, false);

    /** Standard input or a caller's stream. */
    static final class StreamUnit extends Unit {
        private final InputStream in;
        private final String name;
        private final String uri;
        private final boolean close;

        StreamUnit(InputStream in, String name, String uri, boolean close) {
            this.in = in;
            this.name = name;
            this.uri = uri;
            this.close = close;
        }

        @Override
        public String uri() {
            return uri;
        }

        @Override
        InputStream open(ReadOptions options) {
            return in;
        }

        @Override
        String name() {
            return name;
        }

        @Override
        boolean closesStream() {
            return close;
        }

        @Override
        Place.Reach reach() {
            return STREAM_REACH;
        }
    }

    /** An archive entry already read into memory, to be parsed on another thread. */
    static final class BufferedEntry extends Unit {
        private final byte[] bytes;
        private final Place place;

        BufferedEntry(byte[] bytes, Place place) {
            this.bytes = bytes;
            this.place = place;
        }

        @Override
        public String uri() {
            return place.uri();
        }

        @Override
        InputStream open(ReadOptions options) {
            return new java.io.ByteArrayInputStream(bytes);
        }

        @Override
        String name() {
            return place.name();
        }

        @Override
        String entry() {
            return place.entry();
        }

        @Override
        Place parentPlace() {
            return place;
        }

        @Override
        long size() {
            return bytes.length;
        }
    }

    /**
     * An input of a {@link org.biglam.lam.spi.SourceProvider}'s scheme ({@code oai:https://...}):
     * not read itself, but opened as a sequence of {@link SourcePage} units, one in memory at a time.
     */
    public static final class SourceUnit extends Unit {
        private final String input;
        private final org.biglam.lam.spi.SourceProvider provider;

        SourceUnit(String input, org.biglam.lam.spi.SourceProvider provider) {
            this.input = input;
            this.provider = provider;
        }

        /** A source unit if the input starts with a source provider's scheme; else null. */
        static SourceUnit parse(String input, ReadOptions options) {
            int colon = input.indexOf(':');
            if (colon < 2) {
                return null; // no scheme, or a drive letter
            }
            String scheme = input.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
            for (int i = 0; i < scheme.length(); i++) {
                char c = scheme.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' && i > 0 || c == '+' || c == '-' || c == '.')) {
                    return null;
                }
            }
            org.biglam.lam.spi.SourceProvider p = Providers.sources().get(scheme);
            return p == null ? null : new SourceUnit(input, p);
        }

        /** The scheme's provider. */
        org.biglam.lam.spi.SourceProvider provider() {
            return provider;
        }

        /** Opens the sequence of pages. */
        org.biglam.lam.spi.SourceProvider.Source openSource(ReadOptions options) {
            return provider.open(input, options);
        }

        @Override
        public String uri() {
            return input;
        }

        @Override
        InputStream open(ReadOptions options) throws IOException {
            throw new IOException("a source of pages, not one input: " + input);
        }

        @Override
        String name() {
            return provider.scheme();
        }
    }

    /** One page of a source, in memory, read with the format it names. */
    static final class SourcePage extends Unit {
        private final org.biglam.lam.spi.SourceProvider.Page page;

        private final Place.Reach reach;

        SourcePage(org.biglam.lam.spi.SourceProvider.Page page, boolean many, ReadOptions options) {
            this.page = page;
            this.many = many;
            this.reach = org.biglam.lam.spi.Fetcher.isHttp(page.uri())
                    ? new Place.Reach(new HttpStore(options.limits()), null, false) : STREAM_REACH;
        }

        @Override
        Place.Reach reach() {
            return reach;
        }

        @Override
        public String uri() {
            return page.uri();
        }

        @Override
        InputStream open(ReadOptions options) {
            return new java.io.ByteArrayInputStream(page.bytes());
        }

        @Override
        String name() {
            return page.name();
        }

        @Override
        String format() {
            return page.format();
        }

        @Override
        long size() {
            return page.bytes().length;
        }
    }
}
