/**
 * The internals of {@code lam export}: splits by group hash, shard writers for JSON Lines, Parquet
 * and WebDataset, the Hub layout with renaming at the end, image loading, and the dataset card.
 *
 * @since 0.1
 */
package org.biglam.lam.cli.export;
