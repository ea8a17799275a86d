package org.biglam.lam.oai.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.biglam.lam.Labels;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.spi.EmbeddedXmlReader;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.AaltoXml;
import org.biglam.lam.spi.XmlProblems;
import org.biglam.lam.spi.XmlRecordReader;
import org.biglam.lam.spi.XmlStreams;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * Reads one OAI-PMH response, record by record, without holding it: {@code ListRecords} and
 * {@code GetRecord} records (each {@code metadata} payload handed to the
 * {@link EmbeddedXmlReader} of its namespace), {@code ListIdentifiers} headers, {@code ListSets}
 * sets, {@code ListMetadataFormats} formats and {@code Identify}'s description, a bare
 * {@code record} cut out of a response, and OAI {@code error}s ({@code noRecordsMatch} is an empty
 * result, any other a located problem). Deleted records are counted and left out, or emitted
 * flagged ({@code oai.deleted=emit}). With {@code oai.lenient=true} the well-known prefixes are
 * bound on the page's root, for payloads whose declarations were lost; strictly, an unbound prefix
 * is a located problem naming that option.
 */
public final class OaiReader implements FormatReader {

    /** The OAI-PMH 2.0 namespace. */
    public static final String NS = "http://www.openarchives.org/OAI/2.0/";
    /** The format id of records made from the envelope alone. */
    public static final String FORMAT = "oai-pmh";

    private final ReadContext ctx;
    private final XMLStreamReader2 xml;
    private final String name;
    private final boolean emitDeleted;
    /** The lenient setting to name when a prefix is unbound; null when reading leniently. */
    private final String lenientHint;
    private final Deque<LamRecord> pending = new ArrayDeque<>(2);
    private boolean done;
    private long index;
    private long deleted;
    private String requestToken;
    /** The verb the response answers, as its {@code request} element says. */
    private String requestVerb;
    /** The element below the root being read: ListRecords, GetRecord, Identify, ... */
    private String container;
    /**
     * 1 where the root is not {@code OAI-PMH}: a verb's element ({@code ListRecords}) cut out of its
     * response, or a harvester's root of the records it kept; else 0.
     */
    private int shift;

    /**
     * Opens a reader over a response.
     *
     * @param in the bytes; not closed
     * @param ctx the context
     * @throws IOException if reading the page's head fails (lenient reading only)
     */
    public OaiReader(InputStream in, ReadContext ctx) throws IOException {
        this.ctx = ctx;
        this.name = ctx.input().name();
        this.emitDeleted = OaiSettings.emitDeleted(ctx.options());
        boolean lenient = OaiSettings.lenient(ctx.options());
        this.lenientHint = lenient ? null : OaiSettings.LENIENT;
        this.xml = (XMLStreamReader2) XmlRecordReader.open(AaltoXml.factory(ctx.limits()), in, lenient,
                ctx.location().withIndex(0), lenientHint);
    }

    /** A located problem from a parser's error: the line, and the page's token where known. */
    private LamFormatException located(XMLStreamException e) {
        LamFormatException p = XmlRecordReader.malformed(ctx.location().withIndex(index), e, xml, lenientHint);
        return requestToken == null ? p
                : new LamFormatException(p.reason() + tokenNote(), p.location().orElse(ctx.location()), e);
    }

    private String tokenNote() {
        return requestToken == null ? "" : " (page of resumptionToken " + requestToken + ")";
    }

    @Override
    public LamRecord next() throws IOException {
        while (pending.isEmpty()) {
            if (done) {
                return null;
            }
            try {
                step();
            } catch (XMLStreamException | RuntimeException e) {
                XMLStreamException x = XmlProblems.asParseError(e); // anything else goes on as thrown
                done = true;
                throw located(x);
            }
        }
        return pending.poll();
    }

    /** Reads up to the next thing that makes records, or the end. */
    private void step() throws XMLStreamException {
        while (xml.hasNext()) {
            int e = xml.next();
            if (e == XMLStreamConstants.END_ELEMENT && xml.getDepth() <= 1) {
                break; // the root's end: junk some servers append after it is not read
            }
            if (e != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String local = xml.getLocalName();
            int depth = xml.getDepth() + shift;
            if (depth == 1) {
                if (local.equals("record") || local.equals("header")) {
                    item(local);
                    return;
                }
                if (!local.equals("OAI-PMH")) {
                    // a verb's element cut out of its response (<ListRecords> as the root), or a
                    // harvester's root of the records it kept: the records stand one level higher
                    container = local;
                    shift = 1;
                }
                continue;
            }
            if (depth == 2) {
                switch (local) {
                    case "request":
                        requestToken = xml.getAttributeValue(null, "resumptionToken");
                        requestVerb = xml.getAttributeValue(null, "verb");
                        break;
                    case "error":
                        error();
                        break;
                    default:
                        container = local;
                        break;
                }
                continue;
            }
            if (depth == 3) {
                switch (local) {
                    case "record":
                    case "header":
                    case "set":
                    case "metadataFormat":
                        item(local);
                        return;
                    case "resumptionToken":
                        xml.getElementText();
                        break;
                    default:
                        if ("Identify".equals(container)) {
                            // Identify's fields are read as one record at its end
                            identifyField(local);
                        }
                        break;
                }
            }
        }
        finish();
    }

    private LamRecord.Builder identify;

    private void identifyField(String local) throws XMLStreamException {
        if (local.equals("description")) {
            skip();
            return;
        }
        String v = xml.getElementText().strip();
        if (identify == null) {
            identify = LamRecord.builder(name + "#identify", FORMAT).source(ctx.source(index, -1, line()));
        }
        identify.label("oai:" + local, v);
        if (local.equals("repositoryName")) {
            identify.label(Labels.TITLE, v);
        } else if (local.equals("baseURL")) {
            identify.label(Labels.IDENTIFIER, v);
            identify.id(v);
        }
    }

    private void finish() {
        done = true;
        if (identify != null) {
            pending.add(identify.build());
            identify = null;
            index++;
        }
        if (deleted > 0 && !emitDeleted) {
            ctx.warn("deleted", deleted + " deleted record" + (deleted == 1 ? "" : "s") + " left out"
                    + tokenNote() + " (oai.deleted=emit gives them, flagged)", ctx.location());
        }
    }

    private long line() {
        return xml.getLocation().getLineNumber();
    }

    private void error() throws XMLStreamException {
        long line = line();
        String code = xml.getAttributeValue(null, "code");
        String text = xml.getElementText().strip();
        if ("noRecordsMatch".equals(code) || "noSetHierarchy".equals(code) && "ListSets".equals(requestVerb)) {
            return; // an empty result: no records, or no sets to list
        }
        ctx.problem(new LamFormatException("OAI-PMH error " + code + (text.isEmpty() ? "" : ": " + text) + tokenNote(),
                ctx.location().withLine(line, -1)));
    }

    /** One record, header, set or metadata format, standing on its start. */
    private void item(String local) throws XMLStreamException {
        long line = line();
        switch (local) {
            case "record":
                record(line);
                break;
            case "header": {
                LamRecord.Builder b = LamRecord.builder(name + "#" + index, FORMAT).source(ctx.source(index, -1, line));
                boolean del = header(b);
                if (del) {
                    deleted++;
                    if (!emitDeleted) {
                        return;
                    }
                }
                emit(b.build());
                break;
            }
            case "set":
                simple(line, "setSpec", "setName", "oai:set");
                break;
            default:
                simple(line, "metadataPrefix", null, "oai:metadataFormat");
                break;
        }
    }

    private void emit(LamRecord r) {
        pending.add(r);
        index++;
    }

    /** A set or a metadata format: its fields as labels, its key as id. */
    private void simple(long line, String key, String title, String kind) throws XMLStreamException {
        LamRecord.Builder b = LamRecord.builder(name + "#" + index, FORMAT).source(ctx.source(index, -1, line));
        b.label("oai:kind", kind.substring(4));
        int depth = xml.getDepth();
        while (true) {
            int e = xml.next();
            if (e == XMLStreamConstants.END_ELEMENT && xml.getDepth() == depth) {
                break;
            }
            if (e == XMLStreamConstants.START_ELEMENT && xml.getDepth() == depth + 1) {
                String local = xml.getLocalName();
                if (local.equals("setDescription")) {
                    b.label(Labels.DESCRIPTION, text());
                    continue;
                }
                String v = xml.getElementText().strip();
                b.label("oai:" + local, v);
                if (local.equals(key) && !v.isEmpty()) {
                    b.id(v);
                    b.label(Labels.IDENTIFIER, v);
                }
                if (local.equals(title)) {
                    b.label(Labels.TITLE, v);
                }
            }
        }
        emit(b.build());
    }

    /** The text of an element and its descendants, one line; leaves the parser on its end. */
    private String text() throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = xml.getDepth();
        while (true) {
            int e = xml.next();
            if (e == XMLStreamConstants.END_ELEMENT && xml.getDepth() == depth) {
                break;
            }
            if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
                sb.append(xml.getText()).append(' ');
            }
        }
        return sb.toString().replaceAll("\\s+", " ").strip();
    }

    /**
     * A header's labels into a builder (its id the OAI identifier); leaves the parser on its end.
     *
     * @return whether the header says the record is deleted
     */
    private boolean header(LamRecord.Builder b) throws XMLStreamException {
        boolean del = "deleted".equals(xml.getAttributeValue(null, "status"));
        if (del) {
            b.label("oai:status", "deleted");
        }
        if (requestToken != null) {
            b.label("oai:token", requestToken);
        }
        int depth = xml.getDepth();
        while (true) {
            int e = xml.next();
            if (e == XMLStreamConstants.END_ELEMENT && xml.getDepth() == depth) {
                break;
            }
            if (e == XMLStreamConstants.START_ELEMENT) {
                String local = xml.getLocalName();
                String v = xml.getElementText().strip();
                if (v.isEmpty()) {
                    continue;
                }
                switch (local) {
                    case "identifier":
                        b.id(v);
                        b.label("oai:identifier", v);
                        break;
                    case "datestamp":
                        b.label("oai:datestamp", v);
                        break;
                    case "setSpec":
                        b.label("oai:setSpec", v);
                        break;
                    default:
                        b.label("oai:" + local, v);
                        break;
                }
            }
        }
        return del;
    }

    /** A {@code record}: header, then its payload handed to the reader of its namespace. */
    private void record(long line) throws XMLStreamException {
        int depth = xml.getDepth();
        LamRecord.Builder b = LamRecord.builder(name + "#" + index, FORMAT).source(ctx.source(index, -1, line));
        boolean del = false;
        boolean payload = false;
        while (true) {
            int e = xml.next();
            if (e == XMLStreamConstants.END_ELEMENT && xml.getDepth() == depth) {
                break;
            }
            if (e != XMLStreamConstants.START_ELEMENT || xml.getDepth() != depth + 1) {
                continue;
            }
            String local = xml.getLocalName();
            if (local.equals("header")) {
                del = header(b);
                if (del) {
                    deleted++;
                }
            } else if (local.equals("metadata") && !del) {
                payload = metadata(b, line) || payload;
            } else {
                skip(); // about, or the metadata of a deleted record
            }
        }
        if (del && emitDeleted) {
            emit(b.build());
        } else if (!del && !payload) {
            emit(b.build());
        }
    }

    /**
     * A {@code metadata} element: its first child handed to the reader of its namespace; a
     * payload no reader takes gives the header's record and a warning.
     *
     * @return whether records were made from the payload
     */
    private boolean metadata(LamRecord.Builder b, long line) throws XMLStreamException {
        int depth = xml.getDepth();
        boolean made = false;
        while (true) {
            int e = xml.next();
            if (e == XMLStreamConstants.END_ELEMENT && xml.getDepth() == depth) {
                return made;
            }
            if (e != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (made) {
                skip();
                continue;
            }
            String ns = xml.getNamespaceURI();
            String local = xml.getLocalName();
            Optional<EmbeddedXmlReader> reader = payloadReader(ns, local);
            LamRecord envelope = b.build();
            if (reader.isEmpty()) {
                ctx.warn("unknown-metadata", "no module reads metadata <" + local + "> in namespace '"
                        + (ns == null ? "" : ns) + "' of record " + envelope.id() + ": the record has the header's labels only",
                        ctx.location().withIndex(index).withRecordId(envelope.id()).withLine(line, -1));
                skip();
                continue;
            }
            int at = xml.getDepth();
            long before = index;
            try {
                reader.get().read(xml, envelope, ctx, this::emit);
                made = index > before;
            } catch (RuntimeException ex) {
                if (XmlProblems.parseError(ex) != null) {
                    throw XmlProblems.parseError(ex); // the page is malformed, not the record
                }
                // the payload's reader failed on this record: the rest of the payload is passed over
                ctx.problem(payloadProblem(reader.get().format(), envelope.id(), line, ex));
                while (!(xml.getEventType() == XMLStreamConstants.END_ELEMENT && xml.getDepth() == at)) {
                    xml.next();
                }
                made = true;
            }
        }
    }

    /**
     * The problem of a payload its reader failed on: a problem the reader located (a limit passed, at
     * the line and offset where it was) keeps its kind and place, given the record's index and id;
     * any other failure is placed at the record's line.
     */
    private LamFormatException payloadProblem(String format, String id, long line, RuntimeException ex) {
        String what = "cannot read the " + format + " metadata of record " + id + tokenNote() + ": ";
        Location at = ctx.location().withIndex(index).withRecordId(id).withLine(line, -1);
        if (ex instanceof LamFormatException) {
            LamFormatException lf = (LamFormatException) ex;
            Location own = lf.location().filter(l -> l.line().isPresent())
                    .map(l -> l.withIndex(index).withRecordId(id)).orElse(at);
            return lf instanceof LamLimitExceededException
                    ? new LamLimitExceededException(what + lf.reason(), own, ex)
                    : new LamFormatException(what + lf.reason(), own, ex);
        }
        return new LamFormatException(what + ex, at, ex);
    }

    /** The last payload's namespace, name and reader: a page's payloads are mostly of one kind. */
    private String lastNs;
    private String lastLocal;
    private Optional<EmbeddedXmlReader> lastReader;

    private Optional<EmbeddedXmlReader> payloadReader(String ns, String local) {
        if (lastReader == null || !local.equals(lastLocal) || !Objects.equals(ns, lastNs)) {
            lastReader = EmbeddedXmlReader.find(ns, local);
            lastNs = ns;
            lastLocal = local;
        }
        return lastReader;
    }

    private void skip() throws XMLStreamException {
        XmlStreams.skipElement(xml);
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // the stream is lam's
        }
    }
}
