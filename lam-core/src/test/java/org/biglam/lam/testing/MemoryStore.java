package org.biglam.lam.testing;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.biglam.lam.store.FileStore;
import org.biglam.lam.store.InputFile;

/**
 * A {@link FileStore} in memory, as another store (a Hadoop file system, an object store) would
 * be: files by absolute URI ({@code mem://bucket/scans/a.xml}), folders implied by the files'
 * paths, listed one level. It counts what is opened, and can be made unable to seek.
 */
public final class MemoryStore implements FileStore {

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final boolean seekable;
    /** Files opened as streams. */
    public final AtomicInteger streams = new AtomicInteger();
    /** Files opened for random access. */
    public final AtomicInteger channels = new AtomicInteger();
    /** Folders listed. */
    public final AtomicInteger listings = new AtomicInteger();

    /** A store that seeks. */
    public MemoryStore() {
        this(true);
    }

    /** A store that seeks or not. */
    public MemoryStore(boolean seekable) {
        this.seekable = seekable;
    }

    /** Puts a file. */
    public MemoryStore put(String uri, byte[] bytes) {
        files.put(uri, bytes);
        return this;
    }

    /** Puts a text file (UTF-8). */
    public MemoryStore put(String uri, String text) {
        return put(uri, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Optional<InputFile> file(String uri) {
        byte[] bytes = files.get(uri);
        if (bytes == null) {
            return Optional.empty();
        }
        return Optional.of(new InputFile() {
            @Override
            public String uri() {
                return uri;
            }

            @Override
            public String name() {
                return uri.substring(uri.lastIndexOf('/') + 1);
            }

            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream open() {
                streams.incrementAndGet();
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public Optional<SeekableByteChannel> openSeekable() {
                if (!seekable) {
                    return Optional.empty();
                }
                channels.incrementAndGet();
                return Optional.of(new SeekableInMemoryByteChannel(bytes));
            }
        });
    }

    private static String folder(String uri) {
        return uri.endsWith("/") ? uri : uri + "/";
    }

    @Override
    public boolean isFolder(String uri) {
        String f = folder(uri);
        return files.keySet().stream().anyMatch(k -> k.startsWith(f));
    }

    @Override
    public List<Entry> list(String folderUri) throws IOException {
        listings.incrementAndGet();
        String f = folder(folderUri);
        Set<String> folders = new LinkedHashSet<>();
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            if (!e.getKey().startsWith(f)) {
                continue;
            }
            String rest = e.getKey().substring(f.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                out.add(new Entry(e.getKey(), rest, false, e.getValue().length));
            } else if (folders.add(rest.substring(0, slash))) {
                out.add(new Entry(f + rest.substring(0, slash), rest.substring(0, slash), true, -1));
            }
        }
        if (out.isEmpty()) {
            throw new FileNotFoundException("no such folder: " + folderUri);
        }
        return out;
    }
}
