package org.biglam.lam;

import org.jspecify.annotations.Nullable;

/**
 * The input is not valid in its format: a truncated MARC record, malformed XML, JSON that is not
 * a manifest. Carries the {@linkplain #location() location} of the problem.
 *
 * @since 0.1
 */
public class LamFormatException extends LamException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what is wrong
     * @param location where; never null
     * @param cause the parser's exception, or null
     */
    public LamFormatException(String message, @Nullable Location location, @Nullable Throwable cause) {
        super(message, java.util.Objects.requireNonNull(location, "location"), cause);
    }

    /** Creates an exception without a cause. */
    public LamFormatException(String message, @Nullable Location location) {
        this(message, location, null);
    }
}
