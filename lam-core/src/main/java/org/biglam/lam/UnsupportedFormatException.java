package org.biglam.lam;

import org.jspecify.annotations.Nullable;

/**
 * No format on the class path recognises the input, or the format asked for is not on the class
 * path, or it does not support the granularity asked for.
 *
 * @since 0.1
 */
public class UnsupportedFormatException extends LamException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what was asked for and what is available
     * @param location the input, or null if none
     */
    public UnsupportedFormatException(String message, @Nullable Location location) {
        super(message, location, null);
    }
}
