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
}
