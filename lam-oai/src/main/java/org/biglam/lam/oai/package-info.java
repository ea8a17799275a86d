/**
 * OAI-PMH for lam: the {@link org.biglam.lam.oai.OaiPmhFormat} provider ({@code oai-pmh}) for
 * saved responses and the harvester behind {@code oai:} inputs.
 *
 * @since 0.1
 */
@NullMarked
package org.biglam.lam.oai;

import org.jspecify.annotations.NullMarked;
