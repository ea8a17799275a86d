package org.biglam.lam.spark.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.SparkPlan;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken file under each mode. */
class ModesTest {

    @TempDir
    static Path dir;

    private static List<String> goodRecords;
    private static List<Problem> problems;
    private final SparkSession spark = Session.get();

    @BeforeAll
    static void holdings() throws IOException {
        byte[] books = Files.readAllBytes(Session.examples().resolve("holdings/marc/books.xml"));
        Files.write(dir.resolve("books.xml"), books);
        // cut off inside the fourth record: three records, then malformed XML
        String text = new String(books, java.nio.charset.StandardCharsets.UTF_8);
        int cut = nth(text, "<record", 4) + 40;
        Files.writeString(dir.resolve("broken.xml"), text.substring(0, cut) + "<<<");
        problems = new ArrayList<>();
        try (Stream<LamRecord> records = Lam.read(dir,
                ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(problems::add).build())) {
            goodRecords = Records.json(records);
        }
        assertThat(goodRecords).hasSize(8 + 3);
        assertThat(problems).hasSize(1);
    }

    @Test
    void permissiveGivesProblemRows() {
        Dataset<Row> df = spark.read().format("lam").load(dir.toString());
        List<Row> problemRows = df.where("_problem is not null").collectAsList();
        assertThat(problemRows).hasSize(1);
        Row p = problemRows.get(0).getAs("_problem");
        assertThat(p.<String>getAs("severity")).isEqualTo("error");
        assertThat(p.<String>getAs("kind")).isEqualTo(problems.get(0).kind());
        assertThat(p.<String>getAs("input")).endsWith("/broken.xml").startsWith("file:///");
        assertThat(p.<String>getAs("message")).isEqualTo(problems.get(0).message());
        assertThat(problemRows.get(0).isNullAt(problemRows.get(0).fieldIndex("id"))).isTrue();
        ReadTest.assertSameRecords(Records.rows(df.where("_problem is null")), goodRecords);
    }

    @Test
    void dropMalformedCountsWhatItDrops() {
        Dataset<Row> df = spark.read().format("lam").option("mode", "DROPMALFORMED").load(dir.toString());
        assertThat(df.collectAsList()).hasSize(11);
        SparkPlan scan = df.queryExecution().executedPlan().collectLeaves().head();
        assertThat(scan.metrics().apply("lamDropped").value()).isEqualTo(1);
        assertThat(scan.metrics().apply("lamProblems").value()).isEqualTo(1);
        assertThat(scan.metrics().apply("lamRecords").value()).isEqualTo(11);
        ReadTest.assertSameRecords(Records.rows(df), goodRecords);
    }

    @Test
    void failFastFailsWithLamsLocation() {
        Dataset<Row> df = spark.read().format("lam").option("mode", "FAILFAST").load(dir.toString());
        assertThatThrownBy(df::collectAsList).hasStackTraceContaining("broken.xml")
                .hasStackTraceContaining(problems.get(0).message());
    }

    @Test
    void aPathThatDoesNotExistFailsThePlan() {
        assertThatThrownBy(() -> spark.read().format("lam").load(dir.resolve("nothing-here").toString()).collectAsList())
                .hasStackTraceContaining("path does not exist");
    }

    private static int nth(String s, String what, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = s.indexOf(what, at + 1);
        }
        return at;
    }
}
