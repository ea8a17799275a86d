package org.biglam.lam.spi;

import java.util.Objects;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.Location;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadOptions;

/** {@link ReadContext#of}: problems and warnings to the options' listener. */
final class StandaloneContext implements ReadContext {

    private final Input input;
    private final ReadOptions options;
    private final String granularity;
    private final Location location;

    StandaloneContext(Input input, ReadOptions options, String granularity) {
        this.input = Objects.requireNonNull(input, "input");
        this.options = Objects.requireNonNull(options, "options");
        this.granularity = Objects.requireNonNull(granularity, "granularity");
        this.location = Location.of(input.uri(), input.entry());
    }

    @Override
    public ReadOptions options() {
        return options;
    }

    @Override
    public String granularity() {
        return granularity;
    }

    @Override
    public Input input() {
        return input;
    }

    @Override
    public void problem(LamFormatException problem) {
        if (options.errorPolicy() == ErrorPolicy.FAIL) {
            throw problem;
        }
        options.problemListener().accept(Problem.of(problem, location));
    }

    @Override
    public void warn(String kind, String message, Location where) {
        options.problemListener().accept(new Problem(Problem.Severity.WARNING, kind, message,
                where == null ? location : where));
    }

    @Override
    public Location location() {
        return location;
    }
}
