package org.biglam.lam.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubParquetWriterTest {

    @TempDir
    Path dir;

    private static final List<HubColumn> COLUMNS = List.of(HubColumn.string("id"), HubColumn.string("text"),
            HubColumn.image("image"), HubColumn.classLabel("label", List.of("fiction", "poetry")),
            HubColumn.stringList("subjects"), HubColumn.int64("year"));

    private Path writeSample(String name, int rows) throws Exception {
        Path file = dir.resolve(name);
        try (HubParquetWriter w = HubParquetWriter.builder(file, COLUMNS).build()) {
            for (int i = 0; i < rows; i++) {
                w.write("r" + i, i % 3 == 0 ? null : "text " + i,
                        new HubImage(new byte[] {(byte) i, 1, 2}, "p" + i + ".png"), (long) (i % 2),
                        List.of("s" + i, "t"), 1800L + i);
            }
            assertThat(w.rows()).isEqualTo(rows);
        }
        return file;
    }

    @Test
    void duckdbReadsBackColumnsRowsImagesAndTheHuggingfaceMetadata() throws Exception {
        Path file = writeSample("a.parquet", 250);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            String f = "'" + file + "'";
            try (ResultSet rs = st.executeQuery("SELECT count(*), count(text), sum(label), min(year), max(year) FROM " + f)) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(250);
                assertThat(rs.getLong(2)).isEqualTo(166);
                assertThat(rs.getLong(3)).isEqualTo(125);
                assertThat(rs.getLong(4)).isEqualTo(1800);
                assertThat(rs.getLong(5)).isEqualTo(2049);
            }
            try (ResultSet rs = st.executeQuery("SELECT id, image.bytes, image.path, subjects FROM " + f
                    + " WHERE id = 'r7'")) {
                rs.next();
                assertThat(rs.getBytes(2)).containsExactly(7, 1, 2);
                assertThat(rs.getString(3)).isEqualTo("p7.png");
                assertThat(rs.getString(4)).isEqualTo("[s7, t]");
            }
            try (ResultSet rs = st.executeQuery("SELECT decode(value) FROM parquet_kv_metadata(" + f
                    + ") WHERE decode(key) = 'huggingface'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(HubFeatures.metadataJson(COLUMNS))
                        .contains("\"image\":{\"_type\":\"Image\"}")
                        .contains("\"label\":{\"names\":[\"fiction\",\"poetry\"],\"_type\":\"ClassLabel\"}");
            }
            List<Long> groupRows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT row_group_id, any_value(row_group_num_rows) FROM parquet_metadata("
                    + f + ") GROUP BY row_group_id ORDER BY row_group_id")) {
                while (rs.next()) {
                    groupRows.add(rs.getLong(2));
                }
            }
            assertThat(groupRows).containsExactly(100L, 100L, 50L);
        }
    }

    @Test
    void largeImagesCloseRowGroupsBeforeAHundredRows() throws Exception {
        Path file = dir.resolve("big.parquet");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        try (HubParquetWriter w = HubParquetWriter.builder(file, List.of(HubColumn.string("id"), HubColumn.image("image")))
                .rowGroupBytes(1 << 20).compression("uncompressed").build()) {
            for (int i = 0; i < 40; i++) {
                byte[] noise = new byte[200_000];
                rnd.nextBytes(noise);
                w.write("r" + i, new HubImage(noise, null));
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT max(row_group_num_rows), sum(row_group_num_rows) FROM (SELECT "
                        + "DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata('" + file + "'))")) {
            rs.next();
            assertThat(rs.getLong(1)).isBetween(2L, 8L);
            assertThat(rs.getLong(2)).isEqualTo(40);
        }
    }

    @Test
    void theSameRowsGiveTheSameBytes() throws Exception {
        assertThat(Files.readAllBytes(writeSample("a.parquet", 120)))
                .isEqualTo(Files.readAllBytes(writeSample("b.parquet", 120)));
    }

    @Test
    void aClassIndexOutsideTheNamesIsRefused() {
        try (HubParquetWriter w = HubParquetWriter.builder(dir.resolve("c.parquet"),
                List.of(HubColumn.classLabel("label", List.of("a")))).build()) {
            assertThatThrownBy(() -> w.write(3L)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("class index 3");
        } catch (Exception e) {
            // closing after a refused row is fine
        }
    }

    @Test
    void anUnknownCompressionIsRefused() {
        assertThatThrownBy(() -> HubParquetWriter.builder(dir.resolve("d.parquet"), COLUMNS).compression("lzo"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zstd");
    }
}
