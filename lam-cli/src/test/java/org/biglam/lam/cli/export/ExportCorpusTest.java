package org.biglam.lam.cli.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.biglam.lam.cli.export.ExportTestSupport.files;
import static org.biglam.lam.cli.export.ExportTestSupport.frontMatter;
import static org.biglam.lam.cli.export.ExportTestSupport.lam;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.biglam.lam.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports of the shared corpus of real files: the card's counts agree with what DuckDB reads. */
class ExportCorpusTest {

    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    private static void cardMatchesShards(Path out, String glob) throws Exception {
        Map<String, Object> yaml = frontMatter(out.resolve("README.md"));
        List<Map<String, Object>> splits = (List<Map<String, Object>>) ((Map<String, Object>) yaml.get("dataset_info"))
                .get("splits");
        Set<String> groupsSeen = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            for (Map<String, Object> split : splits) {
                String name = (String) split.get("name");
                String files = "'" + out.resolve("data") + "/" + name + "-*." + glob + "'";
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + files)) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(name).isEqualTo(((Number) split.get("num_examples")).longValue());
                }
                Set<String> groups = new HashSet<>();
                try (ResultSet rs = st.executeQuery("SELECT DISTINCT coalesce(\"group\", id) FROM " + files)) {
                    while (rs.next()) {
                        groups.add(rs.getString(1));
                    }
                }
                for (String g : groups) {
                    assertThat(groupsSeen.add(g)).as("group %s in two splits", g).isTrue();
                }
            }
        }
    }

    @Test
    void marcRecordsBecomeAGenreClassificationDataset() throws Exception {
        Path out = tmp.resolve("marc");
        var run = lam("export", Corpus.dir("marc21").toString(), "--out", out.toString(), "--label", "genre",
                "--split", "train=0.8,test=0.2", "-q");
        assertThat(run.code()).as(run.err()).isIn(0, 1);
        assertThat(files(out)).contains("README.md", "data/train-00000-of-00001.parquet",
                "data/test-00000-of-00001.parquet");
        cardMatchesShards(out, "parquet");
    }

    @Test
    void altoPagesBecomeATextDatasetSplitByDocument() throws Exception {
        Path out = tmp.resolve("alto");
        var run = lam("export", Corpus.dir("mets-alto").toString(), "--out", out.toString(), "-g", "line",
                "--as", "jsonl", "--split", "train=0.5,test=0.5", "-q");
        assertThat(run.code()).as(run.err()).isIn(0, 1);
        cardMatchesShards(out, "jsonl");
    }

    @Test
    void metsAltoNewspaperArticlesBecomeRowsWithTypedAndQualityColumns() throws Exception {
        Path out = tmp.resolve("news");
        var run = lam("export", Corpus.dir("mets-alto").resolve("alto2txt").toString(), "--out", out.toString(),
                "-g", "article", "--column", "source=collection,title,place,date=mods:dateIssued:date,item_type=mets:type",
                "--partition-by", "date:decade", "-q");
        assertThat(run.code()).as(run.err()).isIn(0, 1);
        assertThat(files(out)).contains("README.md", "data/1820s/train-00000-of-00001.parquet");
        Map<String, String> declared = CardTypes.declared(out.resolve("README.md"), "1820s");
        assertThat(declared).containsEntry("source", "string").containsEntry("date", "timestamp[ms]")
                .containsEntry("item_type", "string").containsEntry("confidence", "float64")
                .containsEntry("word_count", "int64").containsEntry("ocr_quality_mean", "float64")
                .containsEntry("ocr_quality_sd", "float64");
        String files = "'" + out.resolve("data/1820s") + "/*.parquet'";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            assertThat(CardTypes.duckdbTypes(st, files)).isEqualTo(CardTypes.asDuckdb(declared));
            try (ResultSet rs = st.executeQuery("SELECT count(*), count(source), count(place), min(date), "
                    + "count(DISTINCT item_type), count(confidence), count(text), min(confidence), max(confidence) FROM "
                    + files)) {
                rs.next();
                long rows = rs.getLong(1);
                assertThat(rows).as("articles of the issue").isGreaterThan(5);
                assertThat(rs.getLong(2)).isEqualTo(rows);
                assertThat(rs.getLong(3)).isEqualTo(rows);
                assertThat(rs.getString(4)).startsWith("1824-02-17");
                assertThat(rs.getLong(5)).isPositive();
                assertThat(rs.getLong(6)).isEqualTo(rows);
                assertThat(rs.getLong(7)).isEqualTo(rows);
                assertThat(rs.getDouble(8)).isBetween(0.0, 1.0);
                assertThat(rs.getDouble(9)).isBetween(0.0, 1.0);
            }
            // lam-alto fills every article's OCR quality: its words, and the mean and spread of their WC
            try (ResultSet rs = st.executeQuery("SELECT count(*), count(word_count), min(word_count), "
                    + "count(ocr_quality_mean), min(ocr_quality_mean), max(ocr_quality_mean), "
                    + "count(ocr_quality_sd), min(ocr_quality_sd), max(ocr_quality_sd), "
                    + "count(*) FILTER (WHERE ocr_quality_sd > 0) FROM " + files)) {
                rs.next();
                long rows = rs.getLong(1);
                assertThat(rs.getLong(2)).as("count(word_count) = count(*)").isEqualTo(rows);
                assertThat(rs.getLong(3)).as("words of the shortest article").isPositive();
                assertThat(rs.getLong(4)).as("articles with a mean word confidence").isEqualTo(rows);
                assertThat(rs.getDouble(5)).isGreaterThan(0.0);
                assertThat(rs.getDouble(6)).isLessThanOrEqualTo(1.0);
                assertThat(rs.getLong(7)).isEqualTo(rows);
                assertThat(rs.getDouble(8)).isGreaterThanOrEqualTo(0.0);
                assertThat(rs.getDouble(9)).as("a standard deviation of confidences in [0, 1]").isLessThanOrEqualTo(0.5);
                assertThat(rs.getLong(10)).as("articles whose words' confidences differ").isPositive();
            }
        }
        assertThat(ExportTestSupport.body(out.resolve("README.md"))).contains("- `collection`: The Statesman (");
    }

    @Test
    void iiifCanvasesBecomeImageRowsReferencingRemoteImages() throws Exception {
        Path out = tmp.resolve("iiif");
        var run = lam("export", Corpus.dir("iiif-v3").toString(), "--out", out.toString(), "--image", "-q");
        assertThat(run.code()).as(run.err()).isIn(0, 1);
        cardMatchesShards(out, "parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*), count(image.bytes), count(image.path) FROM '"
                        + out.resolve("data") + "/*.parquet'")) {
            rs.next();
            assertThat(rs.getLong(1)).isPositive();
            assertThat(rs.getLong(2)).isZero();
            assertThat(rs.getLong(3)).isEqualTo(rs.getLong(1));
        }
    }
}
