package org.biglam.lam;

/**
 * Records and problems of a read, pulled one item at a time, in the order they were met. Get one
 * from {@link Lam#read(org.biglam.lam.store.WorkUnit, org.biglam.lam.store.FileStore, ReadOptions)}
 * or {@link LamReader#cursor()}; close it with try-with-resources.
 *
 * <pre>{@code
 * try (RecordCursor c = Lam.read(unit, store, options)) {
 *     while (c.next()) {
 *         if (c.isRecord()) {
 *             write(c.record());
 *         } else {
 *             log(c.problem());
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Under {@link ErrorPolicy#SKIP} every problem, error or warning, is an item and reading goes
 * on. Under {@link ErrorPolicy#FAIL} warnings are items, and the first error is thrown by {@link
 * #next()} as the located {@link LamException}, after the items met before it. Problems also go to
 * the options' {@linkplain ReadOptions.Builder#onProblem problem listener}, as in any read.
 *
 * <p>Not thread-safe: one thread pulls.
 *
 * @since 0.1
 */
public interface RecordCursor extends AutoCloseable {

    /**
     * Moves to the next item.
     *
     * @return true if there is one, false at the end (and from then on)
     * @throws LamException under {@link ErrorPolicy#FAIL}, at the first error; the cursor is closed
     * @throws IllegalStateException if the cursor is closed
     */
    boolean next();

    /**
     * Whether the current item is a record (else it is a problem).
     *
     * @return true for a record
     * @throws IllegalStateException if there is no current item ({@link #next()} not called, or it
     *     gave false)
     */
    boolean isRecord();

    /**
     * The current item as a record.
     *
     * @return the record
     * @throws IllegalStateException if there is no current item, or it is a problem
     */
    LamRecord record();

    /**
     * The current item as a problem.
     *
     * @return the problem
     * @throws IllegalStateException if there is no current item, or it is a record
     */
    Problem problem();

    /** Closes the input. Idempotent. */
    @Override
    void close();
}
