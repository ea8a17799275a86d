package org.biglam.lam.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.spi.Fetcher;
import org.biglam.lam.store.FileStore;
import org.biglam.lam.store.InputFile;

/**
 * {@code http(s)} URLs as a {@link FileStore}: files fetched through {@link Fetcher} (its limits,
 * timeouts and redirects), no folders.
 */
final class HttpStore implements FileStore {

    private final ReadLimits limits;

    HttpStore(ReadLimits limits) {
        this.limits = limits;
    }

    @Override
    public Optional<InputFile> file(String uri) {
        if (!Fetcher.isHttp(uri)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new UrlFile(URI.create(uri), limits));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean isFolder(String uri) {
        return false;
    }

    @Override
    public List<Entry> list(String folderUri) throws IOException {
        throw new IOException("an http(s) URL cannot be listed: " + folderUri);
    }

    /** One URL, fetched when opened. */
    static final class UrlFile implements InputFile {
        private final URI uri;
        private final ReadLimits limits;

        UrlFile(URI uri, ReadLimits limits) {
            this.uri = uri;
            this.limits = limits;
        }

        @Override
        public String uri() {
            return uri.toString();
        }

        @Override
        public String name() {
            String path = uri.getPath();
            if (path == null || path.isEmpty() || path.equals("/")) {
                return uri.getHost();
            }
            String last = path.substring(path.lastIndexOf('/') + 1);
            return last.isEmpty() ? uri.getHost() : last;
        }

        @Override
        public long size() {
            return -1;
        }

        @Override
        public InputStream open() throws IOException {
            return Fetcher.of(limits).open(uri);
        }
    }
}
