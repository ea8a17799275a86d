package org.biglam.lam.cli.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamReader;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;

/**
 * Runs one export: reads the records (twice with {@code --label}: once for the class names, sorted,
 * once for the rows), puts each row in its split by group hash, writes shards under temporary
 * names in {@code OUT/.lam-export-partial/}, and at the end renames them to {@code
 * data/<split>-NNNNN-of-MMMMM.<ext>} and writes the dataset card {@code README.md}. A failed export
 * deletes its partial folder, so no half-written shard is ever named as if complete.
 */
public final class Exporter {

    /** The folder, inside OUT, holding shards while they are written. */
    public static final String PARTIAL = ".lam-export-partial";

    private final ExportSettings settings;
    private final Supplier<LamReader> source;
    private final ReadOptions options;
    private Consumer<LamRecord> onRecord = r -> { };

    /**
     * Creates an exporter that loads images with the default options.
     *
     * @param settings what to write
     * @param source opens the inputs; called once, or twice with a label
     */
    public Exporter(ExportSettings settings, Supplier<LamReader> source) {
        this(settings, ReadOptions.defaults(), source);
    }

    /**
     * Creates an exporter.
     *
     * @param settings what to write
     * @param options the reading options: their limits bound image fetching, their {@code localRoot}
     *     widens the origin rule images are held to
     * @param source opens the inputs; called once, or twice with a label
     */
    public Exporter(ExportSettings settings, ReadOptions options, Supplier<LamReader> source) {
        this.settings = settings;
        this.options = java.util.Objects.requireNonNull(options, "options");
        this.source = source;
    }

    /**
     * Sets what to call with each record of the pass that writes rows (for a progress bar).
     *
     * @param onRecord called once per record read, on the exporting thread
     * @return this exporter
     */
    public Exporter onRecord(Consumer<LamRecord> onRecord) {
        this.onRecord = java.util.Objects.requireNonNull(onRecord, "onRecord");
        return this;
    }

    /**
     * Checks that the output folder may be written: it must not exist, or be an empty folder, or
     * {@code --overwrite} must be given.
     *
     * @param out the folder
     * @param overwrite whether replacing is allowed
     * @throws IllegalArgumentException if refused
     */
    public static void checkOut(Path out, boolean overwrite) {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " exists and is not a folder");
        }
        if (!overwrite && !isEmpty(out)) {
            throw new IllegalArgumentException("--out " + out + " exists; add --overwrite to replace its data/ "
                    + "and README.md (other files, such as .git, are kept)");
        }
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            return !ds.iterator().hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the export.
     *
     * @return what was written and read, as the card tells it
     * @throws IOException if writing fails (the partial folder is then deleted)
     */
    public ExportResult run() throws IOException {
        Path out = settings.out();
        checkOut(out, settings.overwrite());
        List<String> classNames = settings.labelName() == null ? List.of() : classNames();
        RowSchema schema = new RowSchema(settings.layout(), settings.imageRows(), settings.labelName(), classNames);
        Map<String, Integer> classIndex = new LinkedHashMap<>();
        for (int i = 0; i < classNames.size(); i++) {
            classIndex.put(classNames.get(i), i);
        }

        boolean created = !Files.exists(out);
        Files.createDirectories(out);
        Path partial = out.resolve(PARTIAL);
        deleteTree(partial);
        Files.createDirectories(partial);

        ExportResult result = new ExportResult(settings, schema, classNames);
        List<SplitOutput> splits = new ArrayList<>();
        try (ImageLoader images = new ImageLoader(settings.fetchImages(), settings.imageSize(), options)) {
            for (String name : settings.splits().names()) {
                splits.add(new SplitOutput(name, partial, settings.layout().extension(), settings.shardBytes(),
                        settings.maxFilesPerFolder(), classNames.size(), opener(schema)));
            }
            try (LamReader reader = source.get()) {
                Iterator<LamRecord> it = reader.iterator();
                long max = settings.limit() == null ? Long.MAX_VALUE : settings.limit();
                while (result.recordsRead < max && it.hasNext()) {
                    LamRecord r = it.next();
                    result.recordsRead++;
                    onRecord.accept(r);
                    result.formats.merge(r.format(), 1L, Long::sum);
                    for (String lang : r.label("language")) {
                        result.languages.merge(lang, 1L, Long::sum);
                    }
                    for (String rights : r.label("rights")) {
                        if (result.rights.size() < 10) {
                            result.rights.add(rights);
                        }
                    }
                    Row row = toRow(r, classIndex, result, images);
                    if (row == null) {
                        continue;
                    }
                    String key = r.group().orElse(r.id());
                    splits.get(settings.splits().splitOf(key)).write(row);
                }
                for (SplitOutput s : splits) {
                    s.finish();
                }
                result.errors = reader.errorCount();
                result.warnings = reader.warningCount();
            }
            if (splits.stream().allMatch(so -> so.rows == 0)) {
                throw new IllegalStateException("no record made a row (" + result.recordsRead + " read, "
                        + result.leftOutNoText + " without text, " + result.leftOutNoImage + " without an image, "
                        + result.leftOutNoLabel + " without the label, " + result.leftOutNoImageBytes
                        + " with an image that could not be read); nothing was exported");
            }
            result.imagesMissing = images.missing();
            result.imagesRemote = images.remote();
            result.imagesRefused = images.refused();
            result.imagesNotImages = images.notImages();
            List<Path> finals = place(splits, result);
            result.splits = splits;
            result.files = finals;
            String card = DatasetCard.render(result);
            Path tmpCard = partial.resolve("README.md");
            Files.writeString(tmpCard, card, StandardCharsets.UTF_8);
            Files.move(tmpCard, out.resolve("README.md"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            deleteTree(partial);
            return result;
        } catch (IOException | RuntimeException | Error e) {
            for (SplitOutput s : splits) {
                s.abort();
            }
            try {
                deleteTree(partial);
                if (created && isEmpty(out)) {
                    Files.deleteIfExists(out);
                }
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The image member's extension of every WebDataset sample: the first image's. */
    private final String[] imageExtension = {null};

    private SplitOutput.Opener opener(RowSchema schema) {
        switch (settings.layout()) {
            case JSONL:
                return (file, first) -> new JsonlShardWriter(file, schema);
            case PARQUET:
                return (file, first) -> new ParquetShardWriter(file, schema, settings.compression());
            case WEBDATASET:
                return (file, first) -> new TarShardWriter(file, schema, first, imageExtension);
            default:
                throw new IllegalStateException(settings.layout().toString());
        }
    }

    private Row toRow(LamRecord r, Map<String, Integer> classIndex, ExportResult result, ImageLoader images) {
        String text = r.text().filter(t -> !t.isBlank()).orElse(null);
        ImageRef image = null;
        if (settings.imageRows()) {
            if (r.images().isEmpty()) {
                result.leftOutNoImage++;
                return null;
            }
            image = r.images().get(0);
        } else if (text == null) {
            result.leftOutNoText++;
            return null;
        }
        int label = -1;
        String value = null;
        if (settings.labelName() != null) {
            value = r.firstLabel(settings.labelName()).orElse(null);
            Integer idx = value == null ? null : classIndex.get(value);
            if (idx == null) {
                result.leftOutNoLabel++;
                return null;
            }
            label = idx;
        }
        ImageLoader.Loaded loaded = null;
        if (image != null && settings.layout() != Layout.JSONL) {
            loaded = images.load(image, r);
            if (loaded == null) {
                result.noImageBytes(r.id(), images.lastProblem());
            }
            if (loaded == null && settings.layout() == Layout.WEBDATASET) {
                // every sample of a WebDataset has the same members, so one without its image is left out
                result.leftOutNoImageBytes++;
                return null;
            }
        }
        return new Row(r.id(), r.group().orElse(null), r.format(), text, image, label, value, r.labels(), loaded);
    }

    /** The first pass for --label: the class names, sorted, of the records that make rows. */
    private List<String> classNames() {
        TreeSet<String> names = new TreeSet<>();
        try (LamReader reader = source.get()) {
            Iterator<LamRecord> it = reader.iterator();
            long max = settings.limit() == null ? Long.MAX_VALUE : settings.limit();
            long read = 0;
            while (read < max && it.hasNext()) {
                LamRecord r = it.next();
                read++;
                boolean row = settings.imageRows() ? !r.images().isEmpty()
                        : r.text().filter(t -> !t.isBlank()).isPresent();
                if (row) {
                    r.firstLabel(settings.labelName()).ifPresent(names::add);
                }
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no record read has the label '" + settings.labelName()
                    + "' (see the labels with 'lam convert ... --limit 5')");
        }
        return List.copyOf(names);
    }

    /**
     * Renames the temporary shards to their final names, now that each split's count is known:
     * {@code data/<split>-NNNNN-of-MMMMM.<ext>} while all of them fit in one folder, otherwise
     * {@code data/<split>/} (and {@code data/<split>/<NNNNN>/} folders when one split alone has
     * too many).
     */
    private List<Path> place(List<SplitOutput> splits, ExportResult result) throws IOException {
        Path out = settings.out();
        int max = settings.maxFilesPerFolder();
        long total = splits.stream().mapToLong(s -> s.shards.size()).sum();
        boolean flat = total <= max;
        result.flat = flat;
        Path data = out.resolve("data");
        if (settings.overwrite()) {
            deleteTree(data);
            Files.deleteIfExists(out.resolve("README.md"));
        }
        List<Path> finals = new ArrayList<>();
        String ext = settings.layout().extension();
        for (SplitOutput s : splits) {
            int m = s.shards.size();
            if (m == 0) {
                // the datasets library refuses a split without data: an empty split is left out of the card
                continue;
            }
            String count = String.format("%05d", m);
            for (int i = 0; i < m; i++) {
                String name = String.format("%s-%05d-of-%s.%s", s.name, i, count, ext);
                Path folder;
                if (flat) {
                    folder = data;
                } else if (m <= max) {
                    folder = data.resolve(s.name);
                } else {
                    folder = data.resolve(s.name).resolve(String.format("%05d", i / max));
                }
                Files.createDirectories(folder);
                Path target = folder.resolve(name);
                Files.move(s.shards.get(i), target, StandardCopyOption.ATOMIC_MOVE);
                finals.add(target);
                result.splitBytes.merge(s.name, Files.size(target), Long::sum);
            }
            result.splitGlobs.put(s.name, flat ? "data/" + s.name + "-*" : "data/" + s.name + "/**");
        }
        return finals;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
