package org.biglam.lam.cli.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Consumer;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.RecordSource;
import org.biglam.lam.cli.RecordStats;
import org.biglam.lam.cli.export.ColumnSpec;
import org.biglam.lam.cli.internal.RecordCounts;

/**
 * What {@code lam report} keeps of one streaming pass, in bounded memory: the counts of {@link
 * RecordStats} (records per format and granularity, problems by kind, documents, images) and of
 * {@link RecordCounts} (what the charts draw), the first {@value #MAX_PROBLEMS} problems with their
 * locations, a reservoir sample of records (seeded, so the same inputs and seed give the same
 * sample), and the pages to check: OCR pages without text and records whose confidence is below a
 * threshold, the worst kept (empty ones first, then the lowest confidence). Records kept are
 * trimmed copies ({@link Kept}): text, labels and the first image, never the parsed document.
 * Not thread-safe (problems may come from reading threads: {@link #problem} is synchronised).
 */
public final class ReportCollector implements Consumer<LamRecord> {

    /** The problems kept with their locations (all are counted). */
    public static final int MAX_PROBLEMS = 200;
    /** The characters of text kept per record. */
    public static final int MAX_TEXT = 1_200;
    /** The labels kept per record, the values per label, the characters per value. */
    static final int MAX_LABELS = 30;
    static final int MAX_VALUES = 12;
    static final int MAX_VALUE_CHARS = 240;

    /**
     * A record as the report shows it.
     *
     * @param seq its position in the read (0 for the first)
     * @param id its id
     * @param format its format
     * @param source where it was read, or null
     * @param text its text, cut at {@link #MAX_TEXT} characters, or null
     * @param textLength the characters of its whole text
     * @param labels its labels, trimmed
     * @param confidence its confidence, or NaN
     * @param image its first image, or null
     * @param images how many images it names
     * @param empty whether it is an OCR page without text
     */
    public record Kept(long seq, String id, String format, RecordSource source, String text, int textLength,
            Map<String, List<String>> labels, double confidence, ImageRef image, int images, boolean empty) {
    }

    private final RecordStats stats;
    private final RecordCounts counts = new RecordCounts(RecordStats.MAX_DISTINCT, ColumnSpec::year);
    private final List<Problem> problems = new ArrayList<>();
    private final int sampleSize;
    private final Random random;
    private final List<Kept> sample = new ArrayList<>();
    private final double lowConfidence;
    private final PriorityQueue<Kept> attention;
    private long seen;
    private long emptyPages;
    private long lowConfidencePages;

    /**
     * Starts empty.
     *
     * @param granularity the granularity asked for, or null for each format's default
     * @param sampleSize how many records the sample (and the list of pages to check) keeps
     * @param seed the seed of the sample
     * @param lowConfidence records whose confidence is below this are pages to check
     */
    public ReportCollector(String granularity, int sampleSize, long seed, double lowConfidence) {
        this.stats = new RecordStats(granularity);
        this.sampleSize = sampleSize;
        this.random = new Random(seed);
        this.lowConfidence = lowConfidence;
        // the head is the least worrying kept: an empty page is worse than any confidence
        this.attention = new PriorityQueue<>(Math.max(1, sampleSize), worst().reversed());
    }

    /** Empty pages first, then by confidence, then in reading order. */
    static Comparator<Kept> worst() {
        return Comparator.<Kept>comparingInt(k -> k.empty() ? 0 : 1)
                .thenComparingDouble(k -> Double.isNaN(k.confidence()) ? 2 : k.confidence())
                .thenComparingLong(Kept::seq);
    }

    @Override
    public void accept(LamRecord r) {
        long seq = seen++;
        stats.accept(r);
        String text = r.text().filter(t -> !t.isBlank()).orElse(null);
        counts.count(r, text);
        boolean empty = text == null && !r.images().isEmpty() && RecordCounts.OCR_FORMATS.contains(r.format());
        double conf = r.confidence().isPresent() ? r.confidence().getAsDouble() : Double.NaN;
        boolean low = !Double.isNaN(conf) && conf < lowConfidence;
        Kept kept = null;
        if (empty || low) {
            if (empty) {
                emptyPages++;
            } else {
                lowConfidencePages++;
            }
            if (sampleSize > 0) {
                kept = keep(r, seq, text, conf, empty);
                attention.add(kept);
                if (attention.size() > sampleSize) {
                    attention.poll();
                }
            }
        }
        // reservoir sampling (Vitter's algorithm R): each record ends in the sample with the same chance
        if (sample.size() < sampleSize) {
            sample.add(kept != null ? kept : keep(r, seq, text, conf, empty));
        } else if (sampleSize > 0) {
            long j = random.nextLong(seq + 1);
            if (j < sampleSize) {
                sample.set((int) j, kept != null ? kept : keep(r, seq, text, conf, empty));
            }
        }
    }

    private static Kept keep(LamRecord r, long seq, String text, double conf, boolean empty) {
        String t = text;
        int length = text == null ? 0 : text.length();
        if (t != null && t.length() > MAX_TEXT) {
            int end = MAX_TEXT;
            if (Character.isHighSurrogate(t.charAt(end - 1))) {
                end--;
            }
            t = t.substring(0, end);
        }
        Map<String, List<String>> labels = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : r.labels().entrySet()) {
            if (labels.size() >= MAX_LABELS) {
                break;
            }
            List<String> vs = new ArrayList<>();
            for (String v : e.getValue()) {
                if (vs.size() >= MAX_VALUES) {
                    vs.add("… (" + (e.getValue().size() - MAX_VALUES) + " more)");
                    break;
                }
                vs.add(v.length() > MAX_VALUE_CHARS ? v.substring(0, MAX_VALUE_CHARS) + "…" : v);
            }
            labels.put(e.getKey(), List.copyOf(vs));
        }
        return new Kept(seq, r.id(), r.format(), r.source().orElse(null), t, length, labels, conf,
                r.images().isEmpty() ? null : r.images().get(0), r.images().size(), empty);
    }

    /**
     * Counts a problem and keeps it if fewer than {@value #MAX_PROBLEMS} are kept.
     *
     * @param p the problem
     */
    public synchronized void problem(Problem p) {
        stats.problem(p);
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(p);
        }
    }

    /** The counts of {@code lam stats}. */
    public RecordStats stats() {
        return stats;
    }

    /** The counts the charts draw. */
    public RecordCounts counts() {
        return counts;
    }

    /** The first problems, in the order they came. */
    public synchronized List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Records read. */
    public long records() {
        return seen;
    }

    /** The sample, in reading order. */
    public List<Kept> sample() {
        List<Kept> out = new ArrayList<>(sample);
        out.sort(Comparator.comparingLong(Kept::seq));
        return out;
    }

    /** The pages to check that were kept, the worst first. */
    public List<Kept> attention() {
        List<Kept> out = new ArrayList<>(attention);
        out.sort(worst());
        return out;
    }

    /** OCR pages without text, all counted. */
    public long emptyPages() {
        return emptyPages;
    }

    /** Records with a confidence below the threshold, all counted. */
    public long lowConfidencePages() {
        return lowConfidencePages;
    }

    /** The confidence below which a record is a page to check. */
    public double lowConfidence() {
        return lowConfidence;
    }

    /** How many records the sample keeps at most. */
    public int sampleSize() {
        return sampleSize;
    }
}
