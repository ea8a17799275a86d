package org.biglam.lam;

import java.util.Locale;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * How good the OCR of a record's text is, as the OCR itself says it, word by word: how many words
 * the text has, and the plain mean and the population standard deviation of the words' confidence
 * (ALTO's {@code WC}, PAGE's {@code TextEquiv/@conf}, hOCR's {@code x_wconf}). These are the
 * figures published OCR datasets ship as columns ({@code word_count}, {@code mean_ocr},
 * {@code std_ocr}) and teach their users to filter on.
 *
 * <p>A record's {@link LamRecord#confidence() confidence} is one number for its text; for OCR
 * records it is the {@linkplain #meanWordConfidence() mean word confidence} as well, so the two agree
 * wherever both are present. Words without a confidence count in {@link #words()} and not in the
 * mean; {@link #scoredWords()} says how many had one.
 *
 * <p>Immutable. Build one with {@link #counter()}, which every OCR reader uses, so that the figures
 * are computed the same way whatever the format.
 *
 * @since 0.1
 */
public final class OcrQuality {

    private final int words;
    private final int scoredWords;
    private final double mean;
    private final double sd;

    private OcrQuality(int words, int scoredWords, double mean, double sd) {
        this.words = words;
        this.scoredWords = scoredWords;
        this.mean = mean;
        this.sd = sd;
    }

    /**
     * Makes the figures from their values (as read back from JSON, say).
     *
     * @param words how many words the text has; not negative
     * @param scoredWords how many of them have a confidence; from 0 to {@code words}
     * @param mean the mean word confidence, 0..1, or NaN when no word has one
     * @param sd the population standard deviation, 0..1, or NaN when no word has one
     * @return the figures
     * @throws IllegalArgumentException if a value is out of its range
     */
    public static OcrQuality of(int words, int scoredWords, double mean, double sd) {
        if (words < 0 || scoredWords < 0 || scoredWords > words) {
            throw new IllegalArgumentException("word counts out of range: " + words + ", " + scoredWords);
        }
        if (scoredWords == 0) {
            if (!Double.isNaN(mean) || !Double.isNaN(sd)) {
                throw new IllegalArgumentException("a mean and deviation need at least one scored word");
            }
        } else if (!(mean >= 0 && mean <= 1) || !(sd >= 0 && sd <= 1)) {
            throw new IllegalArgumentException("mean and deviation must be within 0..1: " + mean + ", " + sd);
        }
        return new OcrQuality(words, scoredWords, mean, sd);
    }

    /** Starts counting the words of one text. */
    public static Counter counter() {
        return new Counter();
    }

    /** How many words the text has (white-space separated tokens as the OCR gave them). */
    public int words() {
        return words;
    }

    /** How many words carry a confidence. */
    public int scoredWords() {
        return scoredWords;
    }

    /** The plain mean of the words' confidence, 0..1; empty when no word has one. */
    public OptionalDouble meanWordConfidence() {
        return scoredWords == 0 ? OptionalDouble.empty() : OptionalDouble.of(mean);
    }

    /** The population standard deviation of the words' confidence, 0..1; empty when no word has one. */
    public OptionalDouble wordConfidenceStdDev() {
        return scoredWords == 0 ? OptionalDouble.empty() : OptionalDouble.of(sd);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (!(o instanceof OcrQuality)) {
            return false;
        }
        OcrQuality q = (OcrQuality) o;
        return words == q.words && scoredWords == q.scoredWords && Double.compare(mean, q.mean) == 0
                && Double.compare(sd, q.sd) == 0;
    }

    @Override
    public int hashCode() {
        return (31 * words + scoredWords) * 31 + Double.hashCode(mean) * 17 + Double.hashCode(sd);
    }

    @Override
    public String toString() {
        return scoredWords == 0 ? "OcrQuality[words=" + words + "]"
                : String.format(Locale.ROOT, "OcrQuality[words=%d, scored=%d, mean=%.4f, sd=%.4f]", words, scoredWords,
                        mean, sd);
    }

    /**
     * Counts words and their confidence, with Welford's running mean and variance (stable for any
     * number of words). Not thread-safe; reusable after {@link #reset()}.
     */
    public static final class Counter {
        private int words;
        private int scored;
        private double mean;
        private double m2;

        private Counter() {
        }

        /**
         * Counts one word.
         *
         * @param confidence its confidence, 0..1, or NaN when it has none (values outside 0..1 are
         *     not counted as a confidence: readers warn about them)
         * @return this counter
         */
        public Counter word(double confidence) {
            words++;
            if (confidence >= 0 && confidence <= 1) {
                scored++;
                double d = confidence - mean;
                mean += d / scored;
                m2 += d * (confidence - mean);
            }
            return this;
        }

        /** How many words so far. */
        public int words() {
            return words;
        }

        /** The figures so far; null when no word was counted. */
        public OcrQuality build() {
            if (words == 0) {
                return null;
            }
            if (scored == 0) {
                return new OcrQuality(words, 0, Double.NaN, Double.NaN);
            }
            double sd = Math.sqrt(Math.max(0, m2 / scored));
            return new OcrQuality(words, scored, clamp(mean), clamp(sd));
        }

        private static double clamp(double v) {
            return v < 0 ? 0 : v > 1 ? 1 : v;
        }

        /** Forgets every word, to count another text. */
        public Counter reset() {
            words = 0;
            scored = 0;
            mean = 0;
            m2 = 0;
            return this;
        }
    }
}
