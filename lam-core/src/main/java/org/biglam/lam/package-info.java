/**
 * The record API: {@link org.biglam.lam.Lam} (the entry points), {@link org.biglam.lam.LamRecord}
 * (the one value every format is read into), {@link org.biglam.lam.ReadOptions} and
 * {@link org.biglam.lam.ReadLimits} (how to read), {@link org.biglam.lam.LamReader} (an open read
 * with its problem counts) and the {@link org.biglam.lam.LamException} hierarchy.
 *
 * @since 0.1
 */
@NullMarked
package org.biglam.lam;

import org.jspecify.annotations.NullMarked;
