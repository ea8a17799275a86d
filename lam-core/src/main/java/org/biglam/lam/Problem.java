package org.biglam.lam;

import java.util.Objects;

/**
 * A problem met while reading: an error that cost a record or an input (under
 * {@link ErrorPolicy#SKIP}), or a warning about something recovered (a leader that lied about its
 * encoding, a missing attribute).
 *
 * @param severity how bad it is
 * @param kind a short stable word for the kind of problem, for counting ({@code malformed},
 *     {@code limit}, {@code io}, {@code unsupported}, {@code encoding}, ...)
 * @param message what happened, without the location
 * @param location where
 * @since 0.1
 */
public record Problem(Severity severity, String kind, String message, Location location) {

    /** How bad a problem is. */
    public enum Severity {
        /** Something was recovered or guessed; every record still came out. */
        WARNING,
        /** A record or an input was left out. */
        ERROR
    }

    /** Checks that nothing is null. */
    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
    }

    /** Makes an error problem from an exception. */
    public static Problem of(LamException e, Location fallback) {
        String kind;
        if (e instanceof LamLimitExceededException) {
            kind = "limit";
        } else if (e instanceof LamFormatException) {
            kind = "malformed";
        } else if (e instanceof UnsupportedFormatException) {
            kind = "unsupported";
        } else if (e instanceof LamIOException) {
            kind = "io";
        } else {
            kind = "error";
        }
        return new Problem(Severity.ERROR, kind, e.reason(), e.location().orElse(fallback));
    }

    /** Returns {@code LEVEL location: message}, one line. */
    @Override
    public String toString() {
        return (severity == Severity.ERROR ? "error" : "warning") + " [" + kind + "] " + location + ": "
                + message.replace('\n', ' ');
    }
}
