package org.biglam.lam.alto.internal;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What {@link AltoParser} reads through a particular StAX parser's own shortcuts, chosen once per
 * document by {@link #of}: attribute values straight from the parser's buffer, and whether the
 * parser interns names (so that a name may be compared to a literal by identity first). The page
 * loop names no parser's classes; everything that depends on one (a cast, a buffer layout) lives
 * in that parser's implementation, {@link AaltoFastPaths} for Aalto, with a test that fails when the
 * parser changes. {@link StaxFastPaths} is plain StAX, right for any parser.
 *
 * <p>Every method reads an attribute of the reader's current START_ELEMENT. {@link #value} and
 * {@link #confidence} answer what plain StAX would, only faster; {@link #coordinate}, which only
 * decides a space between words, may read less of a value than plain StAX does.
 */
interface ParserFastPaths {

    /** The fast paths for this reader: Aalto's where it is Aalto's reader, plain StAX otherwise. */
    static ParserFastPaths of(XMLStreamReader r) {
        ParserFastPaths aalto = AaltoFastPaths.of(r);
        return aalto != null ? aalto : new StaxFastPaths(r);
    }

    /**
     * Whether the parser hands out names interned (as Java does literals), so that
     * {@code name == "String"} is a valid first test; without it, a name is compared by value only.
     */
    boolean internsNames();

    /** Attribute {@code i}'s value exactly as {@link XMLStreamReader#getAttributeValue(int)} gives it. */
    String value(int i) throws XMLStreamException;

    /**
     * Attribute {@code i} as a coordinate, for the gap between two words: plain StAX gives the value
     * as {@link Numbers#parse} reads it; a fast path may give only its whole part as
     * {@link Numbers#coordinate} reads it in the trimmed value (NaN for any other shape).
     */
    float coordinate(int i) throws XMLStreamException;

    /**
     * Attribute {@code i} as a confidence from 0 to 1 where written as OCR engines write it
     * ({@link Numbers#unitFraction}); -1 for anything else (or for a parser without a fast path):
     * then {@link #confidenceText()} is the value, trimmed, for the parser to read and judge.
     */
    double confidence(int i) throws XMLStreamException;

    /** The trimmed text of the attribute the last {@link #confidence} call gave -1 for. */
    String confidenceText();
}
