package org.biglam.lam.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.biglam.lam.Lam;
import org.biglam.lam.LamException;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.cli.export.ColumnSpec;
import org.biglam.lam.cli.export.ExportResult;
import org.biglam.lam.cli.export.ExportSettings;
import org.biglam.lam.cli.export.Exporter;
import org.biglam.lam.cli.export.Layout;
import org.biglam.lam.cli.export.Partition;
import org.biglam.lam.cli.export.SplitPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lam export}: a Hub-ready dataset (shards and a dataset card) from the records read. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Read inputs and write a dataset the Hugging Face Hub reads without configuration: "
                + "OUT/data/<split>-NNNNN-of-MMMMM.<ext> shards (JSON Lines, Parquet or WebDataset) and the "
                + "dataset card OUT/README.md, with its plots in OUT/plots/.",
            "Rows are texts (--text, the default) or images (--image); --label NAME makes a classification "
                + "dataset. Records are put in splits by hashing their group with --seed, so no document "
                + "is cut across splits."})
final class ExportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "Files, folders, globs, archives, http(s) URLs, oai:URL harvests, or - for standard input.")
    List<String> inputs;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The dataset folder to create (refused if it exists and is not empty, unless --overwrite).")
    Path out;

    @Option(names = "--as", paramLabel = "LAYOUT", defaultValue = "parquet",
            description = "jsonl, parquet or webdataset (default: ${DEFAULT-VALUE}).")
    String as;

    @Option(names = "--text", description = "Text rows: records without text are left out (the default).")
    boolean text;

    @Option(names = "--image", description = "Image rows: records without an image are left out; images from "
            + "local files and zip entries are embedded (Parquet, WebDataset); remote ones with --fetch-images, "
            + "else referenced by URI.")
    boolean image;

    @Option(names = "--label", paramLabel = "NAME",
            description = "A classification dataset: the 'label' column is the first value of this label "
                    + "(for example genre); records without it are left out; class names are sorted.")
    String label;

    @Option(names = "--split", paramLabel = "SPEC", defaultValue = "train=1",
            description = "Splits and fractions, for example train=0.8,validation=0.1,test=0.1 "
                    + "(default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "The seed of the split hash (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--shard-size", paramLabel = "SIZE", defaultValue = "500MB",
            description = "Start a new shard after about this much (default: ${DEFAULT-VALUE}).")
    String shardSize;

    @Option(names = "--license", paramLabel = "ID",
            description = "The card's licence, a Hub licence id such as cc-by-4.0 or cc0-1.0. "
                    + "Never guessed: without it the card says 'other' and asks for it.")
    String license;

    @Option(names = "--language", paramLabel = "TAG", split = ",",
            description = "The card's languages (ISO 639-1 or BCP 47, comma-separated); "
                    + "default: the records' language labels.")
    List<String> languages = new ArrayList<>();

    @Option(names = "--pretty-name", paramLabel = "NAME", description = "The card's title (default: the folder's name).")
    String prettyName;

    @Option(names = "--compression", paramLabel = "CODEC", defaultValue = "zstd",
            description = "Parquet compression: zstd, snappy, gzip, lz4_raw or uncompressed (default: ${DEFAULT-VALUE}).")
    String compression;

    @Option(names = "--fetch-images",
            description = "Fetch remote (http/https) images to embed them, one at a time; without it they are "
                    + "referenced by URI (Parquet) or their rows left out (WebDataset).")
    boolean fetchImages;

    @Option(names = "--image-size", paramLabel = "PIXELS", defaultValue = "0",
            description = "With --fetch-images, ask IIIF Image API services for images (and regions) fitting in "
                    + "PIXELS x PIXELS; default: the image as referenced.")
    int imageSize;

    @Option(names = "--column", paramLabel = "SPEC",
            description = "A typed column from a label (repeatable, or a comma list): LABEL, LABEL:TYPE or "
                    + "NAME=LABEL:TYPE, TYPE one of string (first value), list, int, float, bool, date "
                    + "(a timestamp). A value that does not fit is a null, counted in the card.")
    List<String> columns = new ArrayList<>();

    @Option(names = "--quality", paramLabel = "WHEN", defaultValue = "auto",
            description = "The columns confidence, word_count, ocr_quality_mean, ocr_quality_sd: auto (when the "
                    + "first record with text has a confidence or OCR quality; up to 1,000 records are read ahead "
                    + "for it), on or off (default: ${DEFAULT-VALUE}).")
    String quality;

    @Option(names = "--keep-empty",
            description = "Keep records without text as rows, with the column empty = true.")
    boolean keepEmpty;

    @Option(names = "--objects", paramLabel = "GRANULARITY",
            description = "One row per page image with width, height and objects (the boxes, categories and texts "
                    + "of the regions of this granularity: illustration, block, line, annotation, ...).")
    String objects;

    @Option(names = "--no-labels", description = "Leave out the labels column (every label as JSON).")
    boolean noLabels;

    @Option(names = "--config", paramLabel = "NAME",
            description = "Write one config into data/NAME/ of a dataset folder, keeping its other configs "
                    + "(their files and their parts of the card).")
    String config;

    @Option(names = "--partition-by", paramLabel = "LABEL",
            description = "One config per value of this label, for example language, or date:decade "
                    + "(also date:year, date:century).")
    String partitionBy;

    @Option(names = "--overwrite",
            description = "Replace the data/ and plots/ folders and README.md of an existing --out (other files, such as "
                    + ".git, are kept).")
    boolean overwrite;

    @Mixin
    ReadingOptions reading;

    @Override
    public Integer call() throws Exception {
        if (text && image) {
            throw new IllegalArgumentException("choose --text or --image, not both");
        }
        if (label != null && inputs.contains("-")) {
            throw new IllegalArgumentException("--label reads the inputs twice (the class names first), "
                    + "which standard input cannot be");
        }
        List<String> langs = new ArrayList<>();
        for (String l : languages) {
            if (!l.isBlank()) {
                langs.add(l.strip());
            }
        }
        ExportSettings.Quality q;
        try {
            q = ExportSettings.Quality.valueOf(quality.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--quality is auto, on or off, not '" + quality + "'");
        }
        if (objects != null && inputs.contains("-")) {
            throw new IllegalArgumentException("--objects reads the inputs twice (the regions first), "
                    + "which standard input cannot be");
        }
        ExportSettings settings = new ExportSettings(out, Layout.parse(as), image, label,
                SplitPlan.parse(split, seed), ExportSettings.parseSize(shardSize),
                license == null || license.isBlank() ? null : license.strip().toLowerCase(Locale.ROOT), langs,
                prettyName, overwrite, inputs, reading.limit, compression, ExportSettings.HUB_MAX_FILES_PER_FOLDER,
                fetchImages, imageSize, ColumnSpec.parseAll(columns), q, keepEmpty,
                objects == null ? null : objects.strip().toLowerCase(Locale.ROOT), !noLabels, config,
                partitionBy == null ? null : Partition.parse(partitionBy), reading.described());
        if (reading.limit != null && reading.limit < 0) {
            throw new IllegalArgumentException("--limit must not be negative");
        }
        Exporter.checkOut(out, overwrite, config != null || partitionBy != null);
        Path target = out.toAbsolutePath().normalize();
        for (String input : inputs) {
            if (input.equals("-") || input.contains("://")) {
                continue;
            }
            try {
                Path in = Path.of(input).toAbsolutePath().normalize();
                if (java.nio.file.Files.isDirectory(in) && target.startsWith(in)) {
                    throw new IllegalArgumentException("--out " + out + " is inside the input folder " + input
                            + ": the export would read its own shards");
                }
            } catch (java.nio.file.InvalidPathException e) {
                // a glob or something else lam resolves itself
            }
        }
        ExportResult result;
        try (Progress progress = Progress.start(inputs, reading.quiet)) {
            ConvertCommand.ProblemPrinter printer = new ConvertCommand.ProblemPrinter(progress.err(), reading.quiet);
            // image bytes are held to the same origin rule as the reading: the folder the user named bounds it
            ReadOptions options = org.biglam.lam.spi.Origin.withInputsRoot(reading.toReadOptions(printer), inputs);
            int[] pass = {0};
            boolean twice = label != null || objects != null;
            Exporter exporter = new Exporter(settings, options, granularity -> {
                // with --label or --objects a first pass reads the inputs; problems are reported once
                ReadOptions o = pass[0]++ == 0 || !twice ? options
                        : org.biglam.lam.spi.Origin.withInputsRoot(reading.toReadOptions(p -> { }), inputs);
                if (granularity != null) {
                    o = o.toBuilder().granularity(granularity).build();
                }
                return Lam.open(inputs, o);
            }).onRecord(progress::record);
            try {
                result = exporter.run();
            } catch (LamException e) {
                progress.err().println("lam: error: " + e.getMessage() + " (nothing was exported)");
                return LamCommand.EXIT_PROBLEMS;
            }
            progress.close();
            if (!reading.quiet) {
                System.err.println("lam: " + result.summary() + " -> " + out);
            }
            return printer.finish(result.recordsRead(), result.errors(), 0);
        }
    }
}
