package org.biglam.lam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.biglam.lam.jsonl.JsonLinesWriter;
import org.biglam.lam.testing.Archives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTest {

    @TempDir
    Path dir;

    static final LamRecord FULL = LamRecord.builder("page-0001.xml#line-12", "alto")
            .source(new RecordSource("file:///data/x.tar.gz", "pages/page-0001.xml", 11, 4711, 88))
            .group("page-0001.xml")
            .text("Whitby, a \"town\" — ſeaport\nnew line")
            .image(ImageRef.builder("file:///data/x.tar.gz!/images/p1.jpg").region(new Region(10, 20, 300, 40))
                    .size(2000, 3000).service("https://iiif.example.org/iiif/p1").mime("image/jpeg").build())
            .label("language", "en")
            .label("subject", "Whitby (England) -- History")
            .label("subject", "Seaports")
            .confidence(0.87)
            .build();

    private static List<LamRecord> readJsonl(String text, ReadOptions options) {
        try (var s = Lam.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "in.jsonl", options)) {
            return s.collect(Collectors.toList());
        }
    }

    @Test
    void writesTheContractsFieldNamesInTheirOrderAndLeavesOutAbsentValues() {
        assertThat(JsonLinesWriter.toJson(FULL)).isEqualTo("{\"id\":\"page-0001.xml#line-12\",\"format\":\"alto\","
                + "\"source\":{\"uri\":\"file:///data/x.tar.gz\",\"entry\":\"pages/page-0001.xml\",\"index\":11,"
                + "\"offset\":4711,\"line\":88},\"group\":\"page-0001.xml\","
                + "\"text\":\"Whitby, a \\\"town\\\" — ſeaport\\nnew line\","
                + "\"images\":[{\"uri\":\"file:///data/x.tar.gz!/images/p1.jpg\",\"service\":\"https://iiif.example.org/iiif/p1\","
                + "\"region\":{\"x\":10,\"y\":20,\"w\":300,\"h\":40},\"width\":2000,\"height\":3000,\"mime\":\"image/jpeg\"}],"
                + "\"labels\":{\"language\":[\"en\"],\"subject\":[\"Whitby (England) -- History\",\"Seaports\"]},"
                + "\"confidence\":0.87}");
        assertThat(JsonLinesWriter.toJson(LamRecord.builder("a", "tei").build()))
                .isEqualTo("{\"id\":\"a\",\"format\":\"tei\"}");
    }

    @Test
    void writesOcrQualityAfterConfidenceAndReadsItBack() throws IOException {
        OcrQuality q = OcrQuality.counter().word(1.0).word(0.5).word(Double.NaN).build();
        LamRecord page = FULL.toBuilder().quality(q).build();
        String json = JsonLinesWriter.toJson(page);
        assertThat(json).endsWith("\"confidence\":0.87,\"quality\":{\"words\":3,\"scored_words\":2,"
                + "\"mean\":0.75,\"sd\":0.25}}");
        LamRecord unscored = LamRecord.builder("u", "hocr").source(new RecordSource("file:///p.hocr", null, 0, -1, 3)).quality(OcrQuality.counter().word(Double.NaN).build()).build();
        assertThat(JsonLinesWriter.toJson(unscored))
                .isEqualTo("{\"id\":\"u\",\"format\":\"hocr\",\"source\":{\"uri\":\"file:///p.hocr\",\"index\":0,\"line\":3},\"quality\":{\"words\":1,\"scored_words\":0}}");
        List<LamRecord> back = readJsonl(json + "\n" + JsonLinesWriter.toJson(unscored) + "\n",
                ReadOptions.builder().localRoot(java.nio.file.Path.of("/data")).build());
        assertThat(back).containsExactly(page, unscored);
        assertThat(back.get(0).quality()).contains(q);
    }

    @Test
    void refusesAQualityWhoseFiguresAreOutOfRangeAsALocatedProblem() {
        assertThatThrownBy(() -> readJsonl("{\"id\":\"x\",\"quality\":{\"words\":2,\"scored_words\":3,\"mean\":0.5,"
                + "\"sd\":0.1}}\n", ReadOptions.defaults()))
                .isInstanceOf(LamFormatException.class).hasMessageContaining("quality")
                .hasMessageContaining("line 1");
    }

    @Test
    void readsBackWhatItWroteLosslessly() throws IOException {
        LamRecord bare = LamRecord.builder("b", "marc21").source(new RecordSource("file:///m.mrc", null, 0, 0, -1))
                .text("").build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordWriter w = Lam.jsonLinesWriter(out)) {
            w.write(FULL);
            w.write(bare);
        }
        // the image is a local file outside the folder of standard input (which has none): allowed by localRoot
        List<LamRecord> back = readJsonl(out.toString(StandardCharsets.UTF_8),
                ReadOptions.builder().localRoot(java.nio.file.Path.of("/data")).build());
        assertThat(back).containsExactly(FULL, bare);
        List<Problem> problems = new java.util.ArrayList<>();
        List<LamRecord> bounded = readJsonl(out.toString(StandardCharsets.UTF_8),
                ReadOptions.builder().onProblem(problems::add).build());
        assertThat(bounded.get(0).images()).as("the origin rule: standard input leads to no local file").isEmpty();
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo("reference"));
    }

    @Test
    void givesLinesWithoutASourceThePlaceTheyWereReadFrom() {
        List<LamRecord> back = readJsonl("{\"id\":\"x1\",\"text\":\"one\"}\n\n{\"text\":\"two\"}\n",
                ReadOptions.defaults());
        assertThat(back).hasSize(2);
        assertThat(back.get(0).id()).isEqualTo("x1");
        assertThat(back.get(0).format()).isEqualTo("lam-jsonl");
        assertThat(back.get(0).source()).contains(new RecordSource("stream:in.jsonl", null, 0, 0, 1));
        assertThat(back.get(1).id()).isEqualTo("in.jsonl#3");
        assertThat(back.get(1).source().get().line()).hasValue(3);
        assertThat(back.get(1).source().get().offset()).hasValue(26);
    }

    @Test
    void stepsOverABadLineUnderSkipAndNamesItsLine() {
        List<Problem> problems = new ArrayList<>();
        ReadOptions skip = ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(problems::add).build();
        List<LamRecord> back = readJsonl("{\"id\":\"1\"}\n{\"id\":\"2\",\"text\":\n{\"id\":\"3\"}\n", skip);
        assertThat(back).extracting(LamRecord::id).containsExactly("1", "3");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("malformed");
            assertThat(p.location().line()).hasValue(2);
            assertThat(p.location().index()).hasValue(1);
        });
        assertThatThrownBy(() -> readJsonl("{\"id\":\"1\"}\n{\"id\":\"2\",\"text\":\n", ReadOptions.defaults()))
                .isInstanceOf(LamFormatException.class)
                .hasMessageContaining("stream:in.jsonl record 1 line 2");
    }

    @Test
    void refusesJsonNestedDeeperThanTheLimit() {
        String deep = "{\"id\":\"d\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}\n";
        assertThatThrownBy(() -> readJsonl(deep, ReadOptions.defaults()))
                .isInstanceOf(LamLimitExceededException.class)
                .hasMessageContaining("nesting depth (1001) exceeds the maximum allowed (1000");
    }

    @Test
    void refusesALineLongerThanMaxRecordBytesAndGoesOn() {
        List<Problem> problems = new ArrayList<>();
        ReadOptions o = ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(problems::add)
                .limits(ReadLimits.builder().maxRecordBytes(100).build()).build();
        String text = "{\"id\":\"1\"}\n{\"id\":\"2\",\"text\":\"" + "x".repeat(500) + "\"}\n{\"id\":\"3\"}\n";
        assertThat(readJsonl(text, o)).extracting(LamRecord::id).containsExactly("1", "3");
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo("limit"));
    }

    @Test
    void isDetectedByContentInAnArchive() {
        byte[] tgz = Archives.gzip(Archives.tar(Archives.entries()
                .add("a/one.json", "{\"id\":\"1\",\"text\":\"uno\"}\n")
                .add("b/two.txt", "{\"id\":\"2\",\"text\":\"dos\"}\n")));
        Path file = Archives.write(dir.resolve("x.tar.gz"), tgz);
        try (var s = Lam.read(file)) {
            assertThat(s.map(r -> r.source().get().entry().orElse("") + "=" + r.text().orElse("")))
                    .containsExactly("a/one.json=uno", "b/two.txt=dos");
        }
    }
}
