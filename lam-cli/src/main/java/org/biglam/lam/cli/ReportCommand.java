package org.biglam.lam.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.biglam.lam.Lam;
import org.biglam.lam.LamException;
import org.biglam.lam.LamReader;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.cli.report.Report;
import org.biglam.lam.cli.report.ReportCollector;
import org.biglam.lam.spi.Origin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lam report}: one self-contained HTML file showing what lam read (see {@link Report}).
 * Takes every reading option of {@code convert}. Exit codes as convert's.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Read inputs once and write one self-contained HTML file (no script, nothing loaded from "
                + "elsewhere) showing what lam read: records per format and granularity, problems by kind with "
                + "their locations, OCR pages without text and records of low confidence, charts (records per "
                + "decade and language, text lengths, confidence, the most frequent values of each label), and a "
                + "seeded sample of records with their text, labels and page image, the record's region drawn on it."})
final class ReportCommand implements Callable<Integer> {

    /** The most records a sample may keep. */
    static final int MAX_SAMPLE = 1_000;
    /** The largest side of an embedded image that may be asked for. */
    static final int MAX_IMAGE_SIZE = 1_600;

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = "Files, folders, globs, archives, http(s) URLs, oai:URL harvests, or - for standard input.")
    List<String> inputs;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true,
            description = "The HTML file to write (replaced if it exists).")
    Path out;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "24",
            description = "How many records the sample shows, and at most how many pages to check "
                    + "(default: ${DEFAULT-VALUE}; at most " + MAX_SAMPLE + ").")
    int sample;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "The seed of the sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--low-confidence", paramLabel = "C", defaultValue = "0.5",
            description = "Records whose confidence is below C are pages to check (default: ${DEFAULT-VALUE}).")
    double lowConfidence;

    @Option(names = "--image-size", paramLabel = "PIXELS", defaultValue = "480",
            description = "Embed page images scaled to fit in PIXELS x PIXELS, and ask IIIF Image API services for "
                    + "pages at that size (default: ${DEFAULT-VALUE}; at most " + MAX_IMAGE_SIZE + ").")
    int imageSize;

    @Option(names = "--fetch-images",
            description = "Fetch remote (http/https) page images of local documents too; without it, only the "
                    + "images of documents read over http(s) are fetched.")
    boolean fetchImages;

    @Option(names = "--title", paramLabel = "TEXT", description = "The report's title (default: lam report).")
    String title;

    @Mixin
    ReadingOptions reading;

    @Override
    public Integer call() throws IOException {
        if (sample < 0 || sample > MAX_SAMPLE) {
            throw new IllegalArgumentException("--sample is 0 to " + MAX_SAMPLE + ", not " + sample);
        }
        if (imageSize < 16 || imageSize > MAX_IMAGE_SIZE) {
            throw new IllegalArgumentException("--image-size is 16 to " + MAX_IMAGE_SIZE + ", not " + imageSize);
        }
        if (!(lowConfidence >= 0 && lowConfidence <= 1)) {
            throw new IllegalArgumentException("--low-confidence is between 0 and 1, not " + lowConfidence);
        }
        if (Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a folder; name the HTML file to write");
        }
        ReportCollector collector = new ReportCollector(reading.granularity == null ? null
                : reading.granularity.toLowerCase(Locale.ROOT), sample, seed, lowConfidence);
        int code;
        ReadOptions options;
        try (Progress progress = Progress.start(inputs, reading.quiet)) {
            ConvertCommand.ProblemPrinter printer = new ConvertCommand.ProblemPrinter(progress.err(), reading.quiet);
            // image bytes are held to the same origin rule as the reading: the folder the user named bounds it
            options = Origin.withInputsRoot(reading.toReadOptions(p -> {
                collector.problem(p);
                printer.accept(p);
            }), inputs);
            long max = reading.limit == null ? Long.MAX_VALUE : reading.limit;
            long errors;
            long warnings;
            try (LamReader reader = Lam.open(inputs, options)) {
                Iterator<LamRecord> it = reader.iterator();
                long n = 0;
                while (n < max && it.hasNext()) {
                    LamRecord r = it.next();
                    collector.accept(r);
                    progress.record(r);
                    n++;
                }
                errors = reader.errorCount();
                warnings = reader.warningCount();
            } catch (LamException e) {
                progress.err().println("lam: error: " + e.getMessage() + " (the report tells what was read before)");
                errors = 1;
                warnings = 0;
            }
            code = printer.finish(collector.records(), errors, warnings);
        }
        Path target = out.toAbsolutePath();
        Path parent = target.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8),
                    1 << 16)) {
                Report.write(w, collector, options, inputs, reading.described(), fetchImages, imageSize,
                        title == null || title.isBlank() ? "lam report" : title.strip());
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        if (!reading.quiet) {
            System.err.println("lam: report of " + collector.records() + " records (" + collector.sample().size()
                    + " in the sample) -> " + out + " (" + Files.size(target) + " bytes)");
        }
        return code;
    }
}
