package org.biglam.lam.marc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.marc.MarcOptions;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.SecureXml;
import org.marc4j.marc.impl.ControlFieldImpl;
import org.marc4j.marc.impl.DataFieldImpl;
import org.marc4j.marc.impl.LeaderImpl;
import org.marc4j.marc.impl.RecordImpl;
import org.marc4j.marc.impl.SubfieldImpl;

/**
 * Reads MARCXML with StAX, one record at a time in constant memory: a {@code collection}, a single
 * {@code record}, with or without the MARC namespace (a {@code record} element of any namespace
 * whose children are MARCXML's is read), or wrapped in OAI-PMH or SRU responses.
 * Records are built as marc4j records. Dublin Core records ({@code oai_dc:dc}) in an OAI-PMH
 * response are read too, straight to labels.
 */
public final class MarcXmlRecordReader implements FormatReader {

    /** The MARCXML namespace. */
    public static final String MARC_NS = "http://www.loc.gov/MARC21/slim";
    static final String OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    private static final String DEFAULT_LEADER = "00000nam a2200000 a 4500";
    private static final java.util.Set<String> WRAPPERS = java.util.Set.of("header", "metadata", "about",
            "recordData", "recordSchema", "recordPacking", "recordPosition", "extraRecordData");

    private final XMLStreamReader x;
    private final ReadContext ctx;
    private final MarcRecords records;
    private final String format;
    private long index;
    private String oaiIdentifier;
    private boolean inHeader;

    /**
     * Creates a reader.
     *
     * @param in the bytes; not closed by this reader
     * @param ctx the context
     * @param format the format id records carry
     * @param options the options
     * @throws LamFormatException if the XML cannot be started
     */
    public MarcXmlRecordReader(InputStream in, ReadContext ctx, String format, MarcOptions options) {
        this.ctx = ctx;
        this.format = format;
        this.records = new MarcRecords(ctx, format, options);
        XMLInputFactory f = SecureXml.inputFactory(ctx.limits());
        try {
            this.x = f.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    private LamFormatException malformed(XMLStreamException e) {
        Location loc = ctx.location();
        if (e.getLocation() != null) {
            loc = loc.withLine(e.getLocation().getLineNumber(), e.getLocation().getColumnNumber());
        }
        String m = e.getMessage() == null ? e.toString() : e.getMessage().replaceFirst("^ParseError at \\[[^]]*]\\s*", "");
        return new LamFormatException("malformed XML: " + m.replace("\nMessage: ", ""), loc, e);
    }

    @Override
    public LamRecord next() throws IOException {
        try {
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.END_ELEMENT && "header".equals(x.getLocalName())) {
                    inHeader = false;
                }
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String ln = x.getLocalName();
                String ns = x.getNamespaceURI();
                if (ns == null) {
                    ns = "";
                }
                if (ln.equals("record")) {
                    long line = x.getLocation().getLineNumber();
                    long idx = index;
                    Result r = readRecord();
                    if (r == null) {
                        continue;
                    }
                    index++;
                    if (r.problem != null) {
                        ctx.problem(new LamFormatException(r.problem, ctx.location().withIndex(idx)
                                .withLine(line, -1).withRecordId(r.rec.getControlNumber())));
                        continue;
                    }
                    if (r.warning != null) {
                        ctx.warn("damaged", r.warning, ctx.location().withIndex(idx).withLine(line, -1));
                    }
                    return records.toLamRecord(r.rec, idx, -1, line);
                } else if (ln.equals("header")) {
                    inHeader = true;
                    oaiIdentifier = null;
                } else if (inHeader && ln.equals("identifier")) {
                    oaiIdentifier = x.getElementText().strip();
                    inHeader = true;
                } else if (ln.equals("dc") && ns.equals(OAI_DC_NS)) {
                    long line = x.getLocation().getLineNumber();
                    long idx = index++;
                    return dublinCore(idx, line);
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    private static final class Result {
        RecordImpl rec;
        String problem;
        String warning;
    }

    /** Reads a record element; null if it turns out not to be a MARC record (an OAI record). */
    private Result readRecord() throws XMLStreamException {
        Result r = new Result();
        RecordImpl rec = new RecordImpl();
        r.rec = rec;
        boolean seen = false;
        String leader = null;
        int depth = 1;
        DataFieldImpl df = null;
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (depth == 0) {
                    break;
                }
                if (depth == 1) {
                    df = null;
                }
                continue;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String ln = x.getLocalName();
            if (depth == 1) {
                if (!seen && WRAPPERS.contains(ln)) {
                    // an OAI-PMH or SRU record: the MARC record is inside
                    if (ln.equals("header")) {
                        inHeader = true;
                        oaiIdentifier = null;
                    }
                    return null;
                }
                switch (ln) {
                    case "leader":
                        seen = true;
                        leader = x.getElementText();
                        break;
                    case "controlfield": {
                        seen = true;
                        String tag = tag(r, x.getAttributeValue(null, "tag"));
                        String text = text(x.getElementText());
                        rec.addVariableField(new ControlFieldImpl(tag, text));
                        break;
                    }
                    case "datafield": {
                        seen = true;
                        String tag = tag(r, x.getAttributeValue(null, "tag"));
                        df = new DataFieldImpl(tag, indicator(x.getAttributeValue(null, "ind1")),
                                indicator(x.getAttributeValue(null, "ind2")));
                        rec.addVariableField(df);
                        depth++;
                        break;
                    }
                    default:
                        skipElement();
                }
            } else if (depth == 2 && df != null && ln.equals("subfield")) {
                String code = x.getAttributeValue(null, "code");
                String text = text(x.getElementText());
                df.addSubfield(new SubfieldImpl(code == null || code.isEmpty() ? ' ' : code.charAt(0), text));
                if (code == null || code.length() != 1) {
                    r.warning = "subfield with code '" + code + "' in field " + df.getTag();
                }
            } else {
                skipElement();
            }
        }
        if (!seen) {
            return null;
        }
        if (leader == null) {
            r.warning = "no leader; a default leader was used";
            leader = DEFAULT_LEADER;
        }
        String l = leader.length() == 24 ? leader : (leader + DEFAULT_LEADER.substring(Math.min(24, leader.length())))
                .substring(0, 24);
        try {
            rec.setLeader(new LeaderImpl(l));
        } catch (RuntimeException e) {
            rec.setLeader(new LeaderImpl(DEFAULT_LEADER));
            r.warning = "bad leader '" + leader + "'; a default leader was used";
        }
        return r;
    }

    private void skipElement() throws XMLStreamException {
        int d = 1;
        while (d > 0 && x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                d++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                d--;
            }
        }
    }

    private static String tag(Result r, String tag) {
        if (tag == null || tag.isBlank()) {
            r.problem = "a field has no tag attribute";
            return "???";
        }
        return tag.strip();
    }

    private static char indicator(String v) {
        return v == null || v.isEmpty() ? ' ' : v.charAt(0);
    }

    static String text(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x300) {
                return Normalizer.normalize(s, Normalizer.Form.NFC);
            }
        }
        return s;
    }

    /** Reads an {@code oai_dc:dc} element into a record of labels. */
    private LamRecord dublinCore(long idx, long line) throws XMLStreamException {
        String id = oaiIdentifier != null ? oaiIdentifier : ctx.input().name() + "#" + idx;
        LamRecord.Builder b = LamRecord.builder(id, format).source(ctx.source(idx, -1, line));
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (x.hasNext() && depth > 0) {
            int ev = x.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!DC_NS.equals(x.getNamespaceURI())) {
                skipElement();
                continue;
            }
            String name = x.getLocalName();
            String v = text(x.getElementText()).strip();
            if (v.isEmpty()) {
                continue;
            }
            switch (name) {
                case "title": case "creator": case "contributor": case "subject": case "type": case "publisher":
                case "identifier": case "rights": case "description":
                    b.label(name, v);
                    if (name.equals("title") || name.equals("description")) {
                        text.append(text.length() == 0 ? "" : "\n").append(v);
                    }
                    break;
                case "date": {
                    String d = Dates.fromStatement(v);
                    b.label("date", d != null ? d : v);
                    b.label("dc:date", v);
                    break;
                }
                case "language": {
                    String tag = v.length() == 3 ? Languages.toBcp47(v) : v.length() == 2 ? v.toLowerCase() : null;
                    b.label(tag != null ? "language" : "dc:language", tag != null ? tag : v);
                    break;
                }
                default:
                    b.label("dc:" + name, v);
            }
        }
        if (text.length() > 0) {
            b.text(text.toString());
        }
        return b.build();
    }

    @Override
    public void close() throws IOException {
        try {
            x.close();
        } catch (XMLStreamException e) {
            // nothing held but the parser
        }
    }
}
