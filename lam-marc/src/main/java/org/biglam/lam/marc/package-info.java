/**
 * MARC 21 for lam: the providers of the formats {@code marc21} (ISO 2709 in MARC-8 or UTF-8),
 * {@code marcxml} (MARCXML, also inside OAI-PMH and SRU responses) and {@code marc-json}
 * (MARC-in-JSON), and their {@link org.biglam.lam.marc.MarcOptions}. Records carry the marc4j
 * {@code org.marc4j.marc.Record} they were built from: {@code record.unwrap(Record.class)}.
 *
 * @since 0.1
 */
package org.biglam.lam.marc;
