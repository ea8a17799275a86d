package org.biglam.lam.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The shared corpus of real files from public repositories ({@code ../shared/corpus} beside the
 * project). Conformance tests read it where present and are skipped, with a message, where it is
 * absent (a user's fresh clone). Its files are never copied into the project.
 */
public final class Corpus {

    private Corpus() {
    }

    /** The corpus root, if present: the {@code lam.corpus} system property, else ../shared/corpus. */
    public static java.util.Optional<Path> root() {
        String prop = System.getProperty("lam.corpus");
        Path p = prop != null ? Path.of(prop) : Path.of("..", "..", "shared", "corpus");
        if (!Files.isDirectory(p)) {
            p = Path.of("..", "shared", "corpus");
        }
        return Files.isDirectory(p) ? java.util.Optional.of(p.toAbsolutePath().normalize())
                : java.util.Optional.empty();
    }

    /**
     * The folder of one format ({@code marc21}, {@code alto}, ...); skips the calling test, with a
     * message, when the corpus is absent.
     */
    public static Path dir(String format) {
        java.util.Optional<Path> root = root();
        assumeTrue(root.isPresent(), "shared corpus not present (../shared/corpus): conformance test skipped");
        Path dir = root.get().resolve(format);
        assumeTrue(Files.isDirectory(dir), "shared corpus has no folder " + format + ": skipped");
        return dir;
    }

    /** Every regular file under a format's folder, sorted; skips the test when absent. */
    public static List<Path> files(String format) {
        Path dir = dir(format);
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One file of the corpus by its path under the root; skips the test when absent. */
    public static Path file(String relative) {
        java.util.Optional<Path> root = root();
        assumeTrue(root.isPresent(), "shared corpus not present (../shared/corpus): test skipped");
        Path p = root.get().resolve(relative);
        assumeTrue(Files.isRegularFile(p), "shared corpus has no file " + relative + ": skipped");
        return p;
    }
}
