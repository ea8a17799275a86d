package org.biglam.lam.cli.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one export writes: where, in which layout, what a row is for, the splits, shard size and
 * the card's fields.
 *
 * @param out the dataset folder to create
 * @param layout the shard format
 * @param imageRows rows are images (records without an image are left out); otherwise rows are
 *     texts (records without text are left out)
 * @param labelName the label whose first value becomes the class label column, or null
 * @param splits the splits and seed
 * @param shardBytes close a shard once it holds about this many bytes
 * @param license the Hub licence id, or null when not given (the card then says {@code other})
 * @param languages the card's languages; empty to take them from the records
 * @param prettyName the card's title, or null for one made from the folder's name
 * @param overwrite replace the {@code data/} folder and {@code README.md} of an existing {@code out}
 * @param inputs the inputs as given, for the card
 * @param limit stop after this many records read, or null
 * @param compression the Parquet compression
 * @param maxFilesPerFolder the most files put in one folder (the Hub's limit is 10,000)
 * @param fetchImages whether to fetch remote (http/https) images
 * @param imageSize with a IIIF Image API service, fetch images fitting in this many pixels a side; 0
 *     for the image as referenced
 * @param columns typed columns made from labels ({@code --column})
 * @param quality the quality columns ({@code confidence}, {@code word_count}, {@code
 *     ocr_quality_mean}, {@code ocr_quality_sd}): {@code auto}, {@code on} or {@code off}
 * @param keepEmpty keep records without text as rows with {@code empty = true}
 * @param objects one row per page image with the regions of this granularity as {@code objects},
 *     or null
 * @param labelsColumn whether rows keep the {@code labels} column
 * @param config the config to write into {@code data/<config>/}, keeping the folder's other
 *     configs, or null
 * @param partitionBy one config per value of this label ({@code language}, {@code date:decade}),
 *     or null
 * @param reading the reading options as given ({@code format}, {@code granularity}, {@code profile},
 *     {@code prefer-language} and each {@code -O} key), for the card
 */
public record ExportSettings(Path out, Layout layout, boolean imageRows, String labelName, SplitPlan splits,
        long shardBytes, String license, List<String> languages, String prettyName, boolean overwrite,
        List<String> inputs, Long limit, String compression, int maxFilesPerFolder, boolean fetchImages,
        int imageSize, List<ColumnSpec> columns, Quality quality, boolean keepEmpty, String objects,
        boolean labelsColumn, String config, Partition partitionBy, java.util.Map<String, String> reading) {

    /** Whether the quality columns are written. */
    public enum Quality {
        /** When the first record that makes a row carries a confidence or OCR quality. */
        AUTO,
        /** Always. */
        ON,
        /** Never. */
        OFF
    }

    /**
     * The settings of an export with one config, no typed columns and the quality columns decided
     * by the records.
     */
    public ExportSettings(Path out, Layout layout, boolean imageRows, String labelName, SplitPlan splits,
            long shardBytes, String license, List<String> languages, String prettyName, boolean overwrite,
            List<String> inputs, Long limit, String compression, int maxFilesPerFolder, boolean fetchImages,
            int imageSize) {
        this(out, layout, imageRows, labelName, splits, shardBytes, license, languages, prettyName, overwrite, inputs,
                limit, compression, maxFilesPerFolder, fetchImages, imageSize, List.of(), Quality.AUTO, false, null,
                true, null, null, java.util.Map.of());
    }

    /** The Hub's advice: no more than 10,000 files in one folder. */
    public static final int HUB_MAX_FILES_PER_FOLDER = 10_000;

    /** Checks the values. */
    public ExportSettings {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(splits, "splits");
        languages = List.copyOf(languages);
        inputs = List.copyOf(inputs);
        columns = List.copyOf(columns);
        reading = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reading));
        Objects.requireNonNull(quality, "quality");
        if (config != null && !Partition.CONFIG_NAME.matcher(config).matches()) {
            throw new IllegalArgumentException("--config '" + config + "': letters, digits, '_', '-' and '.', "
                    + "starting with a letter or digit");
        }
        if (config != null && partitionBy != null) {
            throw new IllegalArgumentException("choose --config or --partition-by, not both (partitions name "
                    + "their configs after their values)");
        }
        if (objects != null && imageRows) {
            throw new IllegalArgumentException("--objects makes image rows itself; leave out --image");
        }
        if (objects != null && keepEmpty) {
            throw new IllegalArgumentException("--keep-empty is for text rows; --objects keeps every page image");
        }
        if (imageRows && keepEmpty) {
            throw new IllegalArgumentException("--keep-empty is for text rows (image rows keep records without text)");
        }
        if (shardBytes < 1) {
            throw new IllegalArgumentException("--shard-size must be positive");
        }
        if (maxFilesPerFolder < 2) {
            throw new IllegalArgumentException("maxFilesPerFolder must be at least 2");
        }
        if (imageSize < 0) {
            throw new IllegalArgumentException("--image-size must not be negative");
        }
        if (labelName != null && labelName.isBlank()) {
            throw new IllegalArgumentException("--label needs a label name, for example genre");
        }
    }

    /**
     * Parses a size such as {@code 500MB}, {@code 1GB}, {@code 64k} or {@code 1000000}.
     *
     * @param s the size; units k, m, g (optionally followed by b or ib) are powers of 1024
     * @return bytes
     * @throws IllegalArgumentException if malformed
     */
    public static long parseSize(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT).replace("_", "");
        long mult = 1;
        if (t.endsWith("ib")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.endsWith("k")) {
            mult = 1L << 10;
        } else if (t.endsWith("m")) {
            mult = 1L << 20;
        } else if (t.endsWith("g")) {
            mult = 1L << 30;
        }
        if (mult > 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            double v = Double.parseDouble(t.strip());
            if (!(v > 0)) {
                throw new NumberFormatException();
            }
            return Math.max(1, (long) (v * mult));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a size: '" + s + "' (say 500MB, 1GB, 64k or a byte count)");
        }
    }
}
