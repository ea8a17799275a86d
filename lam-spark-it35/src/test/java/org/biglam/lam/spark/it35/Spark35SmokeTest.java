package org.biglam.lam.spark.it35;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.RecordWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar, built against Spark 4.0, on Spark 3.5's class path (its Jackson 2.15, Commons
 * Compress 1.23, Hadoop 3.3): {@code format("lam")} reads examples/holdings, every record as
 * {@code Lam.read} gives it, no problem rows.
 */
class Spark35SmokeTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().appName("lam-spark-it35").master("local[2]")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void readsTheHoldingsOnSpark35() throws IOException {
        assertThat(SparkContext.getOrCreate().version()).startsWith("3.5.");
        Path holdings = Path.of(System.getProperty("lam.examples", "../examples")).resolve("holdings")
                .toAbsolutePath().normalize();
        List<Row> rows = spark.read().format("lam").load(holdings.toString()).collectAsList();
        assertThat(rows).allSatisfy(r -> assertThat(r.isNullAt(r.fieldIndex("_problem"))).isTrue());

        List<String> expected = new ArrayList<>();
        try (Stream<LamRecord> records = Lam.read(holdings)) {
            records.forEach(r -> expected.add(r.id() + " " + r.format() + " " + r.source().get().uri() + " "
                    + r.text().orElse("").length() + " " + r.labels().size() + " " + r.images().size()));
        }
        assertThat(expected).hasSize(26);
        List<String> actual = new ArrayList<>();
        for (Row r : rows) {
            Row source = r.getAs("source");
            String text = r.getAs("text");
            actual.add(r.getAs("id") + " " + r.getAs("format") + " " + source.getAs("uri") + " "
                    + (text == null ? 0 : text.length()) + " " + r.getJavaMap(r.fieldIndex("labels")).size() + " "
                    + r.getList(r.fieldIndex("images")).size());
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);

        // lam's relocated Jackson writes JSON beside Spark's own
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordWriter w = Lam.jsonLinesWriter(out); Stream<LamRecord> records = Lam.read(holdings)) {
            records.forEach(r -> {
                try {
                    w.write(r);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(26);
    }
}
