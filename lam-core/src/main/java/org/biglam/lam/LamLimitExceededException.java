package org.biglam.lam;

import org.jspecify.annotations.Nullable;

/**
 * An input went past one of the {@link ReadLimits}: an archive entry too large or too highly
 * compressed (a zip bomb), too many entries, a record too large, XML or JSON nested too deep.
 * Reading stopped at bounded cost.
 *
 * @since 0.1
 */
public class LamLimitExceededException extends LamFormatException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message which limit, its value, and how to raise it
     * @param location where; never null
     */
    public LamLimitExceededException(String message, @Nullable Location location) {
        super(message, location, null);
    }

    /** Creates an exception with a cause. */
    public LamLimitExceededException(String message, @Nullable Location location, @Nullable Throwable cause) {
        super(message, location, cause);
    }
}
