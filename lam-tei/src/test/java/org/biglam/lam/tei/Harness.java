package org.biglam.lam.tei;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.ReadContext;

/**
 * Drives {@link TeiFormat} directly, without lam-core's engine: a file or bytes as an {@link Input},
 * a {@link ReadContext} that records problems and warnings.
 */
final class Harness {

    static final TeiFormat FORMAT = new TeiFormat();

    final List<LamFormatException> problems = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    private final ReadOptions options;

    Harness(ReadOptions options) {
        this.options = options;
    }

    Harness() {
        this(ReadOptions.defaults());
    }

    static Harness with(String granularity) {
        return new Harness(ReadOptions.builder().granularity(granularity).build());
    }

    List<LamRecord> read(Path file) {
        try {
            return read(Files.readAllBytes(file), file.getFileName().toString(), file.toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<LamRecord> read(String xml, String name) {
        return read(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), name, "file:///data/" + name);
    }

    List<LamRecord> read(byte[] bytes, String name, String uri) {
        BytesInput input = new BytesInput(bytes, name, uri);
        Context ctx = new Context(input);
        List<LamRecord> out = new ArrayList<>();
        try (FormatReader r = FORMAT.open(input, ctx)) {
            LamRecord rec;
            while ((rec = r.next()) != null) {
                out.add(rec);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static final class BytesInput implements Input {
        private final byte[] bytes;
        private final String name;
        private final String uri;

        BytesInput(byte[] bytes, String name, String uri) {
            this.bytes = bytes;
            this.name = name;
            this.uri = uri;
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
            return new ByteArrayInputStream(bytes);
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
            return java.net.URI.create(uri).resolve(href).toString();
        }
    }

    final class Context implements ReadContext {
        private final Input input;

        Context(Input input) {
            this.input = input;
        }

        @Override
        public ReadOptions options() {
            return options;
        }

        @Override
        public String granularity() {
            return options.granularity().orElse("document");
        }

        @Override
        public Input input() {
            return input;
        }

        @Override
        public void problem(LamFormatException problem) {
            if (options.errorPolicy() == ErrorPolicy.FAIL) {
                throw problem;
            }
            problems.add(problem);
        }

        @Override
        public void warn(String kind, String message, Location location) {
            warnings.add(kind + ": " + message);
        }

        @Override
        public Location location() {
            return Location.of(input.uri(), input.entry());
        }
    }
}
