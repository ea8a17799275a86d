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
import java.util.function.Function;
import java.util.function.Supplier;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamReader;
import org.biglam.lam.LamRecord;
import org.biglam.lam.OcrQuality;
import org.biglam.lam.parquet.HubObject;
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
    private final Function<String, LamReader> source;
    private final ReadOptions options;
    private Consumer<LamRecord> onRecord = r -> { };
    private RowSchema schema;
    private int qualityAt = -1;
    private int emptyAt = -1;
    private int widthAt = -1;
    private int objectsAt = -1;
    private int specsAt = -1;
    private final String[] lastRaw;
    private final Object[] lastValue;
    /** The records read ahead to decide {@code --quality auto}, and what is left of the limit. */
    private final java.util.ArrayDeque<LamRecord> ahead = new java.util.ArrayDeque<>();
    private Iterator<LamRecord> records;
    private long left;

    /** The most records read ahead for a record with text, to decide {@code --quality auto}. */
    static final int QUALITY_LOOKAHEAD = 1000;

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
        this(settings, options, granularity -> source.get());
    }

    /**
     * Creates an exporter that can read the inputs at another granularity (for {@code --objects}).
     *
     * @param settings what to write
     * @param options the reading options: their limits bound image fetching, their {@code localRoot}
     *     widens the origin rule images are held to
     * @param source opens the inputs at a granularity, or at the one asked for when given null;
     *     called once per pass (two with a label or objects)
     */
    public Exporter(ExportSettings settings, ReadOptions options, Function<String, LamReader> source) {
        this.settings = settings;
        this.options = java.util.Objects.requireNonNull(options, "options");
        this.source = source;
        this.lastRaw = new String[settings.columns().size()];
        this.lastValue = new Object[settings.columns().size()];
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
     * {@code --overwrite} must be given. An export of configs ({@code --config}, {@code
     * --partition-by}) may write into a dataset folder holding other configs.
     *
     * @param out the folder
     * @param overwrite whether replacing is allowed
     * @throws IllegalArgumentException if refused
     */
    public static void checkOut(Path out, boolean overwrite) {
        checkOut(out, overwrite, false);
    }

    /**
     * Checks that the output folder may be written, as {@link #checkOut(Path, boolean)}; an export
     * of configs may also write into a folder that holds a dataset card.
     *
     * @param out the folder
     * @param overwrite whether replacing is allowed
     * @param configs whether the export writes configs ({@code --config}, {@code --partition-by})
     * @throws IllegalArgumentException if refused
     */
    public static void checkOut(Path out, boolean overwrite, boolean configs) {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " exists and is not a folder");
        }
        if (configs && !overwrite && isLamCard(out.resolve("README.md"))) {
            return;
        }
        if (!overwrite && !isEmpty(out)) {
            throw new IllegalArgumentException("--out " + out + " exists; add --overwrite to replace its data/, "
                    + "plots/ and README.md (other files, such as .git, are kept)"
                    + (configs ? ", or write a config into a dataset folder whose README.md lam wrote" : ""));
        }
    }

    /** Whether a file is a dataset card lam wrote (one that marks its configs' sections). */
    private static boolean isLamCard(Path card) {
        try {
            return Files.isRegularFile(card)
                    && Files.readString(card, StandardCharsets.UTF_8).contains("\n<!-- lam:config ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            return !ds.iterator().hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean configMode() {
        return settings.config() != null || settings.partitionBy() != null;
    }

    /**
     * Runs the export.
     *
     * @return what was written and read, as the card tells it
     * @throws IOException if writing fails (the partial folder is then deleted)
     */
    public ExportResult run() throws IOException {
        Path out = settings.out();
        checkOut(out, settings.overwrite(), configMode());
        String existingCard = configMode() && Files.isRegularFile(out.resolve("README.md"))
                ? Files.readString(out.resolve("README.md"), StandardCharsets.UTF_8) : null;
        if (settings.config() != null && !settings.overwrite() && (Files.exists(out.resolve("data")
                .resolve(settings.config())) || existingCard != null
                && DatasetCard.OldCard.parse(existingCard).configItems.containsKey(settings.config()))) {
            throw new IllegalArgumentException("--out " + out + " already has the config '" + settings.config()
                    + "' (data/" + settings.config() + "/); add --overwrite to replace it (other configs are kept)");
        }
        List<String> classNames = settings.labelName() == null ? List.of() : classNames();
        Map<String, List<HubObject>> boxes = settings.objects() == null ? null : regions();
        Map<String, Integer> classIndex = new LinkedHashMap<>();
        for (int i = 0; i < classNames.size(); i++) {
            classIndex.put(classNames.get(i), i);
        }

        boolean created = !Files.exists(out);
        Files.createDirectories(out);
        Path partial = out.resolve(PARTIAL);
        deleteTree(partial);
        Files.createDirectories(partial);

        ExportResult result = new ExportResult(settings, null, classNames);
        if (boxes != null) {
            result.regions = boxes.values().stream().mapToLong(List::size).sum();
        }
        Map<String, ConfigOutput> configs = new LinkedHashMap<>();
        try (ImageLoader images = new ImageLoader(settings.fetchImages(), settings.imageSize(), options)) {
            try (LamReader reader = source.apply(null)) {
                records = reader.iterator();
                long max = settings.limit() == null ? Long.MAX_VALUE : settings.limit();
                while (result.recordsRead < max && (!ahead.isEmpty() || records.hasNext())) {
                    LamRecord r = ahead.isEmpty() ? records.next() : ahead.poll();
                    result.recordsRead++;
                    left = max - result.recordsRead;
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
                    Row row = toRow(r, classIndex, result, images, boxes);
                    if (row == null) {
                        continue;
                    }
                    String name = settings.config() != null ? settings.config()
                            : settings.partitionBy() != null ? settings.partitionBy().configOf(r) : "default";
                    ConfigOutput config = configs.get(name);
                    if (config == null) {
                        config = new ConfigOutput(name);
                        Path temp = partial.resolve(String.format("%05d", configs.size()));
                        for (String split : settings.splits().names()) {
                            config.splits.add(new SplitOutput(split, temp, settings.layout().extension(),
                                    settings.shardBytes(), settings.maxFilesPerFolder(), classNames.size(), opener()));
                        }
                        configs.put(name, config);
                    }
                    String key = r.group().orElse(r.id());
                    config.splits.get(settings.splits().splitOf(key)).write(row);
                    config.count(r, row);
                    facts(r, result);
                }
                for (ConfigOutput c : configs.values()) {
                    for (SplitOutput s : c.splits) {
                        s.finish();
                    }
                }
                result.errors = reader.errorCount();
                result.warnings = reader.warningCount();
            }
            if (configs.isEmpty()) {
                throw new IllegalStateException("no record made a row (" + result.recordsRead + " read, "
                        + result.leftOutNoText + " without text, " + result.leftOutNoImage + " without an image, "
                        + result.leftOutNoLabel + " without the label, " + result.leftOutNoImageBytes
                        + " with an image that could not be read); nothing was exported");
            }
            if (boxes != null) {
                result.regionsWithoutPage = boxes.values().stream().mapToLong(List::size).sum();
            }
            result.schema = schema;
            result.imagesMissing = images.missing();
            result.imagesRemote = images.remote();
            result.imagesRefused = images.refused();
            result.imagesNotImages = images.notImages();
            List<ConfigOutput> ordered = new ArrayList<>(configs.values());
            ordered.sort(java.util.Comparator.comparing(c -> c.name));
            result.configs = ordered;
            result.files = place(ordered);
            CardPlots.clear(out, configMode() ? ordered : null);
            for (ConfigOutput c : ordered) {
                c.plots = CardPlots.write(out, c, configMode());
            }
            if (ordered.size() == 1) {
                result.splits = ordered.get(0).splits;
            }
            String card = DatasetCard.render(result, existingCard);
            Path tmpCard = partial.resolve("README.md");
            Files.writeString(tmpCard, card, StandardCharsets.UTF_8);
            Files.move(tmpCard, out.resolve("README.md"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            deleteTree(partial);
            return result;
        } catch (IOException | RuntimeException | Error e) {
            for (ConfigOutput c : configs.values()) {
                for (SplitOutput s : c.splits) {
                    s.abort();
                }
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

    private SplitOutput.Opener opener() {
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

    /**
     * The record that decides {@code --quality auto}: the first row's record when it has text, else
     * the first record with text among the next {@value #QUALITY_LOOKAHEAD} (within the limit), read
     * ahead and kept for the rows; the first row's record when none has text. Holdings whose first
     * records are IIIF canvases without text and whose OCR comes later so get the quality columns
     * with image rows too.
     */
    private LamRecord withText(LamRecord first) {
        if (hasText(first) || records == null) {
            return first;
        }
        for (LamRecord r : ahead) {
            if (hasText(r)) {
                return r;
            }
        }
        while (ahead.size() < Math.min(QUALITY_LOOKAHEAD, left) && records.hasNext()) {
            LamRecord r = records.next();
            ahead.add(r);
            if (hasText(r)) {
                return r;
            }
        }
        return first;
    }

    private static boolean hasText(LamRecord r) {
        return r.text().filter(t -> !t.isBlank()).isPresent();
    }

    /** The schema, decided by the first row's record (the quality columns in {@code auto}, see {@link #withText}). */
    private RowSchema schema(LamRecord first, List<String> classNames) {
        boolean quality;
        switch (settings.quality()) {
            case ON:
                quality = true;
                break;
            case OFF:
                quality = false;
                break;
            default:
                LamRecord d = withText(first);
                quality = d.confidence().isPresent() || d.quality().isPresent();
        }
        RowSchema s = new RowSchema(settings.layout(), settings.imageRows(), settings.labelName(), classNames,
                settings.columns(), quality, settings.keepEmpty(), settings.objects() != null, settings.labelsColumn());
        qualityAt = s.indexOf("confidence");
        emptyAt = s.indexOf("empty");
        widthAt = s.indexOf("width");
        objectsAt = s.indexOf("objects");
        specsAt = settings.columns().isEmpty() ? -1 : s.indexOf(settings.columns().get(0).name());
        return s;
    }

    private Row toRow(LamRecord r, Map<String, Integer> classIndex, ExportResult result, ImageLoader images,
            Map<String, List<HubObject>> boxes) {
        String text = r.text().filter(t -> !t.isBlank()).orElse(null);
        ImageRef image = null;
        if (settings.imageRows() || boxes != null) {
            if (r.images().isEmpty()) {
                result.leftOutNoImage++;
                return null;
            }
            image = r.images().get(0);
        } else if (text == null && !settings.keepEmpty()) {
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
        if (schema == null) {
            schema = schema(r, new ArrayList<>(classIndex.keySet()));
        }
        Object[] values = new Object[schema.cols().size()];
        if (specsAt >= 0) {
            List<ColumnSpec> specs = settings.columns();
            for (int i = 0; i < specs.size(); i++) {
                ColumnSpec c = specs.get(i);
                List<String> raw = r.label(c.label());
                Object v;
                if (c.type() != ColumnSpec.Type.LIST && !raw.isEmpty() && raw.get(0).equals(lastRaw[i])) {
                    // the pages of a book or an issue share their labels: convert once
                    v = lastValue[i];
                } else {
                    v = c.value(raw);
                    if (!raw.isEmpty()) {
                        lastRaw[i] = raw.get(0);
                        lastValue[i] = v;
                    }
                }
                if (v == ColumnSpec.INVALID) {
                    result.columnWarnings.merge(c.name(), 1L, Long::sum);
                    v = null;
                }
                values[specsAt + i] = v;
            }
        }
        if (qualityAt >= 0) {
            if (r.confidence().isPresent()) {
                values[qualityAt] = r.confidence().getAsDouble();
            }
            OcrQuality q = r.quality().orElse(null);
            if (q != null) {
                values[qualityAt + 1] = (long) q.words();
                if (q.meanWordConfidence().isPresent()) {
                    values[qualityAt + 2] = q.meanWordConfidence().getAsDouble();
                    values[qualityAt + 3] = q.wordConfidenceStdDev().getAsDouble();
                }
                result.rowsWithQuality++;
            }
        } else if (r.confidence().isPresent() || r.quality().isPresent()) {
            result.qualityDropped++;
        }
        if (emptyAt >= 0) {
            values[emptyAt] = text == null;
            if (text == null) {
                result.emptyRows++;
            }
        }
        if (objectsAt >= 0) {
            values[widthAt] = image.width().isPresent() ? (Object) image.width().getAsLong() : null;
            values[widthAt + 1] = image.height().isPresent() ? (Object) image.height().getAsLong() : null;
            List<HubObject> objs = boxes.remove(image.uri());
            values[objectsAt] = objs == null ? List.of() : objs;
        }
        return new Row(r.id(), r.group().orElse(null), r.format(), text, image, label, value, r.labels(), loaded,
                values);
    }

    /** What the card's Source, personal data and licence sections tell, from each row's record. */
    private static void facts(LamRecord r, ExportResult result) {
        String licence = null;
        boolean ambiguous = false;
        for (String rights : r.label("rights")) {
            // the same statement on every record is read once
            if (!rights.equals(result.lastRights)) {
                result.lastRights = rights;
                result.lastLicence = Licences.hubId(rights);
            }
            String id = result.lastLicence;
            if (id != null) {
                if (licence != null && !licence.equals(id)) {
                    ambiguous = true;
                }
                licence = id;
            }
        }
        if (licence == null || ambiguous) {
            result.rowsWithoutLicence++;
        } else {
            result.licences.merge(licence, 1L, Long::sum);
        }
        for (String label : r.labels().keySet()) {
            if (result.namesPeople.computeIfAbsent(label, DatasetCard::namesPeople)) {
                result.personLabels.merge(label, 1L, Long::sum);
            }
        }
        for (String label : DatasetCard.SOURCE_LABELS) {
            List<String> values = r.label(label);
            if (!values.isEmpty()) {
                Map<String, Long> m = result.sourceValues.computeIfAbsent(label, k -> new java.util.HashMap<>());
                for (String v : values) {
                    if (m.containsKey(v) || m.size() < 1000) {
                        m.merge(v, 1L, Long::sum);
                    }
                }
            }
        }
    }

    /**
     * The first pass for {@code --objects}: the regions of the records of that granularity, by the
     * URI of the page image they are on, as {@code {bbox: [x, y, w, h], category, text}}.
     */
    private Map<String, List<HubObject>> regions() {
        Map<String, List<HubObject>> boxes = new LinkedHashMap<>();
        try (LamReader reader = source.apply(settings.objects())) {
            Iterator<LamRecord> it = reader.iterator();
            long max = settings.limit() == null ? Long.MAX_VALUE : settings.limit();
            long read = 0;
            while (read < max && it.hasNext()) {
                LamRecord r = it.next();
                read++;
                for (ImageRef img : r.images()) {
                    if (img.region().isEmpty()) {
                        continue;
                    }
                    org.biglam.lam.Region g = img.region().get();
                    String category = r.firstLabel("alto:element").orElse(settings.objects());
                    boxes.computeIfAbsent(img.uri(), k -> new ArrayList<>()).add(new HubObject(g.x(), g.y(), g.w(),
                            g.h(), category, r.text().filter(t -> !t.isBlank()).orElse(null)));
                    break;
                }
            }
        }
        return boxes;
    }

    /** The first pass for --label: the class names, sorted, of the records that make rows. */
    private List<String> classNames() {
        TreeSet<String> names = new TreeSet<>();
        try (LamReader reader = source.apply(null)) {
            Iterator<LamRecord> it = reader.iterator();
            long max = settings.limit() == null ? Long.MAX_VALUE : settings.limit();
            long read = 0;
            while (read < max && it.hasNext()) {
                LamRecord r = it.next();
                read++;
                boolean row = settings.imageRows() || settings.objects() != null ? !r.images().isEmpty()
                        : settings.keepEmpty() || r.text().filter(t -> !t.isBlank()).isPresent();
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
     * {@code data/<split>-NNNNN-of-MMMMM.<ext>} (in config mode {@code data/<config>/...}) while all
     * of them fit in one folder, otherwise {@code data/<split>/} (and {@code data/<split>/<NNNNN>/}
     * folders when one split alone has too many). With {@code --overwrite}, an export of one config
     * replaces the {@code data/} folder; an export of configs replaces only their own folders.
     */
    private List<Path> place(List<ConfigOutput> configs) throws IOException {
        Path out = settings.out();
        Path data = out.resolve("data");
        if (!configMode()) {
            if (settings.overwrite()) {
                deleteTree(data);
                Files.deleteIfExists(out.resolve("README.md"));
            }
        } else {
            for (ConfigOutput c : configs) {
                Path folder = data.resolve(c.name);
                if (Files.exists(folder)) {
                    if (!settings.overwrite()) {
                        throw new IllegalArgumentException("--out " + out + " already has the config '" + c.name
                                + "' (data/" + c.name + "/); add --overwrite to replace it (other configs are kept)");
                    }
                    deleteTree(folder);
                }
            }
        }
        List<Path> finals = new ArrayList<>();
        for (ConfigOutput c : configs) {
            placeConfig(c, configMode() ? data.resolve(c.name) : data, configMode() ? "data/" + c.name + "/" : "data/",
                    finals);
        }
        return finals;
    }

    private void placeConfig(ConfigOutput c, Path base, String prefix, List<Path> finals) throws IOException {
        int max = settings.maxFilesPerFolder();
        long total = c.splits.stream().mapToLong(s -> s.shards.size()).sum();
        boolean flat = total <= max;
        c.flat = flat;
        String ext = settings.layout().extension();
        for (SplitOutput s : c.splits) {
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
                    folder = base;
                } else if (m <= max) {
                    folder = base.resolve(s.name);
                } else {
                    folder = base.resolve(s.name).resolve(String.format("%05d", i / max));
                }
                Files.createDirectories(folder);
                Path target = folder.resolve(name);
                Files.move(s.shards.get(i), target, StandardCopyOption.ATOMIC_MOVE);
                finals.add(target);
                c.splitBytes.merge(s.name, Files.size(target), Long::sum);
            }
            c.splitGlobs.put(s.name, flat ? prefix + s.name + "-*" : prefix + s.name + "/**");
        }
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
