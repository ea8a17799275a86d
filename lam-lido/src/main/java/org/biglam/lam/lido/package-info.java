/**
 * LIDO 1.0 and 1.1 museum object records as lam records: {@link org.biglam.lam.lido.LidoFormat}
 * (format id {@code lido}) gives one record per object of a {@code lidoWrap} or a single
 * {@code lido}, streamed.
 */
@NullMarked
package org.biglam.lam.lido;

import org.jspecify.annotations.NullMarked;
