package org.biglam.lam.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.biglam.lam.FormatInfo;
import org.biglam.lam.ImageRef;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Labels;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;

/**
 * Counts what a read gave: records per format and granularity, problems by kind, characters of
 * text, images, the most frequent values of each label, languages and the mean OCR confidence. It
 * is what {@code lam stats} prints, and a {@code describe()} for JShell:
 *
 * <pre>{@code
 * jshell> RecordStats.read("examples/holdings", ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).build())
 * records      30
 *   marc21/record            8
 * ...
 * }</pre>
 *
 * <p>Memory is bounded: each label keeps at most {@value #MAX_DISTINCT} distinct values (once
 * there, new values are no longer told apart and the label's counts are marked approximate); the
 * same bound holds for distinct groups and images. Not thread-safe: feed it from one thread
 * (a parallel stream's {@code forEachOrdered}, or {@code sequential()}).
 *
 * @since 0.1
 */
public final class RecordStats implements Consumer<LamRecord> {

    /** The most distinct values kept per label (and of groups, images, inputs). */
    public static final int MAX_DISTINCT = 50_000;

    private final Map<String, String> defaultGranularity = new HashMap<>();
    private final String granularity;
    private final Map<String, Long> perFormat = new TreeMap<>();
    private final Map<String, Long> problems = new TreeMap<>();
    private long errors;
    private long warnings;
    private long records;
    private long textRecords;
    private long characters;
    private long imageRecords;
    private long images;
    private final Bounded distinctImages = new Bounded();
    private final Bounded groups = new Bounded();
    private final Bounded inputs = new Bounded();
    private long confidenceRecords;
    private double confidenceSum;
    private final Map<String, Counter> labels = new LinkedHashMap<>();

    /**
     * Starts empty.
     *
     * @param granularity the granularity asked for, or null when each format's default was read
     */
    public RecordStats(String granularity) {
        this.granularity = granularity;
        for (FormatInfo f : Lam.formats()) {
            if (!f.granularities().isEmpty()) {
                defaultGranularity.put(f.id(), f.granularities().get(0));
            }
        }
    }

    /** Starts empty, for each format's default granularity. */
    public RecordStats() {
        this(null);
    }

    /**
     * Counts every record of a stream and closes it.
     *
     * @param records the records
     * @return the counts
     */
    public static RecordStats of(Stream<LamRecord> records) {
        RecordStats s = new RecordStats();
        try (records) {
            records.sequential().forEach(s);
        }
        return s;
    }

    /**
     * Reads an input and counts its records and its problems (which also still go to the options'
     * own listener).
     *
     * @param input a path, folder, glob, archive, URL or {@code -}, as on the command line
     * @param options how to read
     * @return the counts
     */
    public static RecordStats read(String input, ReadOptions options) {
        RecordStats s = new RecordStats(options.granularity().orElse(null));
        Consumer<Problem> theirs = options.problemListener();
        ReadOptions counted = options.toBuilder().onProblem(p -> {
            synchronized (s) {
                s.problem(p);
            }
            theirs.accept(p);
        }).build();
        try (Stream<LamRecord> records = Lam.read(input, counted)) {
            records.sequential().forEach(r -> {
                synchronized (s) {
                    s.accept(r);
                }
            });
        }
        return s;
    }

    /**
     * Counts every record of an iterable (a list, a {@code LamReader}).
     *
     * @param records the records
     * @return the counts
     */
    public static RecordStats of(Iterable<LamRecord> records) {
        RecordStats s = new RecordStats();
        records.forEach(s);
        return s;
    }

    /** Counts one record. */
    @Override
    public void accept(LamRecord r) {
        records++;
        String g = granularity != null ? granularity : defaultGranularity.getOrDefault(r.format(), "?");
        perFormat.merge(r.format() + "/" + g, 1L, Long::sum);
        r.source().ifPresent(s -> inputs.add(s.name()));
        r.group().ifPresent(groups::add);
        r.text().ifPresent(t -> {
            textRecords++;
            characters += t.codePointCount(0, t.length());
        });
        if (!r.images().isEmpty()) {
            imageRecords++;
            images += r.images().size();
            for (ImageRef i : r.images()) {
                distinctImages.add(i.uri());
            }
        }
        if (r.confidence().isPresent()) {
            confidenceRecords++;
            confidenceSum += r.confidence().getAsDouble();
        }
        r.labels().forEach((name, values) -> labels.computeIfAbsent(name, k -> new Counter()).add(values));
    }

    /** Counts a problem (give this to {@code ReadOptions.Builder.onProblem}, synchronised if parallel). */
    public void problem(Problem p) {
        if (p.severity() == Problem.Severity.ERROR) {
            errors++;
        } else {
            warnings++;
        }
        problems.merge((p.severity() == Problem.Severity.ERROR ? "error" : "warning") + " " + p.kind(), 1L, Long::sum);
    }

    /** Records counted. */
    public long records() {
        return records;
    }

    /** Errors counted (records or inputs left out). */
    public long errors() {
        return errors;
    }

    /** Warnings counted. */
    public long warnings() {
        return warnings;
    }

    /** Records per {@code format/granularity}, ordered by name; unmodifiable copy. */
    public Map<String, Long> perFormat() {
        return Map.copyOf(perFormat);
    }

    /** Problems per {@code "error KIND"} or {@code "warning KIND"}, ordered by that; unmodifiable copy. */
    public Map<String, Long> problemKinds() {
        return Map.copyOf(problems);
    }

    /** Distinct inputs the records came from (at most {@value #MAX_DISTINCT} told apart). */
    public int inputs() {
        return inputs.size();
    }

    /** Distinct documents (groups) of the records (at most {@value #MAX_DISTINCT} told apart). */
    public int documents() {
        return groups.size();
    }

    /** Records with text. */
    public long textRecords() {
        return textRecords;
    }

    /** Records naming at least one image. */
    public long imageRecords() {
        return imageRecords;
    }

    /** Records with a confidence. */
    public long confidenceRecords() {
        return confidenceRecords;
    }

    /** Characters (Unicode code points) of text, over all records. */
    public long characters() {
        return characters;
    }

    /** Image references, over all records. */
    public long images() {
        return images;
    }

    /** The mean OCR confidence of the records that have one, or NaN if none has. */
    public double meanConfidence() {
        return confidenceRecords == 0 ? Double.NaN : confidenceSum / confidenceRecords;
    }

    /**
     * The most frequent values of a label, most frequent first (ties by value).
     *
     * @param label the label's name
     * @param n how many
     * @return value to number of records carrying it; empty if no record has the label
     */
    public Map<String, Long> top(String label, int n) {
        Counter c = labels.get(label);
        Map<String, Long> out = new LinkedHashMap<>();
        if (c != null) {
            for (Map.Entry<String, Long> e : c.top(n)) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** The names of the labels seen: the uniform ones in {@link Labels#ALL} order, then the others by name. */
    public List<String> labelNames() {
        List<String> names = new ArrayList<>();
        orderedLabels().forEach(e -> names.add(e.getKey()));
        return names;
    }

    /** The summary as {@link #toText(int)} with five values a label. */
    @Override
    public String toString() {
        return toText(5);
    }

    /**
     * The summary for people, a few lines.
     *
     * @param top how many values to show per label
     * @return the text, lines ending with a newline
     */
    public String toText(int top) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-12s %,d", "records", records));
        if (inputs.size() > 0) {
            sb.append(String.format(Locale.ROOT, " from %,d input%s", inputs.size(), inputs.size() == 1 ? "" : "s"));
        }
        if (groups.size() > 0) {
            sb.append(String.format(Locale.ROOT, " in %s%,d document%s", groups.approximate() ? ">=" : "", groups.size(),
                    groups.size() == 1 ? "" : "s"));
        }
        sb.append('\n');
        perFormat.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-24s %,d%n", k, v)));
        sb.append(String.format(Locale.ROOT, "%-12s %,d errors, %,d warnings%n", "problems", errors, warnings));
        problems.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-24s %,d%n", k, v)));
        sb.append(String.format(Locale.ROOT, "%-12s %,d characters in %,d records", "text", characters, textRecords));
        if (textRecords > 0) {
            sb.append(String.format(Locale.ROOT, " (mean %,.0f)", (double) characters / textRecords));
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "%-12s %,d references in %,d records (%s%,d distinct)%n", "images", images,
                imageRecords, distinctImages.approximate() ? ">=" : "", distinctImages.size()));
        if (confidenceRecords > 0) {
            sb.append(String.format(Locale.ROOT, "%-12s mean %.3f over %,d records%n", "confidence", meanConfidence(),
                    confidenceRecords));
        }
        Counter lang = labels.get("language");
        if (lang != null) {
            sb.append(String.format(Locale.ROOT, "%-12s %s%n", "languages", inline(lang.top(Math.max(top, 10)))));
        }
        if (!labels.isEmpty()) {
            sb.append("labels\n");
            for (Map.Entry<String, Counter> e : orderedLabels()) {
                Counter c = e.getValue();
                sb.append(String.format(Locale.ROOT, "  %-24s %,d records, %s%,d values: %s%n", e.getKey(), c.records,
                        c.approximate ? ">=" : "", c.counts.size(), inline(c.top(top))));
            }
        }
        return sb.toString();
    }

    /** The uniform labels in {@link Labels#ALL} order, then the others by name. */
    private List<Map.Entry<String, Counter>> orderedLabels() {
        List<Map.Entry<String, Counter>> out = new ArrayList<>();
        for (String name : Labels.ALL) {
            Counter c = labels.get(name);
            if (c != null) {
                out.add(Map.entry(name, c));
            }
        }
        new TreeMap<>(labels).forEach((name, c) -> {
            if (!Labels.ALL.contains(name)) {
                out.add(Map.entry(name, c));
            }
        });
        return out;
    }

    private static String inline(List<Map.Entry<String, Long>> top) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Long> e : top) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            String v = e.getKey().replaceAll("\\s+", " ");
            if (v.length() > 40) {
                v = v.substring(0, 39) + "…";
            }
            sb.append(v).append(" (").append(e.getValue()).append(')');
        }
        return sb.toString();
    }

    /**
     * The summary for tools: one JSON object.
     *
     * @param top how many values to give per label
     * @return the JSON text, without a trailing newline
     */
    public String toJson(int top) {
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"records\":").append(records);
        sb.append(",\"inputs\":").append(inputs.size());
        sb.append(",\"documents\":").append(groups.size());
        sb.append(",\"formats\":[");
        boolean first = true;
        for (Map.Entry<String, Long> e : perFormat.entrySet()) {
            int slash = e.getKey().indexOf('/');
            sb.append(first ? "" : ",").append("{\"format\":").append(str(e.getKey().substring(0, slash)))
                    .append(",\"granularity\":").append(str(e.getKey().substring(slash + 1)))
                    .append(",\"records\":").append(e.getValue()).append('}');
            first = false;
        }
        sb.append("],\"errors\":").append(errors).append(",\"warnings\":").append(warnings);
        sb.append(",\"problems\":[");
        first = true;
        for (Map.Entry<String, Long> e : problems.entrySet()) {
            int space = e.getKey().indexOf(' ');
            sb.append(first ? "" : ",").append("{\"severity\":").append(str(e.getKey().substring(0, space)))
                    .append(",\"kind\":").append(str(e.getKey().substring(space + 1)))
                    .append(",\"count\":").append(e.getValue()).append('}');
            first = false;
        }
        sb.append("],\"text\":{\"records\":").append(textRecords).append(",\"characters\":").append(characters)
                .append('}');
        sb.append(",\"images\":{\"records\":").append(imageRecords).append(",\"references\":").append(images)
                .append(",\"distinct\":").append(distinctImages.size()).append('}');
        sb.append(",\"confidence\":{\"records\":").append(confidenceRecords);
        if (confidenceRecords > 0) {
            sb.append(",\"mean\":").append(String.format(Locale.ROOT, "%.6f", meanConfidence()));
        }
        sb.append('}');
        Counter lang = labels.get("language");
        sb.append(",\"languages\":").append(values(lang == null ? List.of() : lang.top(Integer.MAX_VALUE)));
        sb.append(",\"labels\":[");
        first = true;
        for (Map.Entry<String, Counter> e : orderedLabels()) {
            Counter c = e.getValue();
            sb.append(first ? "" : ",").append("{\"name\":").append(str(e.getKey()))
                    .append(",\"records\":").append(c.records)
                    .append(",\"values\":").append(c.counts.size())
                    .append(",\"approximate\":").append(c.approximate)
                    .append(",\"top\":").append(values(c.top(top))).append('}');
            first = false;
        }
        return sb.append("]}").toString();
    }

    private static String values(List<Map.Entry<String, Long>> list) {
        StringBuilder sb = new StringBuilder("[");
        for (Map.Entry<String, Long> e : list) {
            sb.append(sb.length() > 1 ? "," : "").append("{\"value\":").append(str(e.getKey()))
                    .append(",\"count\":").append(e.getValue()).append('}');
        }
        return sb.append(']').toString();
    }

    /** A JSON string. */
    static String str(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }

    /** Value counts of one label, bounded. */
    private static final class Counter {
        final Map<String, Long> counts = new HashMap<>();
        long records;
        boolean approximate;

        void add(List<String> values) {
            records++;
            for (String v : values) {
                Long n = counts.get(v);
                if (n != null) {
                    counts.put(v, n + 1);
                } else if (counts.size() < MAX_DISTINCT) {
                    counts.put(v, 1L);
                } else {
                    approximate = true;
                }
            }
        }

        List<Map.Entry<String, Long>> top(int n) {
            List<Map.Entry<String, Long>> all = new ArrayList<>(counts.entrySet());
            all.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()));
            return all.size() > n ? all.subList(0, n) : all;
        }
    }

    /** A set that stops growing at {@link #MAX_DISTINCT}. */
    private static final class Bounded {
        private final Set<String> seen = new HashSet<>();
        private boolean approximate;
        private String last;

        void add(String s) {
            if (s.equals(last)) {
                return;
            }
            last = s;
            if (seen.size() < MAX_DISTINCT) {
                seen.add(s);
            } else if (!seen.contains(s)) {
                approximate = true;
            }
        }

        int size() {
            return seen.size();
        }

        boolean approximate() {
            return approximate;
        }
    }
}
