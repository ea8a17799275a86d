package org.biglam.lam.tei.internal;

import java.util.List;
import java.util.Locale;

/** The units a TEI document can be cut into. */
enum Granularity {
    /** The whole document (the default). */
    DOCUMENT,
    /** Divisions of a chosen level or type. */
    DIV,
    /** Pages, from one {@code pb} to the next. */
    PAGE,
    /** Paragraphs: {@code p} and {@code ab}. */
    PARAGRAPH,
    /** Utterances: {@code u} and {@code sp}. */
    UTTERANCE,
    /** Sentences: {@code s}. */
    SENTENCE,
    /** Tokens: {@code w}. */
    TOKEN,
    /**
     * Lines: a {@code sourceDoc}'s {@code line}s (and zones holding text), or in {@code text} the run
     * from one {@code lb} to the next.
     */
    LINE;

    /** The ids, default first, as the provider lists them. */
    static final List<String> IDS = List.of("document", "div", "page", "paragraph", "utterance", "sentence",
            "token", "line");

    /** The id ({@code document}, {@code div}, ...). */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The granularity with this id, or null. */
    static Granularity of(String id) {
        for (Granularity g : values()) {
            if (g.id().equals(id)) {
                return g;
            }
        }
        return null;
    }
}
