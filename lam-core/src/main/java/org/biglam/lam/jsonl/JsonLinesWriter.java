package org.biglam.lam.jsonl;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamRecord;
import org.biglam.lam.OcrQuality;
import org.biglam.lam.RecordSource;
import org.biglam.lam.RecordWriter;

/**
 * Writes records in lam's JSON Lines form: one JSON object per line, UTF-8, fields in the order
 * {@code id, format, source, group, text, images, labels, confidence, quality}; absent values are left out,
 * never {@code null}. This form is a public contract (docs/RECORD.md in the repository); {@code lam-jsonl} reads it
 * back losslessly.
 *
 * <p>Not thread-safe. Closing the writer flushes it and does not close the output stream.
 *
 * @since 0.1
 */
public final class JsonLinesWriter implements RecordWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final OutputStream out;
    private final JsonGenerator gen;

    /**
     * Creates a writer.
     *
     * @param out where to write; not closed by this writer
     */
    public JsonLinesWriter(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
        try {
            this.gen = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        gen.setRootValueSeparator(null);
    }

    /**
     * The JSON form of one record, without a line break.
     *
     * @param record the record
     * @return one JSON object
     */
    public static String toJson(LamRecord record) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(buf, JsonEncoding.UTF8)) {
            writeRecord(g, record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void write(LamRecord record) throws IOException {
        writeRecord(gen, record);
        gen.writeRaw('\n');
    }

    static void writeRecord(JsonGenerator g, LamRecord r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("format", r.format());
        if (r.source().isPresent()) {
            RecordSource s = r.source().get();
            g.writeObjectFieldStart("source");
            g.writeStringField("uri", s.uri());
            if (s.entry().isPresent()) {
                g.writeStringField("entry", s.entry().get());
            }
            if (s.index().isPresent()) {
                g.writeNumberField("index", s.index().getAsLong());
            }
            if (s.offset().isPresent()) {
                g.writeNumberField("offset", s.offset().getAsLong());
            }
            if (s.line().isPresent()) {
                g.writeNumberField("line", s.line().getAsLong());
            }
            g.writeEndObject();
        }
        if (r.group().isPresent()) {
            g.writeStringField("group", r.group().get());
        }
        if (r.text().isPresent()) {
            g.writeStringField("text", r.text().get());
        }
        if (!r.images().isEmpty()) {
            g.writeArrayFieldStart("images");
            for (ImageRef img : r.images()) {
                g.writeStartObject();
                g.writeStringField("uri", img.uri());
                if (img.service().isPresent()) {
                    g.writeStringField("service", img.service().get());
                }
                if (img.region().isPresent()) {
                    var reg = img.region().get();
                    g.writeObjectFieldStart("region");
                    g.writeNumberField("x", reg.x());
                    g.writeNumberField("y", reg.y());
                    g.writeNumberField("w", reg.w());
                    g.writeNumberField("h", reg.h());
                    g.writeEndObject();
                }
                if (img.width().isPresent()) {
                    g.writeNumberField("width", img.width().getAsLong());
                }
                if (img.height().isPresent()) {
                    g.writeNumberField("height", img.height().getAsLong());
                }
                if (img.mime().isPresent()) {
                    g.writeStringField("mime", img.mime().get());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!r.labels().isEmpty()) {
            g.writeObjectFieldStart("labels");
            for (Map.Entry<String, List<String>> e : r.labels().entrySet()) {
                g.writeArrayFieldStart(e.getKey());
                for (String v : e.getValue()) {
                    g.writeString(v);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        if (r.confidence().isPresent()) {
            g.writeNumberField("confidence", r.confidence().getAsDouble());
        }
        if (r.quality().isPresent()) {
            OcrQuality q = r.quality().get();
            g.writeObjectFieldStart("quality");
            g.writeNumberField("words", q.words());
            g.writeNumberField("scored_words", q.scoredWords());
            if (q.meanWordConfidence().isPresent()) {
                g.writeNumberField("mean", q.meanWordConfidence().getAsDouble());
                g.writeNumberField("sd", q.wordConfidenceStdDev().getAsDouble());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    @Override
    public void flush() throws IOException {
        gen.flush();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        gen.close();
    }
}
