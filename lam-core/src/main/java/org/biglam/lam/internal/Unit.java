package org.biglam.lam.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.LamIOException;
import org.biglam.lam.Location;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;

/**
 * One top-level thing to read: a file, a URL, standard input, a caller's stream, or bytes already
 * buffered (an archive entry handed to another thread). Folders and globs are expanded into file
 * units, in a stable order, when parsed.
 */
public abstract class Unit {

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

    /** The local file, for file units. */
    Path file() {
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

    /** A file, or a folder expanded to its files. */
    public static Unit of(Path path) {
        return new FileUnit(path.toAbsolutePath().normalize());
    }

    /** A file, or a folder's files in a stable order. */
    public static List<Unit> expand(Path path, ReadOptions options) {
        return expandFolders(List.of(of(path)), options);
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
        for (String input : inputs) {
            Unit source = SourceUnit.parse(input, options);
            if (source != null) {
                units.add(source);
            } else if (input.equals("-")) {
                units.add(new StreamUnit(System.in, "stdin", "stdin:", false));
            } else if (input.startsWith("http://") || input.startsWith("https://")) {
                units.add(new UrlUnit(URI.create(input)));
            } else if (input.startsWith("file:")) {
                units.add(of(Path.of(URI.create(input))));
            } else if (isGlob(input) && !Files.exists(Path.of(input))) {
                List<Unit> matched = glob(input);
                if (matched.isEmpty()) {
                    missing(input, options, "no file matches the pattern");
                }
                units.addAll(matched);
            } else {
                Path p = Path.of(input);
                if (!Files.exists(p)) {
                    missing(input, options, "no such file or folder");
                } else {
                    units.add(of(p));
                }
            }
        }
        return expandFolders(units, options);
    }

    private static void missing(String input, ReadOptions options, String why) {
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
        String norm = pattern.replace('\\', '/');
        int slash = norm.lastIndexOf('/', firstMeta(norm));
        return slash < 0 ? Path.of(".") : Path.of(norm.substring(0, slash + 1));
    }

    private static int firstMeta(String norm) {
        int i = 0;
        while (i < norm.length() && "*?[{".indexOf(norm.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private static List<Unit> glob(String pattern) {
        String norm = pattern.replace('\\', '/');
        int slash = norm.lastIndexOf('/', firstMeta(norm));
        Path base = globBase(pattern);
        String rest = slash < 0 ? norm : norm.substring(slash + 1);
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(base)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> m.matches(base.relativize(p)))
                    .sorted(Comparator.comparing(Path::toString))
                    .map(Unit::of)
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new LamIOException("cannot expand glob", Location.of(pattern, null), e);
        }
    }

    static List<Unit> expandFolders(List<Unit> units, ReadOptions options) {
        List<Unit> out = new ArrayList<>();
        for (Unit u : units) {
            Path p = u.file();
            if (p != null && Files.isDirectory(p)) {
                try {
                    Map<Path, Long> files = walk(p);
                    Claims.filter(new ArrayList<>(files.keySet()), options)
                            .forEach(f -> out.add(new FileUnit(f, files.get(f))));
                } catch (IOException e) {
                    LamIOException ex = new LamIOException("cannot walk folder", Location.of(u.uri(), null), e);
                    if (options.errorPolicy() == ErrorPolicy.FAIL) {
                        throw ex;
                    }
                    options.problemListener().accept(Problem.of(ex, Location.of(u.uri(), null)));
                }
            } else {
                out.add(u);
            }
        }
        return out;
    }

    /**
     * A folder's regular files, hidden ones (a name starting with a dot, or inside such a folder)
     * left out, sorted by their path below the folder with '/' between names, each with its size
     * (which the walk reads anyway and reading later would cost a system call a file), or null for
     * a link to a file.
     */
    private static Map<Path, Long> walk(Path folder) throws IOException {
        record Found(String key, Path path, Long size) {
        }
        List<Found> found = new ArrayList<>();
        int prefix = folder.toString().length() + 1;
        Files.walkFileTree(folder, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return !dir.equals(folder) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE
                                : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        if (hidden(file)) {
                            return FileVisitResult.CONTINUE;
                        }
                        if (!attrs.isRegularFile() && (!attrs.isSymbolicLink() || !Files.isRegularFile(file))) {
                            return FileVisitResult.CONTINUE; // a link to a file is read, as the file
                        }
                        found.add(new Found(file.toString().substring(prefix).replace('\\', '/'), file,
                                attrs.isRegularFile() ? attrs.size() : null));
                        return FileVisitResult.CONTINUE;
                    }
                });
        found.sort(Comparator.comparing(Found::key));
        Map<Path, Long> files = new LinkedHashMap<>();
        found.forEach(f -> files.put(f.path(), f.size()));
        return files;
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** A local file. */
    static final class FileUnit extends Unit {
        private final Path path;
        private final boolean regular;
        private long size;
        private String uri;

        FileUnit(Path path) {
            this(path, null);
        }

        /** A regular file found by a folder walk, with its size (or null if unknown). */
        FileUnit(Path path, Long size) {
            this.path = path;
            this.regular = size != null;
            this.size = size == null ? -2 : size;
        }

        @Override
        public String uri() {
            String u = uri;
            if (u == null) {
                u = regular ? fileUri(path) : path.toUri().toString();
                uri = u;
            }
            return u;
        }

        @Override
        InputStream open(ReadOptions options) throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        String name() {
            return path.getFileName() == null ? path.toString() : path.getFileName().toString();
        }

        @Override
        Path file() {
            return path;
        }

        @Override
        long size() {
            if (size == -2) {
                try {
                    size = Files.size(path);
                } catch (IOException e) {
                    size = -1;
                }
            }
            return size;
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

    /** An http(s) URL. */
    static final class UrlUnit extends Unit {
        private final URI uri;

        UrlUnit(URI uri) {
            this.uri = uri;
        }

        @Override
        public String uri() {
            return uri.toString();
        }

        @Override
        InputStream open(ReadOptions options) throws IOException {
            return org.biglam.lam.spi.Fetcher.of(options.limits()).open(uri);
        }

        @Override
        String name() {
            String path = uri.getPath();
            if (path == null || path.isEmpty() || path.equals("/")) {
                return uri.getHost();
            }
            String last = path.substring(path.lastIndexOf('/') + 1);
            return last.isEmpty() ? uri.getHost() : last;
        }
    }

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

        SourcePage(org.biglam.lam.spi.SourceProvider.Page page) {
            this.page = page;
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
