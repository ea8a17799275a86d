package org.biglam.lam.spark.internal;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.biglam.lam.spark.HadoopFileStore;

/** Makes each task's reader, on the executor. */
public final class LamReaderFactory implements PartitionReaderFactory {

    private static final long serialVersionUID = 1L;

    private final LamOptions options;
    private final Broadcast<HadoopConf> conf;

    LamReaderFactory(LamOptions options, Broadcast<HadoopConf> conf) {
        this.options = options;
        this.conf = conf;
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        Configuration c = conf.value().get();
        return new LamPartitionReader((LamPartition) partition, new HadoopFileStore(c), options);
    }
}
