package org.biglam.lam.parquet.internal;

import com.github.luben.zstd.RecyclingBufferPool;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4RawCompressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page compression without Hadoop. parquet-java's own {@code CodecFactory} compresses through
 * Hadoop's codec classes (a Hadoop {@code Configuration}, its XML defaults, {@code CodecPool}, {@code
 * GzipCodec}), which is most of what kept Hadoop's client in {@code lam.jar}; this factory calls the
 * same libraries directly and gives the same bytes, page for page (a test compares them with
 * parquet-java's factory): zstd through zstd-jni's stream at level 3, flushed then closed; snappy
 * and LZ4 (raw) as one block of the whole page; gzip through the JDK's {@link Deflater} at the
 * default level, framed as Hadoop's built-in gzip compressor frames it.
 *
 * <p>Writing only: Parquet is never read back here. Not thread-safe (as parquet-java's factory, one
 * per writer).
 */
public final class Codecs implements CompressionCodecFactory {

    /** parquet-java's default zstd level ({@code parquet.compression.codec.zstd.level}). */
    static final int ZSTD_LEVEL = 3;

    /** The header Hadoop's {@code BuiltInGzipCompressor} writes: no name, no time, no flags, OS 0. */
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, 0};

    private final int pageSize;
    private final Map<CompressionCodecName, BytesInputCompressor> compressors = new EnumMap<>(CompressionCodecName.class);

    /**
     * Creates a factory.
     *
     * @param pageSize the expected page size, the starting size of the output buffer
     */
    public Codecs(int pageSize) {
        this.pageSize = pageSize;
    }

    /**
     * Checks that a codec can run here: zstd and snappy need their native library, which their jars
     * hold for some platforms only.
     *
     * @param codec the codec
     * @throws UnsupportedOperationException naming the codec, the platform and the codecs that run
     *     everywhere, if the codec's native library cannot be loaded
     */
    public static void check(CompressionCodecName codec) {
        try {
            switch (codec) {
                case ZSTD:
                    com.github.luben.zstd.util.Native.load();
                    break;
                case SNAPPY:
                    Snappy.maxCompressedLength(1);
                    break;
                default:
                    return;
            }
        } catch (LinkageError | org.xerial.snappy.SnappyError | RuntimeException e) {
            // zstd-jni: UnsatisfiedLinkError; snappy-java: SnappyError from its class initialiser, then NoClassDefFoundError
            String cause = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
            throw new UnsupportedOperationException("Parquet compression " + codec.name().toLowerCase(Locale.ROOT)
                    + " needs a native library that is not available for " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + " (" + e.getClass().getSimpleName() + ": " + cause
                    + "); gzip, lz4_raw and uncompressed are pure Java and run everywhere",
                    e);
        }
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return compressors.computeIfAbsent(codec, this::create);
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("lam writes Parquet; it does not read it back");
    }

    @Override
    public void release() {
        compressors.values().forEach(BytesInputCompressor::release);
        compressors.clear();
    }

    private BytesInputCompressor create(CompressionCodecName codec) {
        switch (codec) {
            case UNCOMPRESSED:
                return new Compressor(codec) {
                    @Override
                    public BytesInput compress(BytesInput bytes) {
                        return bytes;
                    }
                };
            case ZSTD:
                return new Compressor(codec) {
                    @Override
                    public BytesInput compress(BytesInput bytes) throws IOException {
                        ByteArrayOutputStream out = buffer();
                        ZstdOutputStreamNoFinalizer z = new ZstdOutputStreamNoFinalizer(out, RecyclingBufferPool.INSTANCE);
                        try (z) {
                            z.setLevel(ZSTD_LEVEL);
                            z.setWorkers(0);
                            bytes.writeAllTo(z);
                            // parquet-java's ZstdCompressorStream flushes before it closes: the same blocks
                            z.flush();
                        }
                        return BytesInput.from(out.toByteArray());
                    }
                };
            case SNAPPY:
                return new Compressor(codec) {
                    @Override
                    public BytesInput compress(BytesInput bytes) throws IOException {
                        byte[] in = bytes.toByteArray();
                        // as parquet-java's snappy and LZ4 compressors: nothing in, nothing out
                        return in.length == 0 ? BytesInput.empty() : BytesInput.from(Snappy.compress(in));
                    }
                };
            case LZ4_RAW:
                return new Compressor(codec) {
                    private final Lz4Compressor lz4 = new Lz4Compressor();

                    @Override
                    public BytesInput compress(BytesInput bytes) throws IOException {
                        byte[] in = bytes.toByteArray();
                        if (in.length == 0) {
                            return BytesInput.empty();
                        }
                        byte[] out = new byte[Lz4RawCompressor.maxCompressedLength(in.length)];
                        int n = lz4.compress(in, 0, in.length, out, 0, out.length);
                        return BytesInput.from(out, 0, n);
                    }
                };
            case GZIP:
                return new Compressor(codec) {
                    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
                    private final CRC32 crc = new CRC32();
                    private final byte[] chunk = new byte[64 * 1024];

                    @Override
                    public BytesInput compress(BytesInput bytes) throws IOException {
                        byte[] in = bytes.toByteArray();
                        ByteArrayOutputStream out = buffer();
                        out.write(GZIP_HEADER);
                        deflater.reset();
                        deflater.setInput(in);
                        deflater.finish();
                        while (!deflater.finished()) {
                            out.write(chunk, 0, deflater.deflate(chunk));
                        }
                        crc.reset();
                        crc.update(in);
                        writeIntLe(out, (int) crc.getValue());
                        writeIntLe(out, in.length);
                        return BytesInput.from(out.toByteArray());
                    }

                    @Override
                    public void release() {
                        deflater.end();
                    }
                };
            default:
                throw new UnsupportedOperationException("Parquet compression " + codec + " is not supported here");
        }
    }

    private static void writeIntLe(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    private abstract class Compressor implements BytesInputCompressor {
        private final CompressionCodecName codec;
        private ByteArrayOutputStream buffer;

        Compressor(CompressionCodecName codec) {
            this.codec = codec;
        }

        /** The output buffer, emptied; one per compressor, grown to the largest page. */
        ByteArrayOutputStream buffer() {
            if (buffer == null) {
                buffer = new ByteArrayOutputStream(pageSize);
            }
            buffer.reset();
            return buffer;
        }

        @Override
        public CompressionCodecName getCodecName() {
            return codec;
        }

        @Override
        public void release() {}
    }
}
