/**
 * The generator of the MARC files and page images in {@code examples/holdings}
 * ({@link org.biglam.lam.examples.holdings.MakeHoldings}).
 */
package org.biglam.lam.examples.holdings;
