package org.biglam.lam.cli.export;

import java.io.IOException;
import java.nio.file.Path;
import org.biglam.lam.parquet.HubImage;
import org.biglam.lam.parquet.HubParquetWriter;

/** A Parquet shard through lam-parquet; images embedded where their bytes can be had. */
final class ParquetShardWriter implements ShardWriter {

    private final HubParquetWriter writer;
    private final RowSchema schema;
    private final Object[] values;

    ParquetShardWriter(Path file, RowSchema schema, String compression) {
        this.schema = schema;
        this.values = new Object[schema.columns().size()];
        HubParquetWriter.Builder b = HubParquetWriter.builder(file, schema.columns());
        if (compression != null) {
            b.compression(compression);
        }
        this.writer = b.build();
    }

    @Override
    public void write(Row r) throws IOException {
        int i = 0;
        values[i++] = r.id();
        values[i++] = r.group();
        values[i++] = r.format();
        values[i++] = r.text();
        if (schema.hasImage()) {
            values[i++] = image(r);
        }
        if (schema.hasLabel()) {
            values[i++] = (long) r.labelIndex();
        }
        values[i] = RowSchema.labelsJson(r.labels());
        writer.write(values);
    }

    private HubImage image(Row r) {
        if (r.image() == null) {
            return null;
        }
        ImageLoader.Loaded img = r.loaded();
        return img == null ? new HubImage(null, r.image().uri()) : new HubImage(img.bytes(), img.path());
    }

    @Override
    public long size() {
        return writer.dataSize();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
