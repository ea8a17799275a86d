package org.biglam.lam.iiif;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.Lam;

/** Small helpers shared by the IIIF tests. */
final class IiifTesting {

    private IiifTesting() {
    }

    static Path fixture(String name) {
        try {
            return Path.of(IiifTesting.class.getResource("/iiif/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads records and collects problems. */
    static final class Run {
        final List<LamRecord> records = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();

        List<String> ids() {
            return records.stream().map(LamRecord::id).collect(Collectors.toList());
        }

        List<Problem> warnings(String kind) {
            return problems.stream().filter(p -> p.kind().equals(kind)).collect(Collectors.toList());
        }
    }

    static ReadOptions.Builder options() {
        return ReadOptions.builder().format("iiif").errorPolicy(ErrorPolicy.SKIP);
    }

    static Run read(Path path, ReadOptions.Builder options) {
        Run run = new Run();
        ReadOptions o = options.onProblem(run.problems::add).build();
        try (Stream<LamRecord> s = Lam.read(path, o)) {
            s.forEach(run.records::add);
        }
        return run;
    }

    static Run read(String json, String name, ReadOptions.Builder options) {
        Run run = new Run();
        ReadOptions o = options.onProblem(run.problems::add).build();
        try (Stream<LamRecord> s = Lam.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), name, o)) {
            s.forEach(run.records::add);
        }
        return run;
    }

    /** A record without its source, to compare records read from different files. */
    static LamRecord withoutSource(LamRecord r) {
        return r.toBuilder().source(null).build();
    }

    static String text(Path p) {
        try {
            return java.nio.file.Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
