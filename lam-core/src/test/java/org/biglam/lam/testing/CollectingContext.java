package org.biglam.lam.testing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.Location;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.ReadContext;

/**
 * A read context for calling a reader directly (an embedded-metadata reader, say), as if the
 * envelope had come from {@code https://oai.example.org/oai}: it keeps the warnings and, under the
 * skip policy, the problems it is given.
 */
public final class CollectingContext implements ReadContext {

    /** Every warning, as {@code kind: message}. */
    public final List<String> warnings = new ArrayList<>();
    /** Every problem reported under the skip policy. */
    public final List<LamFormatException> problems = new ArrayList<>();
    private final ReadOptions options;
    private final String granularity;
    private final Input input = new Input() {
        @Override
        public String uri() {
            return "https://oai.example.org/oai";
        }

        @Override
        public String entry() {
            return null;
        }

        @Override
        public String name() {
            return "oai";
        }

        @Override
        public InputStream stream() {
            return new ByteArrayInputStream(new byte[0]);
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
            return java.net.URI.create(uri()).resolve(href).toString();
        }
    };

    private CollectingContext(ReadOptions options, String granularity) {
        this.options = options;
        this.granularity = granularity;
    }

    /**
     * A context with default options at a granularity.
     *
     * @param granularity the granularity to report
     * @return the context
     */
    public static CollectingContext of(String granularity) {
        return new CollectingContext(ReadOptions.builder().granularity(granularity).build(), granularity);
    }

    @Override
    public ReadOptions options() {
        return options;
    }

    @Override
    public String granularity() {
        return granularity;
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
        return Location.of(input.uri(), null);
    }
}
