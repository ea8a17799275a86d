/**
 * Dublin Core for lam: the {@link org.biglam.lam.dc.DcFormat} provider ({@code dc}).
 *
 * @since 0.2
 */
package org.biglam.lam.dc;
