package org.biglam.lam.spark.it;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's two examples, run: holdings to Parquet, and a Hub dataset layout from a DataFrame. */
class ExamplesTest {

    private final SparkSession spark = Session.get();

    /** README: "Holdings to Parquet". */
    @Test
    void holdingsToParquet(@TempDir Path out) {
        String holdings = Session.examples().resolve("holdings").toString();
        spark.read().format("lam").load(holdings)
                .write().mode("overwrite").parquet(out.resolve("holdings.parquet").toString());

        Dataset<Row> back = spark.read().parquet(out.resolve("holdings.parquet").toString());
        assertThat(back.count()).isEqualTo(26);
        assertThat(back.where("_problem is not null").count()).isZero();
        assertThat(back.where("format = 'mets'").select("quality.words").first().<Integer>getAs(0)).isPositive();
        // labels keep their order through Parquet
        Row book = back.where("id = 'lamex0001' and format = 'marcxml'")
                .selectExpr("map_keys(labels)[0] as first").first();
        assertThat(book.<String>getAs("first")).isEqualTo("title");
    }

    /** README: "A Hub dataset from a DataFrame". */
    @Test
    void hubDatasetLayout(@TempDir Path out) throws IOException {
        String holdings = Session.examples().resolve("holdings").toString();
        Dataset<Row> records = spark.read().format("lam").load(holdings).where("_problem is null and text is not null");
        // the Hub's columns: strings, a genre label, the labels as JSON (the Hub has no map type)
        Dataset<Row> rows = records.select(col("id"), col("group"), col("format"), col("text"),
                element_at(col("labels").getItem("genre"), 1).alias("genre"),
                to_json(col("labels")).alias("labels"));
        // split by document, as lam export does: one document's records never straddle two splits
        Column group = when(col("group").isNull(), col("id")).otherwise(col("group"));
        Column split = when(pmod(abs(xxhash64(group)), lit(10)).lt(8), "train").otherwise("test");
        Dataset<Row> withSplit = rows.withColumn("split", split);
        for (String name : List.of("train", "test")) {
            withSplit.where(col("split").equalTo(name)).drop("split").coalesce(1)
                    .write().mode("overwrite").parquet(out.resolve("data/" + name).toString());
        }
        Files.writeString(out.resolve("README.md"), String.join("\n",
                "---",
                "license: cc0-1.0",
                "configs:",
                "- config_name: default",
                "  data_files:",
                "  - split: train",
                "    path: data/train/*.parquet",
                "  - split: test",
                "    path: data/test/*.parquet",
                "---",
                "# Whitby holdings",
                ""));

        long train = spark.read().parquet(out.resolve("data/train").toString()).count();
        long test = spark.read().parquet(out.resolve("data/test").toString()).count();
        assertThat(train + test).isEqualTo(records.count());
        assertThat(train).isPositive();
        try (Stream<Path> files = Files.list(out.resolve("data/train"))) {
            assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toList()))
                    .anyMatch(n -> n.endsWith(".parquet"));
        }
        // no group in both splits
        Dataset<Row> a = spark.read().parquet(out.resolve("data/train").toString()).select("group").distinct();
        Dataset<Row> b = spark.read().parquet(out.resolve("data/test").toString()).select("group").distinct();
        assertThat(a.intersect(b).where("group is not null").count()).isZero();
    }
}
