package org.biglam.lam.alto;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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

/** Small helpers for reading in tests. */
final class Read {

    static final Path ALTO = Path.of("src/test/resources/alto");
    static final Path METS = Path.of("src/test/resources/mets/package");

    private Read() {
    }

    static List<LamRecord> all(Path p, ReadOptions o) {
        try (Stream<LamRecord> s = Lam.read(p, o)) {
            return s.collect(Collectors.toList());
        }
    }

    static List<LamRecord> all(Path p, String granularity) {
        return all(p, ReadOptions.builder().granularity(granularity).build());
    }

    static List<LamRecord> fixture(String name, String granularity) {
        return all(ALTO.resolve(name), granularity);
    }

    static List<LamRecord> string(String xml, String name, ReadOptions o) {
        try (Stream<LamRecord> s = Lam.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), name, o)) {
            return s.collect(Collectors.toList());
        }
    }

    /** Reads with a problem listener, returning the problems seen. */
    static List<Problem> problems(Path p, ReadOptions.Builder b, List<LamRecord> records) {
        List<Problem> problems = new ArrayList<>();
        ReadOptions o = b.onProblem(problems::add).build();
        try (Stream<LamRecord> s = Lam.read(p, o)) {
            s.forEach(records::add);
        }
        return problems;
    }

    static ReadOptions.Builder skip() {
        return ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP);
    }
}
