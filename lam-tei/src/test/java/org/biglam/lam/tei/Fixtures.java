package org.biglam.lam.tei;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;

/** Reads the fixtures under {@code src/test/resources/tei} through lam's own facade. */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/tei/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<LamRecord> read(String name, ReadOptions options) {
        try (Stream<LamRecord> s = Lam.read(path(name), options)) {
            return s.collect(Collectors.toList());
        }
    }

    static List<LamRecord> read(String name, String granularity) {
        return read(name, ReadOptions.builder().format("tei").granularity(granularity).build());
    }

    static List<LamRecord> read(String name) {
        return read(name, ReadOptions.builder().format("tei").build());
    }

    static List<String> texts(List<LamRecord> records) {
        return records.stream().map(r -> r.text().orElse(null)).collect(Collectors.toList());
    }

    static List<String> ids(List<LamRecord> records) {
        return records.stream().map(LamRecord::id).collect(Collectors.toList());
    }
}
