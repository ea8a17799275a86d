package org.biglam.lam.alto.internal;

import java.util.List;
import org.biglam.lam.alto.internal.AltoModel.Line;
import org.biglam.lam.alto.internal.AltoModel.Word;
import org.biglam.lam.spi.Unicode;

/**
 * Puts the words of lines together as text: a space between words (SP, or between every two words
 * of a line that has no SP at all), a newline between lines, a blank line between paragraphs
 * (blocks, or the parts of a block the reading order separates); hyphenated words joined or kept
 * as printed; the result in Unicode NFC. Also sums the character-weighted confidence.
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
    private boolean skipPart2;
    private double confSum;
    private long confChars;

    /**
     * @param join whether to join hyphenated words
     */
    public TextAssembler(boolean join) {
        this.join = join;
    }

    /** Forgets what was carried from the previous unit (at a new page). */
    public void reset() {
        skipPart2 = false;
    }

    /** The character-weighted mean confidence of the words of the last text assembled, or NaN. */
    public double confidence() {
        return confChars == 0 ? Double.NaN : Math.max(0, Math.min(1, confSum / confChars));
    }

    private StringBuilder sb;
    private boolean j;
    private int pending;
    private boolean glue;
    private String danglingHyphen;

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

    /** Starts a unit's text, to which {@link #paragraph} adds; {@link #finish} ends it. */
    public void begin(boolean joinHere) {
        j = join && joinHere;
        if (sb == null || sb.capacity() > 1 << 20) {
            sb = new StringBuilder(256);
        }
        sb.setLength(0);
        confSum = 0;
        confChars = 0;
        pending = 0;
        glue = false;
        danglingHyphen = null;
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
            boolean alwaysSpace = !line.hasSp;
            boolean firstWord = true;
            for (int i = span.from(); i < span.to(); i++) {
                Word w = line.words.get(i);
                if (w.kind == AltoModel.HYP) {
                    String h = w.content == null || w.content.isEmpty() ? "-" : w.content;
                    if (j) {
                        if (!skipPart2) {
                            glue = true;
                            danglingHyphen = h;
                        }
                    } else {
                        sb.append(h);
                    }
                    continue;
                }
                String text = w.content;
                if (text == null || text.isEmpty()) {
                    continue;
                }
                if (!Double.isNaN(w.conf)) {
                    confSum += w.conf * text.length();
                    confChars += text.length();
                }
                if (!firstWord && (alwaysSpace || w.spBefore)) {
                    pending = Math.max(pending, 1);
                }
                firstWord = false;
                if (j) {
                    if (skipPart2) {
                        skipPart2 = false;
                        if (w.subs == AltoModel.SUBS_PART2) {
                            // the word was given whole with its first part: drop the second part
                            // and the break before it, as a joined hyphen does
                            glue = false;
                            danglingHyphen = null;
                            pending = 0;
                            continue;
                        }
                    }
                    if (w.subs == AltoModel.SUBS_PART1) {
                        if (w.subsContent != null && !w.subsContent.isBlank()) {
                            text = w.subsContent.strip();
                            skipPart2 = true;
                        } else if (endsWithHyphen(text) && !nextIsHyp(line, i, span.to())) {
                            danglingHyphen = text.substring(text.length() - 1);
                            text = text.substring(0, text.length() - 1);
                            append(sb, text, glue ? 0 : pending);
                            pending = 0;
                            glue = true;
                            continue;
                        }
                    }
                }
                append(sb, text, glue ? 0 : pending);
                glue = false;
                danglingHyphen = null;
                pending = 0;
            }
        }
    }

    /** Ends the unit and returns its text, NFC. */
    public String finish() {
        if (glue && danglingHyphen != null) {
            sb.append(danglingHyphen); // nothing to join with in this unit: keep it as printed
        }
        glue = false;
        danglingHyphen = null;
        return Unicode.nfc(sb.toString());
    }

    private static boolean nextIsHyp(Line line, int i, int to) {
        return i + 1 < to && line.words.get(i + 1).kind == AltoModel.HYP;
    }

    private static boolean endsWithHyphen(String s) {
        char c = s.charAt(s.length() - 1);
        return s.length() > 1 && (c == '-' || c == '\u00AC' || c == '\u2E17' || c == '\u00AD' || c == '\u2010');
    }

    private static void append(StringBuilder sb, String text, int pending) {
        if (sb.length() > 0) {
            switch (pending) {
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
        sb.append(text);
    }
}
