package org.biglam.lam.tei.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The TEI elements the text walker handles in a way of their own, each with the local name it is
 * known by; every other element is {@link #OTHER} and is walked by its {@link TeiNames.Role}.
 */
enum Tag {
    /** A page break: starts a page unit. */
    PB("pb"),
    /** A line break: starts a line unit in {@code text}. */
    LB("lb"),
    /** A column break. */
    CB("cb"),
    /** Alternative readings: the profile chooses one. */
    CHOICE("choice"),
    /** A critical apparatus entry: {@code lem}, else the first {@code rdg}. */
    APP("app"),
    /** Deleted text: kept with {@code deletions}. */
    DEL("del"),
    /** Text supplied by the editor: kept with {@code supplied}. */
    SUPPLIED("supplied"),
    /** A note: its own block, kept with {@code notes}. */
    NOTE("note"),
    /** Forme work: a line, kept with {@code forme-work}. */
    FW("fw"),
    /** A figure description: a line, kept with {@code figure-descriptions}. */
    FIG_DESC("figDesc"),
    /** A speaker's name: a line, kept with {@code speakers}. */
    SPEAKER("speaker"),
    /** The letters an abbreviation leaves out: kept with the expansion. */
    EX("ex"),
    /** An abbreviation mark: kept with the abbreviation. */
    AM("am"),
    /** A lone {@code sic}, perhaps with P4's {@code @corr}. */
    SIC("sic"),
    /** A lone {@code corr}, perhaps with P4's {@code @sic}. */
    CORR("corr"),
    /** A lone {@code abbr}, perhaps with P4's {@code @expan}. */
    ABBR("abbr"),
    /** A lone {@code expan}, perhaps with P4's {@code @abbr}. */
    EXPAN("expan"),
    /** A lone {@code orig}, perhaps with P4's {@code @reg}. */
    ORIG("orig"),
    /** A lone {@code reg}, perhaps with P4's {@code @orig}. */
    REG("reg"),
    /** An interpretation: a label, no text. */
    INTERP("interp"),
    /** A word: a token. */
    W("w"),
    /** Punctuation: a token; may mark a line-end hyphen. */
    PC("pc"),
    /** A role in a cast list: a word of its own. */
    ROLE("role"),
    /** A role's description: a word of its own. */
    ROLE_DESC("roleDesc"),
    /** An actor: a word of its own. */
    ACTOR("actor"),
    /** A table cell: a word of its own. */
    CELL("cell"),
    /** The transcription of a document: read instead of {@code text} when chosen or alone. */
    SOURCE_DOC("sourceDoc"),
    /** The text of a document: left out when its {@code sourceDoc} is read instead. */
    TEXT("text"),
    /** A written surface of a {@code sourceDoc}: a page unit. */
    SURFACE("surface"),
    /** A zone of a surface: a line unit when it holds text and no lines. */
    ZONE("zone"),
    /** A line of a {@code sourceDoc}: a line unit. */
    LINE("line"),
    /** A description: where it describes a surface or zone, kept like a {@code figDesc}. */
    DESC("desc"),
    /** A quotation: a block between blocks, inline within a sentence. */
    QUOTE("quote"),
    /** A quotation with its source: a block between blocks, inline within a sentence. */
    CIT("cit"),
    /** Any other element. */
    OTHER(null);

    private static final Map<String, Tag> BY_NAME = new HashMap<>();

    static {
        for (Tag t : values()) {
            if (t.local != null) {
                BY_NAME.put(t.local, t);
            }
        }
    }

    private final String local;

    Tag(String local) {
        this.local = local;
    }

    /** The tag of a TEI element's local name: {@link #OTHER} for one without handling of its own. */
    static Tag of(String localName) {
        return BY_NAME.getOrDefault(localName, OTHER);
    }
}
