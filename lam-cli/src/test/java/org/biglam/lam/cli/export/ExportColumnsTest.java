package org.biglam.lam.cli.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.biglam.lam.cli.export.ExportTestSupport.body;
import static org.biglam.lam.cli.export.ExportTestSupport.allFiles;
import static org.biglam.lam.cli.export.ExportTestSupport.files;
import static org.biglam.lam.cli.export.ExportTestSupport.fixture;
import static org.biglam.lam.cli.export.ExportTestSupport.frontMatter;
import static org.biglam.lam.cli.export.ExportTestSupport.lam;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Typed columns, quality columns, empty rows, configs and partitions, object rows and the card's
 * sections; every output loaded back (DuckDB for Parquet, a JSON parser for JSON Lines) with the
 * types the card declares.
 */
class ExportColumnsTest {

    @TempDir
    Path tmp;

    static final String[] TYPED = {"--column", "title,date:date,page:int,pages:int", "--column",
        "illustrated:bool,subject:list,page_f=page:float", "--keep-empty", "--split", "train=1"};

    private static String[] args(String first, Path out, String layout, String... more) {
        List<String> a = new ArrayList<>(List.of("export", first, "--out", out.toString(), "--as", layout, "-q"));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void parquetColumnsHaveTheTypesTheCardDeclaresAndValuesThatDoNotFitAreCountedNulls() throws Exception {
        Path out = tmp.resolve("pq");
        var run = lam(args(fixture("ocr.jsonl").toString(), out, "parquet", TYPED));
        assertThat(run.code()).as(run.err()).isZero();
        Map<String, String> declared = CardTypes.declared(out.resolve("README.md"), null);
        assertThat(declared.keySet()).containsExactly("id", "group", "format", "title", "date", "page", "pages",
                "illustrated", "subject", "page_f", "confidence", "word_count", "ocr_quality_mean", "ocr_quality_sd",
                "text", "empty", "labels");
        String files = "'" + out.resolve("data") + "/train-*.parquet'";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            assertThat(CardTypes.duckdbTypes(st, files)).isEqualTo(CardTypes.asDuckdb(declared));
            try (ResultSet rs = st.executeQuery("SELECT id, CAST(date AS VARCHAR), page, pages, illustrated, array_to_string(subject, '|'), "
                    + "page_f, confidence, word_count, ocr_quality_mean, ocr_quality_sd, empty, text FROM " + files
                    + " ORDER BY id")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("courrier.xml#page-1");
                assertThat(rs.getObject(2)).as("n.d. is no date").isNull();
                assertThat(rs.getObject(3)).as("1.5 is no int").isNull();
                assertThat(rs.getDouble(7)).isEqualTo(1.5);
                assertThat(rs.getObject(8)).isNull();
                assertThat(rs.getLong(9)).isEqualTo(4);
                assertThat(rs.getObject(10)).as("no word has a confidence").isNull();
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("gazette-1883.xml#page-1");
                assertThat(rs.getString(2)).isEqualTo("1883-06-02 00:00:00");
                assertThat(rs.getLong(3)).isEqualTo(1);
                assertThat(rs.getLong(4)).isEqualTo(4);
                assertThat(rs.getBoolean(5)).isTrue();
                assertThat(rs.getString(6)).isEqualTo("Shipping|Whitby (England)");
                assertThat(rs.getDouble(8)).isEqualTo(0.91);
                assertThat(rs.getLong(9)).isEqualTo(5);
                assertThat(rs.getDouble(10)).isEqualTo(0.91);
                assertThat(rs.getDouble(11)).isEqualTo(0.05);
                assertThat(rs.getBoolean(12)).isFalse();
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("gazette-1883.xml#page-2");
                assertThat(rs.getObject(4)).as("four is no int").isNull();
                assertThat(rs.getObject(5)).as("maybe is no bool").isNull();
                assertThat(rs.getObject(8)).isNull();
                assertThat(rs.getObject(9)).isNull();
                assertThat(rs.getBoolean(12)).isTrue();
                assertThat(rs.getObject(13)).isNull();
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("gazette-1891.xml#page-1");
                assertThat(rs.getString(2)).as("a range gives its start").isEqualTo("1891-01-01 00:00:00");
                assertThat(rs.getBoolean(5)).isFalse();
                assertThat(rs.getDouble(10)).isEqualTo(0.62);
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = st.executeQuery("SELECT decode(value) FROM parquet_kv_metadata(" + files
                    + ") WHERE decode(key) = 'huggingface'")) {
                rs.next();
                assertThat(rs.getString(1)).contains("\"date\":{\"dtype\":\"timestamp[ms]\"")
                        .contains("\"illustrated\":{\"dtype\":\"bool\"").contains("\"page_f\":{\"dtype\":\"float64\"");
            }
        }
        String body = body(out.resolve("README.md"));
        assertThat(body).contains("Label values that did not fit their column's type (written as null): 4 "
                + "(`date` 1, `illustrated` 1, `page` 1, `pages` 1)")
                .contains("Records without text kept as rows with `empty = true`: 1")
                .contains("Rows with OCR quality figures: 3")
                .contains("the plain mean of the words' confidence, the same figure as `ocr_quality_mean`");
    }

    @Test
    void jsonLinesValuesHaveTheJsonTypesOfTheCardsFeatures() throws Exception {
        Path out = tmp.resolve("jsonl");
        var run = lam(args(fixture("ocr.jsonl").toString(), out, "jsonl", TYPED));
        assertThat(run.code()).as(run.err()).isZero();
        Map<String, String> declared = CardTypes.declared(out.resolve("README.md"), null);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("data/train-00000-of-00001.jsonl"))) {
            rows.add(CardTypes.parse(line));
        }
        assertThat(rows).hasSize(4);
        for (Map<String, Object> row : rows) {
            assertThat(declared.keySet()).containsAll(row.keySet());
            row.forEach((k, v) -> CardTypes.assertFits(k, declared.get(k), v));
        }
        Map<String, Object> first = rows.get(0);
        assertThat(first.get("date")).isEqualTo("1883-06-02T00:00:00");
        assertThat(first.get("page")).isEqualTo(1L);
        assertThat(first.get("illustrated")).isEqualTo(true);
        assertThat(first.get("subject")).isEqualTo(List.of("Shipping", "Whitby (England)"));
        assertThat(first.get("word_count")).isEqualTo(5L);
        assertThat(first.get("empty")).isEqualTo(false);
        assertThat(rows.get(1)).containsEntry("empty", true).doesNotContainKey("text").doesNotContainKey("pages");
    }

    @Test
    void qualityAutoIsDecidedByTheFirstRecordWithTextNotByTheFirstRow() throws Exception {
        // holdings that start with IIIF canvases (an image, no text) and have their OCR further on
        Path in = tmp.resolve("holdings.jsonl");
        String canvas = "{\"id\":\"m.json#canvas-%d\",\"format\":\"iiif\",\"group\":\"m.json\","
                + "\"images\":[{\"uri\":\"https://example.org/iiif/p%d/full/max/0/default.jpg\"}]}\n";
        Files.writeString(in, String.format(canvas, 1, 1) + String.format(canvas, 2, 2)
                + "{\"id\":\"b.xml#page-1\",\"format\":\"alto\",\"group\":\"b.xml\",\"text\":\"HARBOUR NEWS\","
                + "\"images\":[{\"uri\":\"https://example.org/scans/b-1.jpg\"}],\"confidence\":0.8,"
                + "\"quality\":{\"words\":2,\"scored_words\":2,\"mean\":0.8,\"sd\":0.1}}\n");
        Path out = tmp.resolve("auto");
        var run = lam(args(in.toString(), out, "jsonl", "--image"));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(CardTypes.declared(out.resolve("README.md"), null)).containsKeys("confidence", "word_count",
                "ocr_quality_mean", "ocr_quality_sd");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("data/train-00000-of-00001.jsonl"))) {
            rows.add(CardTypes.parse(line));
        }
        assertThat(rows).extracting(r -> r.get("id")).containsExactly("m.json#canvas-1", "m.json#canvas-2",
                "b.xml#page-1");
        assertThat(rows.get(0)).doesNotContainKeys("confidence", "word_count");
        assertThat(rows.get(2)).containsEntry("word_count", 2L).containsEntry("confidence", 0.8);

        // the read-ahead stops at --limit: the two canvases alone have no quality to tell
        Path limited = tmp.resolve("auto-limited");
        run = lam(args(in.toString(), limited, "jsonl", "--image", "--limit", "2"));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(CardTypes.declared(limited.resolve("README.md"), null)).doesNotContainKeys("confidence",
                "word_count");
        assertThat(Files.readAllLines(limited.resolve("data/train-00000-of-00001.jsonl"))).hasSize(2);
    }

    @Test
    void noLabelsLeavesTheLabelsColumnOut() throws Exception {
        Path out = tmp.resolve("nolabels");
        var run = lam(args(fixture("ocr.jsonl").toString(), out, "jsonl", "--column", "title", "--no-labels",
                "--quality", "off"));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(CardTypes.declared(out.resolve("README.md"), null).keySet()).containsExactly("id", "group",
                "format", "title", "text");
        for (String line : Files.readAllLines(out.resolve("data/train-00000-of-00001.jsonl"))) {
            assertThat(CardTypes.parse(line)).doesNotContainKeys("labels", "confidence");
        }
        assertThat(body(out.resolve("README.md"))).contains("3 records carried a confidence or OCR quality that is "
                + "not written");
    }

    @Test
    void webdatasetJsonMembersCarryTheTypedValues() throws Exception {
        Path out = tmp.resolve("wds");
        var run = lam(args(fixture("ocr.jsonl").toString(), out, "webdataset", TYPED));
        assertThat(run.code()).as(run.err()).isZero();
        Map<String, String> json = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(out.resolve("data/train-00000-of-00001.tar"));
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (e.getName().endsWith(".json")) {
                    json.put(e.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(json).hasSize(4);
        Map<String, Object> first = CardTypes.parse(json.values().iterator().next());
        assertThat(first).containsEntry("date", "1883-06-02T00:00:00").containsEntry("page", 1L)
                .containsEntry("illustrated", true).containsEntry("word_count", 5L).containsEntry("empty", false)
                .containsEntry("subject", List.of("Shipping", "Whitby (England)"));
        assertThat(first.get("labels")).isInstanceOf(Map.class);
    }

    @Test
    void partitionsAndConfigsLiveSideBySideAndAnExportOfOneNeverTouchesAnother() throws Exception {
        Path out = tmp.resolve("configs");
        var run = lam(args(fixture("ocr.jsonl").toString(), out, "parquet", "--partition-by", "date:decade",
                "--column", "date:date"));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(files(out)).containsExactly("README.md", "data/1880s/train-00000-of-00001.parquet",
                "data/1890s/train-00000-of-00001.parquet", "data/unknown/train-00000-of-00001.parquet");
        Map<String, byte[]> before = new LinkedHashMap<>();
        for (String f : files(out.resolve("data"))) {
            before.put(f, Files.readAllBytes(out.resolve("data").resolve(f)));
        }

        run = lam(args(fixture("texts.jsonl").toString(), out, "parquet", "--config", "books", "--label", "genre",
                "--split", "train=0.5,test=0.5"));
        assertThat(run.code()).as(run.err()).isZero();
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            assertThat(Files.readAllBytes(out.resolve("data").resolve(e.getKey()))).as(e.getKey())
                    .isEqualTo(e.getValue());
        }
        Map<String, Object> yaml = frontMatter(out.resolve("README.md"));
        List<Map<String, Object>> configs = at(yaml, "configs");
        assertThat(configs).extracting(m -> m.get("config_name")).containsExactly("1880s", "1890s", "books",
                "unknown");
        List<Map<String, Object>> infos = at(yaml, "dataset_info");
        assertThat(infos).extracting(m -> m.get("config_name")).containsExactly("1880s", "1890s", "books", "unknown");
        assertThat((List<String>) at(yaml, "task_categories")).containsExactly("text-classification",
                "text-generation");
        String body = body(out.resolve("README.md"));
        assertThat(body).contains("<!-- lam:config 1880s -->\n## Config `1880s`").contains("## Config `books`")
                .contains("| 1880s | 1 | an earlier export").contains("| books | 21 | this export |");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            for (Map<String, Object> info : infos) {
                String name = (String) info.get("config_name");
                Map<String, String> declared = CardTypes.declared(out.resolve("README.md"), name);
                long rows = 0;
                for (Map<String, Object> split : (List<Map<String, Object>>) info.get("splits")) {
                    String files = "'" + out.resolve("data").resolve(name) + "/" + split.get("name") + "-*.parquet'";
                    assertThat(CardTypes.duckdbTypes(st, files)).as(name).isEqualTo(CardTypes.asDuckdb(declared));
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + files)) {
                        rs.next();
                        assertThat(rs.getLong(1)).isEqualTo(((Number) split.get("num_examples")).longValue());
                        rows += rs.getLong(1);
                    }
                }
                assertThat(rows).isPositive();
            }
        }

        // the same config again: refused without --overwrite, and nothing changes
        byte[] card = Files.readAllBytes(out.resolve("README.md"));
        run = lam(args(fixture("texts.jsonl").toString(), out, "parquet", "--config", "books"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("already has the config 'books'");
        assertThat(Files.readAllBytes(out.resolve("README.md"))).isEqualTo(card);
        // with --overwrite only that config's files are replaced
        run = lam(args(fixture("texts.jsonl").toString(), out, "parquet", "--config", "books", "--overwrite"));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(files(out.resolve("data/books"))).containsExactly("train-00000-of-00001.parquet");
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            assertThat(Files.readAllBytes(out.resolve("data").resolve(e.getKey()))).isEqualTo(e.getValue());
        }
        assertThat((List<Map<String, Object>>) at(frontMatter(out.resolve("README.md")), "configs")).hasSize(4);
    }

    @Test
    void aConfigAddedToADatasetWithoutConfigsKeepsItsDefaultConfig() throws Exception {
        Path out = tmp.resolve("classic");
        var run = lam(args(fixture("texts.jsonl").toString(), out, "jsonl", "--split", "train=0.5,test=0.5"));
        assertThat(run.code()).as(run.err()).isZero();
        Map<String, byte[]> before = new LinkedHashMap<>();
        for (String f : files(out.resolve("data"))) {
            before.put(f, Files.readAllBytes(out.resolve("data").resolve(f)));
        }
        run = lam(args(fixture("ocr.jsonl").toString(), out, "jsonl", "--config", "default"));
        assertThat(run.code()).as("the card names a config default").isEqualTo(2);
        run = lam(args(fixture("ocr.jsonl").toString(), out, "jsonl", "--config", "ocr"));
        assertThat(run.code()).as(run.err()).isZero();
        before.forEach((f, bytes) -> {
            try {
                assertThat(Files.readAllBytes(out.resolve("data").resolve(f))).as(f).isEqualTo(bytes);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Map<String, Object> yaml = frontMatter(out.resolve("README.md"));
        List<Map<String, Object>> configs = at(yaml, "configs");
        assertThat(configs).extracting(m -> m.get("config_name")).containsExactly("default", "ocr");
        assertThat((Object) at(configs.get(0), "data_files", 0, "path")).isEqualTo("data/train-*");
        assertThat((Object) at(configs.get(1), "data_files", 0, "path")).isEqualTo("data/ocr/train-*");
        List<Map<String, Object>> infos = at(yaml, "dataset_info");
        assertThat(infos).extracting(m -> m.get("config_name")).containsExactly("default", "ocr");
        assertThat((List<Map<String, Object>>) infos.get(0).get("splits")).extracting(m -> m.get("name"))
                .containsExactly("train", "test");
        assertThat(body(out.resolve("README.md"))).contains("<!-- lam:config default -->\n## Splits")
                .contains("<!-- lam:config ocr -->\n## Config `ocr`");
        // each config's declared features are what its rows hold
        for (String config : List.of("default", "ocr")) {
            Map<String, String> declared = CardTypes.declared(out.resolve("README.md"), config);
            Path dir = config.equals("default") ? out.resolve("data") : out.resolve("data/ocr");
            try (var files = Files.list(dir)) {
                for (Path shard : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                    for (String line : Files.readAllLines(shard)) {
                        CardTypes.parse(line).forEach((k, v) -> {
                            assertThat(declared).as(config).containsKey(k);
                            CardTypes.assertFits(k, declared.get(k), v);
                        });
                    }
                }
            }
        }
    }

    @Test
    void aConfigIsNotWrittenIntoAFolderWhoseCardLamDidNotWriteWithoutOverwrite() throws Exception {
        Path out = tmp.resolve("hub-clone");
        Files.createDirectories(out);
        Files.writeString(out.resolve("README.md"), "---\nlicense: cc0-1.0\n---\n# A card written by hand\n");
        var run = lam(args(fixture("ocr.jsonl").toString(), out, "jsonl", "--config", "ocr"));
        assertThat(run.code()).isEqualTo(2);
        assertThat(Files.readString(out.resolve("README.md"))).contains("written by hand");
        assertThat(files(out)).containsExactly("README.md");
    }

    @Test
    void partitionByLanguageWritesOneConfigPerLanguage() throws Exception {
        Path out = tmp.resolve("lang");
        var run = lam(args(fixture("texts.jsonl").toString(), out, "jsonl", "--partition-by", "language"));
        assertThat(run.code()).as(run.err()).isZero();
        List<Map<String, Object>> configs = at(frontMatter(out.resolve("README.md")), "configs");
        assertThat(configs).extracting(m -> m.get("config_name")).containsExactly("de", "en", "fr");
        for (Map<String, Object> c : configs) {
            for (String line : Files.readAllLines(out.resolve("data/" + c.get("config_name")
                    + "/train-00000-of-00001.jsonl"))) {
                assertThat(line).contains("\\\"language\\\":[\\\"" + c.get("config_name") + "\\\"]");
            }
        }
    }

    @Test
    void objectRowsHaveOnePageImageWithTheAltoBoxesInPixels() throws Exception {
        Path blank = tmp.resolve("0003.xml");
        Files.writeString(blank, "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\"><Description>"
                + "<MeasurementUnit>pixel</MeasurementUnit><sourceImageInformation><fileName>0003.png</fileName>"
                + "</sourceImageInformation></Description><Layout><Page ID=\"P3\" WIDTH=\"100\" HEIGHT=\"150\">"
                + "<PrintSpace><TextBlock ID=\"B1\" HPOS=\"5\" VPOS=\"5\" WIDTH=\"50\" HEIGHT=\"10\"><TextLine ID=\"L1\" "
                + "HPOS=\"5\" VPOS=\"5\" WIDTH=\"50\" HEIGHT=\"10\"><String CONTENT=\"Notices\" WC=\"0.9\" HPOS=\"5\" "
                + "VPOS=\"5\" WIDTH=\"50\" HEIGHT=\"10\"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>");
        Path out = tmp.resolve("objects");
        var run = lam("export", Path.of("../examples/holdings/newspaper/0001.xml").toString(),
                Path.of("../examples/holdings/newspaper/0002.xml").toString(), blank.toString(), "--out",
                out.toString(), "--objects", "illustration", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        Map<String, Object> yaml = frontMatter(out.resolve("README.md"));
        assertThat((List<String>) at(yaml, "task_categories")).containsExactly("object-detection");
        Map<String, String> declared = CardTypes.declared(out.resolve("README.md"), null);
        String files = "'" + out.resolve("data") + "/train-*.parquet'";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            assertThat(CardTypes.duckdbTypes(st, files)).isEqualTo(CardTypes.asDuckdb(declared));
            try (ResultSet rs = st.executeQuery("SELECT id, width, height, len(objects), CAST(objects[1].bbox AS "
                    + "VARCHAR), objects[1].category, image.bytes IS NOT NULL FROM " + files + " ORDER BY id")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("0001.xml");
                assertThat(rs.getLong(2)).isEqualTo(240);
                assertThat(rs.getLong(3)).isEqualTo(360);
                assertThat(rs.getLong(4)).isEqualTo(1);
                // <Illustration ID="P1_IL1" HPOS="20" VPOS="116" WIDTH="200" HEIGHT="112">
                assertThat(rs.getString(5)).isEqualTo("[20.0, 116.0, 200.0, 112.0]");
                assertThat(rs.getString(6)).isEqualTo("Illustration");
                assertThat(rs.getBoolean(7)).as("the page image is embedded").isTrue();
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("0002.xml");
                assertThat(rs.getString(5)).isEqualTo("[130.0, 200.0, 90.0, 120.0]");
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("0003.xml");
                assertThat(rs.getLong(2)).isEqualTo(100);
                assertThat(rs.getLong(4)).as("a page without an illustration has an empty list").isZero();
            }
        }
        assertThat(body(out.resolve("README.md"))).contains("Regions (`illustration` records with a box): 2");
    }

    @Test
    void theCardDocumentsSourcePeopleLicenceAndLimitationsByKindOfSource() throws Exception {
        Path out = tmp.resolve("card");
        var run = lam(args(fixture("ocr.jsonl").toString(), out, "parquet", TYPED));
        assertThat(run.code()).as(run.err()).isZero();
        Map<String, Object> yaml = frontMatter(out.resolve("README.md"));
        assertThat(yaml.get("license")).isEqualTo("other");
        assertThat((List<String>) at(yaml, "annotations_creators")).containsExactly("machine-generated");
        assertThat((List<String>) at(yaml, "language_creators")).containsExactly("machine-generated");
        assertThat((List<String>) at(yaml, "multilinguality")).containsExactly("multilingual");
        assertThat((List<String>) at(yaml, "source_datasets")).containsExactly("original");
        assertThat((List<String>) at(yaml, "task_ids")).containsExactly("language-modeling");
        String body = body(out.resolve("README.md"));
        assertThat(body).contains("## How the text was made").contains("are joined and the hyphen dropped")
                .contains("--column date=date:date")
                .contains("- `collection`: Whitby newspapers (3 rows)")
                .contains("- `identifier`: GAZ-1883-06-02 (1 rows)")
                .contains("Every record's `rights` label names one licence, Hub id `cc-by-4.0`")
                .contains("`--license cc-by-4.0`")
                .contains("OCR text (alto) carries recognition errors")
                .doesNotContain("Catalogue and other metadata")
                .contains("- Rows per decade (`date` label): 1880s 2, 1890s 1")
                .contains("| `subject` | 2 | Jet (1), Shipping (1), Whitby (England) (1) |")
                .contains("## Example row").contains("\"date\" : \"1883-06-02T00:00:00\"")
                .contains("No label of the records names people");

        Path marc = tmp.resolve("marc");
        run = lam("export", Path.of("../examples/holdings/marc/books.mrc").toString(), "--out", marc.toString(),
                "--column", "genre,date:date,subject:list", "--license", "cc0-1.0", "-q");
        assertThat(run.code()).as(run.err()).isZero();
        Map<String, Object> my = frontMatter(marc.resolve("README.md"));
        assertThat((List<String>) at(my, "annotations_creators")).containsExactly("expert-generated");
        String mb = body(marc.resolve("README.md"));
        assertThat(mb).contains("Catalogue and other metadata (marc21)").doesNotContain("OCR text (")
                .contains("The records name people: `contributor` (1 rows), `creator` (8 rows)").doesNotContain("## Confidence and OCR quality")
                .contains("Declared licence: `cc0-1.0`");
    }

    @Test
    void theSameInputGivesByteIdenticalShardsAndCardWithEveryNewOption() throws Exception {
        List<Map<String, byte[]>> outputs = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            Path out = tmp.resolve(name).resolve("same");
            List<String> a = new ArrayList<>(List.of(args(fixture("ocr.jsonl").toString(), out, "parquet", TYPED)));
            a.addAll(List.of("--partition-by", "language"));
            var run = lam(a.toArray(new String[0]));
            assertThat(run.code()).as(run.err()).isZero();
            Map<String, byte[]> contents = new LinkedHashMap<>();
            for (String f : allFiles(out)) {
                contents.put(f, Files.readAllBytes(out.resolve(f)));
            }
            outputs.add(contents);
        }
        // the card, two shards, and the plots of the card
        assertThat(outputs.get(1).keySet()).containsExactlyElementsOf(outputs.get(0).keySet()).hasSize(10);
        outputs.get(0).forEach((f, bytes) -> assertThat(outputs.get(1).get(f)).as(f).isEqualTo(bytes));
    }

    @Test
    void badColumnAndPartitionChoicesAreUsageErrors() {
        Path out = tmp.resolve("bad");
        assertThat(lam(args(fixture("ocr.jsonl").toString(), out, "parquet", "--column", "text=title")).code())
                .isEqualTo(2);
        assertThat(lam(args(fixture("ocr.jsonl").toString(), out, "parquet", "--column", "title,title")).code())
                .isEqualTo(2);
        assertThat(lam(args(fixture("ocr.jsonl").toString(), out, "parquet", "--config", "a",
                "--partition-by", "language")).code()).isEqualTo(2);
        assertThat(lam(args(fixture("ocr.jsonl").toString(), out, "parquet", "--config", "../up")).code())
                .isEqualTo(2);
        assertThat(lam(args(fixture("ocr.jsonl").toString(), out, "parquet", "--quality", "maybe")).code())
                .isEqualTo(2);
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void theNewspaperDatasetOfTheExamplesReadmeHasItsColumnsAndADecadeConfig() throws Exception {
        String readme = Files.readString(Path.of("../examples/README.md"));
        String block = readme.substring(readme.indexOf("### A newspaper OCR dataset"));
        int start = block.indexOf("```sh\n") + 6;
        block = block.substring(start, block.indexOf("\n```", start));
        assertThat(block).startsWith("java -jar lam-cli/target/lam.jar export ");
        List<String> a = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(
                block.substring("java -jar lam-cli/target/lam.jar ".length()));
        while (m.find()) {
            String arg = m.group(1) != null ? m.group(1) : m.group(2);
            a.add(arg.startsWith("examples/") ? "../" + arg
                    : arg.equals("target/newspaper-dataset") ? tmp.resolve("news").toString() : arg);
        }
        a.add("-q");
        var run = lam(a.toArray(new String[0]));
        assertThat(run.code()).as(run.err()).isZero();
        Path out = tmp.resolve("news");
        assertThat(files(out)).containsExactly("README.md", "data/1880s/train-00000-of-00001.parquet");
        Map<String, String> declared = CardTypes.declared(out.resolve("README.md"), "1880s");
        String files = "'" + out.resolve("data/1880s") + "/*.parquet'";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            assertThat(CardTypes.duckdbTypes(st, files)).isEqualTo(CardTypes.asDuckdb(declared))
                    .containsEntry("date", "TIMESTAMP").containsEntry("confidence", "DOUBLE")
                    .containsEntry("word_count", "BIGINT").containsEntry("ocr_quality_mean", "DOUBLE");
            try (ResultSet rs = st.executeQuery("SELECT source, title, place, CAST(date AS VARCHAR), item_type, "
                    + "round(confidence, 3) FROM " + files + " WHERE id LIKE '%#article-ART1'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("The Whitby Gazette");
                assertThat(rs.getString(2)).isEqualTo("Harbour news");
                assertThat(rs.getString(3)).isEqualTo("Whitby");
                assertThat(rs.getString(4)).isEqualTo("1883-06-02 00:00:00");
                assertThat(rs.getString(5)).isEqualTo("ARTICLE");
                assertThat(rs.getDouble(6)).as("the plain mean of the article's words' WC").isEqualTo(0.933);
            }
        }
        assertThat(ExportTestSupport.frontMatter(out.resolve("README.md")).get("pretty_name"))
                .isEqualTo("The Whitby Gazette, articles");
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object o, Object... path) {
        Object cur = o;
        for (Object k : path) {
            cur = k instanceof Integer ? ((List<Object>) cur).get((Integer) k) : ((Map<String, Object>) cur).get(k);
        }
        return (T) cur;
    }

    /** Check that a typed column parses as what it says. */
    @Test
    void columnSpecsParse() {
        assertThat(ColumnSpec.parse("marc:655")).isEqualTo(new ColumnSpec("marc_655", "marc:655",
                ColumnSpec.Type.STRING));
        assertThat(ColumnSpec.parse("genre=marc:655:list")).isEqualTo(new ColumnSpec("genre", "marc:655",
                ColumnSpec.Type.LIST));
        assertThat(ColumnSpec.parse("date:date").value(List.of("1779/1785"))).isEqualTo(LocalDateTime.of(1779, 1, 1,
                0, 0));
        assertThat(ColumnSpec.parse("date:date").value(List.of("1883-02-30"))).isSameAs(ColumnSpec.INVALID);
        assertThat(ColumnSpec.parse("n:float").value(List.of("NaN"))).isSameAs(ColumnSpec.INVALID);
        assertThat(ColumnSpec.parse("n:int").value(List.of())).isNull();
        assertThat(ColumnSpec.date("-0044")).isEqualTo(LocalDateTime.of(-44, 1, 1, 0, 0));
        assertThat(ColumnSpec.date("1990/..")).isEqualTo(LocalDateTime.of(1990, 1, 1, 0, 0));
        assertThat(ColumnSpec.date("../1850")).as("an open start").isNull();
    }
}
