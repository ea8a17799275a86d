package org.biglam.lam.spark.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.StructType;
import org.biglam.lam.spark.LamSchema;

/** The scan of one {@code load(...)}: its batch plans the partitions on the driver. */
public final class LamScan implements Scan, Batch {

    private final LamOptions options;
    private final List<String> paths;
    private LamPartition[] planned;
    private Broadcast<HadoopConf> conf;

    LamScan(LamOptions options, List<String> paths) {
        this.options = options;
        this.paths = paths;
    }

    @Override
    public StructType readSchema() {
        return LamSchema.SCHEMA;
    }

    @Override
    public String description() {
        return "lam " + paths + (options.mode() == Mode.PERMISSIVE ? "" : " mode=" + options.mode());
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public CustomMetric[] supportedCustomMetrics() {
        return Metrics.supported();
    }

    @Override
    public InputPartition[] planInputPartitions() {
        if (planned == null) {
            SparkSession spark = SparkSession.active();
            Configuration hadoop = new Configuration(spark.sparkContext().hadoopConfiguration());
            for (Map.Entry<String, String> e : options.all().entrySet()) {
                if (Planning.isHadoopKey(e.getKey())) {
                    hadoop.set(e.getKey(), e.getValue());
                }
            }
            SQLConf sql = SQLConf.get();
            int minPartitions = sql.filesMinPartitionNum().isDefined()
                    ? (Integer) sql.filesMinPartitionNum().get()
                    : spark.sparkContext().defaultParallelism();
            Planning.Settings settings = new Planning.Settings(
                    options.maxPartitionBytes(sql.filesMaxPartitionBytes()),
                    options.openCostInBytes(sql.filesOpenCostInBytes()),
                    minPartitions, options.entriesPerPartition());
            try {
                planned = Planning.plan(paths, hadoop, options, settings);
            } catch (IOException e) {
                throw new UncheckedIOException("lam: cannot list " + paths + ": " + e.getMessage(), e);
            }
            conf = spark.sparkContext().broadcast(new HadoopConf(hadoop),
                    scala.reflect.ClassTag$.MODULE$.apply(HadoopConf.class));
        }
        return planned.clone();
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        if (conf == null) {
            planInputPartitions();
        }
        return new LamReaderFactory(options, conf);
    }
}
