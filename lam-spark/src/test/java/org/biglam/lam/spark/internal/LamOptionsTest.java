package org.biglam.lam.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;

class LamOptionsTest {

    @Test
    void lamsOptionsReachReadOptions() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("path", "/data");
        o.put("format", "alto");
        o.put("granularity", "line");
        o.put("tei.profile", "diplomatic");
        o.put("IIIF.fetch", "never");
        o.put("maxRecordBytes", "1048576");
        o.put("maxcompressionratio", "500");
        o.put("readTimeout", "PT45S");
        o.put("connectTimeout", "7");
        o.put("fs.s3a.endpoint", "http://127.0.0.1:9000");
        LamOptions options = LamOptions.of(o);
        ReadOptions r = options.readOptions(ErrorPolicy.SKIP);
        assertThat(r.format()).contains("alto");
        assertThat(r.granularity()).contains("line");
        assertThat(r.settings()).containsOnly(Map.entry("tei.profile", "diplomatic"), Map.entry("iiif.fetch", "never"));
        assertThat(r.limits().maxRecordBytes()).isEqualTo(1 << 20);
        assertThat(r.limits().maxCompressionRatio()).isEqualTo(500.0);
        assertThat(r.limits().readTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(r.limits().connectTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(r.errorPolicy()).isEqualTo(ErrorPolicy.SKIP);
        assertThat(Planning.isHadoopKey("fs.s3a.endpoint")).isTrue();
        assertThat(options.mode()).isEqualTo(Mode.PERMISSIVE);
        assertThat(options.recursive()).isTrue();
        assertThat(options.entriesPerPartition()).isEqualTo(LamOptions.DEFAULT_ENTRIES_PER_PARTITION);
        assertThat(options.maxPartitionBytes(123)).isEqualTo(123);
    }

    @Test
    void aSettingMeantForAFormatThatNoFormatReadsFailsOnTheDriverAndOtherToolsSettingsPass() {
        assertThatThrownBy(() -> LamOptions.of(Map.of("path", "/data", "dc.lenientt", "true")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no format here reads the setting dc.lenientt; did you mean dc.lenient?");
        LamOptions o = LamOptions.of(Map.of("dc.lenient", "true", "mapreduce.input.fileinputformat.split.minsize", "1",
                "fs.s3a.endpoint", "http://127.0.0.1:9000", "parquet.block.size", "1"));
        assertThat(o.readOptions(ErrorPolicy.SKIP).settings()).containsOnlyKeys("dc.lenient",
                "mapreduce.input.fileinputformat.split.minsize", "parquet.block.size");
    }

    @Test
    void sparksOwnOptions() {
        LamOptions o = LamOptions.of(Map.of("mode", "dropMalformed", "maxPartitionBytes", "64m",
                "openCostInBytes", "1MB", "entriesPerPartition", "500", "recursiveFileLookup", "false",
                "pathGlobFilter", "*.xml"));
        assertThat(o.mode()).isEqualTo(Mode.DROPMALFORMED);
        assertThat(o.maxPartitionBytes(1)).isEqualTo(64L << 20);
        assertThat(o.openCostInBytes(1)).isEqualTo(1L << 20);
        assertThat(o.entriesPerPartition()).isEqualTo(500);
        assertThat(o.recursive()).isFalse();
        assertThat(o.pathGlobFilter()).isEqualTo("*.xml");
        assertThat(LamOptions.bytes("x", "134217728")).isEqualTo(128L << 20);
        assertThat(LamOptions.bytes("x", "2g")).isEqualTo(2L << 30);
    }

    @Test
    void badValuesAreRefusedOnTheDriver() {
        assertThatThrownBy(() -> LamOptions.of(Map.of("mode", "lenient"))).hasMessageContaining("PERMISSIVE");
        assertThatThrownBy(() -> LamOptions.of(Map.of("format", "marc22"))).hasMessageContaining("marc21");
        assertThatThrownBy(() -> LamOptions.of(Map.of("maxRecordBytes", "lots"))).hasMessageContaining("maxRecordBytes");
        assertThatThrownBy(() -> LamOptions.of(Map.of("maxPartitionBytes", "-1"))).hasMessageContaining("maxPartitionBytes");
        assertThatThrownBy(() -> LamOptions.of(Map.of("entriesPerPartition", "0"))).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> LamOptions.of(Map.of("recursiveFileLookup", "maybe"))).hasMessageContaining("true or false");
    }

    @Test
    void pathsAsSparkGivesThem() {
        assertThat(Paths.of(Map.of("path", "/a"))).containsExactly("/a");
        assertThat(Paths.of(Map.of("paths", "[\"/a\",\"s3a://b/c d\\\"e\"]"))).containsExactly("/a", "s3a://b/c d\"e");
        assertThatThrownBy(() -> Paths.of(Map.of())).hasMessageContaining("no input");
        assertThat(List.of(Mode.values())).hasSize(3);
    }
}
