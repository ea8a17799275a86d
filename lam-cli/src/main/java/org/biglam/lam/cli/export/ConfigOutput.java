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
    final Map<String, Long> formats = new TreeMap<>();
    final Map<String, Long> languages = new TreeMap<>();
    final Map<String, Long> decades = new TreeMap<>();
    final Map<Integer, Long> textLengths = new HashMap<>();
    final long[] confidence = new long[1001];
    long withConfidence;
    long empty;
    final Map<String, Long> labelKeys = new HashMap<>();
    final Map<String, Map<String, Long>> labelValues = new HashMap<>();
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
        formats.merge(r.format(), 1L, Long::sum);
        for (String lang : r.label("language")) {
            languages.merge(lang, 1L, Long::sum);
        }
        for (String d : r.label("date")) {
            java.time.LocalDateTime t = ColumnSpec.date(d.strip());
            if (t != null) {
                decades.merge(Math.floorDiv(t.getYear(), 10) * 10 + "s", 1L, Long::sum);
                break;
            }
        }
        if (row.text() != null) {
            textLengths.merge(row.text().length(), 1L, Long::sum);
        } else {
            empty++;
        }
        if (r.confidence().isPresent()) {
            withConfidence++;
            confidence[(int) Math.round(r.confidence().getAsDouble() * 1000)]++;
        }
        for (Map.Entry<String, List<String>> e : r.labels().entrySet()) {
            String label = e.getKey();
            labelKeys.merge(label, 1L, Long::sum);
            Map<String, Long> values = labelValues.computeIfAbsent(label, k -> new HashMap<>());
            for (String v : e.getValue()) {
                Long n = values.get(v);
                if (n != null) {
                    values.put(v, n + 1);
                } else if (values.size() < MAX_DISTINCT) {
                    values.put(v, 1L);
                } else {
                    approximate.add(label);
                }
            }
        }
    }

    /** The quartiles (min, 25 %, median, 75 %, max) of text lengths; empty without text. */
    long[] lengthQuartiles() {
        long n = textLengths.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return new long[0];
        }
        TreeMap<Integer, Long> sorted = new TreeMap<>(textLengths);
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
        List<Map.Entry<String, Long>> list = new ArrayList<>(labelValues.getOrDefault(label, Map.of()).entrySet());
        list.sort(Map.Entry.<String, Long>comparingByValue(java.util.Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return list.subList(0, Math.min(n, list.size()));
    }
}
