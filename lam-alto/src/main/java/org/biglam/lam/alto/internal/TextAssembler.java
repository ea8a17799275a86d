package org.biglam.lam.alto.internal;

import java.util.List;
import org.biglam.lam.OcrQuality;
import org.biglam.lam.alto.internal.AltoModel.Line;
import org.biglam.lam.alto.internal.AltoModel.Word;
import org.biglam.lam.spi.Unicode;

/**
 * Puts the words of lines together as text: a space between words (SP, or between every two words
 * of a line that has no SP at all), a newline between lines, a blank line between paragraphs
 * (blocks, or the parts of a block the reading order separates); hyphenated words joined or kept
 * as printed; the result in Unicode NFC. Also counts the words and their confidence
 * ({@link #quality()}).
 *
 * <p>Joining follows the two halves a hyphenated word's markup names. A {@code HypPart1} given
 * whole ({@code SUBS_CONTENT}) drops its {@code HypPart2}; a {@code HypPart1} without it is joined
 * to its {@code HypPart2}. The second half is looked for where it is: OCR noise may stand between
 * the halves (after the first on its line, before the second on the next), and is kept as words of
 * its own; it is the first {@code HypPart2} on the rest of the first half's line or on the next
 * line (else, for a first half without {@code SUBS_CONTENT}, the next line's first word). A
 * {@code HypPart1} that ends in a dash other than a hyphen (an em or en dash) is not joined.
 *
 * <p>One assembler serves one input; in join mode it carries, from one unit to the next, that a
 * word's second part must be dropped because its first part was given whole (SUBS_CONTENT).
 */
public final class TextAssembler {

    /** A run of a line's words: [from, to). */
    public record Span(Line line, int from, int to) {
        /** The whole line. */
        public static Span of(Line line) {
            return new Span(line, 0, line.words.size());
        }
    }

    private final boolean join;
    /** A first half was given whole (SUBS_CONTENT): its second half is dropped where it comes. */
    private boolean skipPart2;
    /** The lines begun since the first half that {@link #skipPart2} or {@link #part1End} waits for. */
    private int part1Lines;
    /** The line of that first half. */
    private Line part1Line;
    /**
     * Where a first half without SUBS_CONTENT ends in the text, its hyphen taken off, waiting for its
     * second half to be put there; -1 when none waits.
     */
    private int part1End = -1;
    /** That first half's hyphen, put back when no second half comes; null until known. */
    private String part1Hyphen;
    private final OcrQuality.Counter counter = OcrQuality.counter();

    /**
     * @param join whether to join hyphenated words
     */
    public TextAssembler(boolean join) {
        this.join = join;
    }

    /** Forgets what was carried from the previous unit (at a new page). */
    public void reset() {
        skipPart2 = false;
        part1End = -1;
    }

    /**
     * The words of the last text assembled and their confidence: every ALTO String (PAGE Word,
     * hOCR word) with text counts, as the OCR gave it (the two halves of a hyphenated word are two
     * words, whatever the hyphenation option); null when the text has no word.
     */
    public OcrQuality quality() {
        return counter.build();
    }

    /** The mean word confidence of an OCR quality, or NaN: the record's {@code confidence}. */
    public static double confidence(OcrQuality q) {
        return q == null ? Double.NaN : q.meanWordConfidence().orElse(Double.NaN);
    }

    private StringBuilder sb;
    private boolean j;
    private int pending;
    private boolean glue;
    private String danglingHyphen;
    /** Where the last word appended starts and ends in the text. */
    private int lastStart;
    private int lastEnd = -1;

    /**
     * Assembles paragraphs of spans into text.
     *
     * @param paragraphs the paragraphs, each a list of line spans
     * @param joinHere whether hyphens are joined for this unit (false for lines and words)
     * @return the text, NFC, stripped
     */
    public String assemble(List<List<Span>> paragraphs, boolean joinHere) {
        begin(joinHere);
        for (List<Span> para : paragraphs) {
            paragraph(para);
        }
        return finish();
    }

    /**
     * The length the next unit's text is expected to have, about, so that it is not copied as it
     * grows (a page of OCR is some thousands of characters): taken by the next {@link #begin}.
     */
    public void expect(long chars) {
        expected = (int) Math.max(0, Math.min(chars, 1 << 20));
    }

    private int expected;

    /** Starts a unit's text, to which {@link #paragraph} adds; {@link #finish} ends it. */
    public void begin(boolean joinHere) {
        j = join && joinHere;
        if (sb == null || sb.capacity() > 1 << 20) {
            sb = new StringBuilder(Math.max(256, expected));
        } else if (expected > sb.capacity()) {
            sb.ensureCapacity(expected);
        }
        expected = 0;
        sb.setLength(0);
        counter.reset();
        pending = 0;
        glue = false;
        danglingHyphen = null;
        lastEnd = -1;
        part1End = -1;
    }

    /** Adds a paragraph (a block, or a run of its lines) to the unit begun. */
    public void paragraph(List<Span> para) {
        pending = Math.max(pending, 3);
        boolean firstLine = true;
        for (Span span : para) {
            if (!firstLine) {
                pending = Math.max(pending, 2);
            }
            firstLine = false;
            Line line = span.line();
            if ((skipPart2 || part1End >= 0) && line != part1Line && ++part1Lines > 1) {
                giveUpPart1(); // no second half on the next line: the first stays as printed
            }
            boolean alwaysSpace = !line.hasSp;
            boolean firstWord = true;
            for (int i = span.from(); i < span.to(); i++) {
                Word w = line.words.get(i);
                if (w.kind == AltoModel.HYP) {
                    hyp(w);
                    continue;
                }
                String text = w.content;
                if (text == null || text.isEmpty()) {
                    continue;
                }
                counter.word(w.conf);
                if (!firstWord && (alwaysSpace || w.spBefore)) {
                    pending = Math.max(pending, 1);
                }
                firstWord = false;
                if (j) {
                    if ((skipPart2 || part1End >= 0) && line != part1Line
                            && (w.subs == AltoModel.SUBS_PART2 || !skipPart2 && !part2Later(line, i, span.to()))) {
                        secondHalf(text);
                        continue;
                    }
                    if (w.subs == AltoModel.SUBS_PART1 && !endsWithDash(text)) {
                        if (skipPart2 || part1End >= 0) {
                            giveUpPart1();
                        }
                        if (w.subsContent != null && !w.subsContent.isBlank()) {
                            // the word given whole: its second half is dropped where it comes
                            append(w.subsContent.strip());
                            skipPart2 = true;
                            part1Line = line;
                            part1Lines = 0;
                            continue;
                        }
                        boolean hyphen = endsWithHyphen(text);
                        if (hyphen || hypLater(line, i, span.to())) {
                            part1Hyphen = hyphen ? text.substring(text.length() - 1) : null;
                            append(hyphen ? text.substring(0, text.length() - 1) : text);
                            part1End = sb.length();
                            part1Line = line;
                            part1Lines = 0;
                            continue;
                        }
                    }
                }
                append(text);
            }
        }
    }

    /** A HYP element: joins (or, kept as printed, prints) a hyphen, once. */
    private void hyp(Word w) {
        String h = w.content == null || w.content.isEmpty() ? "-" : w.content;
        boolean afterWord = lastEnd == sb.length() && lastEnd > lastStart;
        if (!j) {
            if (!(afterWord && (isHyphen(sb.charAt(lastEnd - 1)) || isDash(sb.charAt(lastEnd - 1))))) {
                sb.append(h); // a word that ends in its hyphen (Disgra-) does not get a second one
            }
            return;
        }
        if (skipPart2 && w.line == part1Line) {
            return; // the hyphen of a word given whole
        }
        if (part1End >= 0 && w.line == part1Line) {
            if (part1Hyphen == null) {
                part1Hyphen = h; // the hyphen of the first half that waits for its second
            }
            return;
        }
        if (afterWord && lastEnd - lastStart > 1 && lastEnd > part1End) {
            char c = sb.charAt(lastEnd - 1);
            if (isDash(c)) {
                return; // a dash, not a hyphen: nothing is joined, the text stays as printed
            }
            if (isHyphen(c)) {
                sb.setLength(--lastEnd); // the word's own hyphen is this one
            }
        }
        glue = true;
        danglingHyphen = h;
    }

    /** The second half of the word whose first half waits: dropped, or put after its first half. */
    private void secondHalf(String text) {
        if (skipPart2) {
            skipPart2 = false; // the word was given whole with its first half
        } else if (part1End == sb.length()) {
            sb.append(text);
            lastEnd = sb.length();
        } else {
            sb.insert(part1End, text); // after its first half, before the noise between them
            if (lastStart >= part1End) {
                lastStart += text.length();
                lastEnd += text.length();
            }
        }
        part1End = -1;
        // the break before it goes with the hyphen
        glue = false;
        danglingHyphen = null;
        pending = 0;
    }

    /** No second half came: a waiting first half gets its hyphen back. */
    private void giveUpPart1() {
        skipPart2 = false;
        if (part1End >= 0) {
            String h = part1Hyphen == null ? "-" : part1Hyphen;
            sb.insert(part1End, h);
            if (lastStart >= part1End) {
                lastStart += h.length();
                lastEnd += h.length();
            }
            part1End = -1;
        }
    }

    private void append(String text) {
        int p = glue ? 0 : pending;
        if (sb.length() > 0) {
            switch (p) {
                case 1:
                    sb.append(' ');
                    break;
                case 2:
                    sb.append('\n');
                    break;
                case 3:
                    sb.append("\n\n");
                    break;
                default:
                    break;
            }
        }
        lastStart = glue ? lastStart : sb.length();
        sb.append(text);
        lastEnd = sb.length();
        glue = false;
        danglingHyphen = null;
        pending = 0;
    }

    /** Ends the unit and returns its text, NFC, without white space at either end. */
    public String finish() {
        if (part1End >= 0) {
            // a first half whose second half is not in this unit: kept as printed
            sb.insert(part1End, part1Hyphen == null ? "-" : part1Hyphen);
            part1End = -1;
        }
        if (glue && danglingHyphen != null) {
            sb.append(danglingHyphen); // nothing to join with in this unit: keep it as printed
        }
        glue = false;
        danglingHyphen = null;
        int from = 0;
        int to = sb.length();
        while (from < to && Character.isWhitespace(sb.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(sb.charAt(to - 1))) {
            to--;
        }
        return Unicode.nfc(from == 0 && to == sb.length() ? sb.toString() : sb.substring(from, to));
    }

    /** Whether a HYP follows on the rest of the span. */
    private static boolean hypLater(Line line, int i, int to) {
        for (int k = i + 1; k < to; k++) {
            if (line.words.get(k).kind == AltoModel.HYP) {
                return true;
            }
        }
        return false;
    }

    /** Whether a HypPart2 with text follows on the rest of the span. */
    private static boolean part2Later(Line line, int i, int to) {
        for (int k = i + 1; k < to; k++) {
            Word w = line.words.get(k);
            if (w.subs == AltoModel.SUBS_PART2 && w.kind == AltoModel.WORD && w.content != null
                    && !w.content.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithHyphen(String s) {
        return s.length() > 1 && isHyphen(s.charAt(s.length() - 1));
    }

    private static boolean endsWithDash(String s) {
        return isDash(s.charAt(s.length() - 1));
    }

    /** A hyphen as OCR prints one at a line end: ASCII, soft, not sign, double oblique, Unicode. */
    static boolean isHyphen(char c) {
        return c == '-' || c == '\u00AC' || c == '\u2E17' || c == '\u00AD' || c == '\u2010' || c == '\u2011';
    }

    /** A dash that is not a hyphen: figure, en, em, horizontal bar, two- and three-em dashes. */
    static boolean isDash(char c) {
        return c >= '\u2012' && c <= '\u2015' || c == '\u2E3A' || c == '\u2E3B';
    }
}
