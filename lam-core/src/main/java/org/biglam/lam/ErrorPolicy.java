package org.biglam.lam;

/**
 * What a reader does when an input or record is bad.
 *
 * @since 0.1
 */
public enum ErrorPolicy {
    /** Stop at the first problem with a {@link LamException} naming its location (the Java default). */
    FAIL,
    /**
     * Report each problem (see {@link ReadOptions.Builder#onProblem}), leave out the bad record or
     * input, and go on; a good record is never lost because its neighbour was bad. The command
     * line's default.
     */
    SKIP
}
