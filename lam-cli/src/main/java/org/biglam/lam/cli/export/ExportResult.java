package org.biglam.lam.cli.export;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What an export read and wrote: the counts the dataset card and the summary line tell. */
public final class ExportResult {

    final ExportSettings settings;
    RowSchema schema;
    final List<String> classNames;
    /** The configs written by this export, in order of name. */
    List<ConfigOutput> configs = List.of();
    /** Values of a --column that did not fit its type, per column. */
    final Map<String, Long> columnWarnings = new TreeMap<>();
    /** Records that carried a confidence or OCR quality while the quality columns were off. */
    long qualityDropped;
    /** Rows whose record had an OCR quality. */
    long rowsWithQuality;
    /** Rows kept with empty = true. */
    long emptyRows;
    /** Object rows: regions read and regions whose page image made no row. */
    long regions;
    long regionsWithoutPage;
    /** The licences the rows' rights labels name, as Hub ids; rows whose rights name none. */
    final Map<String, Long> licences = new TreeMap<>();
    long rowsWithoutLicence;
    /** Whether each label name names people (asked once per name). */
    final Map<String, Boolean> namesPeople = new java.util.HashMap<>();
    String lastRights;
    String lastLicence;
    /** Rows holding each label that names people. */
    final Map<String, Long> personLabels = new TreeMap<>();
    /** The most frequent values of the labels the Source section quotes (collection, publisher, ...). */
    final Map<String, Map<String, Long>> sourceValues = new TreeMap<>();
    long recordsRead;
    long leftOutNoText;
    long leftOutNoImage;
    long leftOutNoLabel;
    long leftOutNoImageBytes;
    long errors;
    long warnings;
    long imagesMissing;
    long imagesRemote;
    long imagesRefused;
    long imagesNotImages;
    /** Rows (or, in a WebDataset, records) left without image bytes. */
    long noImageBytes;
    /** The first of them, "id: why". */
    final List<String> noImageBytesNamed = new java.util.ArrayList<>();
    final Map<String, Long> formats = new TreeMap<>();
    final Map<String, Long> languages = new TreeMap<>();
    final java.util.Set<String> rights = new java.util.TreeSet<>();
    List<SplitOutput> splits = List.of();
    List<Path> files = List.of();

    ExportResult(ExportSettings settings, RowSchema schema, List<String> classNames) {
        // the schema may be decided by the first row (quality columns in auto)
        this.settings = settings;
        this.schema = schema;
        this.classNames = classNames;
    }

    /** The most rows without image bytes the card names. */
    static final int NAMED_MAX = 20;

    /** Counts a row left without image bytes, and names the first {@value #NAMED_MAX}. */
    void noImageBytes(String id, String why) {
        noImageBytes++;
        if (noImageBytesNamed.size() < NAMED_MAX) {
            noImageBytesNamed.add(id + ": " + (why == null ? "no bytes" : why));
        }
    }

    /** The distinct values (at most 10) of a label the card quotes; only {@code rights} is kept. */
    List<String> labelValuesOf(String label) {
        return "rights".equals(label) ? List.copyOf(rights) : List.of();
    }

    /** Records read from the inputs. */
    public long recordsRead() {
        return recordsRead;
    }

    /** Rows written, over every split and config. */
    public long rows() {
        return configs.stream().mapToLong(ConfigOutput::rows).sum();
    }

    /** Rows per config, in config order. */
    public Map<String, Long> rowsPerConfig() {
        Map<String, Long> m = new LinkedHashMap<>();
        configs.forEach(c -> m.put(c.name, c.rows()));
        return m;
    }

    /** Rows per split, in split order. */
    public Map<String, Long> rowsPerSplit() {
        Map<String, Long> m = new LinkedHashMap<>();
        configs.forEach(c -> c.splits.forEach(s -> m.merge(s.name, s.rows, Long::sum)));
        return m;
    }

    /** Records or inputs skipped by errors while reading. */
    public long errors() {
        return errors;
    }

    /** The shard files written, in split and shard order. */
    public List<Path> files() {
        return files;
    }

    /** One line for standard error. */
    public String summary() {
        StringBuilder sb = new StringBuilder("exported ").append(rows()).append(" rows from ").append(recordsRead)
                .append(" records into ").append(files.size()).append(" shards (");
        boolean first = true;
        for (ConfigOutput c : configs) {
            for (SplitOutput s : c.splits) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(settings.config() != null || settings.partitionBy() != null ? c.name + "/" : "").append(s.name).append(' ')
                        .append(s.rows);
            }
        }
        sb.append(')');
        long warned = columnWarnings.values().stream().mapToLong(Long::longValue).sum();
        if (warned > 0) {
            sb.append("; ").append(warned).append(" label values did not fit their column's type (null)");
        }
        long left = leftOutNoText + leftOutNoImage + leftOutNoLabel + leftOutNoImageBytes;
        if (left > 0) {
            sb.append("; ").append(left).append(" records made no row");
        }
        if (imagesMissing + imagesRemote > 0) {
            sb.append("; ").append(imagesMissing + imagesRemote).append(" images referenced without bytes");
        }
        return sb.toString();
    }
}
