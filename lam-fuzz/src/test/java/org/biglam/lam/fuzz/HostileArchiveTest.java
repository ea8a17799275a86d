package org.biglam.lam.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.testing.Archives;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives and compressed streams made to hurt: bombs, endless streams, a million entries, entries
 * that climb out. Refused at bounded cost (the surefire heap is 256 MiB), with a located error.
 */
class HostileArchiveTest {

    private static final String RECORD = "{\"id\":\"ok\",\"text\":\"good\"}\n";
    private static byte[] bomb;

    @TempDir
    Path dir;

    /** One entry of {@code mib} MiB of zeros, deflated at the highest level (about a thousand to one). */
    static byte[] zipBomb(String entry, int mib) {
        return zipBombs(entry, 1, mib);
    }

    /** {@code n} entries ({@code entry} with its index before the dot) of {@code mib} MiB of zeros each. */
    static byte[] zipBombs(String entry, int n, int mib) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(buf)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            byte[] zeros = new byte[1 << 20];
            for (int k = 0; k < n; k++) {
                zip.putArchiveEntry(new ZipArchiveEntry(n == 1 ? entry : entry.replaceFirst("\\.", k + ".")));
                for (int i = 0; i < mib; i++) {
                    zip.write(zeros);
                }
                zip.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toByteArray();
    }

    @BeforeAll
    static void makeBomb() {
        bomb = zipBomb("zeros.jsonl", 1024);
    }

    private static ReadOptions jsonl(ErrorPolicy policy) {
        return ReadOptions.builder().format("lam-jsonl").errorPolicy(policy).build();
    }

    @Test
    void aZipBombIsRefusedAtTheCompressionRatioLimit() {
        assertThat(bomb.length).as("1 GiB of zeros in about a megabyte").isLessThan(2 << 20);
        Path f = Archives.write(dir.resolve("bomb.zip"), bomb);
        Hostile.Outcome out = Hostile.read(f, jsonl(ErrorPolicy.FAIL));
        assertThat(out.refused()).isInstanceOf(LamLimitExceededException.class)
                .hasMessageContaining("bomb.zip!/zeros.jsonl").hasMessageContaining("maxCompressionRatio");
    }

    /** A zip of {@code middles} zips of {@code inners} zip bombs of 64 MiB each, between two good entries. */
    private Path nestedBomb(int middles, int inners) {
        byte[] inner = zipBomb("zeros.jsonl", 64);
        Archives.Entries middle = Archives.entries();
        for (int i = 0; i < inners; i++) {
            middle.add("inner" + i + ".zip", inner);
        }
        byte[] middleZip = Archives.zip(middle);
        Archives.Entries outer = Archives.entries().add("first.jsonl", RECORD);
        for (int i = 0; i < middles; i++) {
            outer.add("middle" + i + ".zip", middleZip);
        }
        outer.add("last.jsonl", RECORD);
        return Archives.write(dir.resolve("nested.zip"), Archives.zip(outer));
    }

    @Test
    void aNestedZipBombIsRefusedAtTheFirstInnerBomb() {
        Path f = nestedBomb(8, 8);
        Hostile.Outcome fail = Hostile.read(f, jsonl(ErrorPolicy.FAIL));
        assertThat(fail.refused()).isInstanceOf(LamLimitExceededException.class)
                .hasMessageContaining("nested.zip!/middle0.zip!/inner0.zip!/zeros.jsonl")
                .hasMessageContaining("maxCompressionRatio");
        assertThat(fail.records()).hasSize(1);
    }

    @Test
    void underSkipAnInnerZipBombIsRefusedAndTheGoodEntriesAroundItAreKept() {
        Path f = nestedBomb(1, 1);
        Hostile.Outcome skip = Hostile.read(f, jsonl(ErrorPolicy.SKIP));
        assertThat(skip.error()).isNull();
        assertThat(skip.records()).extracting(r -> r.text().orElseThrow()).containsExactly("good", "good");
        assertThat(skip.problems()).filteredOn(p -> p.severity() == Problem.Severity.ERROR).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("limit");
            assertThat(p.location().entry()).contains("middle0.zip!/inner0.zip!/zeros.jsonl");
        });
    }

    @Test
    void underSkipANestedZipBombCostsAboutAMegabytePerInnerBomb() {
        // Before lam-core befbeba each refused inner entry was inflated to its end to pass it: some 30 s here.
        Path f = nestedBomb(8, 8);
        Hostile.Outcome skip = Hostile.read(f, jsonl(ErrorPolicy.SKIP));
        assertThat(skip.error()).isNull();
        assertThat(skip.records()).extracting(r -> r.text().orElseThrow()).containsExactly("good", "good");
        assertThat(skip.problems()).filteredOn(p -> p.severity() == Problem.Severity.ERROR).hasSize(64).allSatisfy(p -> {
            assertThat(p.kind()).isEqualTo("limit");
            assertThat(p.location().entry().orElseThrow()).matches("middle\\d\\.zip!/inner\\d\\.zip!/zeros\\.jsonl");
        });
    }

    @Test
    void underSkipTheGoodEntriesAfterABombInAStreamedZipAreRead() {
        byte[] inner = Archives.zip(Archives.entries().add("before.jsonl", RECORD)
                .add("zeros.jsonl", new byte[4 << 20]).add("after.jsonl", RECORD));
        Path f = Archives.write(dir.resolve("outer.tar"), Archives.tar(Archives.entries().add("inner.zip", inner)));
        Hostile.Outcome skip = Hostile.read(f, jsonl(ErrorPolicy.SKIP));
        assertThat(skip.records()).hasSize(2);
    }

    /** A tar of {@code count} entries of one small JSON Lines record each, made as it is read. */
    private static GeneratedInputStream tarOf(long count) {
        byte[] data = Arrays512.pad(RECORD.getBytes(StandardCharsets.UTF_8));
        return GeneratedInputStream.of(new byte[0], i -> {
            TarArchiveEntry e = new TarArchiveEntry(String.format("e%07d.jsonl", i));
            e.setSize(RECORD.length());
            byte[] block = new byte[512 + data.length];
            e.writeEntryHeader(block);
            System.arraycopy(data, 0, block, 512, data.length);
            return block;
        }, count, new byte[1024]);
    }

    @Test
    void aTarOfAMillionTinyEntriesIsRefusedAtMaxEntries() {
        // The default limit is 100,000 entries; 10,000 keeps the test short (lam spends about 0.1 ms an entry).
        GeneratedInputStream tar = tarOf(1_000_000);
        ReadOptions o = jsonl(ErrorPolicy.FAIL).toBuilder().limits(ReadLimits.builder().maxEntries(10_000).build()).build();
        Hostile.Outcome out = Hostile.read(tar, "million.tar", o);
        assertThat(out.refused()).isInstanceOf(LamLimitExceededException.class)
                .hasMessageContaining("million.tar").hasMessageContaining("maxEntries (10000)");
        assertThat(out.records()).hasSize(10_000);
        assertThat(tar.produced()).as("stopped at the limit, never read the whole gigabyte")
                .isLessThan(10_010L * 1024);
    }

    @Test
    void aGzipStreamThatNeverEndsIsRefusedAtTheRatioLimit() {
        byte[] member = gzip(new byte[1 << 20]);
        GeneratedInputStream endless = GeneratedInputStream.of(new byte[0], i -> member, Long.MAX_VALUE, new byte[0]);
        Hostile.Outcome out = Hostile.read(endless, "endless.jsonl.gz", jsonl(ErrorPolicy.FAIL));
        assertThat(out.refused()).isInstanceOf(LamLimitExceededException.class)
                .hasMessageContaining("endless.jsonl.gz").hasMessageContaining("maxCompressionRatio");
        assertThat(endless.produced()).isLessThan(1 << 20);
    }

    @Test
    void aGzipStreamOfGoodRecordsThatNeverEndsStopsAtMaxInputBytes() {
        byte[] member = gzip(RECORD.repeat(100).getBytes(StandardCharsets.UTF_8));
        GeneratedInputStream endless = GeneratedInputStream.of(new byte[0], i -> member, Long.MAX_VALUE, new byte[0]);
        ReadOptions o = jsonl(ErrorPolicy.FAIL).toBuilder()
                .limits(ReadLimits.builder().maxInputBytes(4 << 20).maxCompressionRatio(1000).build()).build();
        Hostile.Outcome out = Hostile.read(endless, "records.jsonl.gz", o);
        assertThat(out.refused()).isInstanceOf(LamLimitExceededException.class).hasMessageContaining("maxInputBytes");
        assertThat(out.records()).hasSizeBetween(100_000, (4 << 20) / RECORD.length());
    }

    @Test
    void entriesThatClimbOutOrAreAbsoluteAreReportedAndNeverRead() {
        Archives.Entries e = Archives.entries()
                .add("../../x.jsonl", "{\"id\":\"climb\"}\n")
                .add("/etc/abs.jsonl", "{\"id\":\"absolute\"}\n")
                .add("a/../../y.jsonl", "{\"id\":\"climb-later\"}\n")
                .add("good/z.jsonl", "{\"id\":\"kept\"}\n");
        for (Path f : new Path[] {Archives.write(dir.resolve("slip.zip"), Archives.zip(e)),
                Archives.write(dir.resolve("slip.tar"), Archives.tar(e))}) {
            Hostile.Outcome out = Hostile.read(f, jsonl(ErrorPolicy.SKIP));
            assertThat(out.records()).extracting(r -> r.id()).as(f.toString()).containsExactly("kept");
            assertThat(out.problems()).as(f.toString()).extracting(p -> p.location().entry().orElse(""))
                    .containsExactly("../../x.jsonl", "/etc/abs.jsonl", "a/../../y.jsonl");
            Hostile.Outcome fail = Hostile.read(f, jsonl(ErrorPolicy.FAIL));
            assertThat(fail.refused()).hasMessageContaining("../../x.jsonl");
        }
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(buf)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toByteArray();
    }

    /** Tar data blocks. */
    static final class Arrays512 {
        static byte[] pad(byte[] b) {
            byte[] out = new byte[(b.length + 511) / 512 * 512];
            System.arraycopy(b, 0, out, 0, b.length);
            return out;
        }
    }
}
