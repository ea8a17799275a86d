package org.biglam.lam.spark;

import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.biglam.lam.spark.internal.LamTable;

/**
 * lam as a Spark data source (DataSource V2), registered under the short name {@code lam}:
 *
 * <pre>{@code
 * Dataset<Row> df = spark.read().format("lam")
 *         .option("granularity", "line")
 *         .load("s3a://bucket/scans/");
 * }</pre>
 *
 * <p>The rows have {@link LamSchema#SCHEMA}. Inputs are listed on the driver through Hadoop's file
 * systems ({@link HadoopFileStore}), planned with lam's folder rules ({@link
 * org.biglam.lam.Lam#plan}), zip files cut into entry ranges, and the work packed into partitions
 * as Spark's file sources pack files; each task streams its records into rows. See the module's
 * README for the options and modes.
 *
 * @since 0.1
 */
public final class LamDataSource implements TableProvider, DataSourceRegister {

    /** Spark makes the source by this constructor. */
    public LamDataSource() {
    }

    @Override
    public String shortName() {
        return "lam";
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        return LamSchema.SCHEMA;
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        return new LamTable();
    }
}
