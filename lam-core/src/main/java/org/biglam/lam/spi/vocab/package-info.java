/**
 * The vocabulary every format reader shares, so that a value maps the same way whatever the
 * format: language codes and names to BCP 47 tags ({@link org.biglam.lam.spi.vocab.Languages}),
 * dates to a normalised year or range ({@link org.biglam.lam.spi.vocab.Dates}), MARC's ISBD
 * punctuation trimmed ({@link org.biglam.lam.spi.vocab.Punctuation}), and Dublin Core
 * and DCTERMS properties to lam's uniform labels ({@link org.biglam.lam.spi.vocab.DublinCore}).
 * For format modules; users of lam see the results in records' labels.
 *
 * @since 0.1
 */
@NullMarked
package org.biglam.lam.spi.vocab;

import org.jspecify.annotations.NullMarked;
