package org.biglam.lam.spark.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.Lam;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A zip cut into entry ranges, one task each, gives the whole zip's rows. */
class ZipTest {

    private final SparkSession spark = Session.get();

    @Test
    void entryRangesGiveTheWholeZip(@TempDir Path dir) throws IOException {
        byte[] books = Files.readAllBytes(Session.examples().resolve("holdings/marc/books.xml"));
        byte[] page = Files.readAllBytes(Session.examples().resolve("holdings/newspaper/0001.xml"));
        Path zip = dir.resolve("holdings.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < 200; i++) {
                z.putNextEntry(new ZipEntry(String.format("set-%03d/books-%03d.xml", i / 50, i)));
                z.write(i % 2 == 0 ? books : page);
                z.closeEntry();
            }
        }
        Dataset<Row> df = spark.read().format("lam").option("entriesPerPartition", "37")
                .option("maxPartitionBytes", "1").load(zip.toString());
        // 200 entries (ZipOutputStream writes no folder entries) in ranges of 37, each its own partition
        assertThat(df.rdd().getNumPartitions()).isEqualTo(6); // ceil(200 / 37)
        List<String> expected;
        try (Stream<LamRecord> records = Lam.read(zip, ReadOptions.builder().errorPolicy(ErrorPolicy.FAIL).build())) {
            expected = Records.json(records);
        }
        assertThat(expected).hasSize(100 * 8 + 100);
        ReadTest.assertSameRecords(Records.rows(df), expected);
    }
}
