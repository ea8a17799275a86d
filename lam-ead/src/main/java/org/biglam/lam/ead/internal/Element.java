package org.biglam.lam.ead.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * What an EAD element's local name means to the mapping, looked up once per start tag (one hash
 * lookup, then a switch on the constant) instead of through chains of string comparisons and sets.
 * Names the mapping does not act on are {@link #OTHER}.
 */
enum Element {
    OTHER,
    /** {@code c}, {@code c01}..{@code c12}. */
    COMPONENT,
    /** {@code eadheader}, EAD3's {@code control}. */
    HEADER,
    /** {@code eadid}, EAD3's {@code recordid}. */
    FAID,
    TITLEPROPER,
    ARCHDESC,
    DSC,
    CONTROLACCESS,
    /** {@code head}: left out of notes, skipped in {@code controlaccess}; a block elsewhere. */
    HEAD,
    UNITTITLE,
    UNITID,
    UNITDATE,
    UNITDATESTRUCTURED,
    FROMDATE,
    TODATE,
    DATESINGLE,
    ORIGINATION,
    LANGMATERIAL,
    LANGUAGE,
    PHYSDESC,
    EXTENT,
    PHYSDESCSTRUCTURED,
    CONTAINER,
    REPOSITORY,
    PHYSLOC,
    /** {@code dao}, {@code daoloc}. */
    DAO,
    /** {@code daodesc}, EAD3's {@code descriptivenote}. */
    DAODESC,
    /** The notes whose text is a component's text ({@code scopecontent}, {@code bioghist}, {@code abstract}...). */
    NOTE,
    /** {@code accessrestrict}, {@code userestrict}. */
    RIGHTS,
    LB,
    PART,
    GEOGNAME,
    GENREFORM,
    /** {@code persname}, {@code corpname}, {@code famname}, {@code name}: a creator, or a subject. */
    NAME,
    /** {@code subject}, {@code function}, {@code occupation}, {@code title}: a subject in {@code controlaccess}. */
    SUBJECT,
    /** The blocks that separate paragraphs or words: {@code p}, {@code item}, {@code list}, {@code row}... */
    BLOCK;

    private static final Map<String, Element> BY_NAME = new HashMap<>(128);

    static {
        put(COMPONENT, "c", "c01", "c02", "c03", "c04", "c05", "c06", "c07", "c08", "c09", "c10", "c11", "c12");
        put(HEADER, "eadheader", "control");
        put(FAID, "eadid", "recordid");
        put(TITLEPROPER, "titleproper");
        put(ARCHDESC, "archdesc");
        put(DSC, "dsc");
        put(CONTROLACCESS, "controlaccess");
        put(HEAD, "head");
        put(UNITTITLE, "unittitle");
        put(UNITID, "unitid");
        put(UNITDATE, "unitdate");
        put(UNITDATESTRUCTURED, "unitdatestructured");
        put(FROMDATE, "fromdate");
        put(TODATE, "todate");
        put(DATESINGLE, "datesingle");
        put(ORIGINATION, "origination");
        put(LANGMATERIAL, "langmaterial");
        put(LANGUAGE, "language");
        put(PHYSDESC, "physdesc");
        put(EXTENT, "extent");
        put(PHYSDESCSTRUCTURED, "physdescstructured");
        put(CONTAINER, "container");
        put(REPOSITORY, "repository");
        put(PHYSLOC, "physloc");
        put(DAO, "dao", "daoloc");
        put(DAODESC, "daodesc", "descriptivenote");
        put(NOTE, "abstract", "scopecontent", "bioghist", "odd", "note", "didnote", "arrangement", "custodhist",
                "acqinfo", "appraisal", "accruals", "processinfo", "phystech", "otherfindaid", "relatedmaterial",
                "separatedmaterial", "altformavail", "originalsloc", "bibliography", "fileplan", "materialspec");
        put(RIGHTS, "accessrestrict", "userestrict");
        put(LB, "lb");
        put(PART, "part");
        put(GEOGNAME, "geogname");
        put(GENREFORM, "genreform");
        put(NAME, "persname", "corpname", "famname", "name");
        put(SUBJECT, "subject", "function", "occupation", "title");
        put(BLOCK, "p", "item", "list", "chronitem", "event", "defitem", "row", "entry", "blockquote", "address",
                "addressline", "label", "chronlist", "table");
    }

    private static void put(Element e, String... names) {
        for (String n : names) {
            if (BY_NAME.put(n, e) != null) {
                throw new IllegalStateException("two meanings for " + n);
            }
        }
    }

    /**
     * The meaning of a local name.
     *
     * @param localName the element's local name
     * @return its meaning, {@link #OTHER} if the mapping does not act on it
     */
    static Element of(String localName) {
        return BY_NAME.getOrDefault(localName, OTHER);
    }

    /** Whether it separates paragraphs in a note, words elsewhere. */
    boolean block() {
        return this == BLOCK || this == HEAD;
    }

    /** Whether it is a subject term in {@code controlaccess}. */
    boolean subject() {
        return this == SUBJECT || this == NAME;
    }
}
