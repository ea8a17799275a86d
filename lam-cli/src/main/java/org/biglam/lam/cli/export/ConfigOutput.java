package org.biglam.lam.cli.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.biglam.lam.LamRecord;

/**
 * One config of an export while it is written: its splits and the statistics its part of the card
 * tells (rows per format, language and decade, quartiles of text length and confidence, the keys
 * of {@code labels} and the most frequent values of each label, the first row as an example).
 * Memory is bounded: distinct text lengths, 1,001 confidence steps, and at most {@value
 * #MAX_DISTINCT} distinct values per label (past that a label's counts are marked approximate).
 */
final class ConfigOutput {

    /** The most distinct values counted per label. */
    static final int MAX_DISTINCT = 10_000;

    final String name;
    final List<SplitOutput> splits = new ArrayList<>();
    private final Map<String, long[]> formatCounts = new HashMap<>();
    private final Map<String, long[]> languageCounts = new HashMap<>();
    private final Map<String, long[]> decadeCounts = new HashMap<>();
    /** Text lengths below 65,536 counted in an array, longer ones in a map. */
    private final long[] shortLengths = new long[1 << 16];
    private final Map<Integer, Long> longLengths = new HashMap<>();
    private String lastDate;
    private String lastDecade;
    final long[] confidence = new long[1001];
    long withConfidence;
    long empty;
    /** Per label: the rows holding it and the counts of its values. */
    private final Map<String, LabelCounts> labels = new HashMap<>();

    private static final class LabelCounts {
        long rows;
        final Map<String, long[]> values = new HashMap<>();
        /** The last single value counted and its counter: the pages of a document share their labels. */
        String last;
        long[] lastCount;
    }
    final java.util.Set<String> approximate = new java.util.TreeSet<>();
    Row example;
    String exampleFormat;
    Map<String, Long> splitBytes = new java.util.LinkedHashMap<>();
    Map<String, String> splitGlobs = new java.util.LinkedHashMap<>();
    boolean flat = true;

    ConfigOutput(String name) {
        this.name = name;
    }

    long rows() {
        return splits.stream().mapToLong(s -> s.rows).sum();
    }

    void count(LamRecord r, Row row) {
        if (example == null) {
            example = row;
        }
        formatCounts.computeIfAbsent(r.format(), k -> new long[1])[0]++;
        for (String lang : r.label("language")) {
            languageCounts.computeIfAbsent(lang, k -> new long[1])[0]++;
        }
        for (String d : r.label("date")) {
            if (!d.equals(lastDate)) {
                // the pages of a book or an issue share a date: read it once
                java.time.LocalDateTime t = ColumnSpec.date(d.strip());
                lastDate = d;
                lastDecade = t == null ? null : Math.floorDiv(t.getYear(), 10) * 10 + "s";
            }
            if (lastDecade != null) {
                decadeCounts.computeIfAbsent(lastDecade, k -> new long[1])[0]++;
                break;
            }
        }
        if (row.text() != null) {
            int n = row.text().length();
            if (n < shortLengths.length) {
                shortLengths[n]++;
            } else {
                longLengths.merge(n, 1L, Long::sum);
            }
        } else {
            empty++;
        }
        if (r.confidence().isPresent()) {
            withConfidence++;
            confidence[(int) Math.round(r.confidence().getAsDouble() * 1000)]++;
        }
        for (Map.Entry<String, List<String>> e : r.labels().entrySet()) {
            String label = e.getKey();
            LabelCounts counts = labels.get(label);
            if (counts == null) {
                counts = new LabelCounts();
                labels.put(label, counts);
            }
            counts.rows++;
            List<String> vs = e.getValue();
            if (vs.size() == 1 && counts.last != null && counts.last.equals(vs.get(0))) {
                counts.lastCount[0]++;
                continue;
            }
            Map<String, long[]> values = counts.values;
            for (String v : vs) {
                long[] n = values.get(v);
                if (n != null) {
                    n[0]++;
                } else if (values.size() < MAX_DISTINCT) {
                    n = new long[] {1};
                    values.put(v, n);
                } else {
                    approximate.add(label);
                }
                if (vs.size() == 1) {
                    counts.last = n == null ? null : v;
                    counts.lastCount = n;
                }
            }
        }
    }

    private static Map<String, Long> sorted(Map<String, long[]> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }

    /** Rows per format, by name. */
    Map<String, Long> formats() {
        return sorted(formatCounts);
    }

    /** Rows per language, by tag. */
    Map<String, Long> languages() {
        return sorted(languageCounts);
    }

    /** Rows per decade of their date, in order. */
    Map<String, Long> decades() {
        return sorted(decadeCounts);
    }

    /** Rows holding each label, by name. */
    Map<String, Long> labelKeys() {
        Map<String, Long> out = new TreeMap<>();
        labels.forEach((k, v) -> out.put(k, v.rows));
        return out;
    }

    /** The quartiles (min, 25 %, median, 75 %, max) of text lengths; empty without text. */
    long[] lengthQuartiles() {
        TreeMap<Integer, Long> sorted = new TreeMap<>(longLengths);
        for (int i = 0; i < shortLengths.length; i++) {
            if (shortLengths[i] > 0) {
                sorted.put(i, shortLengths[i]);
            }
        }
        long n = sorted.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return new long[0];
        }
        long[] out = new long[5];
        double[] at = {0, 0.25, 0.5, 0.75, 1};
        for (int q = 0; q < 5; q++) {
            long rank = Math.min(n - 1, (long) Math.floor(at[q] * (n - 1)));
            long seen = 0;
            for (Map.Entry<Integer, Long> e : sorted.entrySet()) {
                seen += e.getValue();
                if (seen > rank) {
                    out[q] = e.getKey();
                    break;
                }
            }
        }
        return out;
    }

    /** The quartiles of confidence, to 0.001; empty when no row has one. */
    double[] confidenceQuartiles() {
        if (withConfidence == 0) {
            return new double[0];
        }
        double[] out = new double[5];
        double[] at = {0, 0.25, 0.5, 0.75, 1};
        for (int q = 0; q < 5; q++) {
            long rank = Math.min(withConfidence - 1, (long) Math.floor(at[q] * (withConfidence - 1)));
            long seen = 0;
            for (int i = 0; i < confidence.length; i++) {
                seen += confidence[i];
                if (seen > rank) {
                    out[q] = i / 1000.0;
                    break;
                }
            }
        }
        return out;
    }

    /** The most frequent values of a label, most frequent first, ties by value. */
    List<Map.Entry<String, Long>> top(String label, int n) {
        LabelCounts counts = labels.get(label);
        List<Map.Entry<String, Long>> list = new ArrayList<>(sorted(counts == null ? Map.of() : counts.values)
                .entrySet());
        list.sort(Map.Entry.<String, Long>comparingByValue(java.util.Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return list.subList(0, Math.min(n, list.size()));
    }
}
