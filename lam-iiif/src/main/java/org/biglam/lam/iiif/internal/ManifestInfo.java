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
    /** Referenced annotation pages of its canvases that were not fetched. */
    int unfetchedPages;

    ManifestInfo(Doc doc, String id, int version, List<String> title, List<Label> labels, List<IiifImage> thumbnails,
            Map<String, List<String>> ranges) {
        this.doc = doc;
        this.id = id;
        this.version = version;
        this.title = title;
        this.labels = labels;
        this.thumbnails = thumbnails;
        this.ranges = ranges;
    }
}
