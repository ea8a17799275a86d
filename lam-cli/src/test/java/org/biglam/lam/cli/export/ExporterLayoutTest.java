package org.biglam.lam.cli.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.biglam.lam.cli.export.ExportTestSupport.files;
import static org.biglam.lam.cli.export.ExportTestSupport.fixture;
import static org.biglam.lam.cli.export.ExportTestSupport.frontMatter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.Lam;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterLayoutTest {

    @TempDir
    Path tmp;

    private ExportResult export(Path out, int maxFilesPerFolder) throws IOException {
        ExportSettings s = new ExportSettings(out, Layout.JSONL, false, null, SplitPlan.parse("train=0.5,test=0.5", 1),
                1, null, List.of(), null, false, List.of("texts.jsonl"), null, "zstd", maxFilesPerFolder, false, 0);
        return new Exporter(s, () -> Lam.open(List.of(fixture("texts.jsonl").toString()),
                ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).build())).run();
    }

    @Test
    void tooManyShardsForOneFolderGoIntoFoldersPerSplitAndChunk() throws IOException {
        Path out = tmp.resolve("nested");
        ExportResult r = export(out, 4);
        assertThat(r.rows()).isEqualTo(24);
        Map<Path, Integer> perFolder = new HashMap<>();
        try (Stream<Path> s = Files.walk(out)) {
            s.forEach(p -> {
                if (!p.equals(out)) {
                    perFolder.merge(p.getParent(), 1, Integer::sum);
                }
            });
        }
        assertThat(perFolder.values()).allMatch(n -> n <= 4);
        long train = r.rowsPerSplit().get("train");
        String m = String.format("%05d", train);
        assertThat(files(out)).contains("data/train/00000/train-00000-of-" + m + ".jsonl",
                "data/train/00001/train-00004-of-" + m + ".jsonl");
        assertThat(files(out)).noneMatch(f -> f.contains(Exporter.PARTIAL));
        Map<String, Object> yaml = frontMatter(out.resolve("README.md"));
        assertThat(yaml.toString()).contains("path=data/train/**").contains("path=data/test/**");
    }

    @Test
    void shardsThatFitInOneFolderStayFlat() throws IOException {
        Path out = tmp.resolve("flat");
        ExportResult r = export(out, 10_000);
        assertThat(r.files()).hasSize(24);
        assertThat(files(out.resolve("data"))).allMatch(f -> f.matches("(train|test)-\\d{5}-of-\\d{5}\\.jsonl"));
    }
}
