package org.biglam.lam.iiif.internal;

import java.util.ArrayList;
import java.util.List;
import org.biglam.lam.Region;
import org.biglam.lam.iiif.IiifImage;

/** What a canvas gives: its images, texts and annotations. */
final class CanvasData {
    String id;
    String label;
    long width = -1;
    long height = -1;
    final List<IiifImage> images = new ArrayList<>(1);
    /**
     * Where on the canvas each of {@link #images} is painted (a {@code #xywh=} target), null for the
     * whole canvas; kept only at annotation granularity, else empty.
     */
    final List<Region> placed = new ArrayList<>(0);
    final List<IiifImage> alternatives = new ArrayList<>(0);
    List<IiifImage> thumbnails = List.of();
    final List<String> transcriptions = new ArrayList<>(0);
    final List<String> comments = new ArrayList<>(0);
    final List<String> tags = new ArrayList<>(0);
    final List<Anno> annos = new ArrayList<>(0);
    final List<Label> labels = new ArrayList<>(0);
    final List<OcrLink> ocrLinks = new ArrayList<>(0);
    /** The kinds of painted content that is not an image (sound, moving image, text...). */
    final List<String> painted = new ArrayList<>(0);
}
