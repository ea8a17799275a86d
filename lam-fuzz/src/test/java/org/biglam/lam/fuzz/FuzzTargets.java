package org.biglam.lam.fuzz;

/** What the fuzz targets share. */
final class FuzzTargets {

    /**
     * How long one target fuzzes under {@code JAZZER_FUZZ=1} when run by hand from an IDE. The {@code fuzz}
     * Maven profile overrides it with {@code -Dfuzz.seconds}; without fuzzing it has no effect (the
     * seeds run once, as regression tests).
     */
    static final String MAX_DURATION = "4m";

    private FuzzTargets() {
    }
}
