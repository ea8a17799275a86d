package org.biglam.lam.iiif.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import org.biglam.lam.LamException;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Labels;
import org.biglam.lam.RecordSource;
import org.biglam.lam.Region;
import org.biglam.lam.iiif.IiifCanvas;
import org.biglam.lam.iiif.IiifImage;
import org.biglam.lam.iiif.IiifOptions;
import org.biglam.lam.spi.ReadContext;

/**
 * Makes the records of manifests (and of a lone sequence or canvas): which canvases a manifest has,
 * what every record of it carries (title, descriptive labels, ranges, thumbnails), and one record
 * per canvas, per manifest or per annotation. Record ids are kept unique over the whole input.
 */
final class ManifestRecords {

    static final String FORMAT = "iiif";

    private final ReferenceLoader loader;
    private final ReadContext ctx;
    private final IiifOptions opts;
    private final Granularity gran;
    private final Values values;
    private final Descriptive descriptive;
    private final CanvasParser parser;
    private final CollectionWalker collections;
    private final Queue<LamRecord> ready;
    private final Set<String> emitted = new HashSet<>();
    private long index;
    private int generatedManifests;

    /**
     * @param ready where records go
     */
    ManifestRecords(ReferenceLoader loader, ReadContext ctx, IiifOptions opts, Granularity gran, Values values,
            Descriptive descriptive, CanvasParser parser, CollectionWalker collections, Queue<LamRecord> ready) {
        this.loader = loader;
        this.ctx = ctx;
        this.opts = opts;
        this.gran = gran;
        this.values = values;
        this.descriptive = descriptive;
        this.parser = parser;
        this.collections = collections;
        this.ready = ready;
    }

    /** The cursor over a manifest's canvases. */
    Cursor manifest(Doc doc, int version) {
        JsonNode root = doc.root();
        List<JsonNode> canvases = canvases(root, doc);
        return new Canvases(doc, root, version, canvases, manifestId(root, doc));
    }

    /** The cursor over a lone sequence's canvases. */
    Cursor sequence(Doc doc, int version) {
        JsonNode root = doc.root();
        List<JsonNode> canvases = Json.many(root, "canvases");
        return new Canvases(doc, root, version, canvases, manifestId(root, doc));
    }

    /** The cursor over a lone canvas. */
    Cursor canvas(Doc doc, int version) {
        return new Canvases(doc, null, version, List.of(doc.root()), fallbackManifestId(doc));
    }

    private String manifestId(JsonNode m, Doc doc) {
        String id = Json.id(m);
        if (id != null) {
            return id;
        }
        ctx.warn("missing-id", "manifest without an id; using a generated one", loader.where(doc));
        return fallbackManifestId(doc);
    }

    private String fallbackManifestId(Doc doc) {
        String base = doc.local() ? loader.inputName() : doc.uri();
        if (doc.root() == null || doc.depth() == 0) {
            return base;
        }
        return base + "#manifest-" + (++generatedManifests);
    }

    private List<JsonNode> canvases(JsonNode m, Doc doc) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode items = m.get("items");
        if (items != null && items.isArray()) {
            for (JsonNode c : items) {
                String t = Json.type(c);
                if ("Canvas".equals(t) || t == null && c.isObject()
                        && (c.has("items") || c.has("images") || c.has("width"))) {
                    out.add(c);
                }
            }
        }
        if (out.isEmpty()) {
            sequences(m, doc, out);
        }
        if (out.isEmpty()) {
            out.addAll(Json.many(m, "canvases"));
        }
        return out;
    }

    /**
     * The canvases of a v2 manifest's embedded sequences: the first sequence's, as the specification
     * says, with a warning naming what the others hold that it does not; all of them (each canvas once)
     * with {@code iiif.all-sequences}.
     */
    private void sequences(JsonNode m, Doc doc, List<JsonNode> out) {
        List<JsonNode> seqs = new ArrayList<>();
        for (JsonNode seq : Json.many(m, "sequences")) {
            if (!Json.many(seq, "canvases").isEmpty()) {
                seqs.add(seq);
            }
        }
        if (seqs.isEmpty()) {
            referencedSequence(m, doc, out);
            return;
        }
        Set<String> ids = new HashSet<>();
        int others = 0;
        for (int k = 0; k < seqs.size(); k++) {
            for (JsonNode c : Json.many(seqs.get(k), "canvases")) {
                String id = Json.id(c);
                boolean fresh = id == null || ids.add(id);
                if (k == 0 || opts.allSequences() && fresh) {
                    out.add(c);
                } else if (fresh) {
                    others++;
                }
            }
        }
        if (seqs.size() > 1 && !opts.allSequences()) {
            ctx.warn("sequences", doc.name() + " has " + seqs.size() + " sequences: only the first is read ("
                    + Json.many(seqs.get(0), "canvases").size() + " canvases); " + others + " canvas(es) of the others"
                    + " are left out (set iiif.all-sequences=true to read them all)", loader.where(doc));
        }
    }

    /**
     * The canvases of a v2 manifest whose first sequence is only referenced (the specification says
     * it is embedded; some servers give its id only): read from the sequence's document, where
     * references may be followed.
     */
    private void referencedSequence(JsonNode m, Doc doc, List<JsonNode> out) {
        List<JsonNode> seqs = Json.many(m, "sequences");
        String ref = seqs.isEmpty() || seqs.get(0).has("canvases") ? null : Json.id(seqs.get(0));
        if (ref == null) {
            return;
        }
        try {
            Doc seq = loader.load(doc, ref, null);
            if (seq == null) {
                loader.reportMiss("the sequence " + ref + " of " + doc.name() + " is referenced, not embedded, and",
                        doc);
                return;
            }
            out.addAll(Json.many(seq.root(), "canvases"));
        } catch (IOException | LamException e) {
            ctx.warn("sequences", "the sequence " + ref + " of " + doc.name() + " could not be read: " + e.getMessage(),
                    loader.where(doc));
        }
    }

    /** What every record of a manifest carries; {@code m} is null for a lone canvas. */
    private ManifestInfo info(Doc doc, JsonNode m, int version, String id, List<JsonNode> canvases) {
        List<String> title = m == null ? List.of() : values.pick(m.get("label"));
        List<Label> labels = new ArrayList<>();
        List<IiifImage> thumbnails;
        if (m != null) {
            descriptive.describe(m, labels);
            thumbnails = parser.thumbnails(m);
        } else {
            thumbnails = List.of();
        }
        if (doc.collectionTitle() != null) {
            labels.add(new Label(Labels.COLLECTION, doc.collectionTitle()));
        }
        if (m != null) {
            partOf(m, labels);
        }
        Map<String, List<String>> ranges = m == null || !m.has("structures") ? Map.of() : ranges(m);
        return new ManifestInfo(doc, id, version, title, labels, thumbnails, ranges, new Routing(canvases));
    }

    /**
     * The collections a manifest says it belongs to (v3 {@code partOf}, v2 {@code within}: a URI or
     * an object with an id and perhaps a label): each one's label as {@code collection}, its id as
     * {@code iiif:partOf}. The referenced collection is not loaded.
     */
    private void partOf(JsonNode m, List<Label> labels) {
        for (JsonNode p : Json.many(m, m.has("partOf") ? "partOf" : "within")) {
            String id = Json.id(p);
            if (p.isObject()) {
                for (String l : values.pick(p.get("label"))) {
                    labels.add(new Label(Labels.COLLECTION, l));
                }
            }
            if (id != null) {
                labels.add(new Label("iiif:partOf", id));
            }
        }
    }

    /** A range to walk, and the labels of the ranges around it, outermost first. */
    private record RangeWork(JsonNode range, List<String> outer) {
    }

    /** The ranges (tables of contents) of a manifest, by canvas: v3 nested items, v2 canvases and members. */
    private Map<String, List<String>> ranges(JsonNode m) {
        Map<String, List<String>> out = new HashMap<>();
        ArrayDeque<RangeWork> work = new ArrayDeque<>();
        List<JsonNode> top = Json.many(m, "structures");
        for (int i = top.size() - 1; i >= 0; i--) {
            work.push(new RangeWork(top.get(i), List.of()));
        }
        // v2 ranges are a flat list naming their sub-ranges by id ("ranges") or their parent ("within")
        Map<String, String> parent = new HashMap<>();
        Map<String, String> labelOf = new HashMap<>();
        for (JsonNode r : top) {
            String id = Json.id(r);
            if (id == null) {
                continue;
            }
            String l = values.joined(r.get("label"));
            if (l != null) {
                labelOf.put(id, l);
            }
            for (JsonNode sub : Json.many(r, "ranges")) {
                String sid = sub.isTextual() ? sub.textValue() : Json.id(sub);
                if (sid != null && !sid.equals(id)) {
                    parent.putIfAbsent(sid, id);
                }
            }
            // v2.1 members, v3 items: canvases and ranges in order, a range perhaps by reference only
            for (String field : new String[] {"members", "items"}) {
                for (JsonNode sub : Json.many(r, field)) {
                    String sid = "Range".equals(Json.type(sub)) ? Json.id(sub) : null;
                    if (sid != null && !sid.equals(id)) {
                        parent.putIfAbsent(sid, id);
                    }
                }
            }
            JsonNode within = r.get("within");
            if (within != null && within.isTextual() && !within.textValue().equals(id)) {
                parent.putIfAbsent(id, within.textValue());
            }
        }
        int budget = 1_000_000;
        while (!work.isEmpty() && budget-- > 0) {
            RangeWork w = work.pop();
            JsonNode range = w.range();
            List<String> outer = w.outer();
            if (!range.isObject()) {
                continue;
            }
            if (outer.isEmpty() && !parent.isEmpty()) {
                List<String> chain = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                for (String p = parent.get(Json.id(range)); p != null && seen.add(p); p = parent.get(p)) {
                    String l = labelOf.get(p);
                    if (l != null) {
                        chain.add(0, l);
                    }
                }
                outer = chain;
            }
            String label = values.joined(range.get("label"));
            List<String> here = outer;
            if (label != null) {
                here = new ArrayList<>(outer);
                here.add(label);
            }
            List<JsonNode> children = new ArrayList<>();
            for (String field : new String[] {"items", "members", "canvases"}) {
                for (JsonNode item : Json.many(range, field)) {
                    String t = Json.type(item);
                    if ("Range".equals(t)) {
                        children.add(item);
                        continue;
                    }
                    String id = Json.id(item);
                    if (id == null && item.isObject() && item.has("source")) {
                        id = Json.id(item.get("source"));
                    }
                    if (id == null) {
                        continue;
                    }
                    int hash = id.indexOf('#');
                    String key = hash < 0 ? id : id.substring(0, hash);
                    List<String> list = out.computeIfAbsent(key, k -> new ArrayList<>(2));
                    for (String l : here) {
                        if (!list.contains(l)) {
                            list.add(l);
                        }
                    }
                }
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                work.push(new RangeWork(children.get(i), here));
            }
        }
        return out;
    }

    /** A record id not given yet in this input: the id, or the id with a number, and a warning. */
    private String unique(String id, Doc doc) {
        if (emitted.add(id)) {
            return id;
        }
        for (int n = 2; ; n++) {
            String alt = id.indexOf('#') < 0 ? id + "#" + n : id + "-" + n;
            if (emitted.add(alt)) {
                ctx.warn("duplicate-id", "id " + id + " is used more than once; this record gets " + alt,
                        loader.where(doc));
                return alt;
            }
        }
    }

    /** The records of one manifest, a canvas (or a manifest, or its annotations) at a time. */
    private final class Canvases implements Cursor {
        private final ManifestInfo info;
        private final List<JsonNode> canvases;
        private LamRecord template;
        private LamRecord.Builder shared;
        private final List<Label> canvasLabels = new ArrayList<>();
        private int i;
        private boolean done;

        Canvases(Doc doc, JsonNode m, int version, List<JsonNode> canvases, String id) {
            if (m != null && doc.depth() > 0) {
                collections.visit(ReferenceLoader.normaliseKey(id));
            }
            this.info = info(doc, m, version, id, canvases);
            this.canvases = canvases;
            if (m != null && m.has("annotations")) {
                parser.manifestAnnotations(info, m); // given to the canvases they target, before the first is read
            }
        }

        @Override
        public boolean step() {
            if (done) {
                finish();
                return false;
            }
            if (gran == Granularity.MANIFEST) {
                done = true;
                manifestRecord();
                return true;
            }
            if (i >= canvases.size()) {
                done = true;
                return true;
            }
            int n = i++;
            JsonNode c = canvases.get(n);
            CanvasData data;
            try {
                data = parser.canvas(info, c, n);
            } catch (LamException e) {
                throw e;
            } catch (RuntimeException e) {
                ctx.problem(new LamFormatException("canvas " + (n + 1) + " of " + info.id + " could not be read: " + e,
                        loader.where(info.doc).withIndex(index).withRecordId(Json.id(c)), e));
                return true;
            }
            if (gran == Granularity.CANVAS) {
                ready.add(canvasRecord(data));
            } else {
                annotationRecords(data);
            }
            return true;
        }

        /** The warnings a manifest gives once, when its records are made. */
        private void finish() {
            if (info.unfetchedPages > 0 || info.unfetchedTexts > 0) {
                String what = info.unfetchedPages > 0 ? info.unfetchedPages + " referenced annotation page(s)" : "";
                if (info.unfetchedTexts > 0) {
                    what += (what.isEmpty() ? "" : " and ") + info.unfetchedTexts + " full-text resource(s)";
                }
                ctx.warn("not-followed", what + " of " + info.id + " were not fetched (set iiif.fetch=always"
                        + " to fetch remote references)", loader.where(info.doc));
                info.unfetchedPages = 0;
                info.unfetchedTexts = 0;
            }
            Routing r = info.routing;
            if (r.outside > 0) {
                ctx.warn("annotation-target", r.outside + " annotation(s) of " + info.id + " target no canvas of it"
                        + (r.outsideExample == null ? "" : " (such as " + r.outsideExample + ")") + "; left out",
                        loader.where(info.doc));
                r.outside = 0;
            }
            if (r.kept > 0) {
                ctx.warn("annotation-target", r.kept + " annotation(s) of " + info.id + " target no canvas of it"
                        + (r.keptExample == null ? "" : " (such as " + r.keptExample + ")") + ", nor does any"
                        + " annotation of their page; kept with the canvas whose page it is",
                        loader.where(info.doc));
                r.kept = 0;
            }
            if (r.earlier > 0) {
                ctx.warn("annotation-target", r.earlier + " annotation(s) of " + info.id + " target a canvas that"
                        + " comes before the canvas whose annotation page holds them (such as " + r.earlierExample
                        + "); left out, as canvases are read in order", loader.where(info.doc));
                r.earlier = 0;
            }
        }

        private LamRecord.Builder base(String id, Doc doc) {
            LamRecord.Builder b = LamRecord.builder(unique(id, doc), FORMAT)
                    .source(new RecordSource(doc.uri(), doc.entry(), index++, -1, -1))
                    .group(info.id);
            return b;
        }

        private void addManifestLabels(LamRecord.Builder b) {
            b.labels(Labels.TITLE, info.title);
        }

        private void addDescriptive(LamRecord.Builder b, List<Label> labels) {
            for (Label l : labels) {
                b.label(l.name(), l.value());
            }
        }

        /** The manifest's labels, made once and copied into a canvas record that adds to them. */
        private LamRecord template() {
            if (template == null) {
                LamRecord.Builder t = LamRecord.builder("template", FORMAT);
                addManifestLabels(t);
                addDescriptive(t, info.labels);
                template = t.build();
            }
            return template;
        }

        /**
         * The builder canvas records share while they only add labels the manifest has not: it holds
         * the manifest's labels, and each record's own labels, text and images are taken off again
         * once it is built.
         */
        private LamRecord.Builder shared() {
            if (shared == null) {
                shared = LamRecord.builder("shared", FORMAT);
                addManifestLabels(shared);
                addDescriptive(shared, info.labels);
            }
            return shared;
        }

        /** Whether the manifest's labels (those of {@link #shared}) may have one of this name. */
        private boolean manifestLabel(String name) {
            if (name.equals(Labels.TITLE)) {
                return true;
            }
            for (Label l : info.labels) {
                if (l.name().equals(name)) {
                    return true;
                }
            }
            return false;
        }

        private LamRecord canvasRecord(CanvasData d) {
            String id = unique(d.id, info.doc);
            List<Label> own = canvasLabels(d);
            LamRecord.Builder b = shared();
            boolean apart = true;
            for (int k = 0; k < own.size() && apart; k++) {
                apart = !manifestLabel(own.get(k).name());
            }
            if (!apart) {
                b = template().toBuilder(); // adds values to the manifest's own labels: a copy of them
            }
            try {
                b.id(id).source(new RecordSource(info.doc.uri(), info.doc.entry(), index++, -1, -1)).group(info.id);
                for (Label l : own) {
                    b.label(l.name(), l.value());
                }
                if (!d.transcriptions.isEmpty()) {
                    b.text(String.join("\n", d.transcriptions));
                }
                for (IiifImage img : d.images) {
                    b.image(img.ref());
                }
                List<IiifImage> thumbs = d.thumbnails;
                b.nativeObject(new IiifCanvas(info.id, d.id, info.version, d.width, d.height, d.images,
                        d.alternatives, thumbs.isEmpty() ? info.thumbnails : thumbs));
                return b.build();
            } finally {
                if (apart) {
                    for (Label l : own) {
                        b.removeLabel(l.name());
                    }
                    b.text(null).clearImages().nativeObject(null);
                }
            }
        }

        /** The labels a canvas record adds to its manifest's, in order (a value may be null). */
        private List<Label> canvasLabels(CanvasData d) {
            List<Label> out = canvasLabels;
            out.clear();
            out.add(new Label(Labels.PART, d.label));
            if (!info.ranges.isEmpty()) {
                int hash = d.id.indexOf('#');
                for (String r : info.ranges.getOrDefault(hash < 0 ? d.id : d.id.substring(0, hash), List.of())) {
                    out.add(new Label("iiif:range", r));
                }
            }
            out.addAll(d.labels);
            for (String s : d.comments) {
                out.add(new Label(Labels.DESCRIPTION, s));
            }
            for (String t : d.tags) {
                out.add(new Label(Labels.SUBJECT, t));
                out.add(new Label("iiif:tag", t));
            }
            for (IiifImage t : d.thumbnails) {
                out.add(new Label("iiif:thumbnail", t.ref().uri()));
            }
            return out;
        }

        private void manifestRecord() {
            LamRecord.Builder b = base(info.id, info.doc);
            addManifestLabels(b);
            addDescriptive(b, info.labels);
            for (IiifImage t : info.thumbnails) {
                b.label("iiif:thumbnail", t.ref().uri());
            }
            StringBuilder text = new StringBuilder();
            int n = 0;
            for (JsonNode c : canvases) {
                CanvasData d;
                try {
                    d = parser.canvas(info, c, n++);
                } catch (LamException e) {
                    throw e;
                } catch (RuntimeException e) {
                    ctx.warn("canvas", "canvas " + n + " of " + info.id + " could not be read: " + e,
                            loader.where(info.doc));
                    continue;
                }
                for (IiifImage img : d.images) {
                    b.image(img.ref());
                }
                for (String t : d.tags) {
                    b.label("iiif:tag", t);
                }
                if (!d.transcriptions.isEmpty()) {
                    if (text.length() > 0) {
                        text.append("\n\n");
                    }
                    text.append(String.join("\n", d.transcriptions));
                }
            }
            b.label("iiif:canvases", Integer.toString(canvases.size()));
            if (text.length() > 0) {
                b.text(text.toString());
            }
            ready.add(b.build());
        }

        private void annotationRecords(CanvasData d) {
            int k = 0;
            for (Anno a : d.annos) {
                k++;
                String id = a.id() != null ? a.id()
                        : a.region() != null ? d.id + "#xywh=" + a.region() : d.id + "#annotation-" + k;
                LamRecord.Builder b = base(id, info.doc);
                addManifestLabels(b);
                b.label(Labels.PART, d.label);
                b.label("iiif:motivation", a.motivation());
                b.label("iiif:canvas", d.id);
                if (a.text() != null) {
                    b.text(a.text());
                }
                for (String t : a.tags()) {
                    b.label(Labels.SUBJECT, t);
                    b.label("iiif:tag", t);
                }
                addDescriptive(b, info.labels);
                for (int j = 0; j < d.images.size(); j++) {
                    IiifImage img = d.images.get(j);
                    Region placed = j < d.placed.size() ? d.placed.get(j) : null;
                    if (a.region() == null) {
                        b.image(img.ref());
                    } else if (placed == null) {
                        b.image(img.ref().toBuilder().region(Images.scale(a.region(), d.width, d.height, img.ref()))
                                .build());
                    } else {
                        // an image painted on a part of the canvas: the annotation's part of that part, if any
                        Region on = Images.within(a.region(), placed);
                        if (on != null) {
                            b.image(img.ref().toBuilder().region(Images.scale(on, placed.w(), placed.h(), img.ref()))
                                    .build());
                        }
                    }
                }
                if (a.confidence() >= 0) {
                    b.confidence(a.confidence());
                }
                ready.add(b.build());
            }
        }
    }
}
