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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged {@code lam.jar}, run as users run it: it holds no Hadoop class and the zstd and snappy
 * native libraries of five platforms only (see the shade filters in lam-cli's POM), so every Parquet
 * codec and embedded images are written by the jar itself, in a process of its own, and read back
 * with DuckDB. Runs after {@code package} (failsafe's integration-test phase).
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
        return runOn(List.of(), 0, args);
    }

    /** Runs lam.jar with these JVM options and expects this exit code; returns standard output and error. */
    private String runOn(List<String> jvm, int exit, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvm);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(exit);
        assertThat(out).doesNotContain("NoClassDefFoundError").doesNotContain("ClassNotFoundException");
        return out;
    }

    @Test
    void loadsEveryFormatModule() throws Exception {
        assertThat(run("--version")).contains("formats: alto, dc, ead, edm, hocr, iiif, lam-jsonl, lido, marc-json, "
                + "marc21, marcxml, mets, mods, mrk, oai-pmh, page, tei");
    }

    @Test
    void holdsNoHadoopClassAndTheNativeLibrariesOfFivePlatforms() throws Exception {
        Set<String> natives = new TreeSet<>();
        try (ZipFile zip = new ZipFile(jar().toFile())) {
            zip.stream().map(ZipEntry::getName).forEach(name -> {
                assertThat(name).doesNotStartWith("org/apache/hadoop/");
                if (name.matches(".*\\.(so|dylib|jnilib|dll|a)")) {
                    natives.add(name);
                }
            });
        }
        assertThat(natives).containsExactly(
                "darwin/aarch64/libzstd-jni-1.5.7-15.dylib", "darwin/x86_64/libzstd-jni-1.5.7-15.dylib",
                "linux/aarch64/libzstd-jni-1.5.7-15.so", "linux/amd64/libzstd-jni-1.5.7-15.so",
                "org/xerial/snappy/native/Linux/aarch64/libsnappyjava.so",
                "org/xerial/snappy/native/Linux/x86_64/libsnappyjava.so",
                "org/xerial/snappy/native/Mac/aarch64/libsnappyjava.dylib",
                "org/xerial/snappy/native/Mac/x86_64/libsnappyjava.dylib",
                "org/xerial/snappy/native/Windows/x86_64/snappyjava.dll",
                "win/amd64/libzstd-jni-1.5.7-15.dll");
    }

    /**
     * On a platform whose native library lam.jar leaves out (told to the libraries' loaders through
     * {@code os.arch}), zstd and snappy stop before any shard is made, with a message naming the codec,
     * the platform and the codecs that run; gzip still writes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"zstd", "snappy"})
    void aCodecWhoseNativeLibraryIsMissingHereStopsWithAClearMessage(String codec) throws Exception {
        Path out = dir.resolve("ppc-" + codec);
        String said = runOn(List.of("-Dos.arch=ppc64le"), 1, "export", holdings().toString(), "--out", out.toString(),
                "--compression", codec, "-q");
        assertThat(said).startsWith("lam: Parquet compression " + codec + " needs a native library that is not available"
                + " for " + System.getProperty("os.name") + " ppc64le").contains("gzip, lz4_raw and uncompressed are pure Java and run everywhere")
                .doesNotContain("\tat ");
        assertThat(out).doesNotExist();
        runOn(List.of("-Dos.arch=ppc64le"), 0, "export", holdings().toString(), "--out",
                dir.resolve("ppc-gzip-" + codec).toString(), "--compression", "gzip");
        assertThat(count(dir.resolve("ppc-gzip-" + codec), "text")).isEqualTo(21);
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
