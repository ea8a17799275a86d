package org.biglam.lam.spi;

import java.util.Arrays;

/**
 * A fixed set of element (or attribute) local names as small numbers, for a reader that dispatches on
 * names with a {@code switch} over ints and keeps bit sets of its open elements, instead of chains of
 * string comparisons. The names Aalto gives are interned ({@link AaltoXml}), so a lookup is usually
 * the name's cached hash and one identity compare; any other string is compared by value, so the
 * answer is right for any parser. Immutable and thread-safe: one per format, made once.
 *
 * @since 0.1
 */
public final class XmlNames {

    private final String[] keys;
    private final int[] codes;

    /**
     * Numbers names in order: the first is 1, the second 2, and so on; a name not given is 0.
     *
     * @param names the names, distinct
     * @throws IllegalArgumentException if a name is given twice
     */
    public XmlNames(String... names) {
        int size = Integer.highestOneBit(Math.max(4, names.length) * 4);
        keys = new String[size];
        codes = new int[size];
        for (int c = 0; c < names.length; c++) {
            String n = names[c].intern();
            int i = n.hashCode() & (size - 1);
            while (keys[i] != null) {
                if (keys[i].equals(n)) {
                    throw new IllegalArgumentException("name given twice: " + n);
                }
                i = (i + 1) & (size - 1);
            }
            keys[i] = n;
            codes[i] = c + 1;
        }
    }

    /**
     * A name's number.
     *
     * @param name a local name; may be null
     * @return its number (1 for the first name given), or 0 if it is not one of the names
     */
    public int code(String name) {
        if (name == null) {
            return 0;
        }
        String[] k = keys;
        int mask = k.length - 1;
        for (int i = name.hashCode() & mask; ; i = (i + 1) & mask) {
            String o = k[i];
            if (o == null) {
                return 0;
            }
            if (o == name || o.equals(name)) {
                return codes[i];
            }
        }
    }

    @Override
    public String toString() {
        return "XmlNames" + Arrays.toString(Arrays.stream(keys).filter(k -> k != null).toArray());
    }
}
