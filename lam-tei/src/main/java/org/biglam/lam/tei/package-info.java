/**
 * TEI P5 and P4 documents and corpora as lam records: {@link org.biglam.lam.tei.TeiFormat} (format id
 * {@code tei}) reads the header into labels and the text, with the choices of a named
 * {@link org.biglam.lam.tei.TeiOptions profile}, at the granularity asked for ({@code document},
 * {@code div}, {@code page}, {@code paragraph}, {@code utterance}, {@code sentence},
 * {@code token}).
 */
@NullMarked
package org.biglam.lam.tei;

import org.jspecify.annotations.NullMarked;
