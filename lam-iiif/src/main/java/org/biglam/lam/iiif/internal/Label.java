package org.biglam.lam.iiif.internal;

/**
 * A label a record gets: its name and value (a value may be null: the label is then left out).
 *
 * @param name the label's name ({@link org.biglam.lam.Labels} or {@code iiif:...})
 * @param value its value
 */
record Label(String name, String value) {
}
