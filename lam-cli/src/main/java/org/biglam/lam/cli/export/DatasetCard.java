package org.biglam.lam.cli.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.biglam.lam.Lam;
import org.biglam.lam.parquet.HubColumn;

/**
 * The dataset card, {@code README.md}: YAML front matter the Hub reads (license, language,
 * pretty_name, task_categories, size_categories, configs, dataset_info) and a Markdown body telling
 * what was read and what the people publishing it must still fill in. The licence of holdings is
 * never guessed: without {@code --license} the card says {@code other} and asks for it.
 */
final class DatasetCard {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./<>*+-]*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final Set<String> YAML_WORDS = Set.of("yes", "no", "true", "false", "null", "on", "off", "y", "n");
    private static final int MAX_LANGUAGES = 30;

    private DatasetCard() {
    }

    static String render(ExportResult r) {
        ExportSettings s = r.settings;
        StringBuilder y = new StringBuilder("---\n");
        String license = s.license() == null ? "other" : s.license();
        y.append("license: ").append(scalar(license)).append('\n');
        List<String> langs = languages(r);
        if (!langs.isEmpty()) {
            y.append("language:\n");
            langs.forEach(l -> y.append("- ").append(scalar(l)).append('\n'));
        }
        y.append("pretty_name: ").append(scalar(prettyName(s))).append('\n');
        String task = task(r);
        if (task != null) {
            y.append("task_categories:\n- ").append(task).append('\n');
        }
        y.append("size_categories:\n- ").append(scalar(sizeCategory(r.rows()))).append('\n');
        y.append("tags:\n- lam\n- glam\n");
        r.formats.keySet().forEach(f -> y.append("- ").append(scalar(f)).append('\n'));
        y.append("configs:\n- config_name: default\n  data_files:\n");
        r.splitGlobs.forEach((split, glob) -> y.append("  - split: ").append(split).append("\n    path: ")
                .append(scalar(glob)).append('\n'));
        y.append("dataset_info:\n");
        if (s.layout() != Layout.WEBDATASET) {
            y.append("  features:\n");
            for (HubColumn c : r.schema.columns()) {
                y.append("  - name: ").append(scalar(c.name())).append('\n');
                switch (c.type()) {
                    case STRING:
                        y.append("    dtype: string\n");
                        break;
                    case INT64:
                        y.append("    dtype: int64\n");
                        break;
                    case IMAGE:
                        y.append("    dtype: image\n");
                        break;
                    case STRING_LIST:
                        y.append("    sequence: string\n");
                        break;
                    case CLASS_LABEL:
                        y.append("    dtype:\n      class_label:\n        names:\n");
                        for (int i = 0; i < c.classNames().size(); i++) {
                            y.append("          '").append(i).append("': ").append(scalar(c.classNames().get(i)))
                                    .append('\n');
                        }
                        break;
                    default:
                        throw new IllegalStateException(c.type().toString());
                }
            }
        }
        y.append("  splits:\n");
        long total = 0;
        for (SplitOutput so : r.splits) {
            if (so.rows == 0) {
                continue;
            }
            long bytes = r.splitBytes.getOrDefault(so.name, 0L);
            total += bytes;
            y.append("  - name: ").append(so.name).append("\n    num_bytes: ").append(bytes)
                    .append("\n    num_examples: ").append(so.rows).append('\n');
        }
        y.append("  download_size: ").append(total).append('\n');
        y.append("  dataset_size: ").append(total).append('\n');
        y.append("---\n\n");
        return y + body(r, license, langs, total);
    }

    private static String body(ExportResult r, String license, List<String> langs, long totalBytes) {
        ExportSettings s = r.settings;
        StringBuilder b = new StringBuilder();
        b.append("# ").append(prettyName(s)).append("\n\n");
        String kind = s.imageRows() ? "image" : "text";
        b.append("A dataset of ").append(kind).append(" rows");
        if (s.labelName() != null) {
            b.append(" labelled by `").append(s.labelName()).append("` (").append(r.classNames.size())
                    .append(" classes)");
        }
        b.append(", made with `lam export` (lam ").append(Lam.version()).append(") from library, archive and ")
                .append("museum records.\n\n");

        b.append("## What was read\n\n");
        b.append("- Inputs: ");
        List<String> inputs = s.inputs();
        for (int i = 0; i < Math.min(inputs.size(), 20); i++) {
            b.append(i > 0 ? ", " : "").append('`').append(inputs.get(i).replace("`", "'")).append('`');
        }
        if (inputs.size() > 20) {
            b.append(" and ").append(inputs.size() - 20).append(" more");
        }
        b.append("\n- Formats: ");
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
        b.append("- Problems while reading: ").append(r.errors).append(" errors (records or inputs skipped), ")
                .append(r.warnings).append(" warnings\n");
        if (s.imageRows()) {
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

        b.append("## Splits\n\n");
        b.append("| split | rows | shards | bytes |\n|---|---:|---:|---:|\n");
        for (SplitOutput so : r.splits) {
            b.append("| ").append(so.name).append(" | ").append(so.rows).append(" | ").append(so.shards.size())
                    .append(" | ").append(r.splitBytes.getOrDefault(so.name, 0L)).append(" |\n");
        }
        List<String> empty = new ArrayList<>();
        r.splits.stream().filter(so -> so.rows == 0).forEach(so -> empty.add(so.name));
        if (!empty.isEmpty()) {
            b.append("\nNo row fell into ").append(String.join(", ", empty))
                    .append(": left out of the configuration, since a split without data does not load.\n");
        }
        b.append("\nEach record was put in a split by hashing its `group` (the document it belongs to; its id "
                + "when it has none) with seed ").append(s.splits().seed()).append(" (asked: ")
                .append(fractions(s)).append("), so no document is cut across two splits and the same input "
                + "gives the same splits on every run.\n\n");

        if (s.labelName() != null) {
            b.append("## Label distribution (`").append(s.labelName()).append("`)\n\n| label | class |");
            r.splits.forEach(so -> b.append(' ').append(so.name).append(" |"));
            b.append(" total |\n|---:|---|");
            r.splits.forEach(so -> b.append("---:|"));
            b.append("---:|\n");
            for (int i = 0; i < r.classNames.size(); i++) {
                long sum = 0;
                b.append("| ").append(i).append(" | ").append(cell(r.classNames.get(i))).append(" |");
                for (SplitOutput so : r.splits) {
                    b.append(' ').append(so.classCounts[i]).append(" |");
                    sum += so.classCounts[i];
                }
                b.append(' ').append(sum).append(" |\n");
            }
            b.append('\n');
        }

        b.append("## Dataset structure\n\n");
        if (s.layout() == Layout.WEBDATASET) {
            b.append("WebDataset tar shards. Each row is a group of members sharing a key (the row's ordinal in "
                    + "its split and its id made safe), the same members for every row: `<key>.json` (id, group, "
                    + "format, ");
            if (s.imageRows()) {
                b.append("the text where there is one, the image's URI and format, ");
            }
            if (s.labelName() != null) {
                b.append("label and label_name, ");
            }
            b.append("and every label of the record)");
            if (!s.imageRows()) {
                b.append(", `<key>.txt` (the text)");
            }
            if (s.labelName() != null) {
                b.append(", `<key>.cls` (the class index)");
            }
            if (s.imageRows()) {
                b.append(", `<key>.<ext>` (the image; the extension is the first image's, and decoders read the "
                        + "format from the bytes)");
            }
            b.append(".\n\n");
        } else {
            b.append("| column | type | meaning |\n|---|---|---|\n");
            for (HubColumn c : r.schema.columns()) {
                b.append("| ").append(c.name()).append(" | ").append(typeName(c)).append(" | ")
                        .append(meaning(c.name(), s)).append(" |\n");
            }
            b.append('\n');
        }
        b.append("Files: `").append(r.flat ? "data/<split>-NNNNN-of-MMMMM." : "data/<split>/.../<split>-NNNNN-of-MMMMM.")
                .append(s.layout().extension()).append("`, ").append(r.files.size()).append(" shards, ")
                .append(totalBytes).append(" bytes.\n\n");

        b.append("## Source\n\n");
        b.append("_To be filled in: the institution and collection the records come from, how they were selected, "
                + "and links to the originals._\n\n");
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
        if (!r.labelValuesOf("rights").isEmpty()) {
            b.append("The records' own `rights` labels say: ").append(String.join("; ", r.labelValuesOf("rights")))
                    .append(".\n\n");
        }
        b.append("## Limitations\n\n");
        b.append("- Texts are as the sources give them: OCR text carries recognition errors, and historical "
                + "spelling and language are kept.\n");
        b.append("- Catalogue records and collections reflect the choices and biases of the people and "
                + "institutions who made them, in what was collected, described and how.\n");
        if (s.labelName() != null) {
            b.append("- The `label` is the first value of the records' `").append(s.labelName())
                    .append("` label; records with several values keep the others in `labels`.\n");
        }
        if (langs.isEmpty()) {
            b.append("- No language was given and the records name none: add `language` to the card.\n");
        } else if (r.settings.languages().isEmpty()) {
            b.append("- The languages above are those the records name, not checked.\n");
        }
        b.append("\n## Citation\n\n_To be filled in._\n");
        return b.toString();
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
            case STRING_LIST:
                return "list of string";
            default:
                return "string";
        }
    }

    private static String meaning(String column, ExportSettings s) {
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
        if (s.labelName() != null) {
            return s.imageRows() ? "image-classification" : "text-classification";
        }
        if (s.imageRows()) {
            return r.splits.stream().anyMatch(so -> so.rowsWithText > 0) ? "image-to-text" : null;
        }
        return "text-generation";
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
}
