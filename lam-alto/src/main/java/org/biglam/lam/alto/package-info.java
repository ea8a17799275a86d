/**
 * ALTO and METS/ALTO for lam: the {@link org.biglam.lam.alto.AltoFormat} ({@code alto}) and
 * {@link org.biglam.lam.alto.MetsFormat} ({@code mets}) providers and their
 * {@link org.biglam.lam.alto.AltoOptions}.
 *
 * @since 0.1
 */
@NullMarked
package org.biglam.lam.alto;

import org.jspecify.annotations.NullMarked;
