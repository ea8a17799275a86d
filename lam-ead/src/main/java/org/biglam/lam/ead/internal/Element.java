package org.biglam.lam.ead.internal;

/**
 * What an EAD element's local name means to the mapping, looked up once per start tag, then
 * switched on, instead of through chains of string comparisons and sets.
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
    /** EAD3's {@code daterange}: one date of a {@code unitdatestructured} (a {@code dateset} has several). */
    DATERANGE,
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
    /** {@code daogrp}, EAD3's {@code daoset}. */
    DAOGRP,
    /** {@code daodesc}. */
    DAODESC,
    /** EAD3's {@code descriptivenote}: a {@code daodesc} in a {@code dao} or {@code daoset}, else left out. */
    DESCRIPTIVENOTE,
    /** The notes whose text is a component's text ({@code scopecontent}, {@code bioghist}, {@code abstract}...). */
    NOTE,
    /** {@code accessrestrict}, {@code userestrict}. */
    RIGHTS,
    LB,
    PART,
    /** {@code emph}: with {@code altrender}, a part of a name or term (Archives Hub's {@code a}, {@code forenames}, {@code y}...). */
    EMPH,
    /** {@code address}: a block; left out of a {@code repository} that has a name before it. */
    ADDRESS,
    GEOGNAME,
    GENREFORM,
    /** {@code persname}, {@code corpname}, {@code famname}, {@code name}: a creator, or a subject. */
    NAME,
    /** {@code subject}, {@code function}, {@code occupation}, {@code title}: a subject in {@code controlaccess}. */
    SUBJECT,
    /** A chronology's {@code event}: on its {@code chronitem}'s line, after its date, a space before it. */
    EVENT,
    /** The blocks that separate paragraphs or words: {@code p}, {@code item}, {@code list}, {@code row}... */
    BLOCK;

    /**
     * The meaning of a local name (a string switch: its hash code, kept by the string, chooses the
     * case, no table is read).
     *
     * @param localName the element's local name
     * @return its meaning, {@link #OTHER} if the mapping does not act on it
     */
    static Element of(String localName) {
        switch (localName) {
            case "c": case "c01": case "c02": case "c03": case "c04": case "c05": case "c06": case "c07": case "c08":
            case "c09": case "c10": case "c11": case "c12":
                return COMPONENT;
            case "eadheader": case "control":
                return HEADER;
            case "eadid": case "recordid":
                return FAID;
            case "titleproper":
                return TITLEPROPER;
            case "archdesc":
                return ARCHDESC;
            case "dsc":
                return DSC;
            case "controlaccess":
                return CONTROLACCESS;
            case "head":
                return HEAD;
            case "unittitle":
                return UNITTITLE;
            case "unitid":
                return UNITID;
            case "unitdate":
                return UNITDATE;
            case "unitdatestructured":
                return UNITDATESTRUCTURED;
            case "fromdate":
                return FROMDATE;
            case "todate":
                return TODATE;
            case "datesingle":
                return DATESINGLE;
            case "daterange":
                return DATERANGE;
            case "origination":
                return ORIGINATION;
            case "langmaterial":
                return LANGMATERIAL;
            case "language":
                return LANGUAGE;
            case "physdesc":
                return PHYSDESC;
            case "extent":
                return EXTENT;
            case "physdescstructured":
                return PHYSDESCSTRUCTURED;
            case "container":
                return CONTAINER;
            case "repository":
                return REPOSITORY;
            case "physloc":
                return PHYSLOC;
            case "dao": case "daoloc":
                return DAO;
            case "daogrp": case "daoset":
                return DAOGRP;
            case "daodesc":
                return DAODESC;
            case "descriptivenote":
                return DESCRIPTIVENOTE;
            case "abstract": case "scopecontent": case "bioghist": case "odd": case "note": case "didnote":
            case "arrangement": case "custodhist": case "acqinfo": case "appraisal": case "accruals":
            case "processinfo": case "phystech": case "otherfindaid": case "relatedmaterial": case "separatedmaterial":
            case "altformavail": case "originalsloc": case "bibliography": case "fileplan": case "materialspec":
                return NOTE;
            case "accessrestrict": case "userestrict":
                return RIGHTS;
            case "lb":
                return LB;
            case "part":
                return PART;
            case "emph":
                return EMPH;
            case "address":
                return ADDRESS;
            case "geogname":
                return GEOGNAME;
            case "genreform":
                return GENREFORM;
            case "persname": case "corpname": case "famname": case "name":
                return NAME;
            case "subject": case "function": case "occupation": case "title":
                return SUBJECT;
            case "event":
                return EVENT;
            case "p": case "item": case "list": case "chronitem": case "defitem": case "row": case "entry":
            case "blockquote": case "addressline": case "label": case "chronlist": case "table":
                return BLOCK;
            default:
                return OTHER;
        }
    }

    /** Whether it separates paragraphs in a note, words elsewhere. */
    boolean block() {
        return this == BLOCK || this == HEAD || this == ADDRESS;
    }

    /** Whether it is a subject term in {@code controlaccess}. */
    boolean subject() {
        return this == SUBJECT || this == NAME;
    }
}
