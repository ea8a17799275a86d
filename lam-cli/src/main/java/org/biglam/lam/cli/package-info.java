/**
 * The {@code lam} command line tool ({@link org.biglam.lam.cli.LamCommand}).
 *
 * @since 0.1
 */
package org.biglam.lam.cli;
