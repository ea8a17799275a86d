package org.biglam.lam.iiif.internal;

import java.util.List;
import org.biglam.lam.Region;

/**
 * An annotation worth a record at annotation granularity.
 *
 * @param id its id, or null
 * @param motivation {@code supplementing}, {@code commenting} or {@code tagging}
 * @param text its text, or null (a tag only)
 * @param tags its tags
 * @param region the part of the canvas it targets, or null for the whole canvas
 * @param confidence the OCR's confidence in it, or -1
 */
record Anno(String id, String motivation, String text, List<String> tags, Region region, double confidence) {
}
