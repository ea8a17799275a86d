package org.biglam.lam.cli.export;

import java.io.Closeable;
import java.io.IOException;

/** Writes the rows of one shard file. Not thread-safe. */
interface ShardWriter extends Closeable {

    /** Writes one row. */
    void write(Row row) throws IOException;

    /** About how many bytes the shard holds so far (written and buffered). */
    long size();
}
