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
    void floatBoolTimestampAndObjectColumnsReadBackWithTheirTypes() throws Exception {
        Path file = dir.resolve("typed.parquet");
        List<HubColumn> cols = List.of(HubColumn.string("id"), HubColumn.float64("mean"), HubColumn.bool("empty"),
                HubColumn.timestamp("date"), HubColumn.objects("objects"));
        try (HubParquetWriter w = HubParquetWriter.builder(file, cols).build()) {
            w.write("a", 0.875, true, java.time.LocalDateTime.of(1883, 6, 2, 0, 0),
                    List.of(new HubObject(20, 116, 200, 112, "illustration", null),
                            new HubObject(1.5, 2, 3, 4, "line", "THE WHITBY GAZETTE")));
            w.write("b", null, false, null, List.of());
            w.write("c", 1L, null, java.time.LocalDateTime.of(1779, 1, 1, 0, 0), null);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            String f = "'" + file + "'";
            try (ResultSet rs = st.executeQuery("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM " + f
                    + ")")) {
                List<String> types = new ArrayList<>();
                while (rs.next()) {
                    types.add(rs.getString(1) + " " + rs.getString(2));
                }
                assertThat(types).containsExactly("id VARCHAR", "mean DOUBLE", "empty BOOLEAN", "date TIMESTAMP",
                        "objects STRUCT(bbox DOUBLE[], category VARCHAR, \"text\" VARCHAR)[]");
            }
            try (ResultSet rs = st.executeQuery("SELECT id, mean, empty, CAST(date AS VARCHAR), len(objects), "
                    + "objects[1].bbox[3], objects[2].text, objects[1].category, objects[1].text FROM " + f
                    + " ORDER BY id")) {
                rs.next();
                assertThat(rs.getDouble(2)).isEqualTo(0.875);
                assertThat(rs.getBoolean(3)).isTrue();
                assertThat(rs.getString(4)).isEqualTo("1883-06-02 00:00:00");
                assertThat(rs.getLong(5)).isEqualTo(2);
                assertThat(rs.getDouble(6)).isEqualTo(200.0);
                assertThat(rs.getString(7)).isEqualTo("THE WHITBY GAZETTE");
                assertThat(rs.getString(8)).isEqualTo("illustration");
                assertThat(rs.getString(9)).isNull();
                rs.next();
                assertThat(rs.getObject(2)).isNull();
                assertThat(rs.getBoolean(3)).isFalse();
                assertThat(rs.getObject(4)).isNull();
                assertThat(rs.getLong(5)).isZero();
                rs.next();
                assertThat(rs.getDouble(2)).isEqualTo(1.0);
                assertThat(rs.getObject(3)).isNull();
                assertThat(rs.getString(4)).isEqualTo("1779-01-01 00:00:00");
                assertThat(rs.getObject(5)).isNull();
            }
        }
        assertThat(HubFeatures.metadataJson(cols)).contains("\"mean\":{\"dtype\":\"float64\",\"_type\":\"Value\"}")
                .contains("\"date\":{\"dtype\":\"timestamp[ms]\"").contains("\"empty\":{\"dtype\":\"bool\"")
                .contains("\"objects\":[{\"bbox\":");
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        try (HubParquetWriter w = HubParquetWriter.builder(dir.resolve("e.parquet"),
                List.of(HubColumn.timestamp("date"))).build()) {
            assertThatThrownBy(() -> w.write("1883")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("LocalDateTime");
        } catch (Exception e) {
            // closing after a refused row is fine
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
