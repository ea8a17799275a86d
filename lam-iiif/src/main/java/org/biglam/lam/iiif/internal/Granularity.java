package org.biglam.lam.iiif.internal;

/** The units IIIF records are made of. */
public enum Granularity {
    /** One record per canvas (the default). */
    CANVAS,
    /** One record per manifest. */
    MANIFEST,
    /** One record per non-painting or textual annotation, and per OCR line. */
    ANNOTATION;

    /** The granularity named by a lam granularity id, or null. */
    public static Granularity of(String id) {
        switch (id) {
            case "canvas":
                return CANVAS;
            case "manifest":
                return MANIFEST;
            case "annotation":
                return ANNOTATION;
            default:
                return null;
        }
    }
}
