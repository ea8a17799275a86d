package org.biglam.lam.spark.internal;

import java.io.Serializable;
import org.biglam.lam.Location;
import org.biglam.lam.Problem;

/**
 * A problem's values, serializable, for problems met on the driver (a {@link Problem} is not
 * serializable).
 */
public record ProblemValues(String severity, String kind, String message, String input, String entry,
        long index, long offset, long line) implements Serializable {

    /** The values of a problem. */
    public static ProblemValues of(Problem p) {
        Location l = p.location();
        return new ProblemValues(p.severity().name(), p.kind(), p.message(), l.input(), l.entry().orElse(null),
                l.index().orElse(-1), l.offset().orElse(-1), l.line().orElse(-1));
    }

    /** The problem again. */
    public Problem problem() {
        Location l = Location.of(input, entry);
        if (index >= 0) {
            l = l.withIndex(index);
        }
        if (offset >= 0) {
            l = l.withOffset(offset);
        }
        if (line >= 0) {
            l = l.withLine(line, -1);
        }
        return new Problem(Problem.Severity.valueOf(severity), kind, message, l);
    }
}
