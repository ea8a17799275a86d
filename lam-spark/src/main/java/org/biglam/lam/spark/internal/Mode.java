package org.biglam.lam.spark.internal;

import java.util.Locale;

/** What a problem does to the DataFrame, in Spark's words (option {@code mode}). */
public enum Mode {
    /** A problem becomes a row with {@code _problem} set and the record columns null (the default). */
    PERMISSIVE,
    /** A problem is left out of the DataFrame and counted in the scan's metrics. */
    DROPMALFORMED,
    /** The first error fails the task with lam's location (Spark may retry the task). */
    FAILFAST;

    /** Reads the option as Spark's file sources do: any case, PERMISSIVE when absent. */
    public static Mode of(String value) {
        if (value == null || value.isBlank()) {
            return PERMISSIVE;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mode must be PERMISSIVE, DROPMALFORMED or FAILFAST: '" + value + "'");
        }
    }
}
