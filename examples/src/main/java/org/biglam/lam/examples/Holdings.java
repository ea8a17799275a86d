package org.biglam.lam.examples;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the bundled holdings, whether an example runs from the repository root or from {@code examples/}. */
public final class Holdings {

    private Holdings() {
    }

    /**
     * A path inside {@code examples/holdings}.
     *
     * @param relative for example {@code marc/books.mrc}
     * @return the path, relative to the working directory
     */
    public static Path path(String relative) {
        Path fromRoot = Path.of("examples", "holdings").resolve(relative);
        return Files.exists(fromRoot) ? fromRoot : Path.of("holdings").resolve(relative);
    }
}
