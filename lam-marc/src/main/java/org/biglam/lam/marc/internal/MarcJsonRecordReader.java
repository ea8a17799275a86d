package org.biglam.lam.marc.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.InputStream;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.marc.MarcOptions;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.Unicode;
import org.marc4j.marc.impl.ControlFieldImpl;
import org.marc4j.marc.impl.DataFieldImpl;
import org.marc4j.marc.impl.LeaderImpl;
import org.marc4j.marc.impl.RecordImpl;
import org.marc4j.marc.impl.SubfieldImpl;

/**
 * Reads MARC-in-JSON (the code4lib shape: {@code {"leader": "...", "fields": [{"001": "..."},
 * {"245": {"ind1": "1", "ind2": "0", "subfields": [{"a": "..."}]}}]}}) with Jackson's streaming
 * parser: one object, an array of objects, or one object per line, in constant memory. Input whose
 * first line is one complete object is read line by line, so that a malformed line costs only its
 * own record.
 */
public final class MarcJsonRecordReader implements FormatReader {

    private static final String DEFAULT_LEADER = "00000nam a2200000 a 4500";

    private final JsonFactory factory;
    private JsonParser p;
    /** Set for one-object-a-line input: each line is parsed alone, so a broken line costs only itself. */
    private LineSource lines;
    private final ReadContext ctx;
    private final MarcRecords records;
    private boolean inArray;
    private long index;

    /** A record whose shape is wrong; the rest of its object is skipped. */
    private static final class BadShape extends Exception {
        private static final long serialVersionUID = 1L;

        BadShape(String m) {
            super(m);
        }
    }

    /**
     * Creates a reader.
     *
     * @param in the bytes; not closed by this reader
     * @param ctx the context
     * @param format the format id records carry
     * @param options the options
     * @throws IOException if the parser cannot start
     */
    public MarcJsonRecordReader(InputStream in, ReadContext ctx, String format, MarcOptions options)
            throws IOException {
        this.ctx = ctx;
        this.records = new MarcRecords(ctx, format, options);
        // real exports carry raw newlines and tabs inside strings
        JsonFactory f = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(ctx.limits().maxNestingDepth())
                .maxStringLength(ctx.limits().maxStringLength())
                .maxDocumentLength(Math.max(-1L, ctx.limits().maxInputBytes()))
                .build())
                .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                .build();
        f.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        this.factory = f;
        java.io.BufferedInputStream bin = new java.io.BufferedInputStream(in, 1 << 16);
        if (oneObjectALine(bin)) {
            this.lines = new LineSource(bin, ctx.limits().maxRecordBytes());
        } else {
            try {
                this.p = f.createParser(bin);
            } catch (java.io.CharConversionException e) {
                // the encoding the first bytes announce cannot be read (UCS-4 in an unusual byte order)
                throw new LamFormatException("malformed JSON: " + e.getMessage(), ctx.location().withOffset(0), e);
            }
        }
    }

    /** Whether the first line holds exactly one complete JSON object (and so, presumably, every line). */
    private boolean oneObjectALine(java.io.BufferedInputStream in) throws IOException {
        int max = 1 << 20;
        in.mark(max + 1);
        byte[] head = in.readNBytes(max);
        in.reset();
        int start = 0;
        while (start < head.length && (head[start] == ' ' || head[start] == '\t' || head[start] == '\r'
                || head[start] == '\n' || (head[start] & 0xff) == 0xEF || (head[start] & 0xff) == 0xBB
                || (head[start] & 0xff) == 0xBF)) {
            start++;
        }
        int end = start;
        while (end < head.length && head[end] != '\n') {
            end++;
        }
        if (end >= head.length || start == end || head[start] != '{') {
            return false;
        }
        try (JsonParser lp = factory.createParser(head, start, end - start)) {
            if (lp.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            lp.skipChildren();
            return lp.nextToken() == null;
        } catch (JsonProcessingException | java.io.CharConversionException e) {
            return false; // the whole-document parser reports it, located
        }
    }

    /** Lines of the input as bytes, with their line numbers and byte offsets. */
    private static final class LineSource {
        private final InputStream in;
        private final int max;
        private byte[] buf = new byte[8192];
        int len;
        long line;
        long offset;
        private long next;
        boolean tooLong;

        LineSource(InputStream in, int max) {
            this.in = in;
            this.max = max;
        }

        private final byte[] chunk = new byte[1 << 16];
        private int cpos;
        private int clim;

        /** Reads the next line into buf[0, len); false at the end of the input. */
        boolean read() throws IOException {
            len = 0;
            tooLong = false;
            offset = next;
            boolean any = false;
            while (true) {
                if (cpos == clim) {
                    int r = in.read(chunk, 0, chunk.length);
                    cpos = 0;
                    clim = Math.max(0, r);
                    if (r <= 0) {
                        break;
                    }
                }
                any = true;
                int i = cpos;
                while (i < clim && chunk[i] != '\n') {
                    i++;
                }
                append(cpos, i - cpos);
                next += i - cpos;
                cpos = i;
                if (i < clim) {
                    cpos++;
                    next++;
                    break;
                }
            }
            if (any) {
                line++;
            }
            return any;
        }

        private void append(int from, int n) {
            if (tooLong || len + n > max) {
                tooLong = true;
                return;
            }
            if (len + n > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.min(max, Math.max(len + n, buf.length * 2)));
            }
            System.arraycopy(chunk, from, buf, len, n);
            len += n;
        }
    }

    private LamRecord nextLine() throws IOException {
        while (lines.read()) {
            int from = 0;
            while (from < lines.len && (lines.buf[from] == ' ' || lines.buf[from] == '\t' || lines.buf[from] == '\r')) {
                from++;
            }
            if (from == lines.len) {
                continue;
            }
            long idx = index++;
            Location loc = ctx.location().withIndex(idx).withLine(lines.line, -1).withOffset(lines.offset);
            if (lines.tooLong) {
                ctx.problem(new org.biglam.lam.LamLimitExceededException("line longer than maxRecordBytes ("
                        + ctx.limits().maxRecordBytes() + ")", loc));
                continue;
            }
            RecordImpl rec = new RecordImpl();
            try (JsonParser lp = factory.createParser(lines.buf, from, lines.len - from)) {
                p = lp;
                if (lp.nextToken() != JsonToken.START_OBJECT) {
                    throw new BadShape("not a MARC-in-JSON record: the line does not hold an object");
                }
                readRecord(rec);
            } catch (BadShape e) {
                ctx.problem(new LamFormatException(e.getMessage(), loc.withRecordId(rec.getControlNumber())));
                continue;
            } catch (JsonProcessingException e) {
                ctx.problem(new LamFormatException("malformed JSON: " + e.getOriginalMessage(), loc
                        .withRecordId(rec.getControlNumber()), e));
                continue;
            }
            return records.toLamRecord(rec, idx, lines.offset, lines.line);
        }
        return null;
    }

    private Location at(JsonLocation l) {
        Location loc = ctx.location();
        if (l != null) {
            loc = loc.withLine(l.getLineNr(), l.getColumnNr());
            if (l.getByteOffset() >= 0) {
                loc = loc.withOffset(l.getByteOffset());
            }
        }
        return loc;
    }

    @Override
    public LamRecord next() throws IOException {
        if (lines != null) {
            return nextLine();
        }
        try {
            while (true) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    return null;
                }
                if (t == JsonToken.START_ARRAY && !inArray && p.getParsingContext().getParent().inRoot()) {
                    inArray = true;
                    continue;
                }
                if (t == JsonToken.END_ARRAY && inArray) {
                    inArray = false;
                    continue;
                }
                JsonLocation start = p.currentTokenLocation();
                long idx = index++;
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    ctx.problem(new LamFormatException("not a MARC-in-JSON record: a " + t + " instead of an object",
                            at(start).withIndex(idx)));
                    continue;
                }
                JsonStreamContext recordContext = p.getParsingContext();
                RecordImpl rec = new RecordImpl();
                try {
                    readRecord(rec);
                } catch (BadShape e) {
                    while (!(p.currentToken() == JsonToken.END_OBJECT && p.getParsingContext() == recordContext.getParent())) {
                        if (p.nextToken() == null) {
                            break;
                        }
                    }
                    ctx.problem(new LamFormatException(e.getMessage(), at(start).withIndex(idx)
                            .withRecordId(rec.getControlNumber())));
                    continue;
                }
                return records.toLamRecord(rec, idx, start.getByteOffset(), start.getLineNr());
            }
        } catch (JsonProcessingException e) {
            throw new LamFormatException("malformed JSON: " + e.getOriginalMessage(), at(e.getLocation()), e);
        } catch (java.io.CharConversionException e) {
            throw new LamFormatException("malformed JSON: " + e.getMessage(), at(p.currentLocation()), e);
        }
    }

    /** Reads the fields of a record object; the parser is at its START_OBJECT and ends at its END_OBJECT. */
    private void readRecord(RecordImpl rec) throws IOException, BadShape {
        String leader = null;
        boolean fields = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            if (key.equals("leader")) {
                if (v != JsonToken.VALUE_STRING) {
                    throw new BadShape("\"leader\" is not a string");
                }
                leader = p.getText();
            } else if (key.equals("fields")) {
                if (v != JsonToken.START_ARRAY) {
                    throw new BadShape("\"fields\" is not an array");
                }
                fields = true;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() != JsonToken.START_OBJECT) {
                        throw new BadShape("a field is not an object");
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String tag = p.currentName();
                        JsonToken fv = p.nextToken();
                        if (fv == JsonToken.VALUE_STRING) {
                            rec.addVariableField(new ControlFieldImpl(tag, Unicode.nfc(p.getText())));
                        } else if (fv == JsonToken.START_OBJECT) {
                            rec.addVariableField(dataField(tag));
                        } else {
                            throw new BadShape("field " + tag + " is neither a string nor an object");
                        }
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        if (!fields && leader == null) {
            throw new BadShape("an object with neither \"leader\" nor \"fields\"");
        }
        String l = leader == null ? DEFAULT_LEADER : leader.length() == 24 ? leader
                : (leader + DEFAULT_LEADER.substring(Math.min(24, leader.length()))).substring(0, 24);
        try {
            rec.setLeader(new LeaderImpl(l));
        } catch (RuntimeException e) {
            rec.setLeader(new LeaderImpl(DEFAULT_LEADER));
        }
    }

    private DataFieldImpl dataField(String tag) throws IOException, BadShape {
        DataFieldImpl df = new DataFieldImpl(tag, ' ', ' ');
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            switch (key) {
                case "ind1":
                    df.setIndicator1(indicator(v));
                    break;
                case "ind2":
                    df.setIndicator2(indicator(v));
                    break;
                case "subfields":
                    if (v != JsonToken.START_ARRAY) {
                        throw new BadShape("subfields of " + tag + " are not an array");
                    }
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        if (p.currentToken() != JsonToken.START_OBJECT) {
                            throw new BadShape("a subfield of " + tag + " is not an object");
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String code = p.currentName();
                            if (p.nextToken() != JsonToken.VALUE_STRING) {
                                throw new BadShape("subfield " + code + " of " + tag + " is not a string");
                            }
                            df.addSubfield(new SubfieldImpl(code.isEmpty() ? ' ' : code.charAt(0),
                                    Unicode.nfc(p.getText())));
                        }
                    }
                    break;
                default:
                    p.skipChildren();
            }
        }
        return df;
    }

    private char indicator(JsonToken v) throws IOException, BadShape {
        if (v != JsonToken.VALUE_STRING) {
            throw new BadShape("an indicator is not a string");
        }
        String s = p.getText();
        return s.isEmpty() ? ' ' : s.charAt(0);
    }

    @Override
    public void close() throws IOException {
        if (p != null) {
            p.close();
        }
    }
}
