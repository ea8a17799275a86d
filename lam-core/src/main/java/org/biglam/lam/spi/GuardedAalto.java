package org.biglam.lam.spi;

import java.io.InputStream;
import java.io.Reader;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.stream.EventFilter;
import javax.xml.stream.StreamFilter;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLReporter;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.XMLEventAllocator;
import javax.xml.transform.Source;
import org.biglam.lam.ReadLimits;
import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.util.StreamReader2Delegate;
import org.jspecify.annotations.Nullable;

/**
 * {@link AaltoXml#factory}'s factory and readers: Aalto's, with the guards after every event.
 *
 * <p>Aalto's readers share their factory's name table (each merges the names it learnt back when it
 * ends), so a stream of documents each with new names would grow it without end; the factory counts
 * the distinct names its readers met and starts over with a new Aalto factory past
 * {@link #RENEW_AFTER_NAMES}.
 */
final class GuardedAalto extends XMLInputFactory {

    /** Names (counted once per document) after which a new Aalto factory is taken. */
    static final int RENEW_AFTER_NAMES = 8192;

    private final ReadLimits limits;
    private final boolean reportEntities;
    private volatile XMLInputFactory aalto;
    private final AtomicInteger names = new AtomicInteger();

    GuardedAalto(ReadLimits limits, boolean reportEntities) {
        this.limits = limits;
        this.reportEntities = reportEntities;
        this.aalto = AaltoXml.documentFactory(reportEntities);
    }

    /** The Aalto factory its readers come from now (a new one once they have met too many names). */
    XMLInputFactory aalto() {
        if (names.get() > RENEW_AFTER_NAMES) {
            synchronized (this) {
                if (names.get() > RENEW_AFTER_NAMES) {
                    aalto = AaltoXml.documentFactory(reportEntities);
                    names.set(0);
                }
            }
        }
        return aalto;
    }

    void learnt(int n) {
        names.addAndGet(n);
    }

    /** The names counted since the last new Aalto factory, for tests. */
    int names() {
        aalto();
        return names.get();
    }

    /** A document's guard: its tags no longer than the token limit, nor than the longest string allowed. */
    private AaltoXml.Guard guard(InputStream in) {
        return new AaltoXml.Guard(in, Math.min(AaltoXml.MAX_TOKEN_BYTES, limits.maxStringLength()), AaltoXml.MAX_NAMES,
                AaltoXml.MAX_PREFIXES, true);
    }

    @Override
    public XMLStreamReader createXMLStreamReader(InputStream stream) throws XMLStreamException {
        AaltoXml.Guard g = guard(stream);
        return new Reader2(this, (XMLStreamReader2) aalto().createXMLStreamReader(g.stream()), g, limits);
    }

    @Override
    public XMLStreamReader createXMLStreamReader(InputStream stream, String encoding) throws XMLStreamException {
        AaltoXml.Guard g = guard(stream);
        return new Reader2(this, (XMLStreamReader2) aalto().createXMLStreamReader(g.stream(), encoding), g, limits);
    }

    @Override
    public XMLStreamReader createXMLStreamReader(String systemId, InputStream stream) throws XMLStreamException {
        AaltoXml.Guard g = guard(stream);
        return new Reader2(this, (XMLStreamReader2) aalto().createXMLStreamReader(systemId, g.stream()), g, limits);
    }

    private static UnsupportedOperationException bytesOnly() {
        return new UnsupportedOperationException("lam's Aalto factory reads byte streams only");
    }

    @Override
    public XMLStreamReader createXMLStreamReader(Reader reader) {
        throw bytesOnly();
    }

    @Override
    public XMLStreamReader createXMLStreamReader(Source source) {
        throw bytesOnly();
    }

    @Override
    public XMLStreamReader createXMLStreamReader(String systemId, Reader reader) {
        throw bytesOnly();
    }

    @Override
    public XMLEventReader createXMLEventReader(Reader reader) {
        throw bytesOnly();
    }

    @Override
    public XMLEventReader createXMLEventReader(String systemId, Reader reader) {
        throw bytesOnly();
    }

    @Override
    public XMLEventReader createXMLEventReader(XMLStreamReader reader) {
        throw bytesOnly();
    }

    @Override
    public XMLEventReader createXMLEventReader(Source source) {
        throw bytesOnly();
    }

    @Override
    public XMLEventReader createXMLEventReader(InputStream stream) {
        throw bytesOnly();
    }

    @Override
    public XMLEventReader createXMLEventReader(InputStream stream, String encoding) {
        throw bytesOnly();
    }

    @Override
    public XMLEventReader createXMLEventReader(String systemId, InputStream stream) {
        throw bytesOnly();
    }

    @Override
    public XMLStreamReader createFilteredReader(XMLStreamReader reader, StreamFilter filter) {
        throw bytesOnly();
    }

    @Override
    public XMLEventReader createFilteredReader(XMLEventReader reader, EventFilter filter) {
        throw bytesOnly();
    }

    @Override
    public @Nullable XMLResolver getXMLResolver() {
        return null;
    }

    @Override
    public void setXMLResolver(XMLResolver resolver) {
        throw shared();
    }

    @Override
    public @Nullable XMLReporter getXMLReporter() {
        return null;
    }

    @Override
    public void setXMLReporter(XMLReporter reporter) {
        throw shared();
    }

    @Override
    public void setProperty(String name, Object value) {
        throw shared();
    }

    @Override
    public Object getProperty(String name) {
        return aalto.getProperty(name);
    }

    @Override
    public boolean isPropertySupported(String name) {
        return aalto.isPropertySupported(name);
    }

    @Override
    public void setEventAllocator(XMLEventAllocator allocator) {
        throw shared();
    }

    @Override
    public @Nullable XMLEventAllocator getEventAllocator() {
        return null;
    }

    private static IllegalStateException shared() {
        return new IllegalStateException("lam's Aalto factory is shared and set up once");
    }

    /** Aalto's reader with the guards applied after every event. */
    static final class Reader2 extends StreamReader2Delegate {
        private final GuardedAalto factory;
        private final AaltoXml.Guard guard;
        private final int maxDepth;
        private final long maxText;
        private int depth;
        private boolean counted;
        private boolean rootSeen;
        private javax.xml.stream.@Nullable Location rootLocation;

        Reader2(GuardedAalto factory, XMLStreamReader2 aalto, AaltoXml.Guard guard, ReadLimits limits) {
            super(aalto);
            this.factory = factory;
            this.guard = guard;
            this.maxDepth = limits.maxNestingDepth();
            this.maxText = limits.maxStringLength();
            guard.event();
        }

        @Override
        public int next() throws XMLStreamException {
            int ev;
            try {
                ev = super.next();
            } catch (XMLStreamException e) {
                throw failed(e);
            } catch (RuntimeException e) {
                throw failed(unchecked(e));
            }
            guard.event();
            rootLocation = null;
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT:
                    started();
                    if (!rootSeen) {
                        rootSeen = true;
                        rootLocation = rootStart();
                    }
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    depth--;
                    break;
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.SPACE:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.COMMENT:
                    finishText();
                    break;
                case XMLStreamConstants.END_DOCUMENT:
                    count();
                    break;
                default:
                    break;
            }
            return ev;
        }

        /**
         * Where the root element starts. Aalto gives the root's start tag the place where the
         * white space before it begins (the end of the XML declaration or of a comment, or the
         * document's start), so a root on line 2 would be said to be on line 1; the guard's copy of
         * the document's first bytes tells how much white space to step over. Null (Aalto's own
         * place stands) when the bytes there are not white space and then {@code <} (a document
         * in UTF-16, or a root past the bytes kept).
         */
        private javax.xml.stream.@Nullable Location rootStart() {
            javax.xml.stream.Location at = super.getLocation();
            int offset = at.getCharacterOffset();
            int line = at.getLineNumber();
            int column = at.getColumnNumber();
            int i = offset;
            for (int b = guard.head(i); b != '<'; b = guard.head(i)) {
                if (b == ' ' || b == '\t') {
                    column++;
                } else if (b == '\n' || b == '\r') {
                    if (b == '\r' && guard.head(i + 1) == '\n') {
                        i++;
                    }
                    line++;
                    column = 1;
                } else {
                    return null;
                }
                i++;
            }
            return i == offset ? null : new RootLocation(at, line, column, i);
        }

        @Override
        public javax.xml.stream.Location getLocation() {
            javax.xml.stream.Location root = rootLocation;
            return root != null ? root : super.getLocation();
        }

        /** Checks a start tag: depth, the number of attributes, names and prefixes. */
        private void started() throws XMLStreamException {
            if (++depth > maxDepth) {
                throw limit("XML nested deeper than " + maxDepth);
            }
            if (!guard.name(getLocalName())) {
                throw limit("more than " + guard.maxNames() + " distinct element and attribute names");
            }
            int n = getAttributeCount();
            if (n > AaltoXml.MAX_ATTRIBUTES) {
                throw limit("an element with more than " + AaltoXml.MAX_ATTRIBUTES + " attributes");
            }
            for (int i = 0; i < n; i++) {
                if (!guard.name(getAttributeLocalName(i))) {
                    throw limit("more than " + guard.maxNames() + " distinct element and attribute names");
                }
            }
            int ns = getNamespaceCount();
            for (int i = 0; i < ns; i++) {
                if (!guard.prefix(getNamespacePrefix(i))) {
                    throw limit("more than " + guard.maxPrefixes() + " distinct namespace prefixes");
                }
            }
        }

        /**
         * Reads a text run, CDATA section or comment to its end now, which Aalto would otherwise do
         * lazily in the next call, together with the next tag: the run may take up to the longest
         * string allowed, the tag after it only the token limit.
         */
        private void finishText() throws XMLStreamException {
            guard.allow(maxText);
            try {
                getTextLength();
            } catch (RuntimeException e) {
                throw failed(unchecked(e));
            } finally {
                guard.allow(guard.maxTokenBytes());
            }
            guard.event();
        }

        private void count() {
            if (!counted) {
                counted = true;
                factory.learnt(guard.distinctNames());
            }
        }

        /**
         * What Aalto threw unchecked while it read, as the parse error it is: a lazy read's wrapped
         * error, or Aalto's own refusal of a name it cannot bind (a plain {@code RuntimeException}
         * for an element named {@code xmlns:x}), placed where the parser stands.
         */
        private XMLStreamException unchecked(RuntimeException e) {
            XMLStreamException x = XmlProblems.parseError(e);
            if (x != null) {
                return x;
            }
            if (e instanceof org.biglam.lam.LamException) {
                throw e;
            }
            return new XMLStreamException(XmlProblems.reason(e), location(), e);
        }

        private XMLStreamException failed(XMLStreamException e) {
            if (guard.tripped()) {
                return new XMLStreamException(guard.refusal(),
                        e.getLocation() != null ? e.getLocation() : location(), e);
            }
            return e;
        }

        private javax.xml.stream.@Nullable Location location() {
            try {
                return getLocation();
            } catch (RuntimeException e) {
                return null;
            }
        }

        private XMLStreamException limit(String what) {
            return new XMLStreamException(what, location());
        }

        @Override
        public int nextTag() throws XMLStreamException {
            int ev = next();
            while (ev == XMLStreamConstants.CHARACTERS && isWhiteSpace() || ev == XMLStreamConstants.CDATA && isWhiteSpace()
                    || ev == XMLStreamConstants.SPACE || ev == XMLStreamConstants.PROCESSING_INSTRUCTION
                    || ev == XMLStreamConstants.COMMENT) {
                ev = next();
            }
            if (ev != XMLStreamConstants.START_ELEMENT && ev != XMLStreamConstants.END_ELEMENT) {
                throw new XMLStreamException("expected a start or end tag, not text", location());
            }
            return ev;
        }

        @Override
        public String getElementText() throws XMLStreamException {
            if (getEventType() != XMLStreamConstants.START_ELEMENT) {
                throw new XMLStreamException("not on a start tag", location());
            }
            StringBuilder b = null;
            String first = null;
            int ev = next();
            while (ev != XMLStreamConstants.END_ELEMENT) {
                if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                        || ev == XMLStreamConstants.SPACE || ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    if (first == null) {
                        first = getText();
                    } else {
                        if (b == null) {
                            b = new StringBuilder(first);
                        }
                        b.append(getText());
                    }
                } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                    throw new XMLStreamException("the document ends inside an element", location());
                } else if (ev == XMLStreamConstants.START_ELEMENT) {
                    throw new XMLStreamException("an element inside an element read as text only", location());
                }
                ev = next();
            }
            return b != null ? b.toString() : first == null ? "" : first;
        }

        @Override
        public void skipElement() throws XMLStreamException {
            if (getEventType() != XMLStreamConstants.START_ELEMENT) {
                throw new IllegalStateException("not on a start tag");
            }
            XmlStreams.skipElement(this::next);
        }

        @Override
        public void close() throws XMLStreamException {
            count();
            super.close();
        }
    }

    /** The root element's place, in the shape of a StAX location. */
    private record RootLocation(javax.xml.stream.Location parser, int line, int column, int offset)
            implements javax.xml.stream.Location {

        @Override
        public int getLineNumber() {
            return line;
        }

        @Override
        public int getColumnNumber() {
            return column;
        }

        @Override
        public int getCharacterOffset() {
            return offset;
        }

        @Override
        public @Nullable String getPublicId() {
            return parser.getPublicId();
        }

        @Override
        public @Nullable String getSystemId() {
            return parser.getSystemId();
        }
    }
}
