package org.biglam.lam.spi;

import org.biglam.lam.LamFormatException;
import org.biglam.lam.Location;
import org.biglam.lam.Problem;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.RecordSource;

/**
 * What a {@link FormatReader} is given besides its input: the options, the granularity chosen, and
 * where to report problems. One context serves one input; used by one thread at a time.
 *
 * <p>lam's engine makes the contexts of a read. To call a {@link FormatProvider} or an
 * {@link EmbeddedXmlReader} directly (in a test, a tool), {@link #of} makes one that reports to the
 * options' problem listener.
 *
 * @since 0.1
 */
public interface ReadContext {

    /** The options the user chose. */
    ReadOptions options();

    /** The limits to honour; the same as {@code options().limits()}. */
    default ReadLimits limits() {
        return options().limits();
    }

    /** The granularity to emit: the one asked for, or the format's default. */
    String granularity();

    /** The input being read. */
    Input input();

    /**
     * Reports a bad record that the reader has stepped over. Under {@link
     * org.biglam.lam.ErrorPolicy#FAIL} this throws {@code problem}; under {@code SKIP} it records
     * and reports it and returns, and the reader goes on with the next record.
     *
     * @param problem the problem, with its location
     * @throws LamFormatException {@code problem} itself, under {@code FAIL}
     */
    void problem(LamFormatException problem);

    /**
     * Reports something recovered or guessed (a leader that lied, a missing attribute). Never
     * stops reading.
     *
     * @param kind a short stable word for counting, for example {@code encoding}
     * @param message what happened
     * @param location where
     */
    void warn(String kind, String message, Location location);

    /** The location of this input, to refine with {@code withIndex}, {@code withOffset}, ... */
    Location location();

    /**
     * The source for a record of this input.
     *
     * @param index the record's ordinal in the input, from 0
     * @param offset its byte offset, or negative
     * @param line its line, or zero or negative
     * @return the source
     */
    default RecordSource source(long index, long offset, long line) {
        return new RecordSource(input().uri(), input().entry(), index, offset, line);
    }

    /**
     * A context for calling a reader directly, outside a {@code Lam.read}: problems are thrown under
     * {@link org.biglam.lam.ErrorPolicy#FAIL}, and under {@code SKIP} given, as {@link Problem}s,
     * to {@link ReadOptions#problemListener()}, as warnings are. It does not check the granularity
     * against a provider's, as lam does before {@link FormatProvider#open}.
     *
     * <pre>{@code
     * List<Problem> problems = new ArrayList<>();
     * ReadOptions options = ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).onProblem(problems::add).build();
     * Input input = Input.of("file:///data/notes.txt", "notes.txt", bytes);
     * try (FormatReader r = new NotesFormat().open(input, ReadContext.of(input, options, "note"))) {
     *     ...
     * }
     * }</pre>
     *
     * @param input the input
     * @param options the options
     * @param granularity the granularity to emit
     * @return a context, for one thread at a time
     * @since 0.1
     */
    static ReadContext of(Input input, ReadOptions options, String granularity) {
        return new StandaloneContext(input, options, granularity);
    }
}
