package org.biglam.lam.iiif.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads OCR (ALTO or hOCR) linked from a canvas and attaches its text and line regions. */
final class Ocr {

    private final IiifReader reader;

    Ocr(IiifReader reader) {
        this.reader = reader;
    }

    void attach(IiifReader.ManifestInfo info, IiifReader.CanvasData d, JsonNode canvas) {
        // filled in below
    }
}
