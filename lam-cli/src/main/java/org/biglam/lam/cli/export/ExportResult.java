package org.biglam.lam.cli.export;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What an export read and wrote: the counts the dataset card and the summary line tell. */
public final class ExportResult {

    final ExportSettings settings;
    final RowSchema schema;
    final List<String> classNames;
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
    boolean flat;
    final Map<String, Long> formats = new TreeMap<>();
    final Map<String, Long> languages = new TreeMap<>();
    final java.util.Set<String> rights = new java.util.TreeSet<>();
    final Map<String, Long> splitBytes = new LinkedHashMap<>();
    final Map<String, String> splitGlobs = new LinkedHashMap<>();
    List<SplitOutput> splits = List.of();
    List<Path> files = List.of();

    ExportResult(ExportSettings settings, RowSchema schema, List<String> classNames) {
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

    /** Rows written, over every split. */
    public long rows() {
        return splits.stream().mapToLong(s -> s.rows).sum();
    }

    /** Rows per split, in split order. */
    public Map<String, Long> rowsPerSplit() {
        Map<String, Long> m = new LinkedHashMap<>();
        splits.forEach(s -> m.put(s.name, s.rows));
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
        for (SplitOutput s : splits) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(s.name).append(' ').append(s.rows);
        }
        sb.append(')');
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
