/**
 * IIIF Presentation 2.1 and 3.0 for lam: {@link org.biglam.lam.iiif.IiifFormat} (format id
 * {@code iiif}), its options {@link org.biglam.lam.iiif.IiifOptions}, the canvas view
 * {@link org.biglam.lam.iiif.IiifCanvas} attached to canvas records, and the Image API URL helper
 * {@link org.biglam.lam.iiif.IiifImageService}.
 *
 * @since 0.1
 */
@NullMarked
package org.biglam.lam.iiif;

import org.jspecify.annotations.NullMarked;
