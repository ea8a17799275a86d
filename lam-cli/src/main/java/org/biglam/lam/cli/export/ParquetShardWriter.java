package org.biglam.lam.cli.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
        List<RowSchema.Col> cols = schema.cols();
        for (int i = 0; i < cols.size(); i++) {
            switch (cols.get(i).kind()) {
                case ID:
                    values[i] = r.id();
                    break;
                case GROUP:
                    values[i] = r.group();
                    break;
                case FORMAT:
                    values[i] = r.format();
                    break;
                case TEXT:
                    values[i] = r.text();
                    break;
                case IMAGE:
                    values[i] = image(r);
                    break;
                case LABEL:
                    values[i] = (long) r.labelIndex();
                    break;
                case LABELS:
                    values[i] = RowSchema.labelsJson(r.labels());
                    break;
                default:
                    values[i] = r.values()[i];
            }
        }
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
