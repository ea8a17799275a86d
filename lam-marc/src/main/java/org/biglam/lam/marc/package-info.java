/**
 * MARC 21 and UNIMARC for lam: the providers of the formats {@code marc21} (ISO 2709 in MARC-8,
 * UTF-8, ISO 5426 or ISO 6937), {@code marcxml} (MARCXML and MARCXchange, also inside OAI-PMH and
 * SRU responses), {@code marc-json} (MARC-in-JSON) and {@code mrk} (MarcEdit's mnemonic text), and
 * their {@link org.biglam.lam.marc.MarcOptions}. Each record is read as MARC 21 or UNIMARC by its
 * content. Records carry the marc4j {@code org.marc4j.marc.Record} they were built from:
 * {@code record.unwrap(Record.class)}.
 *
 * @since 0.1
 */
@NullMarked
package org.biglam.lam.marc;

import org.jspecify.annotations.NullMarked;
