package org.biglam.lam.spi;

/**
 * How sure a {@link FormatProvider} is that an input's first bytes are in its format (the four
 * levels of Jackson's format detection, plus no match). Ordered from weakest to strongest.
 *
 * @since 0.1
 */
public enum MatchStrength {
    /** Certainly not this format. */
    NO_MATCH,
    /** Cannot tell from the bytes (an extension may still decide). */
    INCONCLUSIVE,
    /** Could be: the general shape fits (JSON, XML) but nothing specific was seen. */
    WEAK_MATCH,
    /** Likely: something typical of the format was seen (a root element name, a key). */
    SOLID_MATCH,
    /** Certain: a signature unique to the format (a namespace, a leader's structure). */
    FULL_MATCH
}
