package org.biglam.lam.spark.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.spark.LamSchema;
import org.junit.jupiter.api.Test;

/** The DataFrame has exactly the records {@code Lam.read} gives for the same inputs. */
class ReadTest {

    private final SparkSession spark = Session.get();

    @Test
    void holdingsAreWhatLamReadGives() {
        Path holdings = Session.examples().resolve("holdings");
        Dataset<Row> df = spark.read().format("lam").load(holdings.toString());
        assertThat(df.schema()).isEqualTo(LamSchema.SCHEMA);
        List<Row> rows = Records.rows(df);
        assertThat(rows).allSatisfy(r -> assertThat(r.isNullAt(r.fieldIndex("_problem"))).isTrue());

        List<String> expected;
        try (Stream<LamRecord> records = Lam.read(holdings, ReadOptions.builder().errorPolicy(ErrorPolicy.FAIL).build())) {
            expected = Records.json(records);
        }
        assertThat(expected).hasSize(26); // examples/holdings/README.md
        assertSameRecords(rows, expected);
    }

    @Test
    void altoLines() {
        Path newspaper = Session.examples().resolve("holdings/newspaper");
        Dataset<Row> df = spark.read().format("lam").option("format", "alto").option("granularity", "line")
                .option("pathGlobFilter", "0*.xml").load(newspaper.toString());
        List<String> expected = new ArrayList<>();
        for (String page : List.of("0001.xml", "0002.xml")) {
            try (Stream<LamRecord> records = Lam.read(newspaper.resolve(page),
                    ReadOptions.builder().format("alto").granularity("line").build())) {
                expected.addAll(Records.json(records));
            }
        }
        assertThat(expected).hasSizeGreaterThan(10);
        List<Row> rows = Records.rows(df);
        assertSameRecords(rows, expected);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.<String>getAs("format")).isEqualTo("alto");
            assertThat(r.<String>getAs("id")).contains("#");
        });
    }

    @Test
    void settingsReachTheReader() {
        Path tei = Session.examples().resolve("holdings/tei/storm-at-whitby.xml");
        List<Row> diplomatic = spark.read().format("lam").option("tei.profile", "diplomatic").load(tei.toString())
                .collectAsList();
        List<Row> normalized = spark.read().format("lam").load(tei.toString()).collectAsList();
        assertThat(diplomatic.get(0).<String>getAs("text")).contains("seene");
        assertThat(normalized.get(0).<String>getAs("text")).doesNotContain("seene").contains("seen");
    }

    /**
     * The same records: as a multiset of JSON lines (Spark packs the largest units first, so the
     * order of inputs is not kept), and each input's (and archive entry's) records in lam's order.
     */
    static void assertSameRecords(List<Row> rows, List<String> expected) {
        List<String> actual = new ArrayList<>();
        for (Row r : rows) {
            actual.add(Records.json(Records.of(r)));
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(byInput(actual)).isEqualTo(byInput(expected));
    }

    private static Map<String, List<String>> byInput(List<String> json) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String j : json) {
            out.computeIfAbsent(field(j, "uri") + "!" + field(j, "entry"), k -> new ArrayList<>()).add(j);
        }
        return new java.util.TreeMap<>(out);
    }

    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"");
        if (at < 0) {
            return "";
        }
        int from = at + name.length() + 4;
        return json.substring(from, json.indexOf('"', from));
    }
}
