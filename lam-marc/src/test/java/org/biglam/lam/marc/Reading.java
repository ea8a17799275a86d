package org.biglam.lam.marc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;

/** Reads test inputs through the public facade, collecting records and problems. */
final class Reading {

    final List<LamRecord> records = new ArrayList<>();
    final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());

    static Path fixture(String name) {
        return Path.of("src/test/resources/marc", name);
    }

    static byte[] bytes(String fixture) {
        try {
            return Files.readAllBytes(fixture(fixture));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reading skip(String fixture) {
        return skip(bytes(fixture), fixture, ReadOptions.builder());
    }

    static Reading skip(byte[] bytes, String name, ReadOptions.Builder options) {
        return read(bytes, name, options.errorPolicy(ErrorPolicy.SKIP));
    }

    static Reading read(byte[] bytes, String name, ReadOptions.Builder options) {
        Reading r = new Reading();
        ReadOptions o = options.onProblem(r.problems::add).build();
        try (var s = Lam.read(new ByteArrayInputStream(bytes), name, o)) {
            s.forEach(r.records::add);
        }
        return r;
    }

    static Reading file(Path file, ReadOptions.Builder options) {
        Reading r = new Reading();
        ReadOptions o = options.onProblem(r.problems::add).build();
        try (var s = Lam.read(file, o)) {
            s.forEach(r.records::add);
        }
        return r;
    }

    List<String> ids() {
        return records.stream().map(LamRecord::id).toList();
    }

    List<Problem> errors() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    }

    List<Problem> warnings(String kind) {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.WARNING && p.kind().equals(kind))
                .toList();
    }

    LamRecord record(String id) {
        return records.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }
}
