package org.biglam.lam.alto.internal;

import java.util.ArrayList;
import java.util.List;

/** The in-memory shape of one ALTO page: blocks, lines and words, with their raw attributes. */
public final class AltoModel {

    private AltoModel() {
    }

    /** Word kinds. */
    public static final byte WORD = 0;
    /** A hyphen at a line end. */
    public static final byte HYP = 1;

    /** No SUBS_TYPE. */
    public static final byte SUBS_NONE = 0;
    /** SUBS_TYPE HypPart1. */
    public static final byte SUBS_PART1 = 1;
    /** SUBS_TYPE HypPart2. */
    public static final byte SUBS_PART2 = 2;
    /** Some other SUBS_TYPE (Abbreviation). */
    public static final byte SUBS_OTHER = 3;

    /** A box in the file's measurement unit, as written (raw text kept until needed). */
    public static class Boxed {
        public String hpos;
        public String vpos;
        public String width;
        public String height;
        public String id;
        public String lang;
        public String tagrefs;
    }

    /** A String (word) or HYP. */
    public static final class Word extends Boxed {
        public byte kind;
        public boolean spBefore;
        public String content;
        public byte subs;
        public String subsContent;
        /** Confidence 0..1, NaN if none. */
        public double conf = Double.NaN;
        public Line line;
        public int index;
        /** The line of the XML the word starts on, where kept (word records); else 0. */
        public long lineNumber;
        /**
         * HPOS and WIDTH as numbers, where the box is not kept as text (for the gap between words
         * that no SP separates); NaN if not read.
         */
        public float x = Float.NaN;
        public float w = Float.NaN;
    }

    /** A TextLine. */
    public static final class Line extends Boxed {
        public final List<Word> words = new ArrayList<>();
        public boolean hasSp;
        /** Made from a region's text (PAGE): part of page and block text, not a line record. */
        public boolean synthetic;
        public Block block;
        public int index;
        public long lineNumber;

        /** Whether the line has at least one word (not only a hyphen). */
        public boolean hasText() {
            for (Word w : words) {
                if (w.kind == WORD && w.content != null && !w.content.isEmpty()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A TextBlock, Illustration, GraphicalElement or ComposedBlock. */
    public static final class Block extends Boxed {
        public String element;
        public String type;
        public Block parent;
        public final List<Line> lines = new ArrayList<>();
        public final List<Block> children = new ArrayList<>();
        public int index;
        public long lineNumber;
        public boolean illustration;

        /** Whether this is a TextBlock. */
        public boolean isText() {
            return "TextBlock".equals(element);
        }
    }

    /** One Page of a Layout. */
    public static final class Page extends Boxed {
        public String physicalNr;
        public String printedNr;
        public final List<Block> blocks = new ArrayList<>();
        public final List<Line> lines = new ArrayList<>();
        public int index;
        public long lineNumber;
        public int wordCount;
        public long chars;
    }
}
