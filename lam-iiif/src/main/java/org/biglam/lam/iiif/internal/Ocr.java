package org.biglam.lam.iiif.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
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
import org.biglam.lam.spi.ReadContext;

/**
 * Reads OCR (ALTO or hOCR) linked from a canvas ({@code seeAlso}, {@code rendering}, or an external
 * body of a supplementing annotation) through lam's own detection, at line granularity, and
 * attaches its text to the canvas and its lines, with their regions scaled from the OCR page's
 * size to the canvas's, as annotations. The format modules (lam-alto) are found at run time;
 * lam-iiif does not depend on them.
 */
final class Ocr {

    private final ReferenceLoader loader;
    private final ReadContext ctx;
    private boolean warnedSize;

    Ocr(ReferenceLoader loader, ReadContext ctx) {
        this.loader = loader;
        this.ctx = ctx;
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
    void attach(Doc doc, CanvasData d, JsonNode canvas) {
        List<OcrLink> links = new ArrayList<>(d.ocrLinks);
        for (String field : new String[] {"seeAlso", "rendering"}) {
            for (JsonNode l : Json.many(canvas, field)) {
                String fmt = ocrFormat(l);
                String id = Json.id(l);
                if (fmt != null && id != null) {
                    links.add(new OcrLink(id, fmt));
                }
            }
        }
        for (OcrLink link : links) {
            try {
                read(doc, d, link);
            } catch (IOException | LamException e) {
                ctx.warn("ocr", "OCR " + link.href() + " of canvas " + d.id + " could not be read: "
                        + e.getMessage(), loader.where(doc));
            }
        }
    }

    private void read(Doc doc, CanvasData d, OcrLink link) throws IOException {
        ReferenceLoader.Loaded loaded = loader.loadBytes(doc, link.href());
        if (loaded == null) {
            if (loader.miss() != ReferenceLoader.Miss.REFUSED) { // a refusal has its own reference warning
                ctx.warn("ocr", "OCR " + link.href() + " of canvas " + d.id + (loader.miss()
                        == ReferenceLoader.Miss.NOT_FETCHED ? " was not fetched (set iiif.fetch=always)" : " was not found"),
                        loader.where(doc));
            }
            return;
        }
        ReadOptions.Builder o = ReadOptions.builder().errorPolicy(ErrorPolicy.SKIP).limits(ctx.limits())
                .granularity("line");
        String format = link.format();
        if (format != null && !format.isEmpty() && Lam.formats().stream().anyMatch(f -> f.id().equals(format))) {
            o.format(format);
        }
        String name = link.href().substring(link.href().lastIndexOf('/') + 1);
        List<String> texts = new ArrayList<>();
        List<Anno> lines = new ArrayList<>();
        try (InputStream in = loaded.in();
                Stream<LamRecord> s = Lam.read(in, name.isEmpty() ? "ocr.xml" : name, o.build())) {
            for (LamRecord line : (Iterable<LamRecord>) s::iterator) {
                String text = line.text().orElse(null);
                if (text == null || text.isBlank()) {
                    continue;
                }
                texts.add(text);
                lines.add(new Anno(null, "supplementing", text, List.of(), canvasRegion(line, d, doc),
                        line.confidence().orElse(-1)));
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
    private Region canvasRegion(LamRecord line, CanvasData d, Doc doc) {
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
                ctx.warn("ocr", "the OCR page's size is not known; its line regions are taken to be "
                        + "in the canvas's units", loader.where(doc));
            }
            return r;
        }
        double sx = (double) d.width / pw;
        double sy = (double) d.height / ph;
        return new Region(Math.round(r.x() * sx), Math.round(r.y() * sy), Math.round(r.w() * sx),
                Math.round(r.h() * sy));
    }
}
