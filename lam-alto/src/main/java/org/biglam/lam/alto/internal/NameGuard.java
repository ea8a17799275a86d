package org.biglam.lam.alto.internal;

import java.util.HashSet;
import java.util.Set;

/**
 * Counts the distinct element and attribute names of one document and refuses a document with
 * more than a bound: Aalto's name table slows down quadratically past some tens of thousands of
 * distinct names, so a document made of new names (a few megabytes) could hold a reader for minutes.
 * Real ALTO uses a few dozen names. Where the parser interns names (Aalto, see
 * {@link ParserFastPaths#internsNames()}) a small direct-mapped cache of identities answers the
 * common case without hashing the text; a miss goes to a set, so the count is right for any parser.
 */
final class NameGuard {

    private static final int SLOTS = 64;

    private final String[] cache = new String[SLOTS];
    private final Set<String> names = new HashSet<>();
    private final int max;

    NameGuard(int max) {
        this.max = max;
    }

    /**
     * Notes a name.
     *
     * @return false if the document now has more distinct names than allowed
     */
    boolean see(String name) {
        int slot = System.identityHashCode(name) & (SLOTS - 1);
        if (cache[slot] == name) {
            return true;
        }
        cache[slot] = name;
        names.add(name);
        return names.size() <= max;
    }

    /** The bound, for messages. */
    int max() {
        return max;
    }
}
