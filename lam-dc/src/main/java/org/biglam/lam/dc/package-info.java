/**
 * Dublin Core for lam: the {@link org.biglam.lam.dc.DcFormat} provider ({@code dc}).
 *
 * @since 0.1
 */
@NullMarked
package org.biglam.lam.dc;

import org.jspecify.annotations.NullMarked;
