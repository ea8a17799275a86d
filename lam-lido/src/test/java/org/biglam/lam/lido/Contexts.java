package org.biglam.lam.lido;

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

/** A read context for calling readers directly (the embedded reader), collecting warnings. */
final class Contexts {

    private Contexts() {
    }

    static Ctx context(String granularity) {
        return new Ctx(ReadOptions.builder().granularity(granularity).build());
    }

    static final class Ctx implements ReadContext {
        final ReadOptions options;
        final List<String> warnings = new ArrayList<>();
        final List<LamFormatException> problems = new ArrayList<>();
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

        Ctx(ReadOptions options) {
            this.options = options;
        }

        @Override
        public ReadOptions options() {
            return options;
        }

        @Override
        public String granularity() {
            return options.granularity().orElse("object");
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
}
