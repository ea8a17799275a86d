package org.biglam.lam.spi;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.ReadLimits;
import org.codehaus.stax2.XMLInputFactory2;
import org.jspecify.annotations.Nullable;

/**
 * The fast StAX parser every lam XML reader reads with: Aalto, behind lam's own guards.
 *
 * <p>Aalto's raw event pass is the fastest of the three measured (about 1.6 times Woodstox's and
 * 2.8 times the JDK's, see {@code benchmarks/README.md}). It never reads a DTD, never expands an
 * entity but the five predefined ones (an undeclared one is an error, so no XXE and no entity bomb),
 * but has no limits of its own; {@link #factory(ReadLimits)} adds them: the readers it makes refuse,
 * at bounded cost, a document nested deeper than {@link ReadLimits#maxNestingDepth()}, a tag,
 * processing instruction or DTD longer than {@value #MAX_TOKEN_BYTES} bytes (or than
 * {@link ReadLimits#maxStringLength()}, if that is smaller: no attribute is longer), a text run, CDATA
 * section or comment longer than {@link ReadLimits#maxStringLength()} bytes (each is read to its end
 * as soon as the reader is on it), an element with more than {@value #MAX_ATTRIBUTES}
 * attributes, and a document with more than {@value #MAX_NAMES} distinct names or
 * {@value #MAX_PREFIXES} distinct namespace prefixes (Aalto's name table slows down quadratically
 * with the names it holds: 100,000 names in a megabyte hold it for a minute). Such a document fails
 * with an {@link javax.xml.stream.XMLStreamException} at the parser's line, column and byte offset,
 * which {@link XmlProblems} words as for any other parse error.
 *
 * <p>A reader whose own loop applies the same guards (lam-alto's ALTO pages, whose hot loop reads
 * attributes through Aalto's typed access) takes a {@link #documentFactory()} and a {@link Guard}.
 *
 * @since 0.1
 */
public final class AaltoXml {

    /** The longest tag (with its attributes), processing instruction or DTD, in bytes. */
    public static final int MAX_TOKEN_BYTES = 128 * 1024;
    /** The most distinct element and attribute local names one document may use. */
    public static final int MAX_NAMES = 2048;
    /** The most distinct namespace prefixes one document may declare. */
    public static final int MAX_PREFIXES = 256;
    /** The most attributes one element may have. */
    public static final int MAX_ATTRIBUTES = 10_000;
    /** The bytes of a document's start a guard keeps, to place the root element. */
    static final int HEAD_BYTES = 4096;

    private static final ConcurrentHashMap<ReadLimits, GuardedAalto> FACTORIES = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<ReadLimits, GuardedAalto> REPORTING = new ConcurrentHashMap<>();

    private AaltoXml() {
    }

    /**
     * The guarded Aalto factory for these limits, made once and shared (thread-safe): its stream
     * readers apply the limits the class comment lists, and intern names. It reads byte streams
     * only (Aalto decodes UTF-8, ISO-8859-1 and US-ASCII itself, other encodings through the JDK);
     * event readers, character streams and {@link javax.xml.transform.Source}s are not supported, nor
     * is changing its properties.
     *
     * @param limits the limits, for nesting depth and text sizes
     * @return the factory
     */
    public static XMLInputFactory factory(ReadLimits limits) {
        if (FACTORIES.size() > 16) {
            FACTORIES.clear();
        }
        return FACTORIES.computeIfAbsent(limits, l -> new GuardedAalto(l, false));
    }

    /**
     * The same guarded factory, but its readers report a reference to an entity other than the five
     * predefined ones (and character references, which are always replaced) as an
     * {@link javax.xml.stream.XMLStreamConstants#ENTITY_REFERENCE} event, its name
     * {@link javax.xml.stream.XMLStreamReader#getLocalName()}, instead of failing; nothing is ever
     * expanded, and a DTD's internal subset is the text of the
     * {@link javax.xml.stream.XMLStreamConstants#DTD} event. For a reader that fills in known
     * character entities itself (TEI's HTML entities) and refuses the ones a document declares. Such
     * a reference in an attribute value is still a parse error.
     *
     * @param limits the limits, as for {@link #factory(ReadLimits)}
     * @return the factory, made once and shared (thread-safe)
     */
    public static XMLInputFactory entityReportingFactory(ReadLimits limits) {
        if (REPORTING.size() > 16) {
            REPORTING.clear();
        }
        return REPORTING.computeIfAbsent(limits, l -> new GuardedAalto(l, true));
    }

    /**
     * A new, unguarded Aalto factory for one document, for a reader whose own loop applies a
     * {@link Guard} after every event: no DTD support, no external entities, namespace aware, names
     * interned (so they compare to literals by identity), text not coalesced. One per document, so
     * that Aalto's name table, shared by the readers of a factory, never outlives one document.
     *
     * @return a new factory
     */
    public static XMLInputFactory documentFactory() {
        return documentFactory(false);
    }

    /**
     * A reader for a loop that applies {@code guard} itself, as {@link #documentFactory()}'s readers
     * are set up, but from an Aalto factory shared by all such loops: its name table is warm with
     * the names of the documents read before (a new factory starts every document with an empty
     * one, which costs a page of OCR a few per cent), and is started over once the documents it
     * served have met {@value GuardedAalto#RENEW_AFTER_NAMES} distinct names between them, as
     * {@link #factory(ReadLimits)}'s is. Call {@link Guard#close()} when the document is done, so
     * that its names are counted.
     *
     * @param guard the document's guard, whose {@link Guard#stream()} the reader reads
     * @return the reader, Aalto's own (its Stax2 typed access available)
     * @throws XMLStreamException if the start of the document cannot be read
     */
    public static XMLStreamReader sharedReader(Guard guard) throws XMLStreamException {
        guard.shared = SHARED;
        return SHARED.aalto().createXMLStreamReader(guard.stream());
    }

    /** Where {@link #sharedReader} takes its readers from: unguarded Aalto, renewed as names add up. */
    static final GuardedAalto SHARED = new GuardedAalto(ReadLimits.defaults(), false);

    /** {@link #documentFactory()}, with entity references reported rather than refused when asked. */
    static XMLInputFactory documentFactory(boolean reportEntities) {
        XMLInputFactory f = new InputFactoryImpl();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, !reportEntities);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLInputFactory2.P_INTERN_NAMES, true);
        return f;
    }

    /**
     * The guards a loop over Aalto's events applies: the bytes any one token may take (through the
     * stream it wraps), and the distinct names and prefixes a document may use. Give the parser
     * {@link #stream()}, call {@link #event()} after every event, and {@link #name} and
     * {@link #prefix} for the names the document uses; a parse error while {@link #tripped()} is
     * the token limit. One per document; not thread-safe.
     */
    public static final class Guard {

        private final Bytes bytes;
        private final NameSet names;
        private final NameSet prefixes;
        /** The shared factory the reader came from, until {@link #close()}; null for any other. */
        @Nullable GuardedAalto shared;

        /**
         * Guards a stream.
         *
         * @param in the document's bytes
         * @param maxTokenBytes the most bytes the parser may read between two events
         * @param maxNames the most distinct element and attribute names
         * @param maxPrefixes the most distinct namespace prefixes
         */
        public Guard(InputStream in, long maxTokenBytes, int maxNames, int maxPrefixes) {
            this(in, maxTokenBytes, maxNames, maxPrefixes, false);
        }

        /** The same, keeping the document's first bytes for {@link #head} when asked. */
        Guard(InputStream in, long maxTokenBytes, int maxNames, int maxPrefixes, boolean keepHead) {
            this.bytes = new Bytes(in, maxTokenBytes, keepHead);
            this.names = new NameSet(maxNames);
            this.prefixes = new NameSet(maxPrefixes);
        }

        /** The stream to give the parser. @return it */
        public InputStream stream() {
            return bytes;
        }

        /** Marks an event: the bytes read so far belong to tokens the loop has seen. */
        public void event() {
            bytes.atEvent = bytes.read;
        }

        /**
         * Allows the parser {@code max} bytes from here to the next {@link #event()} (a text run),
         * instead of the token limit.
         *
         * @param max the bytes allowed
         */
        public void allow(long max) {
            bytes.allowed = max;
        }

        /** Whether a read was refused. @return true once the token limit was passed */
        public boolean tripped() {
            return bytes.tripped;
        }

        /** What the refused read would have passed, for messages. @return it, or null if none was refused */
        public @Nullable String refusal() {
            return bytes.refusal;
        }

        /**
         * A byte of the document's first {@value AaltoXml#HEAD_BYTES}, which a guard made by
         * {@link GuardedAalto} keeps (the prolog and the root's start tag, to place the root).
         *
         * @param offset the byte's offset in the document
         * @return the byte (0-255), or -1 if it is past what was kept or read
         */
        int head(long offset) {
            return offset >= 0 && offset < bytes.headLength ? bytes.head[(int) offset] & 0xff : -1;
        }

        /** The token limit, for messages. @return it */
        public long maxTokenBytes() {
            return bytes.maxBytes;
        }

        /**
         * Notes an element or attribute local name.
         *
         * @param name the name, as the parser gave it
         * @return false if the document now has more distinct names than allowed
         */
        public boolean name(String name) {
            return names.see(name);
        }

        /**
         * Notes a namespace prefix.
         *
         * @param prefix the prefix ("" or null for the default namespace)
         * @return false if the document now has more distinct prefixes than allowed
         */
        public boolean prefix(String prefix) {
            return prefixes.see(prefix == null ? "" : prefix);
        }

        /**
         * Ends the document: where its reader came from {@link AaltoXml#sharedReader}, its distinct
         * names and prefixes count towards starting the shared name table over. Once; later calls
         * do nothing.
         */
        public void close() {
            GuardedAalto s = shared;
            if (s != null) {
                shared = null;
                s.learnt(names.size() + prefixes.size());
            }
        }

        /** The names this guard has seen that were new to it. @return the count */
        int distinctNames() {
            return names.size();
        }

        /** The name bound, for messages. @return it */
        public int maxNames() {
            return names.max;
        }

        /** The prefix bound, for messages. @return it */
        public int maxPrefixes() {
            return prefixes.max;
        }
    }

    /**
     * Bounds what the parser may read between two of the events it reports: a read that would take
     * it more than the allowed bytes past the last event fails, so no single token makes the parser
     * buffer or scan without end before lam sees it.
     */
    private static final class Bytes extends FilterInputStream {
        /** The document's first bytes, kept only for a guard that places the root ({@link GuardedAalto}). */
        final byte[] head;
        int headLength;
        final long maxBytes;
        long allowed;
        long read;
        long atEvent;
        boolean tripped;
        @Nullable String refusal;

        Bytes(InputStream in, long maxBytes, boolean keepHead) {
            super(in);
            this.head = new byte[keepHead ? HEAD_BYTES : 0];
            this.maxBytes = maxBytes;
            this.allowed = maxBytes;
        }

        private void check() throws IOException {
            if (read - atEvent > allowed) {
                tripped = true;
                refusal = "an XML token (tag, comment or text run) longer than " + allowed + " bytes";
                throw new IOException(refusal);
            }
        }

        @Override
        public int read() throws IOException {
            check();
            int b = super.read();
            if (b >= 0) {
                if (headLength < head.length) {
                    head[headLength++] = (byte) b;
                }
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check();
            int n = super.read(b, off, len);
            if (n > 0) {
                if (headLength < head.length) {
                    int k = Math.min(n, head.length - headLength);
                    System.arraycopy(b, off, head, headLength, k);
                    headLength += k;
                }
                read += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            check();
            long s = super.skip(n);
            read += Math.max(0, s);
            return s;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /**
     * Counts distinct names. Aalto interns names, so a table of the identities seen (open
     * addressing) answers the common case without hashing the text; a new identity goes to a set
     * by value, so the count is right for any string (a parser that does not intern only makes the
     * table start over more often).
     */
    private static final class NameSet {
        private static final int MAX_TABLE = 4096;

        private String[] table = new String[128];
        private int used;
        private final java.util.HashSet<String> names = new java.util.HashSet<>();
        final int max;

        NameSet(int max) {
            this.max = max;
        }

        boolean see(String name) {
            String[] t = table;
            int mask = t.length - 1;
            int i = System.identityHashCode(name) & mask;
            for (String o = t[i]; o != null; o = t[i]) {
                if (o == name) {
                    return true;
                }
                i = (i + 1) & mask;
            }
            if (2 * (used + 1) > t.length) {
                table = new String[Math.min(MAX_TABLE, t.length * 2)];
                used = 0;
                if (table.length > t.length) {
                    for (String o : t) {
                        if (o != null) {
                            put(o);
                        }
                    }
                }
            } else {
                t[i] = name;
                used++;
                names.add(name);
                return names.size() <= max;
            }
            put(name);
            names.add(name);
            return names.size() <= max;
        }

        private void put(String name) {
            String[] t = table;
            int mask = t.length - 1;
            int i = System.identityHashCode(name) & mask;
            while (t[i] != null) {
                i = (i + 1) & mask;
            }
            t[i] = name;
            used++;
        }

        int size() {
            return names.size();
        }
    }
}
