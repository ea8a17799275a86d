package org.biglam.lam.iiif.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.biglam.lam.ErrorPolicy;
import org.biglam.lam.ImageRef;
import org.biglam.lam.Lam;
import org.biglam.lam.LamException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.ReadOptions;
import org.biglam.lam.Region;

/**
 * Reads OCR (ALTO or hOCR) linked from a canvas ({@code seeAlso}, {@code rendering}, or an external
 * body of a supplementing annotation) through lam's own detection, at line granularity, and
 * attaches its text to the canvas and its lines, with their regions scaled from the OCR page's
 * size to the canvas's, as annotations. The format modules (lam-alto) are found at run time;
 * lam-iiif does not depend on them.
 */
final class Ocr {

    /** A link to OCR and the format it names, if any. */
    static final class Link {
        final String href;
        final String format;

        Link(String href, String format) {
            this.href = href;
            this.format = format;
        }
    }

    private final IiifReader reader;
    private boolean warnedSize;

    Ocr(IiifReader reader) {
        this.reader = reader;
    }

    /** The lam format id an OCR link names ({@code alto}, {@code hocr}), "" for OCR of unknown kind, or null. */
    static String ocrFormat(JsonNode link) {
        if (link == null || !link.isObject()) {
            return null;
        }
        StringBuilder hint = new StringBuilder();
        for (String f : new String[] {"format", "profile", "@type", "type", "label"}) {
            JsonNode v = link.get(f);
            if (v != null) {
                hint.append(' ').append(v.isTextual() ? v.textValue() : v.toString());
            }
        }
        String h = hint.toString().toLowerCase(Locale.ROOT);
        if (h.contains("alto")) {
            return "alto";
        }
        if (h.contains("hocr")) {
            return "hocr";
        }
        return null;
    }

    /** Collects the canvas's OCR links and reads them. */
    void attach(IiifReader.ManifestInfo info, IiifReader.CanvasData d, JsonNode canvas) {
        List<Link> links = new ArrayList<>(d.ocrLinks);
        for (String field : new String[] {"seeAlso", "rendering"}) {
            for (JsonNode l : Json.many(canvas, field)) {
                String fmt = ocrFormat(l);
                String id = Json.id(l);
                if (fmt != null && id != null) {
                    links.add(new Link(id, fmt));
                }
            }
        }
        for (Link link : links) {
            try {
                read(info, d, link);
            } catch (IOException | LamException e) {
                reader.context().warn("ocr", "OCR " + link.href + " of canvas " + d.id + " could not be read: "
                        + e.getMessage(), reader.where(info.doc));
            }
        }
    }

    private void read(IiifReader.ManifestInfo info, IiifReader.CanvasData d, Link link) throws IOException {
        IiifReader.Loaded loaded = reader.loadBytes(info.doc, link.href);
        if (loaded == null) {
            reader.context().warn("ocr", "OCR " + link.href + " of canvas " + d.id + " was not fetched"
                    + (org.biglam.lam.spi.Fetcher.isHttp(link.href) && !reader.fetchRemote() ? " (set iiif.fetch=always)" : ""),
                    reader.where(info.doc));
            return;
        }
        ReadOptions.Builder o = ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).limits(reader.limits())
                .granularity("line");
        if (link.format != null && !link.format.isEmpty() && Lam.formats().stream().anyMatch(f -> f.id().equals(link.format))) {
            o.format(link.format);
        }
        String name = link.href.substring(link.href.lastIndexOf('/') + 1);
        List<String> texts = new ArrayList<>();
        List<IiifReader.Anno> lines = new ArrayList<>();
        try (java.io.InputStream in = loaded.in;
                Stream<LamRecord> s = Lam.read(in, name.isEmpty() ? "ocr.xml" : name, o.build())) {
            for (LamRecord line : (Iterable<LamRecord>) s::iterator) {
                String text = line.text().orElse(null);
                if (text == null || text.isBlank()) {
                    continue;
                }
                texts.add(text);
                IiifReader.Anno a = new IiifReader.Anno();
                a.motivation = "supplementing";
                a.text = text;
                a.region = canvasRegion(line, d, info);
                a.confidence = line.confidence().orElse(-1);
                lines.add(a);
            }
        }
        if (texts.isEmpty()) {
            return;
        }
        if (d.transcriptions.isEmpty()) {
            d.transcriptions.addAll(texts);
        }
        d.annos.addAll(lines);
    }

    /** A line's region, scaled from the OCR page's pixels to the canvas's. */
    private Region canvasRegion(LamRecord line, IiifReader.CanvasData d, IiifReader.ManifestInfo info) {
        Region r = null;
        long pw = -1;
        long ph = -1;
        if (!line.images().isEmpty()) {
            ImageRef img = line.images().get(0);
            r = img.region().orElse(null);
            pw = img.width().orElse(-1);
            ph = img.height().orElse(-1);
        }
        if (r == null) {
            for (String key : line.labels().keySet()) {
                if (key.endsWith(":region")) {
                    r = Images.parseRegion(line.label(key).get(0), -1, -1);
                    break;
                }
            }
        }
        if (r == null) {
            return null;
        }
        if (pw <= 0 || ph <= 0 || d.width <= 0 || d.height <= 0) {
            if (!warnedSize) {
                warnedSize = true;
                reader.context().warn("ocr", "the OCR page's size is not known; its line regions are taken to be "
                        + "in the canvas's units", reader.where(info.doc));
            }
            return r;
        }
        double sx = (double) d.width / pw;
        double sy = (double) d.height / ph;
        return new Region(Math.round(r.x() * sx), Math.round(r.y() * sy), Math.round(r.w() * sx),
                Math.round(r.h() * sy));
    }
}
