package org.biglam.lam.iiif.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamException;
import org.biglam.lam.Labels;
import org.biglam.lam.Location;
import org.biglam.lam.Region;
import org.biglam.lam.iiif.IiifImage;
import org.biglam.lam.iiif.IiifImageService;
import org.biglam.lam.iiif.IiifOptions;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.Sniff;

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
                annotation(d, anno, true, null);
            }
        }
        for (JsonNode anno : Json.many(c, "images")) {
            annotation(d, anno, true, null);
        }
        String ownId = Json.id(c);
        List<Routing.Held> held = info.routing.take(n);
        Set<String> heldIds = held.isEmpty() ? null : ids(held);
        for (String field : new String[] {"annotations", "otherContent"}) {
            for (JsonNode page : Json.many(c, field)) {
                page(info, d, n, ownId, page, heldIds);
            }
        }
        for (Routing.Held h : held) {
            annotation(d, h.anno(), false, h.page()); // from a page read before (a shared list, the manifest's own)
        }
        if (ocr != null) {
            ocr.attach(info.doc, d, c);
        }
        return d;
    }

    private static Set<String> ids(List<Routing.Held> annos) {
        Set<String> out = new HashSet<>();
        for (Routing.Held a : annos) {
            String id = Json.id(a.anno());
            if (id != null) {
                out.add(id);
            }
        }
        return out;
    }

    /**
     * Reads a manifest's own annotation pages (v3 {@code annotations}), giving each annotation to the
     * canvas it targets ({@link Routing}).
     */
    void manifestAnnotations(ManifestInfo info, JsonNode m) {
        for (JsonNode page : Json.many(m, "annotations")) {
            page(info, null, Routing.OUTSIDE, null, page, null);
        }
    }

    /**
     * Reads an annotation page or list, embedded or referenced, following an annotation
     * collection's {@code first} page and each page's {@code next} (at most 1,000 pages). Each
     * annotation goes to the canvas it targets: canvas {@code n} ({@code d}; none for a manifest's own
     * pages), a later one (held for it), or none (left out, counted for a warning). A referenced page
     * read already for this manifest is not read again.
     *
     * @param ownId the canvas's own id, or null
     * @param skip ids of annotations given to this canvas already by a page read before, or null
     */
    private void page(ManifestInfo info, CanvasData d, int n, String ownId, JsonNode page, Set<String> skip) {
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
                String key = loader.key(from, ref);
                if (!info.routing.firstRead(key != null ? key : ref)) {
                    return; // read for an earlier canvas, which gave each annotation to the canvas it targets
                }
                try {
                    Doc p = loader.load(from, ref, null);
                    if (p == null) {
                        if (loader.miss() == ReferenceLoader.Miss.NOT_FETCHED) {
                            info.unfetchedPages++;
                        } else {
                            loader.reportMiss("annotation page " + ref + " of " + of(info, d), info.doc);
                        }
                        return;
                    }
                    from = p;
                    current = p.root();
                    if (current.isObject() && !current.has("items") && !current.has("resources")
                            && current.has("first")) {
                        continue; // a referenced collection: go on with its first page
                    }
                } catch (IOException | LamException e) {
                    ctx.warn("annotation-page", "annotation page " + ref + " of " + of(info, d)
                            + " could not be read: " + e.getMessage(), loader.where(info.doc));
                    return;
                }
            }
            boolean v3 = current.has("items");
            List<JsonNode> annos = v3 ? Json.many(current, "items") : Json.many(current, "resources");
            PageText pt = new PageText(info, from, d == null ? null : d.id, current, annos, v3);
            // a canvas's page whose targets name no canvas of the manifest keeps its annotations
            boolean routed = d == null || info.routing.namesCanvases(annos, ownId, n);
            for (JsonNode anno : annos) {
                if (!anno.isObject() || pt.leftOut(anno)) {
                    continue;
                }
                int dest = routed ? info.routing.destination(anno, ownId, n) : n;
                if (!routed) {
                    info.routing.kept++;
                    if (info.routing.keptExample == null) {
                        info.routing.keptExample = Routing.targetId(anno);
                    }
                }
                if (dest == n && d != null) {
                    if (skip == null || !skip.contains(Json.id(anno))) {
                        annotation(d, anno, false, pt);
                    }
                } else if (dest > n) {
                    info.routing.hold(dest, anno, pt);
                } else if (dest == Routing.OUTSIDE) {
                    info.routing.outside++;
                    if (info.routing.outsideExample == null) {
                        info.routing.outsideExample = Routing.targetId(anno);
                    }
                } else {
                    info.routing.earlier++;
                    if (info.routing.earlierExample == null) {
                        info.routing.earlierExample = Routing.targetId(anno);
                    }
                }
            }
            current = current.get("next");
        }
    }

    /** What a page belongs to, as a message names it: the canvas, else the manifest. */
    private static String of(ManifestInfo info, CanvasData d) {
        return d != null ? "canvas " + d.id : info.id;
    }

    private static boolean isTranscribing(String m) {
        return m.equals("supplementing") || m.equals("transcribing") || m.equals("painting");
    }

    private static boolean isTagging(String m) {
        return m.equals("tagging") || m.equals("classifying") || m.equals("identifying");
    }

    /**
     * Reads an annotation into the canvas's data.
     *
     * @param paintingPage whether it is on a painting page (a canvas's {@code items}, v2 {@code images})
     * @param pt the page it is on, for text it refers to, or null (a painting page)
     */
    private void annotation(CanvasData d, JsonNode anno, boolean paintingPage, PageText pt) {
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
            String referenced = null; // the text of a range of a full-text resource the body refers to
            if (pt != null && kind != Body.IMAGE) {
                referenced = pt.text(anno, b, t);
                if (referenced != null) {
                    if (referenced.isEmpty()) {
                        continue; // a range of text that could not be read
                    }
                    kind = Body.TEXT;
                }
            }
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
            String value = referenced != null ? referenced : textOf(b, t);
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

    /**
     * Text granularities (the IIIF extension's {@code textGranularity}, Europeana's v2 {@code dc:type}),
     * coarsest first.
     */
    private static final List<String> GRANULARITIES = List.of("page", "block", "paragraph", "line", "word", "glyph");
    /** The granularity kept from a page that has several: for a canvas's text, and for annotation records. */
    private static final List<String> CANVAS_ORDER = GRANULARITIES;
    private static final List<String> ANNOTATION_ORDER = List.of("line", "paragraph", "block", "word", "glyph", "page");

    /** The text granularity an annotation declares (lower case), or null. */
    static String granularity(JsonNode anno) {
        JsonNode g = anno.get("textGranularity");
        if (g == null) {
            g = anno.get("dc:type");
        }
        if (g == null || !g.isTextual()) {
            return null;
        }
        String s = Json.stripPrefix(g.textValue()).toLowerCase(Locale.ROOT);
        return GRANULARITIES.contains(s) ? s : null;
    }

    /**
     * An annotation page being read: which of its text granularities is kept, and the full-text
     * resources its annotations refer to by character ranges (Europeana's full text: each annotation's
     * body is {@code <resource>#char=start,end}, or a TextPositionSelector, of one resource whose
     * {@code value} is the page's text), each loaded once.
     */
    final class PageText {
        /** The most full-text resources one page's annotations may make lam load (Europeana's refer to one). */
        private static final int MAX_TEXTS = 64;

        private final ManifestInfo info;
        private final Doc from;
        /** The canvas whose page it is, or null (the manifest's own). */
        private final String canvas;
        private final JsonNode page;
        private final boolean v3;
        /** The granularity kept where the page has several (lines and words of the same text), or null. */
        private final String keep;
        /** Resource id (no fragment) to its text, null where it could not be read; made at the first. */
        private Map<String, FullText> texts;
        /** Full-text resources loaded for this page (at most {@link #MAX_TEXTS}). */
        private int loads;

        PageText(ManifestInfo info, Doc from, String canvas, JsonNode page, List<JsonNode> annos, boolean v3) {
            this.info = info;
            this.from = from;
            this.canvas = canvas;
            this.page = page;
            this.v3 = v3;
            this.keep = keep(annos);
        }

        private String of() {
            return canvas != null ? "canvas " + canvas : info.id;
        }

        private String keep(List<JsonNode> annos) {
            String one = null;
            Set<String> present = null;
            for (JsonNode a : annos) {
                String g = a.isObject() ? granularity(a) : null;
                if (g == null || g.equals(one)) {
                    continue;
                }
                if (one == null) {
                    one = g;
                    continue;
                }
                if (present == null) {
                    present = new HashSet<>();
                    present.add(one);
                }
                present.add(g);
            }
            if (present == null) {
                return null; // one granularity or none: everything is kept
            }
            for (String g : wantRegion ? ANNOTATION_ORDER : CANVAS_ORDER) {
                if (present.contains(g)) {
                    return g;
                }
            }
            return null;
        }

        /** Whether an annotation is of a granularity not kept from this page. */
        boolean leftOut(JsonNode anno) {
            if (keep == null) {
                return false;
            }
            String g = granularity(anno);
            return g != null && !g.equals(keep);
        }

        /**
         * The text of a body that refers to (a character range of) a full-text resource; "" where that
         * text could not be read; null if the body is no such reference.
         */
        String text(JsonNode anno, JsonNode body, String t) {
            String ref;
            JsonNode inline = null;
            JsonNode sel = null;
            if (body.isTextual()) {
                ref = body.textValue();
            } else if (!body.isObject() || body.has("value") || body.has("chars") || body.has("@value")) {
                return null; // the text is here
            } else {
                ref = Json.id(body);
                JsonNode src = "SpecificResource".equals(t) ? body.get("source") : null;
                if (src != null && (ref == null || ref.indexOf("#char=") < 0)) {
                    ref = Json.id(src);
                    JsonNode v = src.isObject() ? src.get("value") : null;
                    inline = v != null && v.isTextual() ? v : null;
                    for (JsonNode s : Images.selectors(body)) {
                        String st = Json.type(s);
                        if ("TextPositionSelector".equals(st) || s.has("start") && s.has("end")
                                || Json.text(s, "value") != null && Json.text(s, "value").startsWith("char=")) {
                            sel = s;
                        }
                    }
                    t = Json.type(src);
                }
            }
            if (ref == null) {
                return null;
            }
            int hash = ref.indexOf("#char=");
            long start = -1;
            long end = -1;
            if (hash >= 0) {
                long[] r = charRange(ref.substring(hash + 6));
                if (r == null) {
                    return null;
                }
                start = r[0];
                end = r[1];
            } else if (sel != null) {
                String v = Json.text(sel, "value");
                long[] r = v != null && v.startsWith("char=") ? charRange(v.substring(5))
                        : new long[] {Json.number(sel, "start"), Json.number(sel, "end")};
                if (r == null || r[0] < 0 || r[1] < 0) {
                    return null;
                }
                start = r[0];
                end = r[1];
            } else if (!"FullTextResource".equals(t) && (granularity(anno) == null || !plainFormat(body))) {
                return null; // a link to something else (a web page, a PDF, OCR): not text lam reads as it is
            }
            FullText all = resource(ref, inline);
            if (all == null) {
                return "";
            }
            String part = start < 0 ? all.text : all.range(start, end);
            return part.strip();
        }

        /** Whether a body names no format, or plain text or JSON (a full-text resource's). */
        private static boolean plainFormat(JsonNode body) {
            String f = body.isObject() ? Json.text(body, "format") : null;
            return f == null || f.startsWith("text/plain") || f.startsWith("application/json")
                    || f.startsWith("application/ld+json");
        }

        /** {@code a,b} (RFC 5147, a suffix {@code ;...} left off) as {@code [a, b]}, or null. */
        private static long[] charRange(String s) {
            int semi = s.indexOf(';');
            String v = semi >= 0 ? s.substring(0, semi) : s;
            int comma = v.indexOf(',');
            if (comma < 0) {
                return null;
            }
            try {
                long a = Long.parseLong(v.substring(0, comma).strip());
                long b = Long.parseLong(v.substring(comma + 1).strip());
                return a < 0 || b < a ? null : new long[] {a, b};
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** A full-text resource: embedded in the page or the body, else loaded (once); null if it cannot be. */
        private FullText resource(String ref, JsonNode inline) {
            int hash = ref.indexOf('#');
            String key = hash >= 0 ? ref.substring(0, hash) : ref;
            if (texts == null) {
                texts = new HashMap<>(2);
                if (v3) { // a v3 page may carry its resources (v2's are its annotations)
                    for (JsonNode r : Json.many(page, "resources")) {
                        String id = Json.id(r);
                        JsonNode v = r.isObject() ? r.get("value") : null;
                        if (id != null && v != null && v.isTextual()) {
                            texts.put(id, new FullText(v.textValue()));
                        }
                    }
                }
            }
            if (texts.containsKey(key)) {
                return texts.get(key);
            }
            if (inline != null) {
                FullText f = new FullText(inline.textValue());
                texts.put(key, f);
                return f;
            }
            if (++loads > MAX_TEXTS) {
                if (loads == MAX_TEXTS + 1) {
                    ctx.warn("limit", "an annotation page of " + of() + " refers to more than " + MAX_TEXTS
                            + " full-text resources; the others are not read", loader.where(info.doc));
                }
                return null;
            }
            String text = null;
            try {
                ReferenceLoader.Loaded l = loader.loadBytes(from, key);
                if (l == null) {
                    if (loader.miss() == ReferenceLoader.Miss.NOT_FETCHED) {
                        info.unfetchedTexts++;
                    } else {
                        loader.reportMiss("full text " + key + " of " + of(), info.doc);
                    }
                } else {
                    text = fullText(l);
                    if (text == null) {
                        ctx.warn("annotation-page", "full text " + key + " of " + of() + " has no text (value)",
                                loader.where(info.doc));
                    }
                }
            } catch (IOException | LamException e) {
                ctx.warn("annotation-page", "full text " + key + " of " + of() + " could not be read: "
                        + e.getMessage(), loader.where(info.doc));
            }
            FullText f = text == null ? null : new FullText(text);
            texts.put(key, f);
            return f;
        }

        /** The text of a loaded full-text resource: a JSON resource's {@code value}, else the bytes as UTF-8 text. */
        private String fullText(ReferenceLoader.Loaded l) throws IOException {
            byte[] bytes = l.in().readAllBytes();
            int i = Sniff.utf8ByteOrderMark(bytes, bytes.length);
            while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
                i++;
            }
            if (i < bytes.length && bytes[i] == '{') {
                JsonNode root = JsonDocs.parse(new ByteArrayInputStream(bytes), ctx.limits(),
                        Location.of(l.uri(), l.entry()));
                JsonNode v = root.get("value");
                if (v == null) {
                    v = root.get("chars");
                }
                return v != null && v.isTextual() ? v.textValue() : null;
            }
            if (i < bytes.length && bytes[i] == '<') {
                return null; // markup (XML, HTML): not a plain text whose characters the ranges count
            }
            return new String(bytes, i, bytes.length - i, StandardCharsets.UTF_8);
        }
    }

    /** A full-text resource's text, and its characters by code point (as RFC 5147 and TextPositionSelector count). */
    private static final class FullText {
        final String text;
        /** Where each code point starts, where the text has characters outside the BMP; made at the first range. */
        private int[] starts;

        FullText(String text) {
            this.text = text;
        }

        /** Characters {@code [a, b)} of the text, within it. */
        String range(long a, long b) {
            if (starts == null) {
                int n = text.codePointCount(0, text.length());
                if (n == text.length()) {
                    starts = new int[0]; // one char a code point: indexes are the string's own
                } else {
                    starts = new int[n + 1];
                    for (int i = 0, k = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                        starts[k++] = i;
                    }
                    starts[n] = text.length();
                }
            }
            if (starts.length == 0) {
                return text.substring((int) Math.min(a, text.length()), (int) Math.min(b, text.length()));
            }
            int n = starts.length - 1;
            return text.substring(starts[(int) Math.min(a, n)], starts[(int) Math.min(b, n)]);
        }
    }
}
