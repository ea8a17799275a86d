package org.biglam.lam.spark.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Under {@code local[2]} two of lam's partitions are read by two tasks at once: each task, once it
 * has its first row, waits at a latch for the other; the latch opens only if both run together.
 * Nothing here depends on timing: the wait's bound only keeps a failure from hanging the build.
 */
class ParallelTest {

    private static final CountDownLatch BOTH = new CountDownLatch(2);

    private final SparkSession spark = Session.get();

    @Test
    void twoTasksRunAtOnce() {
        Path marc = Session.examples().resolve("holdings/marc");
        Dataset<Row> df = spark.read().format("lam").option("maxPartitionBytes", "1").load(marc.toString());
        assertThat(df.rdd().getNumPartitions()).isEqualTo(2); // books.mrc and books.xml
        MapPartitionsFunction<Row, String> meet = rows -> {
            String first = rows.hasNext() ? rows.next().<String>getAs("id") : "none";
            BOTH.countDown();
            boolean together = BOTH.await(2, TimeUnit.MINUTES);
            int n = 1;
            for (Iterator<Row> it = rows; it.hasNext(); it.next()) {
                n++;
            }
            return List.of(TaskContext.getPartitionId() + ":" + together + ":" + n + ":" + first).iterator();
        };
        List<String> seen = df.mapPartitions(meet, Encoders.STRING()).collectAsList();
        assertThat(seen).hasSize(2).allSatisfy(s -> assertThat(s).contains(":true:8:"));
    }
}
