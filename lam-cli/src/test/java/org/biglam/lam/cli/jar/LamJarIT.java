package org.biglam.lam.cli.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged {@code lam.jar}, run as users run it: it holds only part of Hadoop's client (see the
 * shade filters in lam-cli's POM), so every Parquet codec and embedded images are written by the jar
 * itself, in a process of its own, and read back with DuckDB. Runs after {@code package}
 * (failsafe's integration-test phase).
 */
class LamJarIT {

    @TempDir
    Path dir;

    private static Path jar() {
        return Path.of(System.getProperty("lam.jar", "target/lam.jar")).toAbsolutePath();
    }

    private static Path holdings() {
        return Path.of(System.getProperty("lam.holdings", "../examples/holdings")).toAbsolutePath();
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).doesNotContain("NoClassDefFoundError").doesNotContain("ClassNotFoundException");
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"zstd", "snappy", "gzip", "lz4_raw", "uncompressed"})
    void writesParquetWithEveryCodecThatDuckDbReadsBack(String codec) throws Exception {
        Path out = dir.resolve("ds-" + codec);
        run("export", holdings().toString(), "--out", out.toString(), "--compression", codec);
        assertThat(count(out, "text")).as("the holdings' 21 records with text").isEqualTo(21);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zstd"})
    void embedsPageImagesInParquet(String codec) throws Exception {
        Path out = dir.resolve("images");
        run("export", holdings().resolve("newspaper").toString(), "--out", out.toString(), "--image",
                "--compression", codec);
        assertThat(count(out, "image.bytes")).isEqualTo(2);
    }

    /** Rows with a non-null value in a column, over every shard. */
    private static long count(Path dataset, String column) throws Exception {
        List<Path> shards;
        try (Stream<Path> s = Files.walk(dataset.resolve("data"))) {
            shards = s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
        }
        assertThat(shards).isNotEmpty();
        StringBuilder list = new StringBuilder();
        for (Path p : shards) {
            list.append(list.length() == 0 ? "" : ", ").append('\'').append(p.toString().replace("'", "''")).append('\'');
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(" + column + ") FROM read_parquet([" + list + "])")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
