package org.biglam.lam.cli.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.biglam.lam.LamRecord;

/**
 * The shape of a set of records, counted as they stream by: records per format, language and
 * decade of their {@code date}, text lengths, confidences, the keys of their labels and the most
 * frequent values of each. What a dataset card's statistics and plots tell ({@code lam export}, per
 * config) and what {@code lam report}'s charts draw. Memory is bounded: distinct text lengths,
 * 1,001 confidence steps, and at most {@link #maxDistinct()} distinct values per label (past that
 * a label's counts are marked approximate). Not thread-safe.
 */
public final class RecordCounts {

    /** The formats whose text is OCR (their pages without text are empty pages). */
    public static final Set<String> OCR_FORMATS = Set.of("alto", "mets", "page", "hocr");

    private final int maxDistinct;
    private final Function<String, Integer> year;
    private long records;
    private final Map<String, long[]> formatCounts = new HashMap<>();
    private final Map<String, long[]> languageCounts = new HashMap<>();
    private final Map<String, long[]> decadeCounts = new HashMap<>();
    /** Text lengths below 65,536 counted in an array (made on the first text), longer ones in a map. */
    private long[] shortLengths;
    private final Map<Integer, Long> longLengths = new HashMap<>();
    private String lastDate;
    private String lastDecade;
    private final long[] confidence = new long[1001];
    private long withConfidence;
    private long empty;
    private long withText;
    /** Per label: the records holding it and the counts of its values. */
    private final Map<String, LabelCounts> labels = new HashMap<>();
    private final Set<String> approximate = new TreeSet<>();

    private static final class LabelCounts {
        long rows;
        final Map<String, long[]> values = new HashMap<>();
        /** The last single value counted and its counter: the pages of a document share their labels. */
        String last;
        long[] lastCount;
    }

    /**
     * Starts empty.
     *
     * @param maxDistinct the most distinct values counted per label
     * @param year the year of a {@code date} label's value, or null when it is not a date (lam's
     *     one reading of dates, as {@code --column date:date} and {@code --partition-by date:decade} use)
     */
    public RecordCounts(int maxDistinct, Function<String, Integer> year) {
        this.maxDistinct = maxDistinct;
        this.year = year;
    }

    /**
     * Counts one record.
     *
     * @param r the record
     * @param text its text as it is used (a row's text), or null when it has none
     */
    public void count(LamRecord r, String text) {
        records++;
        formatCounts.computeIfAbsent(r.format(), k -> new long[1])[0]++;
        for (String lang : r.label("language")) {
            languageCounts.computeIfAbsent(lang, k -> new long[1])[0]++;
        }
        for (String d : r.label("date")) {
            if (!d.equals(lastDate)) {
                // the pages of a book or an issue share a date: read it once
                Integer y = year.apply(d.strip());
                lastDate = d;
                lastDecade = y == null ? null : Math.floorDiv(y, 10) * 10 + "s";
            }
            if (lastDecade != null) {
                decadeCounts.computeIfAbsent(lastDecade, k -> new long[1])[0]++;
                break;
            }
        }
        if (text != null) {
            withText++;
            int n = text.length();
            if (n < (1 << 16)) {
                if (shortLengths == null) {
                    shortLengths = new long[1 << 16];
                }
                shortLengths[n]++;
            } else {
                longLengths.merge(n, 1L, Long::sum);
            }
        } else {
            empty++;
        }
        if (r.confidence().isPresent()) {
            withConfidence++;
            double c = Math.max(0, Math.min(1, r.confidence().getAsDouble()));
            confidence[(int) Math.round(c * 1000)]++;
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
                } else if (values.size() < maxDistinct) {
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

    /** The most distinct values counted per label. */
    public int maxDistinct() {
        return maxDistinct;
    }

    /** Records counted. */
    public long records() {
        return records;
    }

    /** Records per format, by name. */
    public Map<String, Long> formats() {
        return sorted(formatCounts);
    }

    /** Records per language, by tag. */
    public Map<String, Long> languages() {
        return sorted(languageCounts);
    }

    /** Records per decade of their date ({@code 1880s}), in order. */
    public Map<String, Long> decades() {
        Map<String, Long> out = new TreeMap<>(Comparator.comparingInt(RecordCounts::decadeYear));
        decadeCounts.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }

    private static int decadeYear(String decade) {
        return Integer.parseInt(decade.substring(0, decade.length() - 1));
    }

    /** Records holding each label, by name. */
    public Map<String, Long> labelKeys() {
        Map<String, Long> out = new TreeMap<>();
        labels.forEach((k, v) -> out.put(k, v.rows));
        return out;
    }

    /** The labels whose values were too many to tell apart (their counts are a lower bound). */
    public Set<String> approximate() {
        return java.util.Collections.unmodifiableSet(approximate);
    }

    /** Records without text. */
    public long empty() {
        return empty;
    }

    /** Records with text. */
    public long withText() {
        return withText;
    }

    /** Records with a confidence. */
    public long withConfidence() {
        return withConfidence;
    }

    /** Text lengths (characters) and how many records have each, in order. */
    public TreeMap<Integer, Long> lengths() {
        TreeMap<Integer, Long> sorted = new TreeMap<>(longLengths);
        if (shortLengths != null) {
            for (int i = 0; i < shortLengths.length; i++) {
                if (shortLengths[i] > 0) {
                    sorted.put(i, shortLengths[i]);
                }
            }
        }
        return sorted;
    }

    /** The quartiles (min, 25 %, median, 75 %, max) of text lengths; empty without text. */
    public long[] lengthQuartiles() {
        TreeMap<Integer, Long> sorted = lengths();
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

    /** Confidences counted in 1,001 steps of 0.001 (index {@code round(c * 1000)}); a copy. */
    public long[] confidenceSteps() {
        return confidence.clone();
    }

    /** The quartiles of confidence, to 0.001; empty when no record has one. */
    public double[] confidenceQuartiles() {
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

    /**
     * The most frequent values of a label, most frequent first, ties by value.
     *
     * @param label the label
     * @param n how many at most
     * @return the values and their counts
     */
    public List<Map.Entry<String, Long>> top(String label, int n) {
        LabelCounts counts = labels.get(label);
        List<Map.Entry<String, Long>> list = new ArrayList<>(sorted(counts == null ? Map.of() : counts.values)
                .entrySet());
        list.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return list.subList(0, Math.min(n, list.size()));
    }
}
