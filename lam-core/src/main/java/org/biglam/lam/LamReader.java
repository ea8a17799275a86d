package org.biglam.lam;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An open read over one or more inputs: the records as a stream or an iterator, and afterwards
 * what it met on the way (records read, problems). Get one from {@link Lam#open}; close it with
 * try-with-resources.
 *
 * <pre>{@code
 * try (LamReader reader = Lam.open(List.of("holdings/"), ReadOptions.builder()
 *         .errorPolicy(ErrorPolicy.SKIP).build())) {
 *     reader.stream().forEach(System.out::println);
 *     System.out.println(reader.errorCount() + " problems");
 * }
 * }</pre>
 *
 * <p>Records are pulled lazily; at any time one record per reading thread (and for XML one
 * document or page) is held. The stream may be made {@linkplain Stream#parallel() parallel}: it
 * splits by file and by archive entry. The counters are thread-safe.
 *
 * @since 0.1
 */
public interface LamReader extends Iterable<LamRecord>, AutoCloseable {

    /**
     * The records, in input order when sequential. Can be taken once, instead of {@link
     * #iterator()}. Closing the stream closes this reader.
     */
    Stream<LamRecord> stream();

    /** The records, one at a time. Can be taken once, instead of {@link #stream()}. */
    @Override
    Iterator<LamRecord> iterator();

    /**
     * The records and the problems met, together in order, pulled one item at a time: see {@link
     * RecordCursor}. Can be taken once, instead of {@link #stream()} or {@link #iterator()}. Closing
     * the cursor closes this reader.
     *
     * @return the cursor
     * @since 0.1
     */
    RecordCursor cursor();

    /** Records handed out so far. */
    long recordCount();

    /** Errors so far: records or inputs left out under {@link ErrorPolicy#SKIP}. */
    long errorCount();

    /** Warnings so far: things recovered or guessed. */
    long warningCount();

    /** The first problems met (at most 1,000, errors and warnings), in the order met. */
    List<Problem> problems();

    /** Closes every input still open. Idempotent. */
    @Override
    void close();
}
