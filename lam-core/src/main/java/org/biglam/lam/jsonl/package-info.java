/**
 * lam's JSON Lines form of records: {@link org.biglam.lam.jsonl.JsonLinesWriter} writes it and the
 * {@code lam-jsonl} format ({@link org.biglam.lam.jsonl.JsonLinesFormat}) reads it back.
 *
 * @since 0.1
 */
@NullMarked
package org.biglam.lam.jsonl;

import org.jspecify.annotations.NullMarked;
