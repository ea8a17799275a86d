package org.biglam.lam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.biglam.lam.testing.Archives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectionTest {

    @TempDir
    Path dir;

    @Test
    void listsTheFormatsPluggedInThroughServiceLoader() {
        assertThat(Lam.formats()).extracting(FormatInfo::id).contains("lam-jsonl", "test-lines");
        FormatInfo t = Lam.formats().stream().filter(f -> f.id().equals("test-lines")).findFirst().orElseThrow();
        assertThat(t.granularities()).containsExactly("line", "word");
    }

    @Test
    void decidesByContentBeforeTheExtension() {
        Path misnamed = Archives.write(dir.resolve("lines.jsonl"), "LAMTEST\nx\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Lam.detect(misnamed.toString(), ReadOptions.defaults()))
                .singleElement().satisfies(d -> assertThat(d.format()).isEqualTo("test-lines"));
    }

    @Test
    void fallsBackToTheExtensionWhenContentIsInconclusive() {
        Path f = Archives.write(dir.resolve("records.jsonl"), "{\n \"id\": \"pretty\"\n}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Lam.detect(f.toString(), ReadOptions.defaults()))
                .singleElement().satisfies(d -> assertThat(d.format()).isEqualTo("lam-jsonl"));
    }

    @Test
    void namesEachArchiveEntryAndTheLayersTakenOff() {
        Path f = Archives.write(dir.resolve("x.tar.gz"), Archives.gzip(Archives.tar(Archives.entries()
                .add("a.txt", "LAMTEST\n1\n").add("b.jsonl.gz", Archives.gzip("{\"id\":\"1\",\"format\":\"x\",\"source\":{}}\n"
                        .getBytes(StandardCharsets.UTF_8))).add("c.bin", new byte[] {1, 2, 3}))));
        List<Detection> d = Lam.detect(f.toString(), ReadOptions.defaults());
        assertThat(d).extracting(Detection::entry).containsExactly("a.txt", "b.jsonl.gz", "c.bin");
        assertThat(d).extracting(Detection::format).containsExactly("test-lines", "lam-jsonl", null);
        assertThat(d.get(1).containers()).containsExactly("gzip", "tar", "gzip");
    }

    @Test
    void letsTheUserOverrideDetection() {
        Path f = Archives.write(dir.resolve("a.txt"), "{\"id\":\"1\"}\n".getBytes(StandardCharsets.UTF_8));
        ReadOptions forced = ReadOptions.builder().format("lam-jsonl").build();
        assertThat(Lam.detect(f.toString(), forced)).singleElement()
                .satisfies(x -> assertThat(x.format()).isEqualTo("lam-jsonl"));
        try (var s = Lam.read(f, forced)) {
            assertThat(s.count()).isEqualTo(1);
        }
    }
}
