package org.biglam.lam.cli.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A JSON Lines shard: one object per row, keys in column order, missing values left out. */
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
        gen.writeStringField("id", r.id());
        if (r.group() != null) {
            gen.writeStringField("group", r.group());
        }
        gen.writeStringField("format", r.format());
        if (r.text() != null) {
            gen.writeStringField("text", r.text());
        }
        if (schema.hasImage() && r.image() != null) {
            gen.writeStringField("image", r.image().uri());
        }
        if (schema.hasLabel()) {
            gen.writeNumberField("label", r.labelIndex());
        }
        gen.writeStringField("labels", RowSchema.labelsJson(r.labels()));
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
