package org.biglam.lam.edm.internal;

import java.util.HashMap;

/**
 * Label names made from a property's name ({@code edm:rights}, {@code dc:title@en}), made once per
 * document for each and then given again, instead of a new string (to hash and compare) for every
 * value. Bounded: a document of made-up properties or languages starts the table over.
 */
final class EdmLabels {

    private static final int MAX = 1024;

    private final HashMap<String, String> edm = new HashMap<>();
    private final HashMap<String, HashMap<String, String>> tagged = new HashMap<>();
    private int taggedCount;

    /** {@code edm:} and the local name. */
    String edm(String local) {
        String n = edm.get(local);
        if (n == null) {
            n = "edm:" + local;
            if (edm.size() >= MAX) {
                edm.clear();
            }
            edm.put(local, n);
        }
        return n;
    }

    /**
     * A property's label name with a language: {@code dc:title@en}.
     *
     * @param label the property's label name ({@code dc:title}, as {@link org.biglam.lam.spi.vocab.DublinCore#label} gives it)
     * @param lang the language tag, stripped
     * @return the name
     */
    String tagged(String label, String lang) {
        HashMap<String, String> byLang = tagged.get(label);
        if (byLang == null) {
            byLang = new HashMap<>(4);
            tagged.put(label, byLang);
        }
        String n = byLang.get(lang);
        if (n == null) {
            n = label + "@" + lang;
            if (++taggedCount > MAX) {
                tagged.clear();
                taggedCount = 0;
            } else {
                byLang.put(lang, n);
            }
        }
        return n;
    }
}
