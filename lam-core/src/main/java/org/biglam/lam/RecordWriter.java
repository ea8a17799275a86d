package org.biglam.lam;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes records, one after another, to a destination it owns or was given. Not thread-safe.
 *
 * @since 0.1
 */
public interface RecordWriter extends Closeable {

    /**
     * Writes one record.
     *
     * @param record the record
     * @throws IOException if writing fails
     */
    void write(LamRecord record) throws IOException;

    /** Flushes what is buffered to the destination. */
    void flush() throws IOException;
}
