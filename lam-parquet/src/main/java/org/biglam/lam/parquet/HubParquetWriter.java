package org.biglam.lam.parquet;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.biglam.lam.parquet.internal.Codecs;
import org.biglam.lam.parquet.internal.RowWriteSupport;
import org.jspecify.annotations.Nullable;

/**
 * Writes one Parquet file of rows for the Hugging Face Hub: columns typed as {@code datasets}
 * features ({@link HubColumn}), images embedded as {@code {bytes, path}} structs, and the {@code
 * huggingface} key-value metadata ({@link HubFeatures}) so that {@code datasets} restores {@code
 * Image} and {@code ClassLabel} types. No Hadoop is needed, installed or on the class path:
 * parquet-java writes through a local file with a plain configuration, and pages are compressed by
 * lam's own compressors, which give the bytes parquet-java's Hadoop codecs give.
 *
 * <pre>{@code
 * List<HubColumn> cols = List.of(HubColumn.string("id"), HubColumn.string("text"));
 * try (HubParquetWriter w = HubParquetWriter.builder(Path.of("train-00000-of-00001.parquet"), cols).build()) {
 *     w.write("rec-1", "Call me Ishmael.");
 * }
 * }</pre>
 *
 * <p>Output is reproducible: the same rows give the same bytes. Memory is bounded by the row
 * group: {@link Builder#rowGroupBytes(long)} (32 MiB by default) and, for image rows, {@link
 * Builder#rowGroupRows(int)} (the Hub advises about 100 rows per group for images); with images the
 * size is checked after every row, so large images make smaller row groups.
 *
 * <p>Not thread-safe. The caller closes it; closing writes the footer.
 *
 * @since 0.1
 */
public final class HubParquetWriter implements Closeable {

    /** The default row group size in bytes. */
    public static final long DEFAULT_ROW_GROUP_BYTES = 32L << 20;

    private final ParquetWriter<Object[]> writer;
    private final int width;
    private long rows;

    private HubParquetWriter(Builder b) throws IOException {
        this.width = b.columns.size();
        Codecs.check(b.codec);
        this.writer = new RowsBuilder(new LocalOutputFile(b.file), new RowWriteSupport(b.columns))
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withCompressionCodec(b.codec)
                // pages compressed without Hadoop's codec classes (see Codecs)
                .withCodecFactory(new Codecs(ParquetProperties.DEFAULT_PAGE_SIZE))
                .withRowGroupSize(b.rowGroupBytes)
                .withRowGroupRowCountLimit(b.rowGroupRows)
                .withPageRowCountLimit(Math.min(b.rowGroupRows, 20_000))
                .withDictionaryEncoding(true)
                // with images, check the buffered size after every row so that a few large images
                // close a row group before 100 rows are held in memory
                .withMinRowCountForPageSizeCheck(b.images ? 1 : 100)
                .withMaxRowCountForPageSizeCheck(b.images ? 10 : 10_000)
                .build();
    }

    /**
     * Starts a writer.
     *
     * @param file the file to create; it must not exist
     * @param columns the columns, in order
     * @return a builder
     */
    public static Builder builder(Path file, List<HubColumn> columns) {
        return new Builder(file, columns);
    }

    /**
     * Writes one row.
     *
     * @param values one value per column, in column order, null where missing
     * @throws IllegalArgumentException if the count or a type does not fit the columns
     * @throws UncheckedIOException on a write error
     */
    public void write(@Nullable Object... values) {
        if (values.length != width) {
            throw new IllegalArgumentException("expected " + width + " values, got " + values.length);
        }
        try {
            writer.write(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    /** Bytes written to the file plus those buffered for the current row group. */
    public long dataSize() {
        return writer.getDataSize();
    }

    /** Writes the footer and closes the file. */
    @Override
    public void close() throws IOException {
        writer.close();
    }

    /** Configures a {@link HubParquetWriter}. Not thread-safe. */
    public static final class Builder {
        private final Path file;
        private final List<HubColumn> columns;
        private CompressionCodecName codec = CompressionCodecName.ZSTD;
        private long rowGroupBytes = DEFAULT_ROW_GROUP_BYTES;
        private int rowGroupRows = Integer.MAX_VALUE;
        private final boolean images;

        private Builder(Path file, List<HubColumn> columns) {
            this.file = Objects.requireNonNull(file, "file");
            this.columns = List.copyOf(columns);
            if (this.columns.isEmpty()) {
                throw new IllegalArgumentException("at least one column is needed");
            }
            if (this.columns.stream().map(HubColumn::name).distinct().count() != this.columns.size()) {
                throw new IllegalArgumentException("column names repeat: " + this.columns);
            }
            this.images = this.columns.stream().anyMatch(c -> c.type() == HubColumn.Type.IMAGE);
            if (images) {
                rowGroupRows = 100;
            }
        }

        /**
         * Sets the compression: {@code zstd} (default), {@code snappy}, {@code gzip}, {@code lz4_raw}
         * or {@code uncompressed}. {@code zstd} and {@code snappy} are native code: where their
         * library cannot be loaded, {@link #build()} throws {@link UnsupportedOperationException}.
         */
        public Builder compression(String name) {
            Map<String, CompressionCodecName> known = Map.of("zstd", CompressionCodecName.ZSTD,
                    "snappy", CompressionCodecName.SNAPPY, "gzip", CompressionCodecName.GZIP,
                    "lz4_raw", CompressionCodecName.LZ4_RAW, "uncompressed", CompressionCodecName.UNCOMPRESSED,
                    "none", CompressionCodecName.UNCOMPRESSED);
            CompressionCodecName c = known.get(name.toLowerCase(Locale.ROOT));
            if (c == null) {
                throw new IllegalArgumentException("unknown Parquet compression '" + name + "'; use one of "
                        + new java.util.TreeSet<>(known.keySet()));
            }
            this.codec = c;
            return this;
        }

        /** Sets the row group size in bytes (default 32 MiB); bounds the memory held. */
        public Builder rowGroupBytes(long bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("row group size too small: " + bytes);
            }
            this.rowGroupBytes = bytes;
            return this;
        }

        /** Sets the most rows per row group (default: 100 when there is an image column, else no limit). */
        public Builder rowGroupRows(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("rows per row group must be positive: " + rows);
            }
            this.rowGroupRows = rows;
            return this;
        }

        /**
         * Creates the file and returns the writer.
         *
         * @throws UncheckedIOException if the file cannot be created
         * @throws UnsupportedOperationException if the compression needs a native library that cannot
         *     be loaded on this platform (the message names the codec and the platform)
         */
        public HubParquetWriter build() {
            try {
                return new HubParquetWriter(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class RowsBuilder extends ParquetWriter.Builder<Object[], RowsBuilder> {
        private final RowWriteSupport support;

        RowsBuilder(org.apache.parquet.io.OutputFile file, RowWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected RowsBuilder self() {
            return this;
        }

        @Override
        protected org.apache.parquet.hadoop.api.WriteSupport<Object[]> getWriteSupport(
                org.apache.hadoop.conf.Configuration conf) {
            return support;
        }

        @Override
        protected org.apache.parquet.hadoop.api.WriteSupport<Object[]> getWriteSupport(
                org.apache.parquet.conf.ParquetConfiguration conf) {
            return support;
        }
    }
}
