package org.biglam.lam.cli.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.biglam.lam.LamRecord;
import org.biglam.lam.cli.internal.RecordCounts;

/**
 * One config of an export while it is written: its splits and the statistics its part of the card
 * tells (rows per format, language and decade, quartiles of text length and confidence, the keys
 * of {@code labels} and the most frequent values of each label, the first row as an example).
 * The counting is {@link RecordCounts}'s (at most {@value #MAX_DISTINCT} distinct values per label);
 * the card's plots are drawn from it ({@link CardPlots}).
 */
final class ConfigOutput {

    /** The most distinct values counted per label. */
    static final int MAX_DISTINCT = 10_000;

    final String name;
    final List<SplitOutput> splits = new ArrayList<>();
    /** What the card's statistics and plots tell of this config's rows. */
    final RecordCounts counts = new RecordCounts(MAX_DISTINCT, ColumnSpec::year);
    Row example;
    String exampleFormat;
    Map<String, Long> splitBytes = new java.util.LinkedHashMap<>();
    Map<String, String> splitGlobs = new java.util.LinkedHashMap<>();
    boolean flat = true;
    /** The plot files of this config, relative to the dataset folder, with their titles; set when written. */
    List<CardPlots.Plot> plots = List.of();

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
        counts.count(r, row.text());
    }

    /** Rows per format, by name. */
    Map<String, Long> formats() {
        return counts.formats();
    }

    /** Rows per language, by tag. */
    Map<String, Long> languages() {
        return counts.languages();
    }

    /** Rows per decade of their date, in order. */
    Map<String, Long> decades() {
        return counts.decades();
    }

    /** Rows holding each label, by name. */
    Map<String, Long> labelKeys() {
        return counts.labelKeys();
    }

    /** The quartiles (min, 25 %, median, 75 %, max) of text lengths; empty without text. */
    long[] lengthQuartiles() {
        return counts.lengthQuartiles();
    }

    /** The quartiles of confidence, to 0.001; empty when no row has one. */
    double[] confidenceQuartiles() {
        return counts.confidenceQuartiles();
    }

    /** The most frequent values of a label, most frequent first, ties by value. */
    List<Map.Entry<String, Long>> top(String label, int n) {
        return counts.top(label, n);
    }
}
