/**
 * MODS for lam: the {@link org.biglam.lam.mods.ModsFormat} provider ({@code mods}).
 *
 * @since 0.1
 */
@NullMarked
package org.biglam.lam.mods;

import org.jspecify.annotations.NullMarked;
