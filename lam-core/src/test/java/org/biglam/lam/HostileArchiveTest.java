package org.biglam.lam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.biglam.lam.testing.Archives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives made to hurt: refused at bounded cost with a clear error. */
class HostileArchiveTest {

    /** Generous guard against a hang; the refusals themselves take milliseconds. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /** A zip holding one entry of {@code gib} GiB of zeros (deflated to a few MiB). */
    static byte[] zipBomb(String entryName, int mib) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(buf)) {
            zip.putArchiveEntry(new ZipArchiveEntry(entryName));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < mib; i++) {
                zip.write(zeros);
            }
            zip.closeArchiveEntry();
        }
        return buf.toByteArray();
    }

    @Test
    void refusesAZipBombAfterAboutAMegabyte() throws IOException {
        byte[] bomb = zipBomb("zeros.jsonl", 2048);
        assertThat(bomb.length).isLessThan(3 << 20);
        Path f = Archives.write(dir.resolve("bomb.zip"), bomb);
        assertTimeoutPreemptively(HANG_GUARD, () -> assertThatThrownBy(() -> {
            try (var s = Lam.read(f, ReadOptions.builder().format("lam-jsonl").build())) {
                s.count();
            }
        }).isInstanceOf(LamLimitExceededException.class)
                .hasMessageContaining("bomb.zip!/zeros.jsonl")
                .hasMessageContaining("maxCompressionRatio")
                // placed at the compressed byte the refusal came at: about a megabyte of output, some kilobytes in
                .satisfies(e -> assertThat(((LamLimitExceededException) e).location().orElseThrow().offset().getAsLong())
                        .isPositive().isLessThan(bomb.length)));
    }

    @Test
    void refusesANestedZipBombInsideATarGz() throws IOException {
        byte[] inner = zipBomb("zeros.txt", 1024);
        Path f = Archives.write(dir.resolve("nested.tar.gz"), Archives.gzip(Archives.tar(Archives.entries()
                .add("ok.jsonl", "{\"text\":\"fine\"}\n").add("inner.zip", inner)
                .add("after.jsonl", "{\"text\":\"still\"}\n"))));
        List<Problem> problems = new ArrayList<>();
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (var s = Lam.read(f, ReadOptions.builder().format("lam-jsonl").errorPolicy(ErrorPolicy.SKIP)
                    .onProblem(problems::add).build())) {
                assertThat(s.map(r -> r.text().orElseThrow())).containsExactly("fine", "still");
            }
        });
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("limit");
            assertThat(p.location().entry()).contains("inner.zip!/zeros.txt");
        });
    }

    @Test
    void passesARefusedEntryOfAZipInsideAnArchiveAndReadsTheEntriesAfterIt() throws IOException {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        try (org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream zip =
                new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(buf)) {
            for (String name : new String[] {"before.jsonl", "bomb.jsonl", "after.jsonl"}) {
                zip.putArchiveEntry(new ZipArchiveEntry(name));
                if (name.startsWith("bomb")) {
                    byte[] zeros = new byte[1 << 20];
                    for (int i = 0; i < 256; i++) {
                        zip.write(zeros);
                    }
                } else {
                    zip.write(("{\"id\":\"" + name + "\"}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                zip.closeArchiveEntry();
            }
        }
        Path f = Archives.write(dir.resolve("delivery.tar"), Archives.tar(Archives.entries().add("batch.zip", buf.toByteArray())));
        List<Problem> problems = new ArrayList<>();
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (var s = Lam.read(f, ReadOptions.builder().format("lam-jsonl").errorPolicy(ErrorPolicy.SKIP)
                    .onProblem(problems::add).build())) {
                assertThat(s.map(LamRecord::id)).containsExactly("before.jsonl", "after.jsonl");
            }
        });
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.location().entry()).contains("batch.zip!/bomb.jsonl"));
    }

    @Test
    void refusesAGzipStreamOfEndlessConcatenatedMembersAtTheRatioLimit() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] member = Archives.gzip(new byte[1 << 20]);
        for (int i = 0; i < 200; i++) {
            buf.write(member);
        }
        Path f = Archives.write(dir.resolve("endless.jsonl.gz"), buf.toByteArray());
        assertTimeoutPreemptively(HANG_GUARD, () -> assertThatThrownBy(() -> {
            try (var s = Lam.read(f, ReadOptions.builder().format("lam-jsonl").build())) {
                s.count();
            }
        }).isInstanceOf(LamLimitExceededException.class).hasMessageContaining("maxCompressionRatio")
                .satisfies(e -> assertThat(((LamLimitExceededException) e).location().orElseThrow().offset())
                        .isPresent()));
    }

    @Test
    void reportsEntriesThatClimbOutOrAreAbsoluteAndNeverFollowsThem() {
        Path f = Archives.write(dir.resolve("slip.tar"), Archives.tar(Archives.entries()
                .add("../x.txt", "LAMTEST\nclimb\n")
                .add("/etc/x.txt", "LAMTEST\nabsolute\n")
                .add("good/y.txt", "LAMTEST\nkept\n")));
        List<Problem> problems = new ArrayList<>();
        try (var s = Lam.read(f, ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(problems::add).build())) {
            assertThat(s.map(r -> r.text().orElseThrow())).containsExactly("kept");
        }
        assertThat(problems).extracting(p -> p.location().entry().orElse(""))
                .containsExactly("../x.txt", "/etc/x.txt");
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).contains("unsafe entry name"));
    }

    @Test
    void refusesAnArchiveWithMoreEntriesThanTheLimit() {
        Archives.Entries e = Archives.entries();
        for (int i = 0; i < 50; i++) {
            e.add("e" + i + ".txt", "LAMTEST\n" + i + "\n");
        }
        Path f = Archives.write(dir.resolve("many.tar"), Archives.tar(e));
        ReadOptions o = ReadOptions.builder().limits(ReadLimits.builder().maxEntries(10).build()).build();
        assertThatThrownBy(() -> {
            try (var s = Lam.read(f, o)) {
                s.count();
            }
        }).isInstanceOf(LamLimitExceededException.class).hasMessageContaining("maxEntries (10)");
        ReadOptions skip = o.toBuilder().errorPolicy(ErrorPolicy.SKIP).build();
        try (var s = Lam.read(f, skip)) {
            assertThat(s.collect(Collectors.toList())).hasSize(10);
        }
    }

    @Test
    void refusesAnEntryLargerThanMaxInputBytes() {
        Path f = Archives.write(dir.resolve("big.tar"), Archives.tar(Archives.entries()
                .add("big.txt", "LAMTEST\n" + "x".repeat(5000) + "\n").add("small.txt", "LAMTEST\nsmall\n")));
        ReadOptions o = ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP)
                .limits(ReadLimits.builder().maxInputBytes(1000).build()).build();
        try (LamReader r = Lam.open(f, o)) {
            assertThat(r.stream().map(x -> x.text().orElseThrow())).containsExactly("small");
            assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo("limit"));
        }
    }

    /**
     * A zip of three JSON Lines entries whose middle one claims XZ (method 95), stored or deflated, without
     * its central directory.
     */
    private static byte[] zipWithAnXzEntry(boolean stored) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(buf)) {
            for (String name : new String[] {"before.jsonl", "xz-entry.jsonl", "after.jsonl"}) {
                byte[] data = ("{\"id\":\"" + name + "\"}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                ZipArchiveEntry e = new ZipArchiveEntry(name);
                if (stored) {
                    // sizes before the data: no data descriptor
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(data);
                    e.setMethod(ZipArchiveEntry.STORED);
                    e.setSize(data.length);
                    e.setCrc(crc.getValue());
                }
                zip.putArchiveEntry(e);
                zip.write(data);
                zip.closeArchiveEntry();
            }
        }
        byte[] zip = buf.toByteArray();
        byte[] name = "xz-entry.jsonl".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 30; i + name.length <= zip.length; i++) {
            if (java.util.Arrays.equals(zip, i, i + name.length, name, 0, name.length) && zip[i - 30] == 'P'
                    && zip[i - 29] == 'K' && zip[i - 28] == 3 && zip[i - 27] == 4) {
                zip[i - 30 + 8] = 95; // the local header's method: XZ
                zip[i - 30 + 9] = 0;
                break;
            }
        }
        // without its central directory (cut off, as in a delivery broken off), the zip is read as a stream
        for (int i = 0; i + 4 <= zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2) {
                return java.util.Arrays.copyOf(zip, i);
            }
        }
        return zip;
    }

    @Test
    void aStreamedZipEntryInXzIsALocatedProblemAndTheEntriesAfterItAreReadWhereTheyCanBeFound() throws IOException {
        // Commons Compress says it can read an XZ entry of a zip stream but makes no stream for it (and fails
        // on a null one): lam refuses it, by name; with its size before its data the next entry is found,
        // with its size after its data (deflated to a stream) nothing finds the next one
        for (boolean stored : new boolean[] {true, false}) {
            List<Problem> problems = new ArrayList<>();
            List<String> ids;
            try (var s = Lam.read(new java.io.ByteArrayInputStream(zipWithAnXzEntry(stored)), "delivery.zip",
                    ReadOptions.builder().format("lam-jsonl").errorPolicy(ErrorPolicy.SKIP).onProblem(problems::add)
                            .build())) {
                ids = s.map(LamRecord::id).collect(Collectors.toList());
            }
            assertThat(ids).as(stored ? "stored" : "deflated, sizes after the data")
                    .containsExactlyElementsOf(stored ? List.of("before.jsonl", "after.jsonl") : List.of("before.jsonl"));
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.location().entry()).contains("xz-entry.jsonl");
                assertThat(p.message()).contains("method (95)").contains("XZ entries are read from a zip file only")
                        .doesNotContain("NullPointerException");
                if (!stored) {
                    assertThat(p.message()).contains("the entries after it cannot be found in a stream");
                }
            });
        }
    }

    @Test
    void placesALimitPassedWhileDecompressingAtTheCompressedByteItWasPassedAt() {
        // no size to refuse before reading (a compressed stream): the limit trips as the bytes come out,
        // and the problem says where, in the compressed bytes read
        byte[] text = ("LAMTEST\n" + "x".repeat(50_000) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] gz = Archives.gzip(text);
        List<Problem> problems = new ArrayList<>();
        ReadOptions o = ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(problems::add)
                .limits(ReadLimits.builder().maxInputBytes(10_000).build()).build();
        try (var s = Lam.read(new java.io.ByteArrayInputStream(gz), "big.txt.gz", o)) {
            assertThat(s.count()).isZero();
        }
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("limit");
            assertThat(p.message()).contains("maxInputBytes");
            assertThat(p.location().offset().getAsLong()).isPositive().isLessThanOrEqualTo(gz.length);
        });
    }

    @Test
    void stopsAtTheArchiveDepthLimit() {
        byte[] inner = Archives.zip(Archives.entries().add("x.txt", "LAMTEST\ndeep\n"));
        for (int i = 0; i < 6; i++) {
            inner = Archives.zip(Archives.entries().add("level" + i + ".zip", inner));
        }
        Path f = Archives.write(dir.resolve("deep.zip"), inner);
        assertThatThrownBy(() -> {
            try (var s = Lam.read(f)) {
                s.count();
            }
        }).isInstanceOf(LamLimitExceededException.class).hasMessageContaining("maxArchiveDepth");
    }

}
