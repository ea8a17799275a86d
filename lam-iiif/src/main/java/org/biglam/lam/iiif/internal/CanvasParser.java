package org.biglam.lam.iiif.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamException;
import org.biglam.lam.Labels;
import org.biglam.lam.Region;
import org.biglam.lam.iiif.IiifImage;
import org.biglam.lam.iiif.IiifImageService;
import org.biglam.lam.iiif.IiifOptions;
import org.biglam.lam.spi.ReadContext;

/**
 * Parses a canvas into what its records are made of ({@link CanvasData}): its images (and a Choice's
 * alternatives), thumbnails, descriptive labels, and the text of its annotations, embedded or in
 * annotation pages it refers to; with {@code iiif.ocr}, the OCR it links to.
 */
final class CanvasParser {

    /** What an annotation's body is, for what is done with it. */
    private enum Body {
        IMAGE, TEXT, AUDIO_VIDEO, OTHER
    }

    /** Extensions of image files, for a painting body known only by its id. */
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "jpe", "png", "gif", "tif", "tiff",
            "jp2", "j2k", "jpx", "jpf", "webp", "bmp", "avif", "heic");

    private final ReferenceLoader loader;
    private final ReadContext ctx;
    private final IiifOptions opts;
    private final Values values;
    private final Descriptive descriptive;
    private final boolean wantRegion;
    private final Ocr ocr;

    /**
     * @param wantRegion whether annotations are kept with their regions (annotation granularity)
     * @param ocr the OCR reader, or null when OCR is not read
     */
    CanvasParser(ReferenceLoader loader, ReadContext ctx, IiifOptions opts, Values values, Descriptive descriptive,
            boolean wantRegion, Ocr ocr) {
        this.loader = loader;
        this.ctx = ctx;
        this.opts = opts;
        this.values = values;
        this.descriptive = descriptive;
        this.wantRegion = wantRegion;
        this.ocr = ocr;
    }

    /** Parses canvas {@code n} (from 0) of a manifest. */
    CanvasData canvas(ManifestInfo info, JsonNode c, int n) {
        CanvasData d = new CanvasData();
        String id = Json.id(c);
        if (id == null) {
            id = info.id + "#canvas-" + (n + 1);
            ctx.warn("missing-id", "canvas " + (n + 1) + " of " + info.id + " has no id; using " + id,
                    loader.where(info.doc));
        }
        d.id = id;
        if (!c.isObject()) {
            return d;
        }
        d.label = values.joined(c.get("label"));
        d.width = Json.number(c, "width");
        d.height = Json.number(c, "height");
        if (Descriptive.any(c)) {
            descriptive.describe(c, d.labels);
        }
        d.thumbnails = thumbnails(c);
        for (JsonNode page : Json.many(c, "items")) {
            for (JsonNode anno : Json.many(page, "items")) {
                annotation(d, anno, true);
            }
        }
        for (JsonNode anno : Json.many(c, "images")) {
            annotation(d, anno, true);
        }
        for (String field : new String[] {"annotations", "otherContent"}) {
            for (JsonNode page : Json.many(c, field)) {
                page(info, d, page);
            }
        }
        if (ocr != null) {
            ocr.attach(info.doc, d, c);
        }
        return d;
    }

    /**
     * Reads an annotation page or list, embedded or referenced, following an annotation
     * collection's {@code first} page and each page's {@code next} (at most 1,000 pages).
     */
    private void page(ManifestInfo info, CanvasData d, JsonNode page) {
        JsonNode current = page;
        Doc from = info.doc;
        Set<String> seen = new HashSet<>();
        for (int pages = 0; current != null && pages < 1000; pages++) {
            if (current.isObject() && !current.has("items") && !current.has("resources")
                    && current.has("first")) {
                current = current.get("first"); // an AnnotationCollection or v2 Layer: its first page
            }
            boolean embedded = current.isObject() && (current.has("items") || current.has("resources"));
            String ref = Json.id(current);
            if (ref != null && !seen.add(ref)) {
                return;
            }
            if (!embedded) {
                if (ref == null) {
                    return;
                }
                try {
                    Doc p = loader.load(from, ref, null);
                    if (p == null) {
                        info.unfetchedPages++;
                        return;
                    }
                    from = p;
                    current = p.root();
                    if (current.isObject() && !current.has("items") && !current.has("resources")
                            && current.has("first")) {
                        continue; // a referenced collection: go on with its first page
                    }
                } catch (IOException | LamException e) {
                    ctx.warn("annotation-page", "annotation page " + ref + " of canvas " + d.id
                            + " could not be read: " + e.getMessage(), loader.where(info.doc));
                    return;
                }
            }
            for (JsonNode anno : current.has("items") ? Json.many(current, "items")
                    : Json.many(current, "resources")) {
                annotation(d, anno, false);
            }
            current = current.get("next");
        }
    }

    private static boolean isTranscribing(String m) {
        return m.equals("supplementing") || m.equals("transcribing") || m.equals("painting");
    }

    private static boolean isTagging(String m) {
        return m.equals("tagging") || m.equals("classifying") || m.equals("identifying");
    }

    private void annotation(CanvasData d, JsonNode anno, boolean paintingPage) {
        if (!anno.isObject()) {
            return;
        }
        List<String> ms = Json.motivations(anno);
        String motivation = ms.isEmpty() ? (paintingPage ? "painting" : "commenting") : ms.get(0);
        JsonNode body = anno.get("body");
        List<JsonNode> bodies = body != null ? Json.many(body) : Json.many(anno, "resource");
        // the annotation's record (annotation granularity), made at its first text
        boolean kept = false;
        String keptMotivation = null;
        Region region = null;
        String text = null;
        List<String> tags = null;
        for (JsonNode b : bodies) {
            String t = Json.type(b);
            Body kind = classify(b, t);
            boolean painting = motivation.equals("painting") || paintingPage;
            if (kind == Body.IMAGE) {
                if (painting) {
                    int before = d.images.size();
                    paint(d, b, t);
                    if (wantRegion && d.images.size() > before) {
                        placed(d, anno, before);
                    }
                }
                continue;
            }
            if (painting && kind != Body.TEXT) {
                painted(d, b, t); // audio, video, a PDF, subtitles...: labelled, not an image
            }
            if (kind != Body.TEXT) {
                if (ocr != null && kind == Body.OTHER) {
                    String fmt = Ocr.ocrFormat(b);
                    String href = Json.id(b);
                    if (fmt != null && href != null) {
                        d.ocrLinks.add(new OcrLink(href, fmt));
                    }
                }
                continue;
            }
            String m = bodyMotivation(b, t, motivation, ms);
            String value = textOf(b, t);
            if (value == null) {
                continue;
            }
            String role = isTagging(m) ? "tagging" : isTranscribing(m) ? "supplementing" : "commenting";
            if (!kept && wantRegion) {
                kept = true;
                keptMotivation = role;
                tags = new ArrayList<>(0);
                JsonNode target = anno.has("target") ? first(anno.get("target")) : first(anno.get("on"));
                region = Images.targetRegion(target, d.width, d.height);
            }
            if (isTagging(m)) {
                d.tags.add(value);
                if (kept) {
                    tags.add(value);
                }
            } else {
                if (isTranscribing(m)) {
                    d.transcriptions.add(value);
                } else {
                    d.comments.add(value);
                }
                if (kept) {
                    text = text == null ? value : text + "\n" + value;
                }
            }
        }
        if (kept) {
            d.annos.add(new Anno(Json.id(anno), keptMotivation, text, tags, region, -1));
        }
    }

    /**
     * What a textual body of type {@code t} does: its {@code purpose}; else tagging for an
     * {@code oa:Tag}; else the annotation's motivation, where an annotation both tags and comments
     * (Mirador 2's {@code ["oa:tagging", "oa:commenting"]} with a text and a tag body) the one that is
     * not tagging, for its bodies that are not tags.
     */
    private static String bodyMotivation(JsonNode b, String t, String motivation, List<String> ms) {
        String purpose = purpose(b);
        if (purpose != null) {
            return purpose;
        }
        if ("Tag".equals(t)) {
            return "tagging";
        }
        if (ms.size() > 1 && isTagging(motivation)) {
            for (String m : ms) {
                if (!isTagging(m)) {
                    return m;
                }
            }
        }
        return motivation;
    }

    /**
     * Notes where on the canvas the images from {@code from} on are painted, when an image does not
     * fill it (a target with {@code #xywh=}): an annotation's region is then scaled to that part.
     */
    private static void placed(CanvasData d, JsonNode anno, int from) {
        JsonNode target = anno.has("target") ? first(anno.get("target")) : first(anno.get("on"));
        Region r = Images.targetRegion(target, d.width, d.height);
        if (r != null && (r.x() != 0 || r.y() != 0 || r.w() != d.width || r.h() != d.height)) {
            while (d.placed.size() < from) {
                d.placed.add(null);
            }
            while (d.placed.size() < d.images.size()) {
                d.placed.add(r);
            }
        }
    }

    private static JsonNode first(JsonNode n) {
        if (n != null && n.isArray()) {
            return n.size() > 0 ? n.get(0) : null;
        }
        return n;
    }

    private static String purpose(JsonNode body) {
        JsonNode p = first(body.get("purpose"));
        return p != null && p.isTextual() ? Json.stripPrefix(p.textValue()).toLowerCase(Locale.ROOT) : null;
    }

    /** The painted content of a canvas that is not an image: its kind as label {@code type}, its id as {@code iiif:painting}. */
    private void painted(CanvasData d, JsonNode body, String t) {
        JsonNode b = "SpecificResource".equals(t) && body.has("source") ? body.get("source") : body;
        String uri = b.isTextual() ? b.textValue() : Json.id(b);
        String kind = contentKind(b.isTextual() ? null : Json.type(b), b.isTextual() ? null : Json.text(b, "format"));
        if (kind != null && !d.painted.contains(kind)) {
            d.labels.add(new Label(Labels.TYPE, kind));
        }
        if (uri != null) {
            d.labels.add(new Label("iiif:painting", uri));
        }
        if (kind != null) {
            d.painted.add(kind);
        }
    }

    /** The kind of a painted resource that is not an image, as label {@code type} words it, or null if unknown. */
    static String contentKind(String type, String format) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        String f = format == null ? "" : format.toLowerCase(Locale.ROOT);
        if (t.equals("sound") || t.equals("audio") || f.startsWith("audio/")) {
            return "sound";
        }
        if (t.equals("video") || t.equals("movingimage") || f.startsWith("video/")) {
            return "moving image";
        }
        if (t.equals("model") || f.startsWith("model/")) {
            return "3d model";
        }
        if (t.equals("text") || t.equals("document") || f.startsWith("text/") || f.equals("application/pdf")
                || f.equals("application/epub+zip")) {
            return "text";
        }
        if (t.equals("dataset") || f.equals("application/json") || f.equals("application/xml")) {
            return "dataset";
        }
        return null;
    }

    /** Whether a URI's path ends in an image file's extension. */
    static boolean imageExtension(String uri) {
        if (uri == null) {
            return false;
        }
        int end = uri.length();
        for (char c : new char[] {'#', '?'}) {
            int i = uri.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String path = uri.substring(0, end);
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') && IMAGE_EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * What a body of type {@code t} ({@link Json#type}) is: an image by its type, else by its format,
     * else by an image service or a known image extension.
     */
    private Body classify(JsonNode body, String t) {
        if (body.isTextual()) {
            return imageExtension(body.textValue()) ? Body.IMAGE : Body.OTHER; // a bare URI: by its extension
        }
        if (!body.isObject()) {
            return Body.OTHER;
        }
        String format = Json.text(body, "format");
        if (t != null) {
            switch (t) {
                case "Image":
                case "StillImage":
                case "Choice":
                    if ("Choice".equals(t)) {
                        List<JsonNode> items = choiceItems(body);
                        if (!items.isEmpty() && classify(items.get(0), Json.type(items.get(0))) == Body.TEXT) {
                            return Body.TEXT;
                        }
                    }
                    return Body.IMAGE;
                case "SpecificResource":
                    JsonNode src = body.has("source") ? body.get("source") : body.get("full");
                    return src == null ? Body.OTHER : classify(src, Json.type(src));
                case "TextualBody":
                case "ContentAsText":
                    return Body.TEXT;
                case "Sound":
                case "Audio":
                case "Video":
                case "Model":
                    return Body.AUDIO_VIDEO;
                default:
                    break;
            }
        }
        if (body.has("chars") || body.has("value") && body.get("value").isTextual()) {
            return Body.TEXT;
        }
        if (format != null) {
            if (format.startsWith("image/")) {
                return Body.IMAGE;
            }
            if (format.startsWith("audio/") || format.startsWith("video/")) {
                return Body.AUDIO_VIDEO;
            }
        }
        if (body.has("service") && Json.id(body) != null) {
            return Body.IMAGE;
        }
        if (t == null && format == null && !body.has("value") && imageExtension(Json.id(body))) {
            return Body.IMAGE; // known only by its id
        }
        return Body.OTHER;
    }

    private static List<JsonNode> choiceItems(JsonNode choice) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode def = choice.get("default");
        if (def != null && def.isObject()) {
            out.add(def);
        }
        out.addAll(Json.many(choice, "items"));
        out.addAll(Json.many(choice, "item"));
        return out;
    }

    /** The text of a body of type {@code t} ({@link Json#type}), or null. */
    private String textOf(JsonNode body, String t) {
        if ("Choice".equals(t)) {
            List<JsonNode> items = choiceItems(body);
            JsonNode chosen = null;
            String prefer = opts.preferLanguage().orElse(null);
            if (prefer != null) {
                for (JsonNode it : items) {
                    String l = Json.text(it, "language");
                    if (l == null) {
                        l = Json.text(it, "@language");
                    }
                    if (l != null && l.equalsIgnoreCase(prefer)) {
                        chosen = it;
                        break;
                    }
                }
            }
            if (chosen == null && !items.isEmpty()) {
                chosen = items.get(0);
            }
            return chosen == null ? null : textOf(chosen, Json.type(chosen));
        }
        JsonNode v = body.get("value");
        if (v == null) {
            v = body.get("chars");
        }
        if (v == null) {
            v = body.get("@value");
        }
        if (v == null || !v.isTextual()) {
            return null;
        }
        String format = Json.text(body, "format");
        if (format != null && format.regionMatches(true, 0, "text/plain", 0, 10)) {
            // plain text as written: "Imp<erator>" (an editor's supplement) or "&" are no markup
            return Json.blankToNull(v.textValue().strip());
        }
        return Values.clean(v.textValue());
    }

    /** Adds a painting body's image (or a Choice's default and alternatives) to the canvas; its type is {@code t}. */
    private void paint(CanvasData d, JsonNode body, String t) {
        if ("Choice".equals(t)) {
            List<JsonNode> items = choiceItems(body);
            boolean first = true;
            for (JsonNode it : items) {
                String type = Json.type(it);
                IiifImage img = classify(it, type) == Body.IMAGE ? imageOf(it, type) : null;
                if (img == null) {
                    continue;
                }
                if (first) {
                    d.images.add(img);
                    first = false;
                } else if (!img.equals(d.images.get(d.images.size() - 1))) {
                    d.alternatives.add(img);
                }
            }
            return;
        }
        IiifImage img = imageOf(body, t);
        if (img != null && (d.images.isEmpty() || !d.images.contains(img))) {
            d.images.add(img); // the same image painted twice (e-codices repeats annotations) is one image
        }
    }

    /** The image of a painting body whose type ({@link Json#type}) is {@code t}, or null. */
    private IiifImage imageOf(JsonNode body, String t) {
        if (body.isTextual()) {
            return new IiifImage(ImageRef.builder(body.textValue()).build(), null, null);
        }
        if ("SpecificResource".equals(t)) {
            JsonNode src = body.has("source") ? body.get("source") : body.get("full");
            Region region = null;
            for (JsonNode sel : Images.selectors(body)) {
                String r = Json.text(sel, "region");
                if (r == null) {
                    String v = Json.text(sel, "value");
                    if (v != null && v.startsWith("xywh=")) {
                        r = v;
                    }
                }
                if (r != null) {
                    region = Images.parseRegion(r, -1, -1);
                }
            }
            if (src == null) {
                return null;
            }
            if (src.isTextual()) {
                ImageRef.Builder b = ImageRef.builder(src.textValue()).region(region);
                return new IiifImage(b.build(), null, null);
            }
            return image(src, region, values.joined(body.get("label")));
        }
        return image(body, null, null);
    }

    /** An image from a resource node, or null if it has neither id nor service. */
    private IiifImage image(JsonNode n, Region region, String label) {
        String uri = Json.id(n);
        if (uri != null) {
            int frag = uri.indexOf("#xywh=");
            if (frag >= 0) {
                if (region == null) {
                    region = Images.parseRegion(uri.substring(frag + 1), -1, -1);
                }
                uri = uri.substring(0, frag);
            }
        }
        long w = Json.number(n, "width");
        long h = Json.number(n, "height");
        IiifImageService svc = Images.service(n, w, h);
        if ((w <= 0 || h <= 0) && svc != null && svc.width().isPresent() && svc.height().isPresent()) {
            w = svc.width().getAsLong();
            h = svc.height().getAsLong();
        }
        // no size of its own or its service's: left out (the canvas's size is the canvas's, not the image's)
        if (uri == null || svc != null && isServiceBase(uri, svc.id())) {
            if (svc == null) {
                return null;
            }
            // no id, or the service's own (Digital Bodleian) or its info.json: not an image; its full-size URL is
            uri = svc.fullUrl();
        }
        ImageRef.Builder b = ImageRef.builder(uri).region(region).mime(Json.text(n, "format"));
        if (svc != null) {
            b.service(svc.id());
        }
        if (w > 0 && h > 0) {
            b.size(w, h);
        }
        String l = label != null ? label : values.joined(n.get("label"));
        return new IiifImage(b.build(), svc, l);
    }

    /** Whether an image's id is its service's base URI or the service's {@code info.json} (and so not an image). */
    private static boolean isServiceBase(String uri, String service) {
        String u = uri.endsWith("/info.json") ? uri.substring(0, uri.length() - 10) : uri;
        String s = service.endsWith("/") ? service.substring(0, service.length() - 1) : service;
        if (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u.equals(s);
    }

    /** The thumbnails of a manifest or canvas. */
    List<IiifImage> thumbnails(JsonNode n) {
        List<JsonNode> ts = Json.many(n, "thumbnail");
        if (ts.isEmpty()) {
            return List.of();
        }
        List<IiifImage> out = new ArrayList<>(ts.size());
        for (JsonNode t : ts) {
            IiifImage img = t.isTextual() ? new IiifImage(ImageRef.builder(t.textValue()).build(), null, null)
                    : image(t, null, null);
            if (img != null) {
                out.add(img);
            }
        }
        return out;
    }
}
