package org.biglam.lam.iiif.internal;

/**
 * A link from a canvas to its OCR, and the format it names.
 *
 * @param href the OCR's URI, as the manifest gives it
 * @param format the lam format id it names ({@code alto}, {@code hocr})
 */
record OcrLink(String href, String format) {
}
