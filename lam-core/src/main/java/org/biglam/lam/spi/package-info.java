/**
 * The service-provider interface format modules implement: a {@link
 * org.biglam.lam.spi.FormatProvider} per format, registered with {@link java.util.ServiceLoader},
 * which probes an input's first bytes and opens a {@link org.biglam.lam.spi.FormatReader} over an
 * {@link org.biglam.lam.spi.Input}; helpers for safe XML parsing, XML problems and probing.
 *
 * @since 0.1
 */
@NullMarked
package org.biglam.lam.spi;

import org.jspecify.annotations.NullMarked;
