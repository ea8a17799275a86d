package org.biglam.lam.iiif.internal;

import java.util.List;
import java.util.Map;
import org.biglam.lam.iiif.IiifImage;

/** What every record of a manifest carries, and what its canvases' parsing counts for it. */
final class ManifestInfo {
    final Doc doc;
    final String id;
    final int version;
    final List<String> title;
    final List<Label> labels;
    final List<IiifImage> thumbnails;
    /** Canvas id (without fragment) to the labels of the ranges holding it, outermost first. */
    final Map<String, List<String>> ranges;
    /** Where its annotations go. */
    final Routing routing;
    /** Referenced annotation pages of its canvases that were not fetched (fetching off). */
    int unfetchedPages;
    /** Full-text resources its annotations refer to that were not fetched (fetching off). */
    int unfetchedTexts;

    ManifestInfo(Doc doc, String id, int version, List<String> title, List<Label> labels, List<IiifImage> thumbnails,
            Map<String, List<String>> ranges, Routing routing) {
        this.doc = doc;
        this.id = id;
        this.version = version;
        this.title = title;
        this.labels = labels;
        this.thumbnails = thumbnails;
        this.ranges = ranges;
        this.routing = routing;
    }
}
