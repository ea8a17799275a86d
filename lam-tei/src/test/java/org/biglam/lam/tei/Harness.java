package org.biglam.lam.tei;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.ReadContext;

/**
 * Drives {@link TeiFormat} directly, without lam-core's engine: a file or bytes as an {@link Input},
 * a {@link ReadContext} whose options record problems and warnings.
 */
final class Harness {

    static final TeiFormat FORMAT = new TeiFormat();

    final List<Problem> problems = new ArrayList<>();
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
        Input input = Input.of(uri, name, bytes);
        ReadOptions collecting = options.toBuilder().onProblem(p -> {
            if (p.severity() == Problem.Severity.WARNING) {
                warnings.add(p.kind() + ": " + p.message());
            } else {
                problems.add(p);
            }
        }).build();
        ReadContext ctx = ReadContext.of(input, collecting, options.granularity().orElse("document"));
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
}
