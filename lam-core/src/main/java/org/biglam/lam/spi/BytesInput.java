package org.biglam.lam.spi;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** {@link Input#of}: bytes in memory. */
final class BytesInput implements Input {

    private final String uri;
    private final String name;
    private final InputStream stream;

    BytesInput(String uri, String name, byte[] bytes) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.name = Objects.requireNonNull(name, "name");
        this.stream = new ByteArrayInputStream(Objects.requireNonNull(bytes, "bytes"));
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public String entry() {
        return null;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InputStream stream() {
        return stream;
    }

    @Override
    public Optional<Path> file() {
        return Optional.empty();
    }

    @Override
    public Optional<Input> resolve(String href) {
        return Optional.empty();
    }

    @Override
    public String resolveUri(String href) {
        try {
            return URI.create(uri).resolve(href).toString();
        } catch (IllegalArgumentException e) {
            return href;
        }
    }
}
