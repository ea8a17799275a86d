package org.biglam.lam.parquet;

import org.jspecify.annotations.Nullable;

/**
 * One region of an image in an {@link HubColumn.Type#OBJECTS} column: its box in the image's pixels
 * and what it is, the shape the Hub's object-detection datasets use.
 *
 * @param x the box's left edge
 * @param y the box's top edge
 * @param w the box's width
 * @param h the box's height
 * @param category what the region is (for example {@code illustration}, {@code TextBlock}), or null
 * @param text the region's text, or null
 * @since 0.1
 */
public record HubObject(double x, double y, double w, double h, @Nullable String category, @Nullable String text) {

    /** Checks that the box is finite with a size that is not negative. */
    public HubObject {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !(w >= 0) || !(h >= 0) || !Double.isFinite(w)
                || !Double.isFinite(h)) {
            throw new IllegalArgumentException("bad box: " + x + "," + y + "," + w + "," + h);
        }
    }
}
