package org.biglam.lam.tei.internal;

import org.biglam.lam.spi.Unicode;

/**
 * Collects the text of one unit, normalising white space as TEI defines it for mixed content: a
 * run of white space is one space; white space at the start and end of a block goes; breaks between
 * blocks are a newline ({@link #LINE}) or an empty line ({@link #PARA}); text under
 * {@code xml:space="preserve"} is kept as it is. Not thread-safe.
 */
final class TextBuffer {

    /** No break. */
    static final int NONE = 0;
    /** A word boundary: one space. */
    static final int SPACE = 1;
    /** A line break: a newline. */
    static final int LINE = 2;
    /** A block break: an empty line. */
    static final int PARA = 3;

    /**
     * The hyphens dropped before a break inside a word: hyphen-minus, not sign, double oblique
     * hyphen, soft hyphen, hyphen, non-breaking hyphen. A {@code pc} may also mark one with {@code =}.
     */
    static final String HYPHENS = "-\u00AC\u2E17\u00AD\u2010\u2011=";

    /**
     * The not sign, which handwritten-text recognition ground truth (Transkribus) writes only at the
     * end of a line, for a word that goes on in the next one.
     */
    static final char LINE_END_HYPHEN = '\u00AC';

    /** Punctuation that takes back a space that came only from markup. */
    private static final String CLOSING = ",.;:!?)]}\u00BB\u201D\u2019%";

    private final StringBuilder sb = new StringBuilder();
    private int pending;
    /** The pending space came only from markup ({@code w}), not from white space in the text. */
    private boolean soft;
    /** Inside a word joined over {@code lb break="no"}: white space is dropped until the next letter. */
    private boolean joining;
    /**
     * After a token joined to the right ({@code <w join="right">}): white space is dropped until the
     * next text, as only a break between blocks or lines separates it from what follows.
     */
    private boolean glued;
    /** Where the text of a {@code pc} that may be a hyphen began, or -1. */
    private int hyphenBefore = -1;
    /** Where that text (with any space before it) begins and ends, or -1: dropped by a join right after it. */
    private int hyphenStart = -1;
    private int hyphenEnd = -1;
    /** A hyphen to drop, from {@code cutTo}, if the next text comes while the text is {@code cutAt} long. */
    private int cutTo = -1;
    private int cutAt = -1;

    /** Appends text from a text node, collapsing white space. */
    void text(CharSequence s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                if (!joining && !glued && pending < SPACE) {
                    pending = SPACE;
                    soft = false;
                } else if (pending == SPACE) {
                    soft = false;
                }
                i++;
                continue;
            }
            // a run of characters that are not white space
            int j = i + 1;
            while (j < n) {
                char d = s.charAt(j);
                if (d == ' ' || d == '\n' || d == '\t' || d == '\r') {
                    break;
                }
                j++;
            }
            if (pending != NONE) {
                if (pending == SPACE && soft && CLOSING.indexOf(c) >= 0) {
                    pending = NONE;
                } else {
                    flush();
                }
            }
            if (cutAt >= 0) {
                cut();
            }
            joining = false;
            glued = false;
            sb.append(s, i, j);
            i = j;
        }
    }

    /** Appends white space: a word boundary. */
    void space() {
        if (!joining && !glued && pending < SPACE) {
            pending = SPACE;
            soft = false;
        } else if (pending == SPACE) {
            soft = false;
        }
    }

    /** Appends text as it is (under {@code xml:space="preserve"}). */
    void raw(CharSequence s) {
        if (s.length() == 0) {
            return;
        }
        flush();
        if (cutAt >= 0) {
            cut();
        }
        joining = false;
        glued = false;
        sb.append(s);
    }

    /**
     * Asks for a break of at least this level before the next text. Inside a word joined over a
     * break, a line break is no break: the word goes on.
     */
    void brk(int level) {
        if (joining && level == LINE) {
            // a word broken at the end of a line element (a sourceDoc's line, a verse line) goes on
            // in the next one
            return;
        }
        if (level > pending) {
            pending = level;
            soft = level == SPACE;
        }
        if (level > SPACE) {
            joining = false;
            glued = false;
        }
    }

    /** A space from markup that closing punctuation may take back. */
    void softSpace() {
        if (pending < SPACE && !joining && !glued) {
            pending = SPACE;
            soft = true;
        }
    }

    /** Takes back a pending space that came only from markup. */
    void cancelSoftSpace() {
        if (pending == SPACE && soft) {
            pending = NONE;
        }
    }

    /**
     * A token joined to the right ({@code join="right"} or {@code "both"}) ends: the white space
     * after it, which only lays out the markup, is no word boundary.
     */
    void glue() {
        if (pending == SPACE) {
            pending = NONE;
        }
        if (pending == NONE) {
            glued = true;
        }
    }

    /**
     * A token joined to the left ({@code join="left"} or {@code "both"}) starts: takes back a pending
     * space, from markup or from white space, but not a break between lines or blocks.
     */
    void cancelSpace() {
        if (pending == SPACE) {
            pending = NONE;
        }
    }

    /** Cancels any pending space, for a word continuing over a {@code lb break="no"}. */
    void join(boolean dropHyphen) {
        if (pending <= SPACE) {
            pending = NONE;
            joining = true;
        }
        if (dropHyphen && pending == NONE) {
            int n = sb.length();
            if (hyphenEnd == n && hyphenStart >= 0 && hyphenStart < n) {
                cutTo = hyphenStart;
                cutAt = n;
            } else if (n > 0) {
                char c = sb.charAt(n - 1);
                if (c != '=' && HYPHENS.indexOf(c) >= 0) {
                    cutTo = n - 1;
                    cutAt = n;
                }
            }
            hyphenStart = -1;
            hyphenEnd = -1;
        }
    }

    /**
     * Drops the hyphen of a joined word now that the word goes on; a unit that ends with the first
     * half (a line, a page) keeps its hyphen.
     */
    private void cut() {
        if (cutAt == sb.length()) {
            sb.setLength(cutTo);
        }
        cutAt = -1;
    }

    /** The text of a {@code pc} that may be a line-end hyphen starts. */
    void startHyphen() {
        hyphenBefore = sb.length();
    }

    /** That text ends: a join right after it drops it. */
    void endHyphen() {
        int n = sb.length();
        if (hyphenBefore >= 0 && n > hyphenBefore) {
            // from before the space markup put between the word and its pc: the two halves join
            hyphenStart = hyphenBefore;
            hyphenEnd = n;
        }
        hyphenBefore = -1;
    }

    private void flush() {
        if (pending != NONE && sb.length() > 0) {
            switch (pending) {
                case SPACE:
                    sb.append(' ');
                    break;
                case LINE:
                    sb.append('\n');
                    break;
                default:
                    sb.append("\n\n");
                    break;
            }
        }
        pending = NONE;
        soft = false;
    }

    /**
     * Whether the text so far ends with this character (white space after it aside), also where a
     * join is to drop it.
     */
    boolean endsWith(char c) {
        int n = sb.length();
        return n > 0 && sb.charAt(n - 1) == c;
    }

    /** Whether nothing but white space has been added. */
    boolean isEmpty() {
        return sb.length() == 0;
    }

    /** The number of characters collected so far. */
    int length() {
        return sb.length();
    }

    /** The text collected, in Unicode normalisation form C, without trailing breaks. */
    String result() {
        return Unicode.nfc(sb.toString());
    }

    /** Forgets everything. */
    void clear() {
        sb.setLength(0);
        pending = NONE;
        soft = false;
        joining = false;
        glued = false;
        hyphenBefore = -1;
        hyphenStart = -1;
        hyphenEnd = -1;
        cutTo = -1;
        cutAt = -1;
    }
}
