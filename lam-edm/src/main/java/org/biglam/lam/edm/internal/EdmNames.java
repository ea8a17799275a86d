package org.biglam.lam.edm.internal;

import org.biglam.lam.spi.XmlNames;
import org.biglam.lam.spi.vocab.DublinCore;

/**
 * The names {@link EdmParser} reads, in forms it compares fast: the namespaces it knows as its own
 * constants (so that a namespace the parser gave compares to them by identity once looked up), and
 * the RDF and XML attributes it reads as small numbers.
 */
final class EdmNames {

    static final int ABOUT = 0;
    static final int ID = 1;
    static final int NODE_ID = 2;
    static final int RESOURCE = 3;
    /** {@code xml:lang}; the others are RDF's. */
    static final int LANG = 4;
    static final int PARSE_TYPE = 5;
    /** How many attributes are read. */
    static final int ATTRIBUTES = 6;

    private static final XmlNames ATTRIBUTE_NAMES = new XmlNames("about", "ID", "nodeID", "resource", "lang",
            "parseType");

    private static final String[] NAMESPACES = {EdmParser.RDF, EdmParser.EDM, EdmParser.ORE, EdmParser.SKOS,
        EdmParser.FOAF, EdmParser.SVCS, EdmParser.EBUCORE, EdmParser.XML_NS, DublinCore.DC, DublinCore.DCTERMS};

    private EdmNames() {
    }

    /**
     * An attribute's number.
     *
     * @param local its local name
     * @return {@link #ABOUT} .. {@link #PARSE_TYPE}, or -1 if the mapping does not read it
     */
    static int attribute(String local) {
        return ATTRIBUTE_NAMES.code(local) - 1;
    }

    /**
     * A namespace as the constant it equals, or itself.
     *
     * @param ns a namespace, not null
     * @return the constant, or {@code ns}
     */
    static String namespace(String ns) {
        for (String c : NAMESPACES) {
            if (c.equals(ns)) {
                return c;
            }
        }
        return ns;
    }
}
