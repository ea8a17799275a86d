package org.biglam.lam.parquet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * lam's page compressors against parquet-java's own {@link CodecFactory}, which compresses through
 * Hadoop's codec classes (on the test class path only): the same pages give the same bytes, so a
 * shard is what it was when lam.jar carried Hadoop.
 */
class CodecsTest {

    /** Pages as a writer makes them: empty, tiny, text, repetitive, random (incompressible), larger than a page. */
    private static List<byte[]> pages() {
        SplittableRandom rnd = new SplittableRandom(17);
        List<byte[]> pages = new ArrayList<>();
        pages.add(new byte[0]);
        pages.add(new byte[] {42});
        StringBuilder text = new StringBuilder();
        String[] words = {"Call", "me", "Ishmael.", "Some", "years", "ago", "never", "mind", "how", "long",
            "précisément", "having", "little", "or", "no", "money", "in", "my", "purse"};
        while (text.length() < 300_000) {
            text.append(words[rnd.nextInt(words.length)]).append(rnd.nextInt(9) == 0 ? '\n' : ' ');
        }
        pages.add(text.toString().getBytes(StandardCharsets.UTF_8));
        pages.add("rec-1".repeat(20_000).getBytes(StandardCharsets.UTF_8));
        byte[] noise = new byte[200_000];
        rnd.nextBytes(noise);
        pages.add(noise);
        byte[] big = new byte[3 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i % 251 < 200 ? 'a' + (i % 7) : rnd.nextInt(256));
        }
        pages.add(big);
        return pages;
    }

    @ParameterizedTest
    @EnumSource(value = CompressionCodecName.class, names = {"UNCOMPRESSED", "ZSTD", "SNAPPY", "GZIP", "LZ4_RAW"})
    void compressesEveryPageToTheBytesParquetJavasHadoopCodecsGive(CompressionCodecName codec) throws Exception {
        int pageSize = ParquetProperties.DEFAULT_PAGE_SIZE;
        CodecFactory hadoop = new CodecFactory(new Configuration(false), pageSize);
        Codecs lam = new Codecs(pageSize);
        try {
            BytesInputCompressor theirs = hadoop.getCompressor(codec);
            BytesInputCompressor ours = lam.getCompressor(codec);
            assertThat(ours.getCodecName()).isEqualTo(codec);
            // twice over: compressors are reused page after page
            for (int round = 0; round < 2; round++) {
                for (byte[] page : pages()) {
                    byte[] expected = theirs.compress(BytesInput.from(page)).toByteArray();
                    byte[] actual = ours.compress(BytesInput.from(page)).toByteArray();
                    assertThat(actual).as("%s, page of %d bytes", codec, page.length).isEqualTo(expected);
                }
            }
        } finally {
            hadoop.release();
            lam.release();
        }
    }

    @ParameterizedTest
    @EnumSource(value = CompressionCodecName.class, names = {"UNCOMPRESSED", "ZSTD", "SNAPPY", "GZIP", "LZ4_RAW"})
    void everyCodecLamOffersRunsHere(CompressionCodecName codec) {
        Codecs.check(codec);
    }

    @ParameterizedTest
    @EnumSource(value = CompressionCodecName.class, names = {"BROTLI", "LZO", "LZ4"})
    void aCodecLamDoesNotOfferIsRefusedByName(CompressionCodecName codec) {
        assertThatThrownBy(() -> new Codecs(1024).getCompressor(codec))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining(codec.name());
    }
}
