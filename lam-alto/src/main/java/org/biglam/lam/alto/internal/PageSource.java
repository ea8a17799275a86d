package org.biglam.lam.alto.internal;

import java.util.List;
import java.util.Map;

/** What a page's emitter needs of the parser that read it: tags, reading order, a warning channel. */
public interface PageSource {

    /** Tags by ID (ALTO); empty for formats without tags. */
    Map<String, AltoParser.Tag> tags();

    /** The element IDs the reading order names, in order; empty for document order. */
    List<String> readingOrder();

    /** Warns (once per input) about coordinates that are missing or not numbers. */
    void warnCoordinates(String message, long line);
}
