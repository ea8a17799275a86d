package org.biglam.lam.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.biglam.lam.store.FileStore;
import org.biglam.lam.store.InputFile;

/**
 * lam's {@link FileStore} over Hadoop's file systems: every scheme the cluster has a
 * {@code FileSystem} for ({@code file:}, {@code hdfs:}, {@code s3a:}, {@code abfs:}, {@code gs:}, ...).
 * Folders are listed one level with {@code listStatus}, files open through the file system, and
 * {@link InputFile#openSeekable()} seeks in an {@code FSDataInputStream}, so that a zip's central
 * directory is read without reading the whole file. References inside a document resolve on the
 * same file system. Local files are named {@code file:///path}, as lam names them.
 *
 * <p>Thread-safe (Hadoop caches one {@code FileSystem} per scheme, authority and user).
 *
 * @since 0.1
 */
public final class HadoopFileStore implements FileStore {

    private final Configuration conf;

    /**
     * A store over the file systems of a Hadoop configuration.
     *
     * @param conf the configuration (for Spark: {@code spark.sparkContext().hadoopConfiguration()})
     */
    public HadoopFileStore(Configuration conf) {
        this.conf = conf;
    }

    /**
     * The absolute URI lam uses for a path given as on {@code load(...)}: relative paths are made
     * absolute on the default file system, and local ones are named {@code file:///path}.
     *
     * @param path a path or URI, globs allowed
     * @return the URI
     * @throws IOException if the path's file system cannot be had
     */
    public String qualify(String path) throws IOException {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(conf);
        return uri(fs.makeQualified(p));
    }

    /**
     * Whether a URI names something that exists or, for a glob, matches something.
     *
     * @param uri an absolute URI, globs allowed
     * @return true if it does
     * @throws IOException if the store cannot be asked
     */
    public boolean exists(String uri) throws IOException {
        Path p = path(uri);
        if (p == null) {
            return false;
        }
        FileSystem fs = p.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(p);
        return matches != null && matches.length > 0;
    }

    @Override
    public Optional<InputFile> file(String uri) throws IOException {
        Path p = path(uri);
        if (p == null) {
            return Optional.empty();
        }
        FileSystem fs;
        try {
            fs = p.getFileSystem(conf);
        } catch (UnsupportedFileSystemException e) {
            return Optional.empty();
        }
        try {
            FileStatus st = fs.getFileStatus(p);
            return st.isFile() ? Optional.of(new HadoopFile(fs, st)) : Optional.empty();
        } catch (FileNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean isFolder(String uri) throws IOException {
        Path p = path(uri);
        if (p == null) {
            return false;
        }
        try {
            return p.getFileSystem(conf).getFileStatus(p).isDirectory();
        } catch (FileNotFoundException | UnsupportedFileSystemException e) {
            return false;
        }
    }

    @Override
    public List<Entry> list(String folderUri) throws IOException {
        Path p = path(folderUri);
        if (p == null) {
            throw new FileNotFoundException(folderUri);
        }
        FileStatus[] children = p.getFileSystem(conf).listStatus(p);
        List<Entry> out = new ArrayList<>(children.length);
        for (FileStatus st : children) {
            out.add(new Entry(uri(st.getPath()), st.getPath().getName(), st.isDirectory(),
                    st.isDirectory() ? -1 : st.getLen()));
        }
        return out;
    }

    /**
     * Resolves a reference as every store does ({@link FileStore#resolve}), naming a local file
     * {@code file:///path} as lam does ({@code URI.resolve} gives {@code file:/path}).
     */
    @Override
    public String resolve(String baseUri, String href) {
        String r = FileStore.super.resolve(baseUri, href);
        if (r.startsWith("file:/") && !r.startsWith("file://")) {
            return "file://" + r.substring(5);
        }
        return r;
    }

    /** A Hadoop path for a URI, or null if it is none. */
    static Path path(String uri) {
        try {
            URI u = new URI(uri);
            if (u.getScheme() == null) {
                return null;
            }
            return new Path(u);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The URI lam uses for a qualified path: {@code file:///x} rather than Hadoop's {@code file:/x}. */
    static String uri(Path qualified) {
        URI u = qualified.toUri();
        if ("file".equals(u.getScheme()) && u.getRawAuthority() == null) {
            return "file://" + u.getRawPath();
        }
        return u.toString();
    }

    /** One file of a Hadoop file system. */
    private static final class HadoopFile implements InputFile {
        private final FileSystem fs;
        private final FileStatus status;

        HadoopFile(FileSystem fs, FileStatus status) {
            this.fs = fs;
            this.status = status;
        }

        @Override
        public String uri() {
            return HadoopFileStore.uri(status.getPath());
        }

        @Override
        public String name() {
            return status.getPath().getName();
        }

        @Override
        public long size() {
            return status.getLen();
        }

        @Override
        public InputStream open() throws IOException {
            return fs.open(status.getPath());
        }

        @Override
        public Optional<SeekableByteChannel> openSeekable() throws IOException {
            return Optional.of(new Channel(fs.open(status.getPath()), status.getLen()));
        }
    }

    /** A read-only channel over an {@code FSDataInputStream}, seeking with {@code seek}. */
    static final class Channel implements SeekableByteChannel {
        private final FSDataInputStream in;
        private final long size;
        private long position;
        private boolean open = true;
        private byte[] buffer = new byte[0];

        Channel(FSDataInputStream in, long size) {
            this.in = in;
            this.size = size;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            check();
            if (!dst.hasRemaining()) {
                return 0;
            }
            if (position >= size) {
                return -1;
            }
            if (in.getPos() != position) {
                in.seek(position);
            }
            int want = (int) Math.min(dst.remaining(), Math.min(size - position, 1 << 16));
            int n;
            if (dst.hasArray()) {
                n = in.read(dst.array(), dst.arrayOffset() + dst.position(), want);
                if (n > 0) {
                    dst.position(dst.position() + n);
                }
            } else {
                if (buffer.length < want) {
                    buffer = new byte[want];
                }
                n = in.read(buffer, 0, want);
                if (n > 0) {
                    dst.put(buffer, 0, n);
                }
            }
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new NonWritableChannelException();
        }

        @Override
        public long position() throws IOException {
            check();
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            check();
            if (newPosition < 0) {
                throw new IllegalArgumentException("negative position " + newPosition);
            }
            position = newPosition;
            return this;
        }

        @Override
        public long size() throws IOException {
            check();
            return size;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() throws IOException {
            if (open) {
                open = false;
                in.close();
            }
        }

        private void check() throws ClosedChannelException {
            if (!open) {
                throw new ClosedChannelException();
            }
        }
    }
}
