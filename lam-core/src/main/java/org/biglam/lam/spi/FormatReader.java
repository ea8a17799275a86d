package org.biglam.lam.spi;

import java.io.IOException;
import org.biglam.lam.LamRecord;
import org.jspecify.annotations.Nullable;

/**
 * Pulls records out of one input, one at a time. Made by {@link FormatProvider#open}; used by one
 * thread at a time.
 *
 * <p>A reader reports a bad record it can step over with {@link ReadContext#problem} and goes on to
 * the next; when it cannot go on with its input (malformed XML, a broken stream) it throws a
 * {@link org.biglam.lam.LamFormatException} naming the location, and lam moves to the next input.
 *
 * @since 0.1
 */
public interface FormatReader extends AutoCloseable {

    /**
     * Returns the next record, or null when the input has no more.
     *
     * @return the next record, or null at the end
     * @throws IOException if reading the input fails
     * @throws org.biglam.lam.LamException if the input is bad beyond recovery
     */
    @Nullable LamRecord next() throws IOException;

    /**
     * Releases what the reader opened itself. It does not close the {@link Input}'s stream, which
     * lam owns.
     */
    @Override
    default void close() throws IOException {
    }
}
