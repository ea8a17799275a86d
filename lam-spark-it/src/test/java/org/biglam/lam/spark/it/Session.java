package org.biglam.lam.spark.it;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** One local SparkSession for every test class of the JVM (Surefire runs them in one fork). */
final class Session {

    private static SparkSession spark;

    private Session() {
    }

    /** The session: two cores, loopback only, no UI. */
    static synchronized SparkSession get() {
        if (spark == null) {
            spark = SparkSession.builder()
                    .appName("lam-spark-it")
                    .master("local[2]")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.task.maxFailures", "1")
                    .getOrCreate();
        }
        return spark;
    }

    /** The repository's examples folder. */
    static Path examples() {
        Path p = Path.of(System.getProperty("lam.examples", "../examples")).toAbsolutePath().normalize();
        if (!Files.isDirectory(p.resolve("holdings"))) {
            throw new IllegalStateException("no examples/holdings at " + p);
        }
        return p;
    }
}
