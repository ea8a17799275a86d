/**
 * Parquet shards for the Hugging Face Hub: {@link org.biglam.lam.parquet.HubParquetWriter} writes
 * rows whose columns are typed as {@code datasets} features ({@link org.biglam.lam.parquet.HubColumn}),
 * with embedded images and the {@code huggingface} feature metadata.
 *
 * @since 0.1
 */
@NullMarked
package org.biglam.lam.parquet;

import org.jspecify.annotations.NullMarked;
