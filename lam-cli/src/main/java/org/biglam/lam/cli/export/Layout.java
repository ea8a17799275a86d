package org.biglam.lam.cli.export;

import java.util.Locale;

/** The shard formats {@code lam export} writes. */
public enum Layout {
    /** JSON Lines, one row per line ({@code .jsonl}). */
    JSONL("jsonl", "json"),
    /** Parquet with embedded images ({@code .parquet}). */
    PARQUET("parquet", "parquet"),
    /** WebDataset tar shards, members sharing a key per row ({@code .tar}). */
    WEBDATASET("tar", "webdataset");

    private final String extension;
    private final String hubName;

    Layout(String extension, String hubName) {
        this.extension = extension;
        this.hubName = hubName;
    }

    /** The shard file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The name of the Hub's builder for these files. */
    public String hubName() {
        return hubName;
    }

    /**
     * Parses a {@code --as} value.
     *
     * @param s jsonl, parquet or webdataset (also json, wds, tar)
     * @return the layout
     * @throws IllegalArgumentException for anything else
     */
    public static Layout parse(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "jsonl":
            case "json":
                return JSONL;
            case "parquet":
                return PARQUET;
            case "webdataset":
            case "wds":
            case "tar":
                return WEBDATASET;
            default:
                throw new IllegalArgumentException("--as is jsonl, parquet or webdataset, not '" + s + "'");
        }
    }
}
