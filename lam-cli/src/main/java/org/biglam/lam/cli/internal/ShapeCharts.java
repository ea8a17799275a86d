package org.biglam.lam.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The charts of a set of records' shape ({@link RecordCounts}), the same in {@code lam report} and
 * in the plots of {@code lam export}'s dataset card: records per decade of their {@code date}, per
 * language, the distribution of text lengths (bins starting at 0, 1, 10, 20, 50, 100, 200, 500, 1k, ...) and of confidence (20 bins
 * of 0.05), and the most frequent values of each label. A chart without data is left out; so is the
 * chart of identifiers, titles and descriptions, and of a label no value of which repeats or that has one
 * value only, and those of
 * {@code language} and {@code date}, which have their own.
 */
public final class ShapeCharts {

    /** The most label charts made. */
    public static final int MAX_LABEL_CHARTS = 16;
    /**
     * Labels without a chart of their own: language and date have theirs; identifiers, titles and
     * descriptions name one item each, and the values that repeat (the lines of one page share its
     * identifier) say nothing of the dataset's shape.
     */
    static final java.util.Set<String> NOT_CHARTED = java.util.Set.of("language", "date", "identifier", "title",
            "description");
    /** The values per label chart. */
    public static final int TOP_VALUES = 10;
    /** The languages shown. */
    public static final int TOP_LANGUAGES = 20;
    /** The edges of the text length bins: [0], [1, 10), [10, 20), [20, 50), ... */
    private static final long[] LENGTH_EDGES = {0, 1, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000,
        20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000};

    /**
     * One chart.
     *
     * @param id a file-name-safe name ({@code decades}, {@code languages}, {@code text-length},
     *     {@code confidence}, {@code label-NAME})
     * @param title its title
     * @param svg the SVG document
     */
    public record Chart(String id, String title, String svg) {
    }

    private ShapeCharts() {
    }

    /**
     * The charts of these counts, in a fixed order.
     *
     * @param c the counts
     * @param noun what is counted, plural ({@code rows}, {@code records})
     * @return the charts that have data
     */
    public static List<Chart> of(RecordCounts c, String noun) {
        List<Chart> out = new ArrayList<>();
        Map<String, Long> decades = c.decades();
        if (!decades.isEmpty()) {
            String t = cap(noun) + " per decade of `date`";
            out.add(new Chart("decades", t.replace("`", ""), SvgChart.columns(t.replace("`", ""),
                    timeline(decades), "decade")));
        }
        List<Map.Entry<String, Long>> langs = top(c.languages(), TOP_LANGUAGES);
        if (!langs.isEmpty()) {
            String t = cap(noun) + " per language";
            out.add(new Chart("languages", t, SvgChart.bars(t, langs)));
        }
        List<Map.Entry<String, Long>> lengths = lengthBins(c.lengths());
        if (!lengths.isEmpty()) {
            String t = "Text length in characters (" + noun + " with text)";
            out.add(new Chart("text-length", t, SvgChart.columns(t, lengths,
                    "characters (a bar counts the lengths from its own up to the next bar's)")));
        }
        if (c.withConfidence() > 0) {
            String t = "Confidence (" + noun + " that have one)";
            out.add(new Chart("confidence", t, SvgChart.columns(t, confidenceBins(c.confidenceSteps()),
                    "confidence, bins of 0.05")));
        }
        List<Map.Entry<String, Long>> keys = new ArrayList<>(c.labelKeys().entrySet());
        keys.sort(Map.Entry.<String, Long>comparingByValue(java.util.Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        java.util.Set<String> ids = new java.util.HashSet<>();
        int made = 0;
        for (Map.Entry<String, Long> k : keys) {
            String label = k.getKey();
            if (made >= MAX_LABEL_CHARTS || NOT_CHARTED.contains(label)) {
                continue;
            }
            List<Map.Entry<String, Long>> top = c.top(label, TOP_VALUES);
            if (top.size() < 2 || top.get(0).getValue() < 2) {
                continue;
            }
            String id = "label-" + safe(label);
            for (int i = 2; !ids.add(id); i++) {
                id = "label-" + safe(label) + "-" + i;
            }
            String t = "Most frequent values of " + label + (c.approximate().contains(label) ? " (approximate)" : "");
            out.add(new Chart(id, t, SvgChart.bars(t, top)));
            made++;
        }
        return out;
    }

    /** The decades in order, the decades between them without records as zeros (up to 200 decades). */
    static List<Map.Entry<String, Long>> timeline(Map<String, Long> decades) {
        List<Map.Entry<String, Long>> out = new ArrayList<>();
        TreeMap<Integer, Long> byYear = new TreeMap<>();
        decades.forEach((k, v) -> byYear.put(Integer.parseInt(k.substring(0, k.length() - 1)), v));
        int first = byYear.firstKey();
        int last = byYear.lastKey();
        if ((last - first) / 10 > 200) {
            byYear.forEach((y, v) -> out.add(Map.entry(y + "s", v)));
            return out;
        }
        for (int y = first; y <= last; y += 10) {
            out.add(Map.entry(y + "s", byYear.getOrDefault(y, 0L)));
        }
        return out;
    }

    /** A name made safe for a file: letters, digits, {@code -}, {@code _}, {@code .}; at most 60 characters. */
    static String safe(String s) {
        String n = s.replaceAll("[^A-Za-z0-9_.-]+", "_").replaceAll("^[_.-]+", "");
        if (n.length() > 60) {
            n = n.substring(0, 60);
        }
        return n.isEmpty() ? "label" : n;
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> m, int n) {
        List<Map.Entry<String, Long>> all = new ArrayList<>(m.entrySet());
        all.sort(Map.Entry.<String, Long>comparingByValue(java.util.Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return all.size() > n ? all.subList(0, n) : all;
    }

    /** Lengths counted in the bins of {@link #LENGTH_EDGES}, from the first bin with a count to the last. */
    static List<Map.Entry<String, Long>> lengthBins(TreeMap<Integer, Long> lengths) {
        long[] bins = new long[LENGTH_EDGES.length];
        for (Map.Entry<Integer, Long> e : lengths.entrySet()) {
            int b = 0;
            while (b + 1 < LENGTH_EDGES.length && e.getKey() >= LENGTH_EDGES[b + 1]) {
                b++;
            }
            bins[b] += e.getValue();
        }
        int first = 0;
        while (first < bins.length && bins[first] == 0) {
            first++;
        }
        int last = bins.length - 1;
        while (last >= 0 && bins[last] == 0) {
            last--;
        }
        List<Map.Entry<String, Long>> out = new ArrayList<>();
        for (int b = first; b <= last; b++) {
            out.add(Map.entry(shortNumber(LENGTH_EDGES[b]), bins[b]));
        }
        return out;
    }

    /** The 1,001 steps of 0.001 counted in 20 bins of 0.05 (the last holds 1.0 too). */
    static List<Map.Entry<String, Long>> confidenceBins(long[] steps) {
        long[] bins = new long[20];
        for (int i = 0; i < steps.length; i++) {
            bins[Math.min(19, i / 50)] += steps[i];
        }
        List<Map.Entry<String, Long>> out = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
            out.add(Map.entry(String.format(Locale.ROOT, "%.2f", b * 0.05), bins[b]));
        }
        return out;
    }

    private static String shortNumber(long n) {
        if (n >= 1_000_000 && n % 1_000_000 == 0) {
            return n / 1_000_000 + "M";
        }
        if (n >= 1_000 && n % 1_000 == 0) {
            return n / 1_000 + "k";
        }
        return Long.toString(n);
    }
}
