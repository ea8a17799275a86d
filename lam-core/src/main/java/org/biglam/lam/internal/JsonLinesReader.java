package org.biglam.lam.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.RecordSource;
import org.biglam.lam.Region;
import org.biglam.lam.jsonl.JsonLinesFormat;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.ReadContext;

/** Reads lam's JSON Lines form, line by line, each line bounded by maxRecordBytes. */
public final class JsonLinesReader implements FormatReader {

    private final Input input;
    private final ReadContext context;
    private final InputStream in;
    private final JsonFactory factory;
    private final int maxLine;
    private byte[] buf = new byte[8192];
    private int bufLen;
    private int bufPos;
    private boolean eof;
    private long offset;
    private long lineNo;
    private long index;

    /** Creates a reader over one input. */
    public JsonLinesReader(Input input, ReadContext context) {
        this.input = input;
        this.context = context;
        this.in = input.stream();
        ReadLimits limits = context.limits();
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxDocumentLength(limits.maxRecordBytes())
                        .build())
                .build();
        this.maxLine = limits.maxRecordBytes();
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (bufPos > 0) {
            System.arraycopy(buf, bufPos, buf, 0, bufLen - bufPos);
            bufLen -= bufPos;
            bufPos = 0;
        }
        if (bufLen == buf.length) {
            // never more than one line over the limit: a longer line is refused before the buffer grows again
            int cap = (int) Math.min(Integer.MAX_VALUE - 8, (long) maxLine + 8193);
            if (buf.length >= cap) {
                return true;
            }
            buf = java.util.Arrays.copyOf(buf, (int) Math.min(cap, buf.length * 2L));
        }
        int n = in.read(buf, bufLen, buf.length - bufLen);
        if (n < 0) {
            eof = true;
            return false;
        }
        bufLen += n;
        return true;
    }

    @Override
    public LamRecord next() throws IOException {
        while (true) {
            long lineStart = offset;
            lineNo++;
            int scanned = 0;
            int nl = -1;
            boolean tooLong = false;
            while (true) {
                for (int i = bufPos + scanned; i < bufLen; i++) {
                    if (buf[i] == '\n') {
                        nl = i;
                        break;
                    }
                }
                if (nl >= 0) {
                    break;
                }
                scanned = bufLen - bufPos;
                if (scanned > maxLine) {
                    tooLong = true;
                    break;
                }
                if (!fill()) {
                    break;
                }
            }
            if (nl >= 0 && nl - bufPos > maxLine) {
                tooLong = true;
            }
            if (tooLong) {
                long skipped = skipLine();
                offset += skipped;
                Location where = context.location().withIndex(index).withLine(lineNo, 1).withOffset(lineStart);
                index++;
                context.problem(new LamLimitExceededException("line is longer than maxRecordBytes (" + maxLine
                        + " bytes); raise ReadLimits.maxRecordBytes to read it", where));
                continue;
            }
            int start = bufPos;
            int stop = nl >= 0 ? nl : bufLen;
            if (nl < 0 && start == stop) {
                return null;
            }
            bufPos = nl >= 0 ? nl + 1 : bufLen;
            offset += bufPos - start;
            int s = start;
            int e = stop;
            if (lineNo == 1 && e - s >= 3 && (buf[s] & 0xff) == 0xEF && (buf[s + 1] & 0xff) == 0xBB
                    && (buf[s + 2] & 0xff) == 0xBF) {
                s += 3;
            }
            while (s < e && isSpace(buf[s])) {
                s++;
            }
            while (e > s && isSpace(buf[e - 1])) {
                e--;
            }
            if (s == e) {
                continue;
            }
            long recordIndex = index++;
            try {
                return parse(buf, s, e - s, recordIndex, lineStart, lineNo);
            } catch (LamFormatException ex) {
                context.problem(ex);
            }
        }
    }

    private long skipLine() throws IOException {
        long skipped = 0;
        while (true) {
            for (int i = bufPos; i < bufLen; i++) {
                if (buf[i] == '\n') {
                    skipped += i + 1 - bufPos;
                    bufPos = i + 1;
                    return skipped;
                }
            }
            skipped += bufLen - bufPos;
            bufPos = bufLen;
            if (buf.length > 1 << 20) {
                buf = new byte[8192];
                bufLen = 0;
                bufPos = 0;
            }
            if (!fill()) {
                return skipped;
            }
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private LamRecord parse(byte[] bytes, int off, int len, long recordIndex, long lineStart, long line) {
        Location where = context.location().withIndex(recordIndex).withOffset(lineStart).withLine(line, 1);
        String id = null;
        String format = null;
        String group = null;
        String text = null;
        RecordSource source = null;
        Double confidence = null;
        double[] quality = null;
        java.util.List<ImageRef> images = new java.util.ArrayList<>();
        java.util.Map<String, java.util.List<String>> labels = new java.util.LinkedHashMap<>();
        try (JsonParser p = factory.createParser(bytes, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new LamFormatException("line is not a JSON object", where);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "id":
                        id = scalar(p, t, field, where);
                        break;
                    case "format":
                        format = scalar(p, t, field, where);
                        break;
                    case "group":
                        group = scalar(p, t, field, where);
                        break;
                    case "text":
                        text = t == JsonToken.VALUE_NULL ? null : scalar(p, t, field, where);
                        break;
                    case "source":
                        source = t == JsonToken.START_OBJECT ? source(p, where) : skip(p, null);
                        break;
                    case "images":
                        if (t == JsonToken.START_ARRAY) {
                            while (p.nextToken() == JsonToken.START_OBJECT) {
                                ImageRef img = image(p, where);
                                if (img != null) {
                                    images.add(img);
                                }
                            }
                        } else {
                            skip(p, null);
                        }
                        break;
                    case "labels":
                        if (t == JsonToken.START_OBJECT) {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String name = p.currentName();
                                JsonToken vt = p.nextToken();
                                java.util.List<String> values = labels.computeIfAbsent(name, k -> new java.util.ArrayList<>());
                                if (vt == JsonToken.START_ARRAY) {
                                    while (p.nextToken() != JsonToken.END_ARRAY) {
                                        if (p.currentToken().isScalarValue()) {
                                            values.add(p.getValueAsString());
                                        } else {
                                            p.skipChildren();
                                        }
                                    }
                                } else if (vt.isScalarValue() && vt != JsonToken.VALUE_NULL) {
                                    values.add(p.getValueAsString());
                                } else {
                                    p.skipChildren();
                                }
                            }
                        } else {
                            skip(p, null);
                        }
                        break;
                    case "confidence":
                        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
                            confidence = p.getDoubleValue();
                        } else {
                            skip(p, null);
                        }
                        break;
                    case "quality":
                        quality = t == JsonToken.START_OBJECT ? quality(p) : skip(p, null);
                        break;
                    default:
                        p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new LamFormatException("line holds more than one JSON value", where);
            }
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage();
            Location at = e.getLocation() == null ? where
                    : where.withLine(line, e.getLocation().getColumnNr());
            if (reason != null && (reason.contains("exceeds the maximum") || reason.contains("Nesting depth"))) {
                throw new LamLimitExceededException("JSON beyond limits: " + reason, at);
            }
            throw new LamFormatException("malformed JSON: " + reason, at, e);
        } catch (IOException e) {
            throw new LamFormatException("unreadable line: " + e.getMessage(), where, e);
        }
        if (id == null && text == null) {
            throw new LamFormatException("line has neither an \"id\" nor a \"text\"", where);
        }
        LamRecord.Builder b = LamRecord.builder(id != null && !id.isBlank() ? id : input.name() + "#" + line,
                format != null && !format.isBlank() ? format : JsonLinesFormat.ID);
        b.source(source != null ? source : context.source(recordIndex, lineStart, line));
        b.group(group).text(text);
        images.forEach(b::image);
        labels.forEach(b::labels);
        if (confidence != null) {
            try {
                b.confidence(confidence);
            } catch (IllegalArgumentException e) {
                throw new LamFormatException(e.getMessage(), where);
            }
        }
        if (quality != null) {
            try {
                b.quality(org.biglam.lam.OcrQuality.of((int) quality[0], (int) quality[1], quality[2], quality[3]));
            } catch (IllegalArgumentException e) {
                throw new LamFormatException("bad \"quality\": " + e.getMessage(), where);
            }
        }
        return b.build();
    }

    /** {@code words, scored_words, mean, sd} of a {@code quality} object; NaN where absent. */
    private static double[] quality(JsonParser p) throws IOException {
        double[] q = {0, 0, Double.NaN, Double.NaN};
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            int i = name.equals("words") ? 0 : name.equals("scored_words") ? 1 : name.equals("mean") ? 2
                    : name.equals("sd") ? 3 : -1;
            if (i >= 0 && (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT)) {
                q[i] = p.getDoubleValue();
            } else {
                p.skipChildren();
            }
        }
        return q;
    }

    private static String scalar(JsonParser p, JsonToken t, String field, Location where) throws IOException {
        if (t == null || !t.isScalarValue()) {
            throw new LamFormatException("\"" + field + "\" must be a string", where);
        }
        return t == JsonToken.VALUE_NULL ? null : p.getValueAsString();
    }

    private static <T> T skip(JsonParser p, T value) throws IOException {
        p.skipChildren();
        return value;
    }

    private RecordSource source(JsonParser p, Location where) throws IOException {
        String uri = null;
        String entry = null;
        long idx = -1;
        long off = -1;
        long ln = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            switch (f) {
                case "uri":
                    uri = scalar(p, t, "source.uri", where);
                    break;
                case "entry":
                    entry = scalar(p, t, "source.entry", where);
                    break;
                case "index":
                    idx = t.isNumeric() ? p.getLongValue() : -1;
                    break;
                case "offset":
                    off = t.isNumeric() ? p.getLongValue() : -1;
                    break;
                case "line":
                    ln = t.isNumeric() ? p.getLongValue() : -1;
                    break;
                default:
                    p.skipChildren();
            }
        }
        return uri == null ? null : new RecordSource(uri, entry, idx, off, ln);
    }

    private static ImageRef image(JsonParser p, Location where) throws IOException {
        String uri = null;
        String service = null;
        String mime = null;
        Region region = null;
        long w = -1;
        long h = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            JsonToken t = p.nextToken();
            switch (f) {
                case "uri":
                    uri = scalar(p, t, "images.uri", where);
                    break;
                case "service":
                    service = scalar(p, t, "images.service", where);
                    break;
                case "mime":
                    mime = scalar(p, t, "images.mime", where);
                    break;
                case "width":
                    w = t.isNumeric() ? p.getLongValue() : -1;
                    break;
                case "height":
                    h = t.isNumeric() ? p.getLongValue() : -1;
                    break;
                case "region":
                    if (t == JsonToken.START_OBJECT) {
                        long[] v = {-1, -1, -1, -1};
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String k = p.currentName();
                            JsonToken vt = p.nextToken();
                            int i = "xywh".indexOf(k.length() == 1 ? k.charAt(0) : '?');
                            if (i >= 0 && vt.isNumeric()) {
                                v[i] = Math.round(p.getDoubleValue());
                            } else {
                                p.skipChildren();
                            }
                        }
                        if (v[0] >= 0 && v[1] >= 0 && v[2] >= 0 && v[3] >= 0) {
                            region = new Region(v[0], v[1], v[2], v[3]);
                        }
                    } else {
                        p.skipChildren();
                    }
                    break;
                default:
                    p.skipChildren();
            }
        }
        if (uri == null || uri.isBlank()) {
            return null;
        }
        ImageRef.Builder b = ImageRef.builder(uri).service(service).mime(mime).region(region);
        if (w >= 0 && h >= 0) {
            b.size(w, h);
        }
        return b.build();
    }

    static String utf8(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.UTF_8);
    }
}
