/**
 * Files on a store, and reads planned as units of work for an engine that spreads them over
 * machines: {@link org.biglam.lam.store.FileStore}, {@link org.biglam.lam.store.InputFile}, {@link
 * org.biglam.lam.store.WorkUnit}; see {@link org.biglam.lam.Lam#plan}, {@link org.biglam.lam.Lam#split}
 * and {@link org.biglam.lam.Lam#read(org.biglam.lam.store.WorkUnit, org.biglam.lam.store.FileStore,
 * org.biglam.lam.ReadOptions)}.
 *
 * @since 0.1
 */
@NullMarked
package org.biglam.lam.store;

import org.jspecify.annotations.NullMarked;
