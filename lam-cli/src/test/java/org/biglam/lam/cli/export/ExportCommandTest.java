package org.biglam.lam.cli.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.biglam.lam.cli.export.ExportTestSupport.body;
import static org.biglam.lam.cli.export.ExportTestSupport.files;
import static org.biglam.lam.cli.export.ExportTestSupport.fixture;
import static org.biglam.lam.cli.export.ExportTestSupport.frontMatter;
import static org.biglam.lam.cli.export.ExportTestSupport.lam;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExportCommandTest {

    @TempDir
    Path tmp;

    private static final JsonFactory JSON = new JsonFactory();

    /** The string and int fields of one JSON Lines row. */
    private static Map<String, Object> row(String line) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(line)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                m.put(name, t == JsonToken.VALUE_NUMBER_INT ? (Object) p.getLongValue() : p.getText());
            }
        }
        return m;
    }

    private static List<Map<String, Object>> rows(Path shard) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : Files.readAllLines(shard, StandardCharsets.UTF_8)) {
            out.add(row(line));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object o, Object... path) {
        Object cur = o;
        for (Object k : path) {
            cur = k instanceof Integer ? ((List<Object>) cur).get((Integer) k) : ((Map<String, Object>) cur).get(k);
        }
        return (T) cur;
    }

    @Test
    void jsonLinesTextClassificationHasTheHubLayoutAndACardWhoseCountsMatchTheShards() throws IOException {
        Path out = tmp.resolve("genre");
        var run = lam("export", fixture("texts.jsonl").toString(), "--out", out.toString(), "--as", "jsonl",
                "--label", "genre", "--split", "train=0.6,validation=0.2,test=0.2", "--seed", "7", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(files(out)).containsExactly("README.md", "data/test-00000-of-00001.jsonl",
                "data/train-00000-of-00001.jsonl", "data/validation-00000-of-00001.jsonl");

        Map<String, Object> yaml = frontMatter(out.resolve("README.md"));
        assertThat(yaml.get("license")).isEqualTo("other");
        assertThat((List<String>) at(yaml, "language")).containsExactly("en", "de", "fr");
        assertThat((Object) at(yaml, "pretty_name")).isEqualTo("genre");
        assertThat((List<String>) at(yaml, "task_categories")).containsExactly("text-classification");
        assertThat((List<String>) at(yaml, "size_categories")).containsExactly("n<1K");
        assertThat((Object) at(yaml, "configs", 0, "config_name")).isEqualTo("default");
        List<Map<String, Object>> dataFiles = at(yaml, "configs", 0, "data_files");
        assertThat(dataFiles).extracting(m -> m.get("split") + "=" + m.get("path"))
                .containsExactly("train=data/train-*", "validation=data/validation-*", "test=data/test-*");
        List<Map<String, Object>> features = at(yaml, "dataset_info", "features");
        assertThat(features).extracting(f -> f.get("name")).containsExactly("id", "group", "format", "text", "label",
                "labels");
        assertThat((Map<Object, Object>) at(features.get(4), "dtype", "class_label", "names"))
                .containsExactly(Map.entry("0", "fiction"), Map.entry("1", "history"), Map.entry("2", "poetry"));

        long total = 0;
        Map<Long, Long> classes = new HashMap<>();
        List<Map<String, Object>> splits = at(yaml, "dataset_info", "splits");
        for (Map<String, Object> split : splits) {
            Path shard = out.resolve("data/" + split.get("name") + "-00000-of-00001.jsonl");
            List<Map<String, Object>> rows = rows(shard);
            assertThat(((Number) split.get("num_examples")).longValue()).isEqualTo(rows.size());
            assertThat(((Number) split.get("num_bytes")).longValue()).isEqualTo(Files.size(shard));
            total += rows.size();
            rows.forEach(r -> classes.merge((Long) r.get("label"), 1L, Long::sum));
        }
        // 25 records: one without text, three (book6) without a genre
        assertThat(total).isEqualTo(21);
        assertThat(classes).containsExactlyInAnyOrderEntriesOf(Map.of(0L, 6L, 1L, 6L, 2L, 9L));

        String body = body(out.resolve("README.md"));
        assertThat(body).contains("Records read: 25; rows written: 21")
                .contains("1 without text, 3 without a `genre` label")
                .contains("| 0 | fiction |").contains("| 2 | poetry |")
                .contains("**The licence must be filled in.**")
                .contains("`alto` (24 records), `marc21` (1 records)")
                .contains("## Source").contains("## Limitations");
    }

    @Test
    void aRowKeepsTheRecordsFieldsAndEveryLabel() throws IOException {
        Path out = tmp.resolve("t");
        var run = lam("export", fixture("texts.jsonl").toString(), "--out", out.toString(), "--as", "jsonl",
                "--license", "CC0-1.0", "--language", "en,de", "--pretty-name", "Pages: a test", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        List<Map<String, Object>> rows = rows(out.resolve("data/train-00000-of-00001.jsonl"));
        assertThat(rows).hasSize(24);
        assertThat(rows.get(0)).containsExactly(Map.entry("id", "book0.xml#page-1"), Map.entry("group", "book0.xml"),
                Map.entry("format", "alto"), Map.entry("text", "Page 1 of book 0: word"),
                Map.entry("labels", "{\"title\":[\"Book 0\"],\"genre\":[\"fiction\"],\"language\":[\"en\"]}"));
        Map<String, Object> yaml = frontMatter(out.resolve("README.md"));
        assertThat(yaml.get("license")).isEqualTo("cc0-1.0");
        assertThat((List<String>) at(yaml, "language")).containsExactly("en", "de");
        assertThat(yaml.get("pretty_name")).isEqualTo("Pages: a test");
        assertThat((List<String>) at(yaml, "task_categories")).containsExactly("text-generation");
        assertThat(body(out.resolve("README.md"))).contains("Declared licence: `cc0-1.0`")
                .doesNotContain("must be filled in**");
    }

    @Test
    void parquetImageRowsEmbedLocalAndZippedImagesAndDuckdbReadsThemBack() throws Exception {
        var fx = new ExportTestSupport.ImageFixture(tmp);
        Path out = tmp.resolve("pq");
        var run = lam("export", fx.jsonl.toString(), "--out", out.toString(), "--as", "parquet", "--image",
                "--label", "genre", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        Path shard = out.resolve("data/train-00000-of-00001.parquet");
        assertThat(files(out)).containsExactly("README.md", "data/train-00000-of-00001.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            String f = "'" + shard + "'";
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + f)) {
                while (rs.next()) {
                    columns.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            assertThat(columns).containsExactly("id VARCHAR", "group VARCHAR", "format VARCHAR", "text VARCHAR",
                    "image STRUCT(bytes BLOB, path VARCHAR)", "label BIGINT", "labels VARCHAR");
            Map<String, Object[]> byId = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT id, image.bytes, image.path, label, text FROM " + f)) {
                while (rs.next()) {
                    byId.put(rs.getString(1), new Object[] {rs.getBytes(2), rs.getString(3), rs.getLong(4), rs.getString(5)});
                }
            }
            assertThat(byId.keySet()).containsExactly("m1#c1", "m1#c2", "m2#c1", "m3#c1");
            assertThat((byte[]) byId.get("m1#c1")[0]).isEqualTo(fx.local);
            assertThat(byId.get("m1#c1")[1]).isEqualTo("page%201.png");
            assertThat(byId.get("m1#c1")[3]).isEqualTo("Page one");
            assertThat((byte[]) byId.get("m1#c2")[0]).isEqualTo(fx.zipped);
            assertThat(byId.get("m1#c2")[1]).isEqualTo("p2.png");
            assertThat(byId.get("m2#c1")[0]).isNull();
            assertThat(byId.get("m2#c1")[1]).isEqualTo("https://iiif.example.org/x/full/full/0/default.jpg");
            byte[] crop = (byte[]) byId.get("m3#c1")[0];
            var img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(crop));
            assertThat(img.getWidth()).isEqualTo(3);
            assertThat(img.getHeight()).isEqualTo(2);
            assertThat(byId.values()).extracting(v -> v[2]).containsExactly(0L, 0L, 1L, 1L);
            try (ResultSet rs = st.executeQuery("SELECT decode(value) FROM parquet_kv_metadata(" + f
                    + ") WHERE decode(key) = 'huggingface'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).contains("\"image\":{\"_type\":\"Image\"}")
                        .contains("\"label\":{\"names\":[\"map\",\"photo\"],\"_type\":\"ClassLabel\"}");
            }
        }
        Map<String, Object> yaml = frontMatter(out.resolve("README.md"));
        assertThat((List<String>) at(yaml, "task_categories")).containsExactly("image-classification");
        assertThat((Object) at(yaml, "dataset_info", "features", 4)).isEqualTo(Map.of("name", "image", "dtype", "image"));
        assertThat((Object) at(yaml, "dataset_info", "splits", 0, "num_examples")).isEqualTo(4);
        assertThat(body(out.resolve("README.md"))).contains("1 without an image")
                .contains("Images without embedded bytes (referenced by path or URI only): 1 (1 remote");
    }

    @Test
    void parquetTextRowsSplitIntoShardsCountedInTheCard() throws Exception {
        Path out = tmp.resolve("pq-text");
        var run = lam("export", fixture("texts.jsonl").toString(), "--out", out.toString(), "--shard-size", "1",
                "--split", "train=0.5,test=0.5", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        List<String> shards = files(out.resolve("data"));
        Map<String, Object> yaml = frontMatter(out.resolve("README.md"));
        List<Map<String, Object>> splits = at(yaml, "dataset_info", "splits");
        long cardRows = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            for (Map<String, Object> split : splits) {
                String name = (String) split.get("name");
                long n = ((Number) split.get("num_examples")).longValue();
                List<String> mine = shards.stream().filter(s -> s.startsWith(name + "-")).toList();
                // one row per shard at a 1-byte shard size
                assertThat(mine).hasSize((int) n);
                String count = String.format("%05d", n);
                for (int i = 0; i < n; i++) {
                    assertThat(mine).contains(String.format("%s-%05d-of-%s.parquet", name, i, count));
                }
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM '" + out.resolve("data") + "/" + name
                        + "-*.parquet'")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(n);
                }
                cardRows += n;
            }
        }
        assertThat(cardRows).isEqualTo(24);
    }

    @Test
    void webdatasetShardsGroupMembersByKeyAndAreReproducible() throws Exception {
        var fx = new ExportTestSupport.ImageFixture(tmp);
        Path out = tmp.resolve("wds");
        var run = lam("export", fx.jsonl.toString(), "--out", out.toString(), "--as", "webdataset", "--image",
                "--label", "genre", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        List<String> names = new ArrayList<>();
        Map<String, byte[]> members = new HashMap<>();
        try (InputStream in = Files.newInputStream(out.resolve("data/train-00000-of-00001.tar"));
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                names.add(e.getName());
                members.put(e.getName(), tar.readAllBytes());
                assertThat(e.getModTime().getTime()).isZero();
                assertThat(e.getLongUserId()).isZero();
                assertThat(e.getMode() & 0777).isEqualTo(0644);
            }
        }
        // the remote image cannot be read here: its row is left out, so that every sample has the same members
        assertThat(names).containsExactly("000000000_m1_c1.json", "000000000_m1_c1.cls", "000000000_m1_c1.png",
                "000000001_m1_c2.json", "000000001_m1_c2.cls", "000000001_m1_c2.png",
                "000000002_m3_c1.json", "000000002_m3_c1.cls", "000000002_m3_c1.png");
        for (String n : names) {
            assertThat(n.substring(0, n.indexOf('.'))).doesNotContain(".");
        }
        assertThat(members.get("000000000_m1_c1.png")).isEqualTo(fx.local);
        assertThat(members.get("000000001_m1_c2.png")).isEqualTo(fx.zipped);
        assertThat(new String(members.get("000000002_m3_c1.cls"), StandardCharsets.UTF_8)).isEqualTo("1");
        assertThat(new String(members.get("000000000_m1_c1.json"), StandardCharsets.UTF_8))
                .contains("\"id\":\"m1#c1\"").contains("\"text\":\"Page one\"").contains("\"label_name\":\"map\"")
                .contains("\"image_format\":\"png\"");
        Map<String, Object> yaml = frontMatter(out.resolve("README.md"));
        assertThat((Object) at(yaml, "dataset_info", "splits", 0, "num_examples")).isEqualTo(3);
        assertThat((Object) at(yaml, "configs", 0, "data_files", 0, "path")).isEqualTo("data/train-*");
        assertThat(ExportTestSupport.body(out.resolve("README.md")))
                .contains("1 whose image could not be read here (remote or missing)");
    }

    @Test
    void webdatasetTextRowsHaveJsonTxtAndClsForEveryRow() throws Exception {
        Path out = tmp.resolve("wds-text");
        var run = lam("export", fixture("texts.jsonl").toString(), "--out", out.toString(), "--as", "webdataset",
                "--label", "genre", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        Map<String, List<String>> extensionsByKey = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(out.resolve("data/train-00000-of-00001.tar"));
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                String n = e.getName();
                extensionsByKey.computeIfAbsent(n.substring(0, n.indexOf('.')), k -> new ArrayList<>())
                        .add(n.substring(n.indexOf('.') + 1));
            }
        }
        assertThat(extensionsByKey).hasSize(21);
        assertThat(extensionsByKey.values()).allMatch(v -> v.equals(List.of("json", "txt", "cls")));
        assertThat(extensionsByKey.keySet()).first().isEqualTo("000000000_book0_xml_page-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsonl", "parquet", "webdataset"})
    void theSameInputAndSeedGiveByteIdenticalOutput(String layout) throws Exception {
        var fx = new ExportTestSupport.ImageFixture(tmp);
        List<Map<String, byte[]>> outputs = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            Path out = tmp.resolve(name).resolve("same");
            var run = lam("export", fixture("texts.jsonl").toString(), fx.jsonl.toString(), "--out", out.toString(),
                    "--as", layout, "--label", "genre", "--split", "train=0.7,test=0.3", "--seed", "3",
                    "--shard-size", "2k", "-q");
            assertThat(run.code()).as(run.err()).isZero();
            Map<String, byte[]> contents = new LinkedHashMap<>();
            for (String f : files(out)) {
                contents.put(f, Files.readAllBytes(out.resolve(f)));
            }
            outputs.add(contents);
        }
        assertThat(outputs.get(1).keySet()).containsExactlyElementsOf(outputs.get(0).keySet());
        outputs.get(0).forEach((f, bytes) -> assertThat(outputs.get(1).get(f)).as(f).isEqualTo(bytes));
    }

    @Test
    void noGroupAppearsInTwoSplits() throws IOException {
        Path in = tmp.resolve("many.jsonl");
        List<String> lines = new ArrayList<>();
        for (int g = 0; g < 60; g++) {
            for (int p = 0; p < 4; p++) {
                lines.add("{\"id\":\"doc" + g + "#p" + p + "\",\"format\":\"alto\",\"group\":\"doc" + g
                        + "\",\"text\":\"text " + g + " " + p + "\"}");
            }
        }
        Files.write(in, lines, StandardCharsets.UTF_8);
        Path out = tmp.resolve("many");
        var run = lam("export", in.toString(), "--out", out.toString(), "--as", "jsonl", "--split",
                "train=0.6,validation=0.2,test=0.2", "--seed", "11", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        Map<String, String> splitOfGroup = new HashMap<>();
        Map<String, Integer> groupsPerSplit = new HashMap<>();
        long rows = 0;
        for (String split : List.of("train", "validation", "test")) {
            Set<String> groups = new HashSet<>();
            for (Map<String, Object> r : rows(out.resolve("data/" + split + "-00000-of-00001.jsonl"))) {
                String g = (String) r.get("group");
                String before = splitOfGroup.put(g, split);
                assertThat(before).as(g).isIn(null, split);
                groups.add(g);
                rows++;
            }
            groupsPerSplit.put(split, groups.size());
        }
        assertThat(rows).isEqualTo(240);
        assertThat(splitOfGroup).hasSize(60);
        assertThat(groupsPerSplit.values()).allMatch(n -> n > 3);
    }

    @Test
    void anExistingOutIsRefusedUnlessOverwriteWhichKeepsOtherFiles() throws IOException {
        Path out = tmp.resolve("existing");
        Files.createDirectories(out.resolve(".git"));
        Files.writeString(out.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.createDirectories(out.resolve("data"));
        Files.writeString(out.resolve("data/old-00000-of-00001.jsonl"), "{}\n");
        var refused = lam("export", fixture("texts.jsonl").toString(), "--out", out.toString(), "--as", "jsonl");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("exists; add --overwrite");
        assertThat(files(out)).containsExactly(".git/HEAD", "data/old-00000-of-00001.jsonl");

        var replaced = lam("export", fixture("texts.jsonl").toString(), "--out", out.toString(), "--as", "jsonl",
                "--overwrite", "-q");
        assertThat(replaced.code()).as(replaced.err()).isZero();
        assertThat(files(out)).containsExactly(".git/HEAD", "README.md", "data/train-00000-of-00001.jsonl");
    }

    @Test
    void anEmptyOutFolderIsUsed() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("empty"));
        var run = lam("export", fixture("texts.jsonl").toString(), "--out", out.toString(), "--as", "jsonl", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(files(out)).containsExactly("README.md", "data/train-00000-of-00001.jsonl");
    }

    @Test
    void aFailedExportLeavesNoShardNamedAsComplete() throws IOException {
        Path out = tmp.resolve("failed");
        var run = lam("export", fixture("broken.jsonl").toString(), "--out", out.toString(), "--as", "jsonl",
                "--on-error", "fail");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("nothing was exported");
        assertThat(out).doesNotExist();
    }

    @Test
    void underSkipABrokenRecordIsCountedInTheCardAndTheExitCode() throws IOException {
        Path out = tmp.resolve("skipped");
        var run = lam("export", fixture("broken.jsonl").toString(), "--out", out.toString(), "--as", "jsonl", "-q");
        assertThat(run.code()).isEqualTo(1);
        assertThat(rows(out.resolve("data/train-00000-of-00001.jsonl"))).extracting(r -> r.get("id"))
                .containsExactly("ok-1", "ok-3");
        assertThat(body(out.resolve("README.md"))).contains("Problems while reading: 1 errors");
    }

    @Test
    void badChoicesAreUsageErrors() {
        String in = fixture("texts.jsonl").toString();
        String out = tmp.resolve("x").toString();
        assertThat(lam("export", in, "--out", out, "--as", "csv").code()).isEqualTo(2);
        assertThat(lam("export", in, "--out", out, "--split", "train=0.8,test=0.1").code()).isEqualTo(2);
        assertThat(lam("export", in, "--out", out, "--split", "Train Set=1").code()).isEqualTo(2);
        assertThat(lam("export", in, "--out", out, "--shard-size", "lots").code()).isEqualTo(2);
        assertThat(lam("export", in, "--out", out, "--text", "--image").code()).isEqualTo(2);
        assertThat(lam("export", in, "--out", out, "--label", "nosuchlabel").code()).isEqualTo(2);
        assertThat(lam("export", "-", "--out", out, "--label", "genre").code()).isEqualTo(2);
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void aSplitThatReceivesNoRowIsLeftOutOfTheCard() throws IOException {
        Path out = tmp.resolve("small");
        var run = lam("export", fixture("broken.jsonl").toString(), "--out", out.toString(), "--as", "jsonl",
                "--split", "train=0.999,test=0.001", "-q");
        assertThat(run.code()).isEqualTo(1);
        assertThat(files(out)).containsExactly("README.md", "data/train-00000-of-00001.jsonl");
        Map<String, Object> yaml = frontMatter(out.resolve("README.md"));
        assertThat(yaml.toString()).doesNotContain("split=test").doesNotContain("name=test");
        assertThat(body(out.resolve("README.md"))).contains("No row fell into test");
    }

    @Test
    void anExportInWhichNoRecordMakesARowFailsAndLeavesNothing() throws IOException {
        Path out = tmp.resolve("none");
        var run = lam("export", fixture("texts.jsonl").toString(), "--out", out.toString(), "--image", "-q");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("no record made a row (25 read");
        assertThat(out).doesNotExist();
    }

    @Test
    void anOutInsideAnInputFolderIsRefused() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("holdings"));
        Files.copy(fixture("texts.jsonl"), folder.resolve("texts.jsonl"));
        var run = lam("export", folder.toString(), "--out", folder.resolve("dataset").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("inside the input folder");
        assertThat(folder.resolve("dataset")).doesNotExist();
    }
}
