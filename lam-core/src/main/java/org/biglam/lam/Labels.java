package org.biglam.lam;

import java.util.List;

/**
 * The names of the uniform labels, shared by every format. Format-specific labels use a prefix
 * and a colon ({@code marc:650}, {@code tei:interp:offence}, {@code iiif:metadata:Date}).
 *
 * @since 0.1
 */
public final class Labels {

    /** The title of the work or document. */
    public static final String TITLE = "title";
    /** Main authors and creators. */
    public static final String CREATOR = "creator";
    /** Editors, translators, illustrators and other contributors. */
    public static final String CONTRIBUTOR = "contributor";
    /** Dates: a normalised year ({@code 1779}) or range ({@code 1779/1785}). */
    public static final String DATE = "date";
    /** Languages as BCP 47 tags ({@code en}, {@code de}, {@code grc}). */
    public static final String LANGUAGE = "language";
    /** Subjects and topics. */
    public static final String SUBJECT = "subject";
    /** Genres and forms ({@code fiction}, {@code Drama}). */
    public static final String GENRE = "genre";
    /** The kind of resource ({@code text}, {@code still image}). */
    public static final String TYPE = "type";
    /** Publishers. */
    public static final String PUBLISHER = "publisher";
    /** Places of publication or production. */
    public static final String PLACE = "place";
    /** Identifiers (control numbers, ISBN, URIs). */
    public static final String IDENTIFIER = "identifier";
    /** Rights statements and licences. */
    public static final String RIGHTS = "rights";
    /** Summaries and descriptions. */
    public static final String DESCRIPTION = "description";
    /** Series and collections. */
    public static final String COLLECTION = "collection";
    /** Classification numbers. */
    public static final String CLASSIFICATION = "classification";
    /** This unit's own label inside its document: a canvas's label, a page's number, a heading. */
    public static final String PART = "part";

    /** Every uniform label name, in the order above. */
    public static final List<String> ALL = List.of(TITLE, CREATOR, CONTRIBUTOR, DATE, LANGUAGE,
            SUBJECT, GENRE, TYPE, PUBLISHER, PLACE, IDENTIFIER, RIGHTS, DESCRIPTION, COLLECTION,
            CLASSIFICATION, PART);

    private Labels() {
    }
}
