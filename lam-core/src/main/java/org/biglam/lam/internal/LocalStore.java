package org.biglam.lam.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.biglam.lam.store.FileStore;
import org.biglam.lam.store.InputFile;

/** The local file system as a {@link FileStore}: {@code file:} URIs. */
public final class LocalStore implements FileStore {

    /** The one instance. */
    public static final LocalStore INSTANCE = new LocalStore();

    private LocalStore() {
    }

    /** The local path of a {@code file:} URI (no other host), or null. */
    public static Path path(String uri) {
        if (uri == null || !uri.regionMatches(true, 0, "file:", 0, 5)) {
            return null;
        }
        try {
            URI u = new URI(uri);
            String host = u.getRawAuthority();
            if (host != null && !host.isEmpty() && !host.equalsIgnoreCase("localhost")) {
                return null;
            }
            if (host != null) {
                u = new URI("file", null, u.getPath(), null);
            }
            return Path.of(u);
        } catch (java.net.URISyntaxException | IllegalArgumentException | FileSystemNotFoundException
                | SecurityException e) {
            return null;
        }
    }

    /** A local file as an input file, with its size if known (else -1, asked when wanted). */
    public static LocalFile file(Path path, long size) {
        return new LocalFile(path, size < 0 ? -2 : size);
    }

    @Override
    public Optional<InputFile> file(String uri) {
        Path p = path(uri);
        // a regular file (or a link to one): never a pipe or a device, which a reference could name
        if (p == null || !Files.isRegularFile(p)) {
            return Optional.empty();
        }
        return Optional.of(new LocalFile(p.toAbsolutePath().normalize(), -2));
    }

    @Override
    public boolean isFolder(String uri) {
        Path p = path(uri);
        return p != null && Files.isDirectory(p);
    }

    @Override
    public List<Entry> list(String folderUri) throws IOException {
        Path folder = path(folderUri);
        if (folder == null) {
            throw new IOException("not a local folder: " + folderUri);
        }
        List<Entry> out = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
            for (Path c : children) {
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(c, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException gone) {
                    continue; // removed while listed
                }
                String name = c.getFileName().toString();
                if (a.isDirectory()) {
                    out.add(new Entry(c.toUri().toString(), name, true, -1));
                } else if (a.isRegularFile()) {
                    out.add(new Entry(Unit.fileUri(c), name, false, a.size()));
                } else if (a.isSymbolicLink() && Files.isRegularFile(c)) {
                    // a link to a file is read, as the file; a link to a folder is not walked
                    out.add(new Entry(Unit.fileUri(c), name, false, -1));
                }
            }
        }
        return out;
    }

    @Override
    public String resolve(String baseUri, String href) {
        String plain = LeafInput.beside(baseUri, href);
        if (plain != null) {
            return plain;
        }
        try {
            URI resolved = URI.create(baseUri).resolve(href.strip().replace('\\', '/').replace(" ", "%20"));
            Path p = path(resolved.toString());
            return p != null ? p.toUri().toString() : resolved.toString();
        } catch (IllegalArgumentException e) {
            return href;
        }
    }

    /** A local file. */
    public static final class LocalFile implements InputFile {
        private final Path path;
        private long size;
        private String uri;

        LocalFile(Path path, long size) {
            this.path = path;
            this.size = size;
        }

        /** The file's path. */
        public Path path() {
            return path;
        }

        @Override
        public String uri() {
            String u = uri;
            if (u == null) {
                u = Unit.fileUri(path);
                uri = u;
            }
            return u;
        }

        @Override
        public String name() {
            return path.getFileName() == null ? path.toString() : path.getFileName().toString();
        }

        @Override
        public long size() {
            if (size == -2) {
                try {
                    size = Files.size(path);
                } catch (IOException e) {
                    size = -1;
                }
            }
            return size;
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        public Optional<SeekableByteChannel> openSeekable() throws IOException {
            // a pipe cannot seek, and opening it again would take its bytes
            return Files.isRegularFile(path) ? Optional.of(Files.newByteChannel(path)) : Optional.empty();
        }
    }
}
