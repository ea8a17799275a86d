package org.biglam.lam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.biglam.lam.testing.Archives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorPolicyTest {

    @TempDir
    Path dir;

    private Path tarGzWithABadMemberInTheMiddle() {
        byte[] corruptGzip = Archives.gzip("{\"id\":\"lost\"}\n".repeat(50).getBytes(StandardCharsets.UTF_8));
        corruptGzip = java.util.Arrays.copyOf(corruptGzip, corruptGzip.length / 2);
        return Archives.write(dir.resolve("delivery.tar.gz"), Archives.gzip(Archives.tar(Archives.entries()
                .add("part-1.jsonl", "{\"id\":\"a1\",\"text\":\"x\"}\n{\"id\":\"a2\",\"text\":\"y\"}\n")
                .add("part-2.jsonl", "{\"id\":\"b1\",\"text\":\"x\"}\n{\"id\":\"b2\" \"text\":\"broken\"}\n")
                .add("part-3.jsonl.gz", corruptGzip)
                .add("part-4.jsonl", "{\"id\":\"d1\",\"text\":\"z\"}\n"))));
    }

    @Test
    void failStopsAtTheFirstProblemAndNamesTheMemberRecordAndLine() {
        Path f = tarGzWithABadMemberInTheMiddle();
        assertThatThrownBy(() -> {
            try (var s = Lam.read(f)) {
                s.count();
            }
        }).isInstanceOf(LamFormatException.class)
                .hasMessageStartingWith(f.toUri() + "!/part-2.jsonl record 1 line 2")
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void skipYieldsEveryGoodRecordAndReportsEachProblemWithItsPlace() {
        Path f = tarGzWithABadMemberInTheMiddle();
        try (LamReader reader = Lam.open(f, ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).build())) {
            List<String> ids = reader.stream().map(LamRecord::id).collect(Collectors.toList());
            assertThat(ids).containsExactly("a1", "a2", "b1", "d1");
            assertThat(reader.recordCount()).isEqualTo(4);
            assertThat(reader.errorCount()).isEqualTo(2);
            List<Problem> problems = reader.problems();
            assertThat(problems).extracting(p -> p.location().entry().orElse(""))
                    .containsExactly("part-2.jsonl", "part-3.jsonl.gz");
            assertThat(problems.get(0).location().line()).hasValue(2);
            assertThat(problems.get(1).kind()).isEqualTo("io");
        }
    }

    @Test
    void compressedDataCorruptOrCutShortIsPlacedAtTheCompressedByteWhereItFailed() {
        // text that compresses little, so that the data before the damage comes out of the decompressor
        java.util.Random random = new java.util.Random(3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            sb.append("{\"id\":\"r").append(i).append("\",\"text\":\"").append(Long.toString(random.nextLong(), 36))
                    .append(' ').append(Long.toString(random.nextLong(), 36)).append("\"}\n");
        }
        byte[] lines = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] gz = Archives.gzip(lines);
        byte[] corrupt = gz.clone();
        corrupt[gz.length - 8] ^= 0x5A; // the trailer's checksum damaged: "Gzip-compressed data is corrupt"
        byte[] cut = java.util.Arrays.copyOf(gz, gz.length / 2);
        for (byte[] bad : List.of(corrupt, cut)) {
            for (boolean stream : List.of(false, true)) {
                List<Problem> seen = new ArrayList<>();
                ReadOptions o = ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(seen::add).build();
                long records;
                if (stream) {
                    try (var s = Lam.read(new java.io.ByteArrayInputStream(bad), "part.jsonl.gz", o)) {
                        records = s.count();
                    }
                } else {
                    try (var s = Lam.read(Archives.write(dir.resolve("part.jsonl.gz"), bad), o)) {
                        records = s.count();
                    }
                }
                assertThat(records).as("the records before the damage").isPositive().isLessThanOrEqualTo(2_000);
                assertThat(seen).singleElement().satisfies(p -> {
                    assertThat(p.kind()).isEqualTo("io");
                    assertThat(p.message()).startsWith("cannot read the gzip data: ");
                    // at a byte of the compressed input, after its header, not past its end
                    assertThat(p.location().offset()).isPresent();
                    assertThat(p.location().offset().getAsLong()).isGreaterThan(10).isLessThanOrEqualTo(bad.length);
                });
            }
        }
    }

    @Test
    void aRecordTheReaderStepsOverCostsOnlyThatRecord() {
        Path f = Archives.write(dir.resolve("r.txt"), "LAMTEST\na\nBAD\nb\nBOOM\nnever\n".getBytes(StandardCharsets.UTF_8));
        List<Problem> seen = new ArrayList<>();
        try (var s = Lam.read(f, ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(seen::add).build())) {
            assertThat(s.map(r -> r.text().orElseThrow())).containsExactly("a", "b");
        }
        assertThat(seen).extracting(Problem::message).containsExactly("bad line", "broken beyond repair");
        assertThat(seen).extracting(p -> p.location().index().getAsLong()).containsExactly(1L, 3L);
    }

    @Test
    void aMissingInputIsAProblemNotACrashUnderSkip() {
        List<Problem> seen = new ArrayList<>();
        ReadOptions o = ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(seen::add).build();
        try (LamReader r = Lam.open(List.of(dir.resolve("nope.mrc").toString()), o)) {
            assertThat(r.stream().count()).isZero();
        }
        assertThat(seen).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo("io"));
        assertThatThrownBy(() -> Lam.open(List.of(dir.resolve("nope.mrc").toString()), ReadOptions.defaults()))
                .isInstanceOf(LamIOException.class).hasMessageContaining("nope.mrc");
    }

    @Test
    void aGlobThatMatchesNoFileIsAProblemNamingThePattern() {
        Archives.write(dir.resolve("scans/p1.xml"), "LAMTEST\na\n".getBytes(StandardCharsets.UTF_8));
        String pattern = dir.resolve("scans").toString() + "/*.xmll";
        List<Problem> seen = new ArrayList<>();
        ReadOptions o = ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(seen::add).build();
        try (LamReader r = Lam.open(List.of(pattern), o)) {
            assertThat(r.stream().count()).isZero();
        }
        assertThat(seen).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("io");
            assertThat(p.toString()).contains("*.xmll").contains("no file matches");
        });
        assertThatThrownBy(() -> Lam.open(List.of(dir.resolve("nothing-?.txt").toString()), ReadOptions.defaults()))
                .isInstanceOf(LamIOException.class).hasMessageContaining("nothing-?.txt");
        try (LamReader r = Lam.open(List.of(dir.resolve("scans").toString() + "/*.xml"), ReadOptions.defaults())) {
            assertThat(r.stream().map(x -> x.text().orElseThrow())).containsExactly("a");
        }
    }

    @Test
    void aFileWhoseNameHasGlobCharactersIsReadAsThatFile() {
        Path f = Archives.write(dir.resolve("odd [1].txt"), "LAMTEST\nb\n".getBytes(StandardCharsets.UTF_8));
        try (LamReader r = Lam.open(List.of(f.toString()), ReadOptions.defaults())) {
            assertThat(r.stream().map(x -> x.text().orElseThrow())).containsExactly("b");
        }
    }

    @Test
    void anUnknownFormatIsAnErrorForAFileAndAWarningInsideAnArchive() {
        Path txt = Archives.write(dir.resolve("notes.unknown"), "just some words".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> {
            try (var s = Lam.read(txt)) {
                s.count();
            }
        }).isInstanceOf(UnsupportedFormatException.class).hasMessageContaining("no format on the class path");
        Path zip = Archives.write(dir.resolve("mixed.zip"), Archives.zip(Archives.entries()
                .add("scan.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})
                .add("notes.dat", new byte[] {1, 2, 3})
                .add("data.txt", "LAMTEST\nok\n")));
        try (LamReader r = Lam.open(zip, ReadOptions.defaults())) {
            assertThat(r.stream().map(x -> x.text().orElseThrow())).containsExactly("ok");
            assertThat(r.problems()).as("a page image is left out quietly, an unknown file with a warning")
                    .singleElement().satisfies(p -> {
                        assertThat(p.kind()).isEqualTo("unrecognised");
                        assertThat(p.location().entry()).contains("notes.dat");
                    });
            assertThat(r.errorCount()).isZero();
        }
    }

    /**
     * Three JSON Lines members of 1,000 records each (some 70 KB), their text varied so that they do
     * not compress to nothing.
     */
    private static Archives.Entries threeMembers() {
        java.util.Random rnd = new java.util.Random(7);
        Archives.Entries e = Archives.entries();
        for (int m = 0; m < 3; m++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 1000; i++) {
                sb.append("{\"id\":\"m").append(m).append('-').append(i).append("\",\"text\":\"");
                for (int k = 0; k < 40; k++) {
                    sb.append((char) ('a' + rnd.nextInt(26)));
                }
                sb.append("\"}\n");
            }
            e.add("m" + m + ".jsonl", sb.toString());
        }
        return e;
    }

    private static List<Problem> readCut(Path f, List<String> ids) {
        List<Problem> seen = new ArrayList<>();
        ReadOptions o = ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(seen::add).build();
        try (var s = Lam.read(f, o)) {
            s.forEach(r -> ids.add(r.id()));
        }
        return seen;
    }

    @Test
    void aZipFileCutShortGivesTheEntriesBeforeTheCut() {
        byte[] zip = Archives.zip(threeMembers());
        int second = indexOf(zip, "m1.jsonl".getBytes(StandardCharsets.UTF_8));
        Path f = Archives.write(dir.resolve("download.zip"), java.util.Arrays.copyOf(zip, second + 200));
        List<String> ids = new ArrayList<>();
        List<Problem> problems = readCut(f, ids);
        assertThat(ids).hasSize(1000).allMatch(id -> id.startsWith("m0-"));
        assertThat(problems).filteredOn(p -> p.kind().equals("archive")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no readable central directory"));
        // the cut is met in the second entry and again where the next one should begin, at its offset
        assertThat(problems).filteredOn(p -> p.severity() == Problem.Severity.ERROR).isNotEmpty()
                .allSatisfy(p -> assertThat(p.kind()).isEqualTo("io"));
        assertThat(problems).filteredOn(p -> p.location().offset().isPresent()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("cannot read the next entry of the zip archive"));
    }

    @Test
    void aTarGzCutShortGivesTheEntriesBeforeTheCut() {
        byte[] tgz = Archives.gzip(Archives.tar(threeMembers()));
        Path f = Archives.write(dir.resolve("download.tar.gz"), java.util.Arrays.copyOf(tgz, tgz.length * 6 / 10));
        List<String> ids = new ArrayList<>();
        List<Problem> problems = readCut(f, ids);
        // every record of the first member (which ends some 56 KB before the cut: more than the
        // 32 KB a gzip read that meets the cut may lose), none of the third
        assertThat(ids).filteredOn(id -> id.startsWith("m0-")).hasSize(1000);
        assertThat(ids).noneMatch(id -> id.startsWith("m2-"));
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.kind()).isEqualTo("io"));
        assertThat(problems).anySatisfy(p -> assertThat(p.location().offset()).isPresent());
    }

    @Test
    void aCompressedStreamWhoseHeaderCannotBeReadIsLocatedAtItsStart() {
        // fuzz finding of 2026-12-04: "cannot read: Unsupported compression method 224 in the .gz header"
        // named only its input; bzip2's "Bad block header" likewise
        byte[] gz = {0x1f, (byte) 0x8b, (byte) 0xe0, (byte) 0xe9, 0x06, 0x00};
        byte[] bz = "BZh7\n\0\0o7<Coor<x".getBytes(StandardCharsets.ISO_8859_1);
        byte[] tar = Archives.tar(Archives.entries().add("a.jsonl", "{\"id\":\"a\"}\n").add("b.jsonl.gz", gz)
                .add("c.jsonl", "{\"id\":\"c\"}\n"));
        for (Path f : List.of(Archives.write(dir.resolve("x.jsonl.gz"), gz), Archives.write(dir.resolve("x.jsonl.bz2"), bz))) {
            List<Problem> problems = readCut(f, new ArrayList<>());
            assertThat(problems).as(f.toString()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo("io");
                assertThat(p.message()).startsWith("cannot read the ");
                assertThat(p.location().offset()).hasValue(0);
            });
        }
        List<String> ids = new ArrayList<>();
        List<Problem> problems = readCut(Archives.write(dir.resolve("t.tar"), tar), ids);
        assertThat(ids).containsExactly("a", "c");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("Unsupported compression method");
            assertThat(p.location().entry()).hasValue("b.jsonl.gz");
            assertThat(p.location().offset()).hasValue(0);
        });
    }

    @Test
    void dataThatEndsEarlySaysSo() {
        byte[] xz = Archives.xz("{\"id\":\"a\"}\n".repeat(100).getBytes(StandardCharsets.UTF_8));
        Path f = Archives.write(dir.resolve("cut.jsonl.xz"), java.util.Arrays.copyOf(xz, xz.length / 2));
        List<Problem> problems = readCut(f, new ArrayList<>());
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("io");
            assertThat(p.message()).contains("the data ends before it should");
        });
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
