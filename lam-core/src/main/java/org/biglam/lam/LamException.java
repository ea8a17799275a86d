package org.biglam.lam;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception lam throws, so that one {@code catch (LamException e)} covers bad
 * input, exceeded limits, unknown formats and I/O failures alike. Unchecked.
 *
 * @since 0.1
 */
public class LamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Location location;

    /**
     * Creates an exception.
     *
     * @param message what went wrong, without the location
     * @param location where, or null if not tied to an input
     * @param cause the cause, or null
     */
    public LamException(String message, @Nullable Location location, @Nullable Throwable cause) {
        super(location == null ? message : location + ": " + message, cause);
        this.location = location;
    }

    /** Where the problem was found, if it is tied to an input. */
    public java.util.Optional<Location> location() {
        return java.util.Optional.ofNullable(location);
    }

    /** The message without the location prefix. */
    public String reason() {
        String m = getMessage();
        if (location == null) {
            return m;
        }
        String prefix = location + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
