package org.biglam.lam.cli.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.biglam.lam.Lam;
import org.biglam.lam.parquet.HubColumn;

/**
 * The dataset card, {@code README.md}: YAML front matter the Hub reads (license, language,
 * pretty_name, the creators, multilinguality, source_datasets, task categories and ids,
 * size_categories, configs, dataset_info) and a Markdown body that documents the dataset: how the
 * text was made (every reading option, in words), how confidence and OCR quality are computed,
 * what was read, statistics and an example row per config, the columns, the source (from the
 * records' labels), personal data, rights (with a hint when the records' rights name one licence)
 * and limitations by the kind of source read. The licence of holdings is never guessed: without
 * {@code --license} the card says {@code other} and asks for it.
 *
 * <p>Each config's part of the body sits between {@code <!-- lam:config NAME -->} and {@code <!--
 * lam:end NAME -->}, so that an export of another config into the same folder keeps it, with the
 * config's entries of {@code configs} and {@code dataset_info}.
 */
final class DatasetCard {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./<>*+-]*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final Set<String> YAML_WORDS = Set.of("yes", "no", "true", "false", "null", "on", "off", "y", "n");
    private static final int MAX_LANGUAGES = 30;
    private static final int EXAMPLE_TEXT = 300;

    /** The labels the Source section quotes. */
    static final List<String> SOURCE_LABELS = List.of("collection", "publisher", "place", "identifier");
    /** Formats whose text is OCR. */
    static final Set<String> OCR = org.biglam.lam.cli.internal.RecordCounts.OCR_FORMATS;
    /** Formats whose text is keyed transcription. */
    static final Set<String> TRANSCRIPTION = Set.of("tei");

    private DatasetCard() {
    }

    /** Whether a label names people (creators, contributors, TEI person names, speakers, archival names). */
    static boolean namesPeople(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        return l.equals("creator") || l.equals("contributor") || l.contains("persname") || l.contains("person")
                || l.endsWith(":who") || l.endsWith(":speaker") || l.endsWith("famname") || l.endsWith(":name");
    }

    static String render(ExportResult r) {
        return render(r, null);
    }

    /**
     * The card.
     *
     * @param r what was exported
     * @param existing the card already in the folder, for an export of configs (its other configs
     *     are kept), or null
     * @return the card's text
     */
    static String render(ExportResult r, String existing) {
        ExportSettings s = r.settings;
        boolean configMode = s.config() != null || s.partitionBy() != null;
        OldCard old = configMode && existing != null ? OldCard.parse(existing) : OldCard.EMPTY;
        Set<String> current = new TreeSet<>();
        r.configs.forEach(c -> current.add(c.name));
        Map<String, String> keptConfigs = new LinkedHashMap<>();
        old.configItems.forEach((k, v) -> {
            if (!current.contains(k)) {
                keptConfigs.put(k, v);
            }
        });

        StringBuilder y = new StringBuilder("---\n");
        String license = s.license() == null ? "other" : s.license();
        y.append("license: ").append(scalar(license)).append('\n');
        List<String> langs = languages(r);
        Set<String> allLangs = new LinkedHashSet<>(langs);
        if (!keptConfigs.isEmpty()) {
            allLangs.addAll(old.lists.getOrDefault("language", List.of()));
        }
        if (!allLangs.isEmpty()) {
            y.append("language:\n");
            allLangs.forEach(l -> y.append("- ").append(scalar(l)).append('\n'));
        }
        y.append("pretty_name: ").append(scalar(prettyName(s))).append('\n');
        Set<String> creators = new TreeSet<>(creators(r));
        if (!keptConfigs.isEmpty()) {
            creators.addAll(old.lists.getOrDefault("annotations_creators", List.of()));
        }
        list(y, "annotations_creators", creators);
        list(y, "language_creators", creators);
        if (!allLangs.isEmpty()) {
            list(y, "multilinguality", List.of(allLangs.size() > 1 ? "multilingual" : "monolingual"));
        }
        list(y, "source_datasets", List.of("original"));
        Set<String> tasks = new LinkedHashSet<>();
        Set<String> taskIds = new LinkedHashSet<>();
        String task = task(r);
        if (task != null) {
            tasks.add(task);
            String id = taskId(r);
            if (id != null) {
                taskIds.add(id);
            }
        }
        if (!keptConfigs.isEmpty()) {
            tasks.addAll(old.lists.getOrDefault("task_categories", List.of()));
            taskIds.addAll(old.lists.getOrDefault("task_ids", List.of()));
        }
        list(y, "task_categories", tasks);
        list(y, "task_ids", taskIds);
        long keptRows = 0;
        for (String k : keptConfigs.keySet()) {
            keptRows += OldCard.rows(old.infoItems.getOrDefault(k, ""));
        }
        y.append("size_categories:\n- ").append(scalar(sizeCategory(r.rows() + keptRows))).append('\n');
        Set<String> tags = new LinkedHashSet<>(List.of("lam", "glam"));
        tags.addAll(r.formats.keySet());
        if (!keptConfigs.isEmpty()) {
            tags.addAll(old.lists.getOrDefault("tags", List.of()));
        }
        list(y, "tags", tags);

        // configs and dataset_info: this export's configs and the folder's others, by name
        Map<String, String> configItems = new java.util.TreeMap<>();
        Map<String, String> infoItems = new java.util.TreeMap<>();
        keptConfigs.forEach((k, v) -> {
            configItems.put(k, v);
            infoItems.put(k, old.infoItems.getOrDefault(k, ""));
        });
        long total = 0;
        for (ConfigOutput c : r.configs) {
            StringBuilder item = new StringBuilder("  data_files:\n");
            c.splitGlobs.forEach((split, glob) -> item.append("  - split: ").append(split).append("\n    path: ")
                    .append(scalar(glob)).append('\n'));
            configItems.put(c.name, item.toString());
            infoItems.put(c.name, info(r, c));
            total += c.splitBytes.values().stream().mapToLong(Long::longValue).sum();
        }
        y.append("configs:\n");
        configItems.forEach((k, v) -> y.append("- config_name: ").append(scalar(k)).append('\n').append(v));
        y.append("dataset_info:\n");
        if (!configMode) {
            y.append(infoItems.get("default"));
        } else {
            infoItems.forEach((k, v) -> y.append("- config_name: ").append(scalar(k)).append('\n').append(v));
        }
        y.append("---\n\n");
        return y + body(r, license, langs, total, keptConfigs.keySet(), old);
    }

    private static void list(StringBuilder y, String key, java.util.Collection<String> values) {
        if (values.isEmpty()) {
            return;
        }
        y.append(key).append(":\n");
        values.forEach(v -> y.append("- ").append(scalar(v)).append('\n'));
    }

    /** A config's {@code dataset_info} entry, indented as a mapping's body. */
    private static String info(ExportResult r, ConfigOutput c) {
        ExportSettings s = r.settings;
        StringBuilder y = new StringBuilder();
        if (s.layout() != Layout.WEBDATASET) {
            y.append("  features:\n");
            for (HubColumn col : r.schema.columns()) {
                y.append("  - name: ").append(scalar(col.name())).append('\n');
                switch (col.type()) {
                    case STRING:
                        y.append("    dtype: string\n");
                        break;
                    case INT64:
                        y.append("    dtype: int64\n");
                        break;
                    case FLOAT64:
                        y.append("    dtype: float64\n");
                        break;
                    case BOOL:
                        y.append("    dtype: bool\n");
                        break;
                    case TIMESTAMP:
                        y.append("    dtype: timestamp[ms]\n");
                        break;
                    case IMAGE:
                        y.append("    dtype: image\n");
                        break;
                    case STRING_LIST:
                        y.append("    sequence: string\n");
                        break;
                    case OBJECTS:
                        y.append("    list:\n    - name: bbox\n      sequence: float64\n    - name: category\n"
                                + "      dtype: string\n    - name: text\n      dtype: string\n");
                        break;
                    case CLASS_LABEL:
                        y.append("    dtype:\n      class_label:\n        names:\n");
                        for (int i = 0; i < col.classNames().size(); i++) {
                            y.append("          '").append(i).append("': ").append(scalar(col.classNames().get(i)))
                                    .append('\n');
                        }
                        break;
                    default:
                        throw new IllegalStateException(col.type().toString());
                }
            }
        }
        y.append("  splits:\n");
        long total = 0;
        for (SplitOutput so : c.splits) {
            if (so.rows == 0) {
                continue;
            }
            long bytes = c.splitBytes.getOrDefault(so.name, 0L);
            total += bytes;
            y.append("  - name: ").append(so.name).append("\n    num_bytes: ").append(bytes)
                    .append("\n    num_examples: ").append(so.rows).append('\n');
        }
        y.append("  download_size: ").append(total).append('\n');
        y.append("  dataset_size: ").append(total).append('\n');
        return y.toString();
    }

    private static String body(ExportResult r, String license, List<String> langs, long totalBytes,
            Set<String> keptConfigs, OldCard old) {
        ExportSettings s = r.settings;
        boolean configMode = s.config() != null || s.partitionBy() != null;
        StringBuilder b = new StringBuilder();
        b.append("# ").append(prettyName(s)).append("\n\n");
        String kind = s.objects() != null ? "page image" : s.imageRows() ? "image" : "text";
        b.append("A dataset of ").append(kind).append(" rows");
        if (s.objects() != null) {
            b.append(" with the boxes of their `").append(s.objects()).append("` regions (object detection)");
        }
        if (s.labelName() != null) {
            b.append(" labelled by `").append(s.labelName()).append("` (").append(r.classNames.size())
                    .append(" classes)");
        }
        b.append(", made with `lam export` (lam ").append(Lam.version()).append(") from library, archive and ")
                .append("museum records.\n\n");

        howMade(b, r);
        quality(b, r);

        b.append("## What was read\n\n");
        b.append("- Inputs: ").append(inputs(s)).append('\n');
        b.append("- Formats: ");
        List<String> formats = new ArrayList<>();
        r.formats.forEach((f, n) -> formats.add("`" + f + "` (" + n + " records)"));
        b.append(formats.isEmpty() ? "none" : String.join(", ", formats)).append('\n');
        b.append("- Records read: ").append(r.recordsRead);
        if (s.limit() != null) {
            b.append(" (stopped after ").append(s.limit()).append(')');
        }
        b.append("; rows written: ").append(r.rows()).append('\n');
        if (r.leftOutNoText + r.leftOutNoImage + r.leftOutNoLabel + r.leftOutNoImageBytes > 0) {
            b.append("- Records that made no row: ");
            List<String> why = new ArrayList<>();
            if (r.leftOutNoText > 0) {
                why.add(r.leftOutNoText + " without text");
            }
            if (r.leftOutNoImage > 0) {
                why.add(r.leftOutNoImage + " without an image");
            }
            if (r.leftOutNoLabel > 0) {
                why.add(r.leftOutNoLabel + " without a `" + s.labelName() + "` label");
            }
            if (r.leftOutNoImageBytes > 0) {
                why.add(r.leftOutNoImageBytes + " whose image could not be read here (remote or missing)");
            }
            b.append(String.join(", ", why)).append('\n');
        }
        if (s.keepEmpty()) {
            b.append("- Records without text kept as rows with `empty = true`: ").append(r.emptyRows).append('\n');
        }
        if (s.objects() != null) {
            b.append("- Regions (`").append(s.objects()).append("` records with a box): ").append(r.regions)
                    .append(", of which ").append(r.regionsWithoutPage)
                    .append(" on a page image that made no row (left out)\n");
        }
        b.append("- Problems while reading: ").append(r.errors).append(" errors (records or inputs skipped), ")
                .append(r.warnings).append(" warnings\n");
        long warned = r.columnWarnings.values().stream().mapToLong(Long::longValue).sum();
        if (!s.columns().isEmpty()) {
            b.append("- Label values that did not fit their column's type (written as null): ").append(warned);
            if (warned > 0) {
                List<String> parts = new ArrayList<>();
                r.columnWarnings.forEach((k, v) -> parts.add("`" + k + "` " + v));
                b.append(" (").append(String.join(", ", parts)).append(')');
            }
            b.append('\n');
        }
        if (s.imageRows() || s.objects() != null) {
            b.append(s.layout() == Layout.WEBDATASET ? "- Images that could not be read (their rows left out): "
                    : "- Images without embedded bytes (referenced by path or URI only): ")
                    .append(r.imagesMissing + r.imagesRemote).append(" (").append(r.imagesRemote)
                    .append(" remote, not fetched; ").append(r.imagesMissing).append(" not readable here")
                    .append(s.fetchImages() ? ", remote images were fetched" : "").append(")\n");
            if (r.imagesRefused + r.imagesNotImages > 0) {
                b.append("  - of which ").append(r.imagesRefused).append(" refused by the origin rule (a reference its ")
                        .append("document may not lead to) and ").append(r.imagesNotImages)
                        .append(" not an image (no JPEG, PNG, TIFF, GIF, WebP or JPEG 2000 header)\n");
            }
            if (!r.noImageBytesNamed.isEmpty()) {
                b.append("- ").append(s.layout() == Layout.WEBDATASET ? "Records left out for want of image bytes: "
                        : "Rows without an embedded image: ").append(r.noImageBytes)
                        .append(r.noImageBytes > r.noImageBytesNamed.size() ? " (the first "
                        + r.noImageBytesNamed.size() + ")" : "").append('\n');
                for (String named : r.noImageBytesNamed) {
                    b.append("  - `").append(named.replace("`", "'").replace("\n", " ")).append("`\n");
                }
            }
        }
        b.append("- Tool: lam ").append(Lam.version()).append(", `lam export --as ")
                .append(s.layout().name().toLowerCase(Locale.ROOT)).append("`\n\n");

        if (configMode) {
            b.append("## Configs\n\n");
            b.append("| config | rows | made by |\n|---|---:|---|\n");
            Map<String, String> rowsByConfig = new java.util.TreeMap<>();
            for (String k : keptConfigs) {
                rowsByConfig.put(k, "| " + k + " | " + OldCard.rows(old.infoItems.getOrDefault(k, ""))
                        + " | an earlier export (its section below is kept as it was) |\n");
            }
            for (ConfigOutput c : r.configs) {
                rowsByConfig.put(c.name, "| " + c.name + " | " + c.rows() + " | this export"
                        + (s.partitionBy() != null ? " (`--partition-by " + s.partitionBy() + "`)" : "") + " |\n");
            }
            rowsByConfig.values().forEach(b::append);
            b.append("\nLoad one with `datasets.load_dataset(REPO, \"CONFIG\")`. Each config's files are under "
                    + "`data/CONFIG/`.\n\n");
        }

        Map<String, String> sections = new java.util.TreeMap<>();
        for (String k : keptConfigs) {
            sections.put(k, old.sections.getOrDefault(k, "## Config `" + k + "`\n\nWritten by an earlier export; "
                    + "its statistics are in the YAML above.\n\n"));
        }
        for (ConfigOutput c : r.configs) {
            sections.put(c.name, config(r, c, configMode));
        }
        sections.forEach((k, v) -> b.append("<!-- lam:config ").append(k).append(" -->\n").append(v)
                .append("<!-- lam:end ").append(k).append(" -->\n\n"));

        b.append("## Dataset structure\n\n");
        if (s.layout() == Layout.WEBDATASET) {
            b.append("WebDataset tar shards. Each row is a group of members sharing a key (the row's ordinal in "
                    + "its split and its id made safe), the same members for every row: `<key>.json` (id, group, "
                    + "format, ");
            if (s.imageRows() || s.objects() != null) {
                b.append("the text where there is one, the image's URI and format, ");
            }
            if (s.labelName() != null) {
                b.append("label and label_name, ");
            }
            b.append("the typed columns below where they have a value, and every label of the record)");
            if (!s.imageRows() && s.objects() == null) {
                b.append(", `<key>.txt` (the text)");
            }
            if (s.labelName() != null) {
                b.append(", `<key>.cls` (the class index)");
            }
            if (s.imageRows() || s.objects() != null) {
                b.append(", `<key>.<ext>` (the image; the extension is the first image's, and decoders read the "
                        + "format from the bytes)");
            }
            b.append(".\n\n");
        }
        if (configMode) {
            b.append("Each config's columns are listed in its section above, and its features in its "
                    + "`dataset_info` entry.\n\n");
        } else {
            columns(b, r);
        }
        if (!configMode) {
            ConfigOutput c = r.configs.get(0);
            b.append("Files: `").append(c.flat ? "data/<split>-NNNNN-of-MMMMM."
                    : "data/<split>/.../<split>-NNNNN-of-MMMMM.").append(s.layout().extension()).append("`, ")
                    .append(r.files.size()).append(" shards, ").append(totalBytes).append(" bytes.\n\n");
        } else {
            b.append("Files: `data/<config>/<split>-NNNNN-of-MMMMM.").append(s.layout().extension())
                    .append("`; this export wrote ").append(r.files.size()).append(" shards, ").append(totalBytes)
                    .append(" bytes.\n\n");
        }

        source(b, r);
        personal(b, r);
        rights(b, r, license);
        limitations(b, r, langs);
        b.append("## Citation\n\n_To be filled in._\n");
        return b.toString();
    }

    private static void columns(StringBuilder b, ExportResult r) {
        b.append("| column | type | meaning |\n|---|---|---|\n");
        for (HubColumn c : r.schema.columns()) {
            b.append("| ").append(c.name()).append(" | ").append(typeName(c)).append(" | ")
                    .append(meaning(c.name(), r.settings)).append(" |\n");
        }
        b.append('\n');
    }

    private static String inputs(ExportSettings s) {
        StringBuilder b = new StringBuilder();
        List<String> inputs = s.inputs();
        for (int i = 0; i < Math.min(inputs.size(), 20); i++) {
            b.append(i > 0 ? ", " : "").append('`').append(inputs.get(i).replace("`", "'")).append('`');
        }
        if (inputs.size() > 20) {
            b.append(" and ").append(inputs.size() - 20).append(" more");
        }
        return b.toString();
    }

    /** The reading options that shape the text, in words and as a command line. */
    private static void howMade(StringBuilder b, ExportResult r) {
        ExportSettings s = r.settings;
        Map<String, String> o = s.reading();
        b.append("## How the text was made\n\n");
        String g = o.get("granularity");
        if (s.objects() != null) {
            b.append("- Rows: one per page image (").append(g == null ? "each format's default unit" : "`" + g + "`")
                    .append(" records), with the boxes of the `").append(s.objects())
                    .append("` records on it as `objects`.\n");
        } else if (g == null) {
            b.append("- Rows: one per record at each format's default unit (a page for OCR, a record for "
                    + "catalogues, a document for TEI, a canvas for IIIF).\n");
        } else {
            b.append("- Rows: one per `").append(g).append("` (granularity `").append(g).append("`).\n");
        }
        if (o.containsKey("format")) {
            b.append("- Read as `").append(o.get("format")).append("` (not detected).\n");
        }
        boolean ocr = r.formats.keySet().stream().anyMatch(OCR::contains);
        boolean tei = r.formats.containsKey("tei");
        String hyph = o.getOrDefault("alto.hyphenation", "join");
        if (ocr) {
            b.append(hyph.equals("keep")
                    ? "- OCR text: one line per text line, a blank line between blocks; words hyphenated at a line "
                        + "end are kept as printed (`alto.hyphenation=keep`).\n"
                    : "- OCR text: one line per text line, a blank line between blocks; ALTO words hyphenated at a "
                        + "line end (`HYP`, `HypPart1`/`HypPart2`, a `CONTENT` ending in a hyphen) are joined and "
                        + "the hyphen dropped (`alto.hyphenation=join`, the default); a dash other than a hyphen "
                        + "is kept as printed. PAGE and hOCR mark no hyphenation: their text is kept as written.\n");
        }
        if (tei) {
            String profile = o.getOrDefault("tei.profile", "normalized");
            b.append(profile.equals("diplomatic")
                    ? "- TEI text: the `diplomatic` profile, the text as written (original spellings, "
                        + "abbreviations and errors kept).\n"
                    : "- TEI text: the `normalized` profile: editorial choices resolved to the regularised, "
                        + "expanded and corrected readings; notes and deletions left out.\n");
        }
        for (Map.Entry<String, String> e : o.entrySet()) {
            String k = e.getKey();
            if (k.equals("granularity") || k.equals("format") || k.equals("tei.profile")
                    || k.equals("alto.hyphenation")) {
                continue;
            }
            b.append("- `").append(k).append('=').append(e.getValue().replace("`", "'")).append("`: ")
                    .append(optionInWords(k, e.getValue())).append('\n');
        }
        b.append("\nCommand: `").append(commandLine(r).replace("`", "'")).append("`\n\n");
    }

    private static String optionInWords(String k, String v) {
        if (k.equals("alto.resolution")) {
            return "ALTO coordinates in millimetres or inches were turned into pixels at " + v + " dots per inch";
        }
        if (k.equals("iiif.prefer-language")) {
            return "IIIF language maps were read in this language first";
        }
        if (k.equals("tei.prefer")) {
            return "TEI editorial choices prefer these readings";
        }
        if (k.equals("tei.enable") || k.equals("tei.disable")) {
            return "TEI features " + (k.endsWith("enable") ? "kept" : "left out") + " in the text";
        }
        if (k.equals("tei.div")) {
            return "TEI divisions are this level or type";
        }
        if (k.startsWith("marc.map.")) {
            return "the label `" + k.substring(9) + "` was read from these MARC fields and subfields";
        }
        if (k.equals("marc.text")) {
            return "the MARC text was made from these fields";
        }
        if (k.equals("marc.encoding")) {
            return "MARC records were decoded with this character encoding";
        }
        return "a reading option of the format (see its README)";
    }

    private static String commandLine(ExportResult r) {
        ExportSettings s = r.settings;
        StringBuilder c = new StringBuilder("lam export");
        s.inputs().forEach(i -> c.append(' ').append(i));
        c.append(" --as ").append(s.layout().name().toLowerCase(Locale.ROOT));
        Map<String, String> o = s.reading();
        if (o.containsKey("format")) {
            c.append(" --format ").append(o.get("format"));
        }
        if (o.containsKey("granularity")) {
            c.append(" -g ").append(o.get("granularity"));
        }
        o.forEach((k, v) -> {
            if (!k.equals("format") && !k.equals("granularity")) {
                c.append(" -O ").append(k).append('=').append(v);
            }
        });
        if (s.imageRows()) {
            c.append(" --image");
        }
        if (s.objects() != null) {
            c.append(" --objects ").append(s.objects());
        }
        if (s.labelName() != null) {
            c.append(" --label ").append(s.labelName());
        }
        s.columns().forEach(col -> c.append(" --column ").append(col));
        if (s.quality() != ExportSettings.Quality.AUTO) {
            c.append(" --quality ").append(s.quality().name().toLowerCase(Locale.ROOT));
        }
        if (s.keepEmpty()) {
            c.append(" --keep-empty");
        }
        if (!s.labelsColumn()) {
            c.append(" --no-labels");
        }
        if (s.config() != null) {
            c.append(" --config ").append(s.config());
        }
        if (s.partitionBy() != null) {
            c.append(" --partition-by ").append(s.partitionBy());
        }
        c.append(" --split ").append(fractions(s).replace(", ", ",")).append(" --seed ").append(s.splits().seed());
        if (s.limit() != null) {
            c.append(" --limit ").append(s.limit());
        }
        return c.toString();
    }

    private static void quality(StringBuilder b, ExportResult r) {
        boolean columns = r.schema.hasQuality();
        boolean any = r.configs.stream().anyMatch(c -> c.counts.withConfidence() > 0);
        if (!columns && !any && r.qualityDropped == 0) {
            return;
        }
        b.append("## Confidence and OCR quality\n\n");
        if (columns) {
            b.append("- `confidence`: the record's confidence in its text, 0 to 1, as lam reads it from the source; "
                    + "for OCR records (ALTO, PAGE, hOCR, METS pages and articles) it is the plain mean of the words' "
                    + "confidence, the same figure as `ocr_quality_mean`. Null where the source gives none.\n");
            b.append("- `word_count`: the words of the record's text as the OCR gave them (its `String`, `Word` "
                    + "or `ocrx_word` elements), with or without a confidence.\n");
            b.append("- `ocr_quality_mean`: the plain mean of the words' confidence (ALTO `WC`, PAGE "
                    + "`TextEquiv/@conf`, hOCR `x_wconf`), each word counting once whatever its length; words "
                    + "without a confidence are left out of it. Null when no word has one.\n");
            b.append("- `ocr_quality_sd`: the population standard deviation of the same figures.\n");
            b.append("\nRows with OCR quality figures: ").append(r.rowsWithQuality)
                    .append(". These are the OCR engine's own estimates, not measured accuracy: compare them "
                            + "within one source, and use them to filter (for example `ocr_quality_mean >= 0.8`).\n\n");
        } else {
            b.append("The quality columns are not in this dataset (`--quality off`, or the first record with text "
                    + "had no confidence): ").append(r.qualityDropped).append(" records carried a confidence or OCR "
                    + "quality that is not written; export with `--quality on` to keep them.\n\n");
        }
    }

    /** One config's part of the body: splits, statistics, example row, label distribution. */
    private static String config(ExportResult r, ConfigOutput c, boolean configMode) {
        ExportSettings s = r.settings;
        StringBuilder b = new StringBuilder();
        String h = configMode ? "###" : "##";
        if (configMode) {
            b.append("## Config `").append(c.name).append("`\n\n");
            b.append("Made by `").append(commandLine(r).replace("`", "'")).append("`");
            if (s.partitionBy() != null) {
                b.append(": the records whose `").append(s.partitionBy()).append("` is ").append(c.name);
            }
            b.append(".\n\n");
        }
        b.append(h).append(" Splits\n\n");
        b.append("| split | rows | shards | bytes |\n|---|---:|---:|---:|\n");
        for (SplitOutput so : c.splits) {
            b.append("| ").append(so.name).append(" | ").append(so.rows).append(" | ").append(so.shards.size())
                    .append(" | ").append(c.splitBytes.getOrDefault(so.name, 0L)).append(" |\n");
        }
        List<String> empty = new ArrayList<>();
        c.splits.stream().filter(so -> so.rows == 0).forEach(so -> empty.add(so.name));
        if (!empty.isEmpty()) {
            b.append("\nNo row fell into ").append(String.join(", ", empty))
                    .append(": left out of the configuration, since a split without data does not load.\n");
        }
        b.append("\nEach record was put in a split by hashing its `group` (the document it belongs to; its id "
                + "when it has none) with seed ").append(s.splits().seed()).append(" (asked: ")
                .append(fractions(s)).append("), so no document is cut across two splits and the same input "
                + "gives the same splits on every run.\n\n");

        b.append(h).append(" Statistics\n\n");
        b.append("- Rows per format: ").append(counts(c.formats())).append('\n');
        b.append("- Rows per language (`language` label): ")
                .append(c.languages().isEmpty() ? "none named" : counts(top(c.languages(), 20))).append('\n');
        b.append("- Rows per decade (`date` label): ").append(c.decades().isEmpty() ? "no date" : counts(c.decades()))
                .append('\n');
        long[] len = c.lengthQuartiles();
        if (len.length > 0) {
            b.append("- Text length in characters (min, 25 %, median, 75 %, max): ").append(len[0]).append(", ")
                    .append(len[1]).append(", ").append(len[2]).append(", ").append(len[3]).append(", ").append(len[4])
                    .append('\n');
        }
        if (c.counts.empty() > 0) {
            b.append("- Rows without text: ").append(c.counts.empty()).append('\n');
        }
        double[] conf = c.confidenceQuartiles();
        if (conf.length > 0) {
            b.append(String.format(Locale.ROOT, "- Confidence (min, 25 %%, median, 75 %%, max) of the %d rows that "
                    + "have one: %.3f, %.3f, %.3f, %.3f, %.3f%n", c.counts.withConfidence(), conf[0], conf[1], conf[2], conf[3],
                    conf[4]));
        }
        if (!c.labelKeys().isEmpty()) {
            b.append("\nThe keys inside `labels`, the rows that hold each, and their most frequent values:\n\n");
            b.append("| label | rows | most frequent values |\n|---|---:|---|\n");
            c.labelKeys().forEach((k, n) -> {
                List<String> tops = new ArrayList<>();
                for (Map.Entry<String, Long> e : c.top(k, 5)) {
                    tops.add(cell(cut(e.getKey(), 60)) + " (" + e.getValue() + ")");
                }
                b.append("| `").append(cell(k)).append("` | ").append(n).append(" | ").append(String.join(", ", tops))
                        .append(c.counts.approximate().contains(k) ? " (approximate: over " + ConfigOutput.MAX_DISTINCT
                                + " values)" : "").append(" |\n");
            });
        }
        b.append('\n');
        CardPlots.markdown(b, c, h);

        if (s.labelName() != null) {
            b.append(h).append(" Label distribution (`").append(s.labelName()).append("`)\n\n| label | class |");
            c.splits.forEach(so -> b.append(' ').append(so.name).append(" |"));
            b.append(" total |\n|---:|---|");
            c.splits.forEach(so -> b.append("---:|"));
            b.append("---:|\n");
            for (int i = 0; i < r.classNames.size(); i++) {
                long sum = 0;
                b.append("| ").append(i).append(" | ").append(cell(r.classNames.get(i))).append(" |");
                for (SplitOutput so : c.splits) {
                    b.append(' ').append(so.classCounts[i]).append(" |");
                    sum += so.classCounts[i];
                }
                b.append(' ').append(sum).append(" |\n");
            }
            b.append('\n');
        }

        if (configMode) {
            b.append(h).append(" Columns\n\n");
            columns(b, r);
        }

        if (c.example != null) {
            b.append(h).append(" Example row\n\nThe first row").append(" (text cut at ").append(EXAMPLE_TEXT)
                    .append(" characters, image bytes left out):\n\n```json\n").append(example(r, c.example))
                    .append("\n```\n\n");
        }
        return b.toString();
    }

    private static String example(ExportResult r, Row row) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = RowSchema.JSON.createGenerator(w)) {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
            g.setPrettyPrinter(pp);
            g.writeStartObject();
            List<RowSchema.Col> cols = r.schema.cols();
            for (int i = 0; i < cols.size(); i++) {
                RowSchema.Col c = cols.get(i);
                switch (c.kind()) {
                    case ID:
                        g.writeStringField("id", row.id());
                        break;
                    case GROUP:
                        g.writeStringField("group", row.group());
                        break;
                    case FORMAT:
                        g.writeStringField("format", row.format());
                        break;
                    case TEXT:
                        g.writeStringField("text", row.text() == null ? null : cut(row.text(), EXAMPLE_TEXT));
                        break;
                    case IMAGE:
                        g.writeStringField(c.name(), row.image() == null ? null : row.image().uri());
                        break;
                    case LABEL:
                        g.writeNumberField("label", row.labelIndex());
                        break;
                    case LABELS:
                        g.writeStringField("labels", RowSchema.labelsJson(row.labels()));
                        break;
                    default:
                        g.writeFieldName(c.name());
                        Object v = row.values()[i];
                        if (v == null) {
                            g.writeNull();
                        } else if (v instanceof List && ((List<?>) v).size() > 5) {
                            RowSchema.writeValue(g, ((List<?>) v).subList(0, 5));
                        } else {
                            RowSchema.writeValue(g, v);
                        }
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void source(StringBuilder b, ExportResult r) {
        b.append("## Source\n\n");
        if (r.sourceValues.isEmpty()) {
            b.append("_To be filled in: the institution and collection the records come from, how they were "
                    + "selected, and links to the originals._ The records name no collection, publisher, place or "
                    + "identifier.\n\n");
        } else {
            b.append("Taken from the records' own labels (check them, and add the holding institution and how "
                    + "the records were selected):\n\n");
            for (String label : SOURCE_LABELS) {
                Map<String, Long> values = r.sourceValues.get(label);
                if (values == null) {
                    continue;
                }
                List<String> parts = new ArrayList<>();
                for (Map.Entry<String, Long> e : top(values, 10).entrySet()) {
                    parts.add(cut(e.getKey(), 100).replace("\n", " ") + " (" + e.getValue() + " rows)");
                }
                b.append("- `").append(label).append("`: ").append(String.join("; ", parts));
                if (values.size() > 10) {
                    b.append("; and ").append(values.size() - 10).append(values.size() >= 1000 ? "+" : "")
                            .append(" more");
                }
                b.append('\n');
            }
            b.append('\n');
        }
        b.append("Read from: ").append(inputs(r.settings)).append(".\n\n");
    }

    private static void personal(StringBuilder b, ExportResult r) {
        b.append("## Personal and sensitive information\n\n");
        if (r.personLabels.isEmpty()) {
            b.append("No label of the records names people. Texts may still name them (newspapers, letters, court "
                    + "records name living or recently living people, with addresses and ages): review before "
                    + "publishing.\n\n");
            return;
        }
        List<String> parts = new ArrayList<>();
        r.personLabels.forEach((k, v) -> parts.add("`" + k + "` (" + v + " rows)"));
        b.append("The records name people: ").append(String.join(", ", parts)).append(". Their texts may name "
                + "more, with addresses, ages, occupations, offences or health. Check whether anyone named may be "
                + "living, and what the holding institution's terms and data protection law allow, before "
                + "publishing.\n\n");
    }

    private static void rights(StringBuilder b, ExportResult r, String license) {
        ExportSettings s = r.settings;
        b.append("## Rights and licence\n\n");
        if (s.license() == null) {
            b.append("**The licence must be filled in.** lam does not guess the licence of holdings, so this card "
                    + "says `license: other`. Replace it with the licence under which the holding institution "
                    + "allows these records, texts and images to be shared (and add `license_name` and "
                    + "`license_link` if it stays `other`).\n\n");
        } else {
            b.append("Declared licence: `").append(license).append("` (given by the exporter with `--license`). "
                    + "Check that it covers every record, text and image here.\n\n");
        }
        if (r.licences.size() == 1 && r.rowsWithoutLicence == 0) {
            String id = r.licences.keySet().iterator().next();
            if (!id.equals(s.license())) {
                if (id.equals(Licences.PDM)) {
                    b.append("Every record's `rights` label names the Public Domain Mark, which has no Hub licence id: "
                            + "if it covers the texts and images too, keep `license: other` and add `license_name: "
                            + "pdm-1.0` and `license_link: https://creativecommons.org/publicdomain/mark/1.0/`.\n\n");
                } else {
                    b.append("Every record's `rights` label names one licence, Hub id `").append(id)
                            .append("`: if it covers the texts and images too, export again with `--license ")
                            .append(id).append("` (lam never sets it by itself).\n\n");
                }
            }
        } else if (!r.licences.isEmpty()) {
            List<String> parts = new ArrayList<>();
            r.licences.forEach((k, v) -> parts.add("`" + k + "` (" + v + " rows)"));
            b.append("The records' `rights` labels name several licences or none: ").append(String.join(", ", parts))
                    .append(", ").append(r.rowsWithoutLicence).append(" rows naming none.\n\n");
        }
        if (!r.labelValuesOf("rights").isEmpty()) {
            b.append("The records' own `rights` labels say: ").append(String.join("; ", r.labelValuesOf("rights")))
                    .append(".\n\n");
        }
    }

    private static void limitations(StringBuilder b, ExportResult r, List<String> langs) {
        ExportSettings s = r.settings;
        b.append("## Limitations\n\n");
        Set<String> f = r.formats.keySet();
        if (f.stream().anyMatch(OCR::contains)) {
            b.append("- OCR text (").append(String.join(", ", filter(f, OCR::contains))).append(") carries recognition "
                    + "errors, more on damaged, faint or unusual type, and reading order can be wrong on complex "
                    + "layouts; historical spelling and language are kept.\n");
        }
        if (f.stream().anyMatch(TRANSCRIPTION::contains)) {
            b.append("- TEI text was transcribed and encoded by people: it follows its editors' conventions, "
                    + "which the text profile resolves as described above; it may still hold transcription errors.\n");
        }
        List<String> meta = filter(f, x -> !OCR.contains(x) && !TRANSCRIPTION.contains(x));
        if (!meta.isEmpty()) {
            b.append("- Catalogue and other metadata (").append(String.join(", ", meta)).append(") was written by "
                    + "cataloguers over many years, under changing rules: subjects, genres and names use the "
                    + "terms of their time, some of them outdated or offensive, and are uneven across records.\n");
        }
        b.append("- Collections reflect the choices and biases of the people and institutions who made them, in "
                + "what was collected, digitised and described, and how.\n");
        if (s.labelName() != null) {
            b.append("- The `label` is the first value of the records' `").append(s.labelName())
                    .append("` label; records with several values keep the others in `labels`.\n");
        }
        if (langs.isEmpty()) {
            b.append("- No language was given and the records name none: add `language` to the card.\n");
        } else if (r.settings.languages().isEmpty()) {
            b.append("- The languages above are those the records name, not checked.\n");
        }
        b.append('\n');
    }

    private static List<String> filter(Set<String> set, java.util.function.Predicate<String> p) {
        List<String> out = new ArrayList<>();
        set.stream().filter(p).forEach(out::add);
        return out;
    }

    /** The creators of the language and annotations: machine-generated for OCR, expert-generated otherwise. */
    private static Set<String> creators(ExportResult r) {
        Set<String> out = new TreeSet<>();
        for (String f : r.formats.keySet()) {
            out.add(OCR.contains(f) ? "machine-generated" : "expert-generated");
        }
        return out;
    }

    private static String counts(Map<String, Long> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(cell(k) + " " + v));
        return String.join(", ", parts);
    }

    private static Map<String, Long> top(Map<String, Long> m, int n) {
        List<Map.Entry<String, Long>> list = new ArrayList<>(m.entrySet());
        list.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> out = new LinkedHashMap<>();
        list.stream().limit(n).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n) + "…";
    }

    private static String fractions(ExportSettings s) {
        List<String> parts = new ArrayList<>();
        s.splits().fractions().forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }

    private static String typeName(HubColumn c) {
        switch (c.type()) {
            case CLASS_LABEL:
                return "class_label";
            case IMAGE:
                return "image";
            case INT64:
                return "int64";
            case FLOAT64:
                return "float64";
            case BOOL:
                return "bool";
            case TIMESTAMP:
                return "timestamp[ms]";
            case STRING_LIST:
                return "list of string";
            case OBJECTS:
                return "list of {bbox: list of float64, category: string, text: string}";
            default:
                return "string";
        }
    }

    private static String meaning(String column, ExportSettings s) {
        for (ColumnSpec c : s.columns()) {
            if (c.name().equals(column)) {
                switch (c.type()) {
                    case LIST:
                        return "every value of the record's `" + c.label() + "` label";
                    case DATE:
                        return "the start of the record's `" + c.label() + "` label as a timestamp (a year gives its "
                                + "1 January, a range its start); the raw value stays in `labels`";
                    default:
                        return "the first value of the record's `" + c.label() + "` label, as "
                                + c.type().name().toLowerCase(Locale.ROOT) + "; null where absent or not of that type";
                }
            }
        }
        switch (column) {
            case "id":
                return "the record's id, stable for its input";
            case "group":
                return "the document the record belongs to (the split key)";
            case "format":
                return "the format it was read from";
            case "text":
                return "the plain text, in reading order";
            case "image":
                return s.layout() == Layout.PARQUET ? "the image (bytes embedded where readable, else its path or URI)"
                        : "the image's URI";
            case "label":
                return "the class: the first `" + s.labelName() + "` label";
            case "labels":
                return "every label of the record, as a JSON object of lists";
            case "confidence":
                return "the record's confidence in its text, 0..1 (see above)";
            case "word_count":
                return "the OCR's words in the text";
            case "ocr_quality_mean":
                return "plain mean of the words' OCR confidence";
            case "ocr_quality_sd":
                return "population standard deviation of the words' OCR confidence";
            case "empty":
                return "true for a record without text (kept with `--keep-empty`)";
            case "width":
                return "the page image's width in pixels, where the source gives it";
            case "height":
                return "the page image's height in pixels, where the source gives it";
            case "objects":
                return "the `" + s.objects() + "` regions on the image: `bbox` [x, y, w, h] in the image's pixels, "
                        + "`category` (the ALTO element, else the granularity), `text`; empty for a page without one";
            default:
                return "";
        }
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace('\n', ' ');
    }

    static List<String> languages(ExportResult r) {
        if (!r.settings.languages().isEmpty()) {
            return r.settings.languages();
        }
        List<Map.Entry<String, Long>> entries = new ArrayList<>(r.languages.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : entries) {
            if (out.size() == MAX_LANGUAGES) {
                break;
            }
            if (LANGUAGE.matcher(e.getKey()).matches()) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    static String prettyName(ExportSettings s) {
        if (s.prettyName() != null && !s.prettyName().isBlank()) {
            return s.prettyName().strip();
        }
        Path name = s.out().toAbsolutePath().normalize().getFileName();
        return name == null ? "lam export" : name.toString();
    }

    private static String task(ExportResult r) {
        ExportSettings s = r.settings;
        if (s.objects() != null) {
            return "object-detection";
        }
        if (s.labelName() != null) {
            return s.imageRows() ? "image-classification" : "text-classification";
        }
        if (s.imageRows()) {
            return r.configs.stream().flatMap(c -> c.splits.stream()).anyMatch(so -> so.rowsWithText > 0)
                    ? "image-to-text" : null;
        }
        return "text-generation";
    }

    private static String taskId(ExportResult r) {
        ExportSettings s = r.settings;
        if (s.objects() != null) {
            return null;
        }
        if (s.labelName() != null) {
            return s.imageRows() ? "multi-class-image-classification" : "multi-class-classification";
        }
        return s.imageRows() ? "image-captioning" : "language-modeling";
    }

    static String sizeCategory(long n) {
        String[] names = {"n<1K", "1K<n<10K", "10K<n<100K", "100K<n<1M", "1M<n<10M", "10M<n<100M", "100M<n<1B",
            "1B<n<10B", "10B<n<100B", "100B<n<1T"};
        long bound = 1000;
        for (String name : names) {
            if (n < bound) {
                return name;
            }
            bound *= 10;
        }
        return "n>1T";
    }

    /** A YAML scalar: plain where safe, else double-quoted. */
    static String scalar(String s) {
        if (PLAIN.matcher(s).matches() && !YAML_WORDS.contains(s.toLowerCase(Locale.ROOT))
                && !s.matches("[0-9.+-]+")) {
            return s;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** Reads a scalar {@link #scalar} wrote. */
    static String unscalar(String s) {
        String t = s.strip();
        if (t.length() < 2 || t.charAt(0) != '"') {
            return t;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < t.length() - 1; i++) {
            char c = t.charAt(i);
            if (c == '\\' && i + 1 < t.length() - 1) {
                char n = t.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The parts of a card lam wrote that an export of other configs keeps: each config's {@code
     * configs} and {@code dataset_info} entries and its body section, and the top-level lists.
     */
    static final class OldCard {
        static final OldCard EMPTY = new OldCard();
        private static final Pattern SECTION = Pattern.compile(
                "<!-- lam:config (\\S+) -->\\n(.*?)<!-- lam:end \\1 -->\\n", Pattern.DOTALL);
        private static final Pattern ROWS = Pattern.compile("(?m)^\\s*num_examples: (\\d+)$");

        final Map<String, String> configItems = new LinkedHashMap<>();
        final Map<String, String> infoItems = new LinkedHashMap<>();
        final Map<String, String> sections = new LinkedHashMap<>();
        final Map<String, List<String>> lists = new LinkedHashMap<>();

        static long rows(String info) {
            long n = 0;
            Matcher m = ROWS.matcher(info);
            while (m.find()) {
                n += Long.parseLong(m.group(1));
            }
            return n;
        }

        static OldCard parse(String card) {
            OldCard c = new OldCard();
            if (!card.startsWith("---\n")) {
                return c;
            }
            int end = card.indexOf("\n---\n", 4);
            if (end < 0) {
                return c;
            }
            Map<String, List<String>> blocks = new LinkedHashMap<>();
            List<String> cur = null;
            for (String line : card.substring(4, end + 1).split("\n")) {
                if (!line.isEmpty() && line.charAt(0) != ' ' && line.charAt(0) != '-' && line.contains(":")) {
                    cur = new ArrayList<>();
                    blocks.put(line.substring(0, line.indexOf(':')), cur);
                } else if (cur != null) {
                    cur.add(line);
                }
            }
            blocks.forEach((k, lines) -> {
                if (!lines.isEmpty() && lines.stream().allMatch(l -> l.startsWith("- ") && !l.contains(": "))) {
                    List<String> values = new ArrayList<>();
                    lines.forEach(l -> values.add(unscalar(l.substring(2))));
                    c.lists.put(k, values);
                }
            });
            items(blocks.getOrDefault("configs", List.of()), c.configItems);
            List<String> info = blocks.getOrDefault("dataset_info", List.of());
            if (!info.isEmpty() && info.get(0).startsWith("- config_name:")) {
                items(info, c.infoItems);
            } else if (!info.isEmpty()) {
                c.infoItems.put("default", String.join("\n", info) + "\n");
            }
            Matcher m = SECTION.matcher(card.substring(end + 5));
            while (m.find()) {
                c.sections.put(m.group(1), m.group(2));
            }
            return c;
        }

        private static void items(List<String> lines, Map<String, String> into) {
            String name = null;
            StringBuilder sb = new StringBuilder();
            for (String l : lines) {
                if (l.startsWith("- config_name:")) {
                    if (name != null) {
                        into.put(name, sb.toString());
                    }
                    name = unscalar(l.substring("- config_name:".length()));
                    sb.setLength(0);
                } else if (name != null) {
                    sb.append(l).append('\n');
                }
            }
            if (name != null) {
                into.put(name, sb.toString());
            }
        }
    }
}
