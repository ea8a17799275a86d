package org.biglam.lam.edm;

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

/** Reads files and strings as EDM for the tests. */
final class Harness {

    private Harness() {
    }

    static List<LamRecord> read(Path file) {
        return read(file, ReadOptions.builder().format("edm").build());
    }

    static List<LamRecord> read(Path file, ReadOptions options) {
        try (Stream<LamRecord> s = Lam.read(file, options)) {
            return s.collect(Collectors.toList());
        }
    }

    static List<LamRecord> read(Path dir, String name, String xml, ReadOptions options) {
        try {
            Path f = dir.resolve(name);
            Files.writeString(f, xml, StandardCharsets.UTF_8);
            return read(f, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<LamRecord> read(Path dir, String xml) {
        return read(dir, "fa.xml", xml, ReadOptions.builder().format("edm").build());
    }

    /** Reads under the skip policy, collecting problems and warnings. */
    static List<LamRecord> skip(Path file, List<Problem> problems) {
        ReadOptions o = ReadOptions.builder().format("edm").errorPolicy(ErrorPolicy.SKIP).onProblem(problems::add)
                .build();
        return read(file, o);
    }

    static LamRecord byId(List<LamRecord> records, String id) {
        return records.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no record " + id + " in " + ids(records)));
    }

    static List<String> ids(List<LamRecord> records) {
        List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(r.id()));
        return out;
    }
}
