package org.biglam.lam.tei.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.type.Type;

/** TEI's namespace and how the text walker treats each element. */
final class TeiNames {

    /** The TEI P5 namespace; P4 documents are moved into it as they are read. */
    static final String TEI_NS = "http://www.tei-c.org/ns/1.0";
    /** The namespace of TEI's examples ({@code egXML}): markup shown, not text. */
    static final String EXAMPLES_NS = "http://www.tei-c.org/ns/Examples";
    /** The XML namespace ({@code xml:id}, {@code xml:lang}, {@code xml:space}, {@code xml:base}). */
    static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    /** How an element is walked. */
    enum Role {
        /** Inline: its text flows with its neighbours'. */
        INLINE,
        /** A line: a newline before and after. */
        LINE,
        /** A block: an empty line before and after. */
        BLOCK,
        /** Holds no text of its own (metadata, links, feature structures): walked silently. */
        SILENT,
        /** Not walked at all: the header, the facsimile and stand-off annotation. */
        SKIP
    }

    private static final Map<String, Role> ROLES = new HashMap<>();

    static {
        for (String n : ("p ab head div div0 div1 div2 div3 div4 div5 div6 div7 lg sp u list table figure note "
                + "castList stage trailer byline dateline docTitle docImprint docEdition titlePage opener closer "
                + "salute signed epigraph argument postscript floatingText text body front back group listBibl "
                + "quote letter spGroup castGroup cit listPerson listPlace listOrg listEvent person place "
                + "event org entry sense sourceDoc surfaceGrp surface zone").split(" ")) {
            ROLES.put(n, Role.BLOCK);
        }
        for (String n : "l item row castItem titlePart line".split(" ")) {
            ROLES.put(n, Role.LINE);
        }
        for (String n : ("interp interpGrp join joinGrp link linkGrp "
                + "span spanGrp index certainty respons alt altGrp timeline when anchor milestone fs f fLib "
                + "fvLib fsdDecl graphic media binaryObject gap space ptr divGen witDetail precision "
                + "classSpec elementSpec attDef").split(" ")) {
            ROLES.put(n, Role.SILENT);
        }
        for (String n : "teiHeader facsimile standOff".split(" ")) {
            ROLES.put(n, Role.SKIP);
        }
    }

    /** Where a quotation stands between blocks rather than within a sentence. */
    private static final Set<String> BLOCK_PARENTS = Set.of("body", "front", "back", "group",
            "text", "epigraph", "floatingText", "sp", "spGroup", "figure", "titlePage", "postscript", "letter",
            "argument", "opener", "closer", "listBibl", "lg", "quote");

    private TeiNames() {
    }

    /**
     * Whether a {@code quote} or {@code cit} is a block of its own: its parent (through any
     * {@code cit} around it) is a division or another container of blocks, not a paragraph, line,
     * note or phrase.
     */
    static boolean standsAsBlock(NodeInfo el) {
        NodeInfo p = el.getParent();
        while (p != null && "cit".equals(p.getLocalPart())) {
            p = p.getParent();
        }
        if (p == null || p.getNodeKind() != Type.ELEMENT) {
            return true;
        }
        String ln = p.getLocalPart();
        return isDiv(ln) || BLOCK_PARENTS.contains(ln);
    }

    /** How a TEI element is walked; {@link Role#INLINE} for any element not named here. */
    static Role role(String localName) {
        Role r = ROLES.get(localName);
        return r == null ? Role.INLINE : r;
    }

    /** Whether the element is a division ({@code div} or {@code div0}..{@code div7}). */
    static boolean isDiv(String localName) {
        return localName.startsWith("div") && (localName.length() == 3
                || (localName.length() == 4 && Character.isDigit(localName.charAt(3))));
    }

    /** The level of a numbered division ({@code div2}: 2), or -1 for {@code div}. */
    static int numberedLevel(String localName) {
        return localName.length() == 4 ? localName.charAt(3) - '0' : -1;
    }
}
