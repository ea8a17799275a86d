package org.biglam.lam.spi;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.biglam.lam.Location;
import org.biglam.lam.ReadOptions;
import org.jspecify.annotations.Nullable;

/**
 * Where a document came from, and so where its references may lead lam: the one origin rule,
 * applied wherever a reference is followed or read (by {@link Input#resolve}, by readers that
 * follow references, by the engine to every record's images, by {@code lam export}'s image
 * loading). A dataset built from someone else's manifests, collections or harvests must never carry
 * the builder's own files.
 *
 * <ul>
 * <li>A document that came over {@code http(s)} may lead only to {@code http(s)} references.</li>
 * <li>A local document (a file, an archive entry, standard input) may lead to local files inside
 *     the folder it came from, or inside the archive it came from (for an archive entry), or inside
 *     {@link ReadOptions#localRoot()} when that is set; and to {@code http(s)} references, which are
 *     read only where fetching is on (a reader's option such as {@code iiif.fetch=always},
 *     {@code lam export --fetch-images}); {@link Input#resolve} never fetches for a local document.
 *     A document from standard input has no folder: it may lead to local files only inside
 *     {@code localRoot}.</li>
 * <li>A document of another {@linkplain org.biglam.lam.store.FileStore store} ({@code hdfs://},
 *     {@code s3a://}: a hierarchical URI of another scheme) may lead to files of its own store (the
 *     same scheme and authority) inside the folder it came from, inside the archive it came from
 *     (for an archive entry), or inside the root of the read (the folder the user named, {@link
 *     #of(String, String, String, ReadOptions)}); and to {@code http(s)} references, which it
 *     lists but never fetches. Never to a local file.</li>
 * <li>Every other scheme ({@code jar:}, {@code ftp:}, {@code data:}, custom ones), a {@code file:}
 *     URI naming another host, and a {@code file:} reference from a remote document is refused:
 *     never read, reported as a warning of kind {@value #WARNING_KIND} with its location, and an
 *     image reference that breaks the rule is left out of its record's images.</li>
 * <li>A reference without a scheme that could not be made absolute (a document from standard input
 *     naming {@code images/p1.jpg}) names nothing lam reads, and is let through as it is.</li>
 * </ul>
 *
 * <p>A document reached through a reference has the origin {@link #follow(String)} gives: remote if
 * it came over http(s), else the same bounds as the document that named it (so a chain of local
 * documents cannot climb out one folder at a time). Symbolic links inside an allowed folder are
 * followed: they are the folder owner's own doing.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Origin {

    /** The kind of the warning a refused reference gives: {@value}. */
    public static final String WARNING_KIND = "reference";

    private final String uri;
    private final boolean remote;
    /** The allowed folder as a {@code file:} URI ending in {@code /}, or the archive's URI + {@code !/}; null if none. */
    private final String boundUri;
    private final Path boundFolder;
    private final boolean archive;
    private final Path localRoot;
    private final String localRootUri;
    /** For a document of another store: its scheme and authority ({@code hdfs://nn/}); else null. */
    private final String store;
    /** For a document of another store: the root of the read on it, ending in {@code /}; or null. */
    private final String storeRoot;

    private Origin(String uri, boolean remote, String boundUri, Path boundFolder, boolean archive, Path localRoot) {
        this(uri, remote, boundUri, boundFolder, archive, localRoot, null, null);
    }

    private Origin(String uri, boolean remote, String boundUri, Path boundFolder, boolean archive, Path localRoot,
            String store, String storeRoot) {
        this.uri = uri;
        this.remote = remote;
        this.boundUri = boundUri;
        this.boundFolder = boundFolder;
        this.archive = archive;
        this.localRoot = localRoot;
        this.localRootUri = localRoot == null ? null : folderUri(localRoot);
        this.store = store;
        this.storeRoot = storeRoot;
    }

    /**
     * The origin of an input being read.
     *
     * @param input the input
     * @param options the options ({@link ReadOptions#localRoot()})
     * @return its origin
     */
    public static Origin of(Input input, ReadOptions options) {
        return of(input.uri(), input.entry(), options);
    }

    /**
     * The origin of a document at a URI: an input's {@link Input#uri()} and {@link Input#entry()},
     * or a record's {@link org.biglam.lam.RecordSource}.
     *
     * @param documentUri {@code https://...}, {@code file:///...}, {@code stdin:}, ...
     * @param entry the entry inside the archive at {@code documentUri}, or null
     * @param options the options ({@link ReadOptions#localRoot()})
     * @return its origin
     */
    public static Origin of(String documentUri, @Nullable String entry, ReadOptions options) {
        return of(documentUri, entry, null, options);
    }

    /**
     * The origin of a document read from a {@link org.biglam.lam.store.FileStore}, with the root of
     * the read: the folder the user named as input (a {@link org.biglam.lam.store.WorkUnit}'s
     * root). For a document of the local file system the root counts only where {@link
     * ReadOptions#localRoot()} is not set; for a document of another store it bounds the store's
     * files the document may lead to, besides its own folder or archive.
     *
     * @param documentUri the document's URI on its store
     * @param entry the entry inside the archive at {@code documentUri}, or null
     * @param rootUri the root folder's URI on the same store, or null for none
     * @param options the options ({@link ReadOptions#localRoot()})
     * @return its origin
     */
    public static Origin of(String documentUri, @Nullable String entry, @Nullable String rootUri,
            ReadOptions options) {
        Objects.requireNonNull(documentUri, "documentUri");
        Path root = options.localRoot().map(p -> p.toAbsolutePath().normalize()).orElse(null);
        String u = documentUri.strip();
        if (Fetcher.isHttp(u)) {
            return new Origin(u, true, null, null, false, null);
        }
        if (root == null && rootUri != null && rootUri.regionMatches(true, 0, "file:", 0, 5)) {
            Path r = toPath(rootUri);
            root = r == null ? null : r.toAbsolutePath().normalize();
        }
        String store = storeOf(u);
        if (store != null) {
            String nu = u.length() >= store.length() ? store + u.substring(store.length()) : store;
            String bound = entry != null ? nu + "!/" : nu.substring(0, nu.lastIndexOf('/') + 1);
            String sr = rootUri == null ? null : rootUri.endsWith("/") ? rootUri : rootUri + "/";
            if (sr != null && !store.equals(storeOf(sr))) {
                sr = null;
            }
            return new Origin(u, false, bound.length() > store.length() ? bound : null, null, entry != null, null,
                    store, sr);
        }
        if (u.regionMatches(true, 0, "file:", 0, 5)) {
            Path p = toPath(u);
            if (p != null) {
                p = p.toAbsolutePath().normalize();
                if (entry != null) {
                    return new Origin(u, false, u + "!/", p, true, root);
                }
                Path folder = p.getParent();
                if (folder != null) {
                    return new Origin(u, false, folderUri(folder), folder, false, root);
                }
            }
        }
        return new Origin(u, false, null, null, false, root);
    }

    /**
     * The options with their {@linkplain ReadOptions#localRoot() local root} defaulted to the folder
     * the user named: when none is set and every input is local, the deepest folder holding them all
     * (a folder input itself, a file's folder, a glob's folder before its first wildcard), so that a
     * package read as a folder may name its images in a sibling folder ({@code ALTO/0001.xml} naming
     * {@code ../MASTER/0001.tif}). Left as they are when a root is set, when some input is standard
     * input or a URL, or when the common folder would be a file system's root. {@code Lam.open} and
     * {@code Lam.read} apply it; a tool that checks references itself (as {@code lam export} does for
     * image bytes) applies it to the options it checks with, so that both agree.
     *
     * @param options the options
     * @param inputs the inputs as named: paths, globs, URLs, {@code -}
     * @return the options, with a local root where one follows from the inputs
     */
    public static ReadOptions withInputsRoot(ReadOptions options, java.util.List<String> inputs) {
        if (options.localRoot().isPresent() || inputs.isEmpty()) {
            return options;
        }
        Path common = null;
        for (String input : inputs) {
            Path folder = inputFolder(input);
            if (folder == null) {
                return options;
            }
            common = common == null ? folder : commonFolder(common, folder);
            if (common == null || common.getParent() == null) {
                return options;
            }
        }
        return options.toBuilder().localRoot(common).build();
    }

    /** The folder a local input names, or null for anything else. */
    private static Path inputFolder(String input) {
        String scheme = scheme(input);
        if (input.equals("-") || scheme != null && scheme.length() > 1 && !scheme.equals("file")) {
            return null;
        }
        try {
            Path p = input.regionMatches(true, 0, "file:", 0, 5) ? toPath(input) : Path.of(input);
            if (p == null) {
                return null;
            }
            if (!java.nio.file.Files.exists(p)) {
                if (!org.biglam.lam.internal.Unit.isGlob(input)) {
                    return null;
                }
                p = org.biglam.lam.internal.Unit.globBase(input);
                return java.nio.file.Files.isDirectory(p) ? p.toAbsolutePath().normalize() : null;
            }
            p = p.toAbsolutePath().normalize();
            return java.nio.file.Files.isDirectory(p) ? p : p.getParent();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private static Path commonFolder(Path a, Path b) {
        Path c = a;
        while (c != null && !b.startsWith(c)) {
            c = c.getParent();
        }
        return c;
    }

    /** Whether the document came over http(s). */
    public boolean remote() {
        return remote;
    }

    /**
     * The origin of a document read through a reference this origin {@linkplain #allows allows}:
     * remote for an http(s) URI, else the same local bounds as this one.
     *
     * @param reference the absolute URI of the document reached
     * @return its origin
     */
    public Origin follow(String reference) {
        String r = reference.strip();
        if (Fetcher.isHttp(r)) {
            return new Origin(r, true, null, null, false, null);
        }
        return new Origin(r, remote, boundUri, boundFolder, archive, localRoot, store, storeRoot);
    }

    /**
     * The scheme and authority of a URI of a store other than local files and http(s), ending in
     * {@code /} ({@code hdfs://nn/}, scheme in lower case); null for other URIs.
     */
    private static String storeOf(String u) {
        String scheme = scheme(u);
        if (scheme == null || scheme.length() < 2 || scheme.equals("file") || scheme.equals("http")
                || scheme.equals("https") || !u.startsWith("://", scheme.length())) {
            return null;
        }
        int slash = u.indexOf('/', scheme.length() + 3);
        String authority = slash < 0 ? u.substring(scheme.length() + 3) : u.substring(scheme.length() + 3, slash);
        return scheme + "://" + authority + "/";
    }

    /**
     * Whether the rule lets this document lead to a reference.
     *
     * @param reference an absolute reference (resolved against the document, as {@link
     *     Input#resolveUri} does)
     * @return true if it may be followed or listed
     */
    public boolean allows(String reference) {
        return refusal(reference).isEmpty();
    }

    /**
     * Why the rule refuses a reference, or empty if it allows it.
     *
     * @param reference an absolute reference (resolved against the document)
     * @return the reason, a sentence naming the reference, or empty
     */
    public Optional<String> refusal(String reference) {
        String r = reference.strip();
        String scheme = scheme(r);
        if (scheme == null && (r.startsWith("/") || r.startsWith("\\"))) {
            // an absolute path without a scheme: a local file all the same
            try {
                r = Path.of(r).toUri().toString();
                scheme = "file";
            } catch (IllegalArgumentException e) {
                return refuse(r, "not a path lam reads");
            }
        }
        if (scheme == null) {
            return Optional.empty();
        }
        if (scheme.length() == 1) {
            return refuse(r, "a drive path is no URI lam follows");
        }
        if (scheme.equals("http") || scheme.equals("https")) {
            return Optional.empty();
        }
        if (store != null) {
            return storeRefusal(r, scheme);
        }
        if (!scheme.equals("file")) {
            return refuse(r, "the scheme '" + scheme + ":' is never followed (only http, https and local files)");
        }
        if (remote) {
            return refuse(r, "a document that came over http(s) may lead only to http(s) references, never to a local file");
        }
        if (insideBound(r) || insideRoot(r)) {
            return Optional.empty();
        }
        String where = archive ? "the archive it came from" : boundUri != null ? "the folder it came from"
                : null;
        return refuse(r, (where == null ? "a document without a folder (standard input) may lead to local files"
                + " only inside localRoot" : "a local document may lead only to files inside " + where
                + (boundUri == null ? "" : " (" + boundUri + ")") + " or inside localRoot")
                + (localRoot == null ? " (not set: ReadOptions.localRoot, lam --local-root)" : " (" + localRoot + ")"));
    }

    /**
     * Checks a reference and, if the rule refuses it, reports a warning of kind {@value
     * #WARNING_KIND} there.
     *
     * @param reference an absolute reference (resolved against the document)
     * @param context where to warn
     * @param where the location to report, or null for the input's
     * @return true if the reference may be followed or listed
     */
    public boolean check(String reference, ReadContext context, @Nullable Location where) {
        Optional<String> no = refusal(reference);
        if (no.isEmpty()) {
            return true;
        }
        context.warn(WARNING_KIND, no.get(), where == null ? context.location() : where);
        return false;
    }

    /** The rule for a document of a store other than local files and http(s). */
    private Optional<String> storeRefusal(String r, String scheme) {
        if (scheme.equals("file")) {
            return refuse(r, "a document of " + store + " may never lead to a local file");
        }
        if (!store.equals(storeOf(r)) || r.length() < store.length()) {
            return refuse(r, "a document of " + store + " may lead only to files of the same store");
        }
        String rest = store + r.substring(store.length());
        if (boundUri != null && rest.startsWith(boundUri) && storeTail(rest.substring(boundUri.length()))
                || storeRoot != null && rest.startsWith(storeRoot) && storeTail(rest.substring(storeRoot.length()))) {
            return Optional.empty();
        }
        return refuse(r, "a document of another store may lead only to files inside " + (archive
                ? "the archive it came from" : "the folder it came from") + (boundUri == null ? "" : " ("
                + boundUri + ")") + " or inside the folder the read was given" + (storeRoot == null ? ""
                : " (" + storeRoot + ")"));
    }

    private static Optional<String> refuse(String reference, String why) {
        String shown = reference.length() > 300 ? reference.substring(0, 300) + "..." : reference;
        return Optional.of("reference " + shown + " refused: " + why);
    }

    private boolean insideBound(String r) {
        if (boundUri == null) {
            return false;
        }
        if (archive) {
            return r.startsWith(boundUri) && plainTail(r.substring(boundUri.length()));
        }
        return inside(r, boundUri, boundFolder);
    }

    private boolean insideRoot(String r) {
        return localRoot != null && inside(r, localRootUri, localRoot);
    }

    /** Whether a file: URI names a file in the folder (or an entry of an archive in it). */
    private static boolean inside(String r, String folderUri, Path folder) {
        int bang = r.indexOf("!/");
        String file = bang < 0 ? r : r.substring(0, bang);
        if (bang >= 0 && !plainTail(r.substring(bang + 2))) {
            return false;
        }
        if (file.startsWith(folderUri) && plainTail(file.substring(folderUri.length()))) {
            return true;
        }
        Path p = toPath(file);
        return p != null && p.toAbsolutePath().normalize().startsWith(folder);
    }

    /**
     * A relative path of a store's URI, its escapes decoded, that does not climb: no {@code ..} or
     * {@code .} segment, no backslash, no query or fragment; an entry path after {@code !/} too.
     */
    private static boolean storeTail(String tail) {
        if (tail.indexOf('?') >= 0 || tail.indexOf('#') >= 0) {
            return false;
        }
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(tail.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (String part : decoded.split("!/", -1)) {
            if (!plainTail(part.replace("%", ""))) {
                return false;
            }
        }
        return true;
    }

    /** A relative path with nothing that could climb or hide: no {@code ..}, {@code .}, {@code %}, {@code \}. */
    private static boolean plainTail(String tail) {
        int n = tail.length();
        if (n == 0 || tail.charAt(0) == '/') {
            return false;
        }
        int segStart = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? tail.charAt(i) : '/';
            if (c == '%' || c == '\\') {
                return false;
            }
            if (c == '/') {
                int len = i - segStart;
                if (len == 1 && tail.charAt(segStart) == '.'
                        || len == 2 && tail.charAt(segStart) == '.' && tail.charAt(segStart + 1) == '.') {
                    return false;
                }
                segStart = i + 1;
            }
        }
        return true;
    }

    /** The path of a local {@code file:} URI (no other host), or null. */
    private static @Nullable Path toPath(String fileUri) {
        return org.biglam.lam.internal.LocalStore.path(fileUri);
    }

    private static String folderUri(Path folder) {
        // the files of a folder read one after another share it, and the root of the read: Path.toUri
        // asks the file system whether the path is a folder (for the final slash, added here anyway)
        FolderUri[] recent = recentFolders;
        for (FolderUri f : recent) {
            if (f != null && f.folder().equals(folder)) {
                return f.uri();
            }
        }
        String s = folder.toUri().toString();
        String uri = s.endsWith("/") ? s : s + "/";
        FolderUri[] next = new FolderUri[recent.length];
        next[0] = new FolderUri(folder, uri);
        System.arraycopy(recent, 0, next, 1, recent.length - 1);
        recentFolders = next;
        return uri;
    }

    /** A folder's URI with its final slash, as {@link #folderUri} made it. */
    private record FolderUri(Path folder, String uri) {
    }

    /**
     * The folders {@link #folderUri} answered last, newest first: a document's folder and the read's
     * root come by turns, with a parent folder or two of a walk between them.
     */
    private static volatile @Nullable FolderUri[] recentFolders = new FolderUri[4];

    /** The scheme of an absolute URI in lower case, or null for a relative reference. */
    private static String scheme(String r) {
        int colon = r.indexOf(':');
        if (colon < 2) {
            // none, or a drive letter (C:\...), which is no URI scheme lam reads
            return colon == 1 && Character.isLetter(r.charAt(0)) ? r.substring(0, 1) : null;
        }
        for (int i = 0; i < colon; i++) {
            char c = r.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                    || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.');
            if (!ok) {
                return null;
            }
        }
        return r.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "Origin[" + (remote ? "remote " : "local ") + uri + (boundUri == null ? "" : ", bound " + boundUri)
                + (localRoot == null ? "" : ", localRoot " + localRoot) + "]";
    }
}
