package org.biglam.lam.cli.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A JSON Lines shard: one object per row, keys in column order, missing values left out; timestamps
 * as ISO strings ({@code 1883-06-02T00:00:00}), which the Hub's JSON loader casts to the card's type.
 */
final class JsonlShardWriter implements ShardWriter {

    private final CountingOutputStream counter;
    private final JsonGenerator gen;
    private final RowSchema schema;

    JsonlShardWriter(Path file, RowSchema schema) throws IOException {
        this.schema = schema;
        this.counter = new CountingOutputStream(new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), 1 << 16));
        this.gen = RowSchema.JSON.createGenerator(counter, JsonEncoding.UTF8);
        gen.setRootValueSeparator(null);
    }

    @Override
    public void write(Row r) throws IOException {
        gen.writeStartObject();
        List<RowSchema.Col> cols = schema.cols();
        for (int i = 0; i < cols.size(); i++) {
            RowSchema.Col c = cols.get(i);
            switch (c.kind()) {
                case ID:
                    gen.writeStringField("id", r.id());
                    break;
                case GROUP:
                    if (r.group() != null) {
                        gen.writeStringField("group", r.group());
                    }
                    break;
                case FORMAT:
                    gen.writeStringField("format", r.format());
                    break;
                case TEXT:
                    if (r.text() != null) {
                        gen.writeStringField("text", r.text());
                    }
                    break;
                case IMAGE:
                    if (r.image() != null) {
                        gen.writeStringField(c.name(), r.image().uri());
                    }
                    break;
                case LABEL:
                    gen.writeNumberField("label", r.labelIndex());
                    break;
                case LABELS:
                    gen.writeStringField("labels", RowSchema.labelsJson(r.labels()));
                    break;
                default:
                    Object v = r.values()[i];
                    if (v != null) {
                        gen.writeFieldName(c.name());
                        RowSchema.writeValue(gen, v);
                    }
            }
        }
        gen.writeEndObject();
        gen.writeRaw('\n');
    }

    @Override
    public long size() {
        return counter.count() + gen.getOutputBuffered();
    }

    @Override
    public void close() throws IOException {
        try (counter; gen) {
            gen.flush();
        }
    }
}
