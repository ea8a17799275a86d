package org.biglam.lam.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.ReadContext;

/** Reads files and strings in one format, for a format module's tests. */
public final class FormatHarness {

    private final String format;

    /**
     * A harness for one format.
     *
     * @param format the format id every read is forced to
     */
    public FormatHarness(String format) {
        this.format = format;
    }

    /** The options every read starts from: the format forced. */
    public ReadOptions.Builder options() {
        return ReadOptions.builder().format(format);
    }

    public List<LamRecord> read(Path file) {
        return read(file, options().build());
    }

    public List<LamRecord> read(Path file, ReadOptions options) {
        try (Stream<LamRecord> s = Lam.read(file, options)) {
            return s.collect(Collectors.toList());
        }
    }

    /** Writes {@code xml} to {@code dir/name} and reads it. */
    public List<LamRecord> read(Path dir, String name, String xml, ReadOptions options) {
        try {
            Path f = dir.resolve(name);
            Files.writeString(f, xml, StandardCharsets.UTF_8);
            return read(f, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code xml} to a file of {@code dir} and reads it. */
    public List<LamRecord> read(Path dir, String xml) {
        return read(dir, "fa.xml", xml, options().build());
    }

    /** Reads under the skip policy, collecting problems and warnings. */
    public List<LamRecord> skip(Path file, List<Problem> problems) {
        return read(file, options().errorPolicy(ErrorPolicy.SKIP).onProblem(problems::add).build());
    }

    /**
     * A context for calling an embedded-metadata reader directly, as if its envelope had come from
     * {@code https://oai.example.org/oai}: default options at a granularity (problems thrown).
     *
     * @param granularity the granularity to report
     * @return the context
     */
    public static ReadContext envelopeContext(String granularity) {
        Input envelope = Input.of("https://oai.example.org/oai", "oai", new byte[0]);
        return ReadContext.of(envelope, ReadOptions.builder().granularity(granularity).build(), granularity);
    }

    /** The record with this id, or an assertion error that lists the ids there are. */
    public static LamRecord byId(List<LamRecord> records, String id) {
        return records.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no record " + id + " in " + ids(records)));
    }

    /** The records' ids, in order. */
    public static List<String> ids(List<LamRecord> records) {
        List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(r.id()));
        return out;
    }
}
