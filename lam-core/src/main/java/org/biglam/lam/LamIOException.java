package org.biglam.lam;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Reading failed for a reason outside the input's content: a missing file, a network error, a
 * timeout. Wraps the {@link IOException}.
 *
 * @since 0.1
 */
public class LamIOException extends LamException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what was being done
     * @param location the input, or null
     * @param cause the I/O exception
     */
    public LamIOException(String message, @Nullable Location location, @Nullable IOException cause) {
        super(message + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), location, cause);
    }

    @Override
    public synchronized IOException getCause() {
        return (IOException) super.getCause();
    }
}
