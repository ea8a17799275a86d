package org.biglam.lam.iiif.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.biglam.lam.ImageRef;
import org.biglam.lam.Labels;
import org.biglam.lam.LamException;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.ReadLimits;
import org.biglam.lam.RecordSource;
import org.biglam.lam.Region;
import org.biglam.lam.UnsupportedFormatException;
import org.biglam.lam.iiif.IiifCanvas;
import org.biglam.lam.iiif.IiifImage;
import org.biglam.lam.iiif.IiifImageService;
import org.biglam.lam.iiif.IiifOptions;
import org.biglam.lam.spi.Fetcher;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.Origin;
import org.biglam.lam.spi.ReadContext;

/**
 * Reads one IIIF input (a manifest, a collection, a sequence or a canvas, Presentation 2.1 or 3.0
 * or a mixture) as records at a granularity: one per canvas, per manifest, or per annotation.
 * Collections are followed depth first, with a depth limit and a cycle guard; referenced
 * resources are resolved beside the input or fetched over http(s) as {@link IiifOptions#fetch()}
 * allows. The whole document is held as a Jackson tree (bounded by {@code maxRecordBytes}); records
 * are made one canvas at a time.
 */
public final class IiifReader implements FormatReader {

    /** The units records are made of. */
    public enum Granularity {
        /** One record per canvas (the default). */
        CANVAS,
        /** One record per manifest. */
        MANIFEST,
        /** One record per non-painting or textual annotation, and per OCR line. */
        ANNOTATION;

        /** The granularity named by a lam granularity id, or null. */
        public static Granularity of(String id) {
            switch (id) {
                case "canvas":
                    return CANVAS;
                case "manifest":
                    return MANIFEST;
                case "annotation":
                    return ANNOTATION;
                default:
                    return null;
            }
        }
    }

    static final String FORMAT = "iiif";

    private final Input input;
    private final ReadContext ctx;
    private final IiifOptions opts;
    private final Granularity gran;
    private final Values values;
    private final ReadLimits limits;
    private final boolean fetchRemote;
    private final Ocr ocr;
    private Fetcher http;
    private Origin origin;

    private final ArrayDeque<Cursor> stack = new ArrayDeque<>(4);
    private final ArrayDeque<LamRecord> ready = new ArrayDeque<>(4);
    private final Set<String> visited = new HashSet<>();
    private final Set<String> emitted = new HashSet<>();
    private long index;
    private int generatedManifests;
    private boolean started;

    /**
     * @param input the input
     * @param ctx the context
     * @param opts the IIIF options
     * @param gran the granularity
     */
    public IiifReader(Input input, ReadContext ctx, IiifOptions opts, Granularity gran) {
        this.input = input;
        this.ctx = ctx;
        this.opts = opts;
        this.gran = gran;
        this.values = new Values(opts.preferLanguage().orElse(null));
        this.limits = ctx.limits();
        this.fetchRemote = opts.fetch() == IiifOptions.Fetch.ALWAYS
                || opts.fetch() == IiifOptions.Fetch.AUTO && Fetcher.isHttp(input.uri());
        this.ocr = opts.ocr() ? new Ocr(this) : null;
    }

    // ------------------------------------------------------------------ reading loop

    @Override
    public LamRecord next() throws IOException {
        if (!started) {
            started = true;
            start();
        }
        while (ready.isEmpty() && !stack.isEmpty()) {
            if (!stack.peek().step()) {
                stack.pop();
            }
        }
        return ready.poll();
    }

    private void start() throws IOException {
        JsonNode root = JsonDocs.parse(input.stream(), limits, ctx.location());
        String self = inputKey();
        visited.add(self);
        Doc doc = new Doc(root, input.uri(), input.entry(), true, null, 0);
        open(doc, true, true);
    }

    private String inputKey() {
        return normaliseKey(input.entry() == null ? input.uri() : input.uri() + "!/" + input.entry());
    }

    /** A document to read: its root, where it came from, and how it was reached. */
    static final class Doc {
        final JsonNode root;
        final String uri;
        final String entry;
        final boolean local;
        final String collectionTitle;
        final int depth;

        Doc(JsonNode root, String uri, String entry, boolean local, String collectionTitle, int depth) {
            this.root = root;
            this.uri = uri;
            this.entry = entry;
            this.local = local;
            this.collectionTitle = collectionTitle;
            this.depth = depth;
        }
    }

    /** Work on the stack: a collection's members or a manifest's canvases. */
    private interface Cursor {
        /**
         * Does one piece of work: adds records to {@code ready}, or pushes a cursor, or neither.
         * Returns false, having done nothing, when exhausted.
         */
        boolean step() throws IOException;
    }

    /** Pushes the cursor for a document, by its type or shape. */
    private void open(Doc doc, boolean checkVersion, boolean topLevel) {
        JsonNode root = doc.root;
        if (!root.isObject()) {
            // the document as a whole: located at its start
            throw new LamFormatException("not a IIIF resource: the JSON document is not an object",
                    where(doc).withOffset(0));
        }
        int version = checkVersion ? version(root, doc) : shapeVersion(root, 3);
        String type = Json.type(root);
        String kind = kindOf(root, type);
        switch (kind) {
            case "Collection":
                String id = Json.id(root);
                if (id != null) {
                    String k = key(doc, id);
                    if (k != null) {
                        visited.add(k);
                    }
                }
                stack.push(new CollectionCursor(doc, version));
                break;
            case "Manifest":
                stack.push(new ManifestCursor(doc, root, version, canvases(root, doc), manifestId(root, doc)));
                break;
            case "Sequence":
                stack.push(new ManifestCursor(doc, root, version, Json.many(root, "canvases"), manifestId(root, doc)));
                break;
            case "Canvas":
                stack.push(new ManifestCursor(doc, null, version, List.of(root), fallbackManifestId(doc)));
                break;
            case "AnnotationPage":
                // well formed, but not a kind of document lam reads records from on its own
                String what = "a lone IIIF " + type + " is not supported: lam reads manifests, collections, "
                        + "sequences and canvases (an annotation page is read through the canvas that refers to it)";
                if (topLevel) {
                    throw new UnsupportedFormatException(what, where(doc).withOffset(0));
                }
                ctx.warn("unsupported", what, where(doc).withOffset(0));
                break;
            default:
                String msg = "not a IIIF manifest or collection" + (type == null ? " (no type)" : " (type " + type + ")");
                // the document as a whole: located at its start
                if (topLevel) {
                    throw new LamFormatException(msg, where(doc).withOffset(0));
                }
                ctx.problem(new LamFormatException(msg, where(doc).withOffset(0)));
        }
    }

    private static String kindOf(JsonNode root, String type) {
        if (type != null) {
            switch (type) {
                case "Collection":
                case "Manifest":
                case "Sequence":
                case "Canvas":
                    return type;
                case "AnnotationPage":
                case "AnnotationList":
                case "AnnotationCollection":
                case "Layer":
                case "Annotation":
                    return "AnnotationPage";
                default:
                    break;
            }
        }
        // by shape, where the type is missing or unknown
        if (root.has("sequences")) {
            return "Manifest";
        }
        if (root.has("manifests") || root.has("collections") || root.has("members")) {
            return "Collection";
        }
        JsonNode items = root.get("items");
        if (items != null && items.isArray() && items.size() > 0) {
            String first = Json.type(items.get(0));
            if ("Canvas".equals(first)) {
                return "Manifest";
            }
            if ("Manifest".equals(first) || "Collection".equals(first)) {
                return "Collection";
            }
            if ("AnnotationPage".equals(first)) {
                return "Canvas";
            }
        }
        if (root.has("canvases")) {
            return "Sequence";
        }
        if (root.has("images") || root.has("width") && root.has("height")) {
            return "Canvas";
        }
        return "?";
    }

    /** The Presentation version, by {@code @context}, checked against the shape; warns on trouble. */
    private int version(JsonNode root, Doc doc) {
        int said = contextVersion(root.get("@context"));
        int shape = shapeVersion(root, 0);
        if (said == 0) {
            int v = shape == 0 ? 3 : shape;
            ctx.warn("version", (root.has("@context") ? "unknown @context" : "no @context")
                    + "; read as Presentation " + v + " by its shape", where(doc));
            return v;
        }
        if (said == 1) {
            ctx.warn("version", "Presentation 1 (shared-canvas) @context; read as Presentation 2", where(doc));
            said = 2;
        }
        if (shape != 0 && shape != said) {
            ctx.warn("version", "@context says Presentation " + said + " but the document is shaped as "
                    + shape + "; read as a mixture", where(doc));
        } else if (mixed(root, said)) {
            ctx.warn("version", "Presentation " + said + " document uses properties of the other version;"
                    + " read as a mixture", where(doc));
        }
        return said;
    }

    private static int contextVersion(JsonNode c) {
        int v = 0;
        for (JsonNode n : Json.many(c)) {
            if (!n.isTextual()) {
                continue;
            }
            String s = n.textValue();
            if (s.contains("iiif.io/api/presentation/3")) {
                v = 3;
            } else if (s.contains("iiif.io/api/presentation/2")) {
                v = Math.max(v, 2);
            } else if (s.contains("shared-canvas.org") || s.contains("iiif.io/api/presentation/1")) {
                v = Math.max(v, 1);
            }
        }
        return v;
    }

    private static int shapeVersion(JsonNode root, int unknown) {
        boolean v2 = root.has("@id") || root.has("@type") || root.has("sequences") || root.has("manifests")
                || root.has("images") || root.has("otherContent");
        boolean v3 = root.has("id") || root.has("type") || root.has("items") && !root.has("sequences");
        if (v2 && !v3) {
            return 2;
        }
        if (v3 && !v2) {
            return 3;
        }
        return unknown;
    }

    private static boolean mixed(JsonNode root, int said) {
        if (said == 3) {
            return root.has("@id") || root.has("sequences") || root.has("@type");
        }
        return root.has("items") || root.has("summary") || root.has("requiredStatement") || root.has("id");
    }

    // ------------------------------------------------------------------ collections

    private final class CollectionCursor implements Cursor {
        private final Doc doc;
        private final List<JsonNode> members;
        private final String title;
        private int i;
        private int unfollowed;

        CollectionCursor(Doc doc, int version) {
            this.doc = doc;
            JsonNode root = doc.root;
            List<JsonNode> ms = new ArrayList<>();
            if (root.has("members")) {
                ms.addAll(Json.many(root, "members"));
            } else {
                ms.addAll(Json.many(root, "collections"));
                ms.addAll(Json.many(root, "manifests"));
            }
            ms.addAll(Json.many(root, "items"));
            this.members = ms;
            this.title = values.joined(root.get("label"));
        }

        @Override
        public boolean step() throws IOException {
            if (i >= members.size()) {
                if (unfollowed > 0) {
                    ctx.warn("not-followed", unfollowed + " member(s) of collection " + nameOf(doc)
                            + " were not fetched (set iiif.fetch=always to fetch remote references)", where(doc));
                    unfollowed = 0;
                }
                return false;
            }
            JsonNode m = members.get(i++);
            String id = Json.id(m);
            if (m.isObject() && embedded(m)) {
                String k = id == null ? null : key(doc, id);
                if (k != null && !visited.add(k)) {
                    ctx.warn("cycle", "skipped " + id + ": already read (a cycle or a repeated member)", where(doc));
                    return true;
                }
                if (doc.depth + 1 > opts.maxCollectionDepth()) {
                    ctx.warn("depth", "skipped " + (id == null ? "a member" : id) + ": deeper than "
                            + opts.maxCollectionDepth() + " collections (iiif.max-collection-depth)", where(doc));
                    return true;
                }
                open(new Doc(m, doc.uri, doc.entry, doc.local, title, doc.depth + 1), false, false);
                return true;
            }
            if (id == null) {
                ctx.warn("missing-id", "a member of collection " + nameOf(doc) + " has no id and no content; skipped",
                        where(doc));
                return true;
            }
            String k = key(doc, id);
            if (k != null && !visited.add(k)) {
                ctx.warn("cycle", "skipped " + id + ": already read (a cycle or a repeated member)", where(doc));
                return true;
            }
            if (doc.depth + 1 > opts.maxCollectionDepth()) {
                ctx.warn("depth", "skipped " + id + ": deeper than " + opts.maxCollectionDepth()
                        + " collections (iiif.max-collection-depth)", where(doc));
                return true;
            }
            Doc loaded;
            try {
                loaded = load(doc, id, title);
            } catch (LamFormatException e) {
                ctx.problem(e);
                return true;
            } catch (IOException e) {
                ctx.problem(new LamFormatException("could not read member " + id + ": " + e.getMessage(),
                        where(doc), e));
                return true;
            }
            if (loaded == null) {
                unfollowed++;
                return true;
            }
            if (k == null) {
                visited.add(normaliseKey(loaded.uri));
            }
            open(loaded, true, false);
            return true;
        }
    }

    /** Whether a collection member carries its content (and is not only a reference). */
    private static boolean embedded(JsonNode m) {
        return nonEmpty(m, "sequences") || nonEmpty(m, "items") || nonEmpty(m, "manifests")
                || nonEmpty(m, "collections") || nonEmpty(m, "members") || nonEmpty(m, "canvases");
    }

    private static boolean nonEmpty(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && (v.isArray() ? v.size() > 0 : v.isObject());
    }

    // ------------------------------------------------------------------ loading references

    /**
     * Loads a referenced document: beside a local document through the input, or over http(s)
     * where fetching is allowed. Returns null when it may not be fetched or cannot be found.
     */
    Doc load(Doc from, String ref, String collectionTitle) throws IOException {
        Loaded l = loadBytes(from, ref);
        if (l == null) {
            return null;
        }
        Location loc = Location.of(l.uri, null);
        JsonNode root = JsonDocs.parse(l.in, limits, loc);
        return new Doc(root, l.uri, l.entry, l.local, collectionTitle, from.depth + 1);
    }

    /** Bytes of a referenced resource. */
    static final class Loaded {
        final InputStream in;
        final String uri;
        final String entry;
        final boolean local;

        Loaded(InputStream in, String uri, String entry, boolean local) {
            this.in = in;
            this.uri = uri;
            this.entry = entry;
            this.local = local;
        }
    }

    Loaded loadBytes(Doc from, String ref) throws IOException {
        String abs = absolute(from, ref);
        // the origin rule: a document fetched over http(s) leads only to http(s); a local one stays in its bounds
        Origin o = from.local ? origin() : origin().follow(from.uri);
        if (!o.check(abs != null ? abs : ref, ctx, Location.of(from.uri, from.entry))) {
            return null;
        }
        if (abs != null && Fetcher.isHttp(abs)) {
            if (!fetchRemote) {
                return null;
            }
            long max = Math.min(limits.maxDownloadBytes(), limits.maxRecordBytes());
            try (Fetcher.Response r = http().get(URI.create(abs))) {
                if (r.status() != 200) {
                    throw new IOException("HTTP " + r.status() + " from " + r.uri()
                            + r.retryAfter().map(d -> " (Retry-After " + d + ", longer than the "
                            + opts.maxRetryAfter() + " honoured)").orElse(""));
                }
                byte[] body = r.body().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
                if (body.length > max) {
                    throw new IOException("body from " + r.uri() + " is over the limit of " + max
                            + " bytes (ReadLimits.maxRecordBytes / maxDownloadBytes)");
                }
                return new Loaded(new java.io.ByteArrayInputStream(body), r.uri().toString(), null, false);
            }
        }
        if (!from.local) {
            return null;
        }
        Optional<Input> sibling;
        try {
            sibling = input.resolve(from.uri.equals(input.uri()) && from.entry != null
                    && from.entry.equals(input.entry()) || abs == null ? ref : abs);
        } catch (RuntimeException e) {
            return null;
        }
        if (sibling.isEmpty()) {
            return null;
        }
        Input s = sibling.get();
        byte[] bytes;
        try (InputStream in = s.stream()) {
            bytes = in.readNBytes(limits.maxRecordBytes() + 1);
        }
        if (bytes.length > limits.maxRecordBytes()) {
            throw new org.biglam.lam.LamLimitExceededException("referenced document " + ref + " is larger than "
                    + limits.maxRecordBytes() + " bytes (ReadLimits.maxRecordBytes)", Location.of(s.uri(), s.entry()));
        }
        return new Loaded(new java.io.ByteArrayInputStream(bytes), s.uri(), s.entry(), true);
    }

    Fetcher http() {
        if (http == null) {
            http = Fetcher.builder(limits).maxPerHost(opts.maxPerHost()).retries(opts.retries())
                    .backoff(opts.backoff()).maxRetryAfter(opts.maxRetryAfter()).cacheDir(opts.cacheDir().orElse(null))
                    .header("Accept", "application/ld+json, application/json;q=0.9, */*;q=0.1").build();
        }
        return http;
    }

    /** The origin of the input, for the origin rule. */
    Origin origin() {
        if (origin == null) {
            origin = Origin.of(input, ctx.options());
        }
        return origin;
    }

    boolean fetchRemote() {
        return fetchRemote;
    }

    /** A reference made absolute against the document it is in, or null if it cannot be. */
    String absolute(Doc from, String ref) {
        String r = ref.strip();
        if (Fetcher.isHttp(r)) {
            return r;
        }
        try {
            if (from.local && from.uri.equals(input.uri())
                    && java.util.Objects.equals(from.entry, input.entry())) {
                return input.resolveUri(r);
            }
            return new URI(from.uri).resolve(new URI(r)).toString();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private String key(Doc from, String ref) {
        String abs = absolute(from, ref);
        return abs == null ? null : normaliseKey(abs);
    }

    private static String normaliseKey(String uri) {
        String s = uri.strip();
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.startsWith("file:")) {
            int i = 5;
            while (i < s.length() && s.charAt(i) == '/') {
                i++;
            }
            s = "file:///" + s.substring(i);
        }
        return s;
    }

    // ------------------------------------------------------------------ manifests

    private String manifestId(JsonNode m, Doc doc) {
        String id = Json.id(m);
        if (id != null) {
            return id;
        }
        ctx.warn("missing-id", "manifest without an id; using a generated one", where(doc));
        return fallbackManifestId(doc);
    }

    private String fallbackManifestId(Doc doc) {
        String base = doc.local ? input.name() : doc.uri;
        if (doc.root == null || doc.depth == 0) {
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
            ctx.warn("sequences", nameOf(doc) + " has " + seqs.size() + " sequences: only the first is read ("
                    + Json.many(seqs.get(0), "canvases").size() + " canvases); " + others + " canvas(es) of the others"
                    + " are left out (set iiif.all-sequences=true to read them all)", where(doc));
        }
    }

    /** What every record of a manifest carries. */
    final class ManifestInfo {
        final String id;
        final int version;
        final List<String> title;
        final List<String[]> labels = new ArrayList<>();
        final List<IiifImage> thumbnails;
        final Doc doc;
        /** Canvas id (without fragment) to the labels of the ranges holding it, outermost first. */
        final java.util.Map<String, List<String>> ranges;

        ManifestInfo(Doc doc, JsonNode m, int version, String id) {
            this.doc = doc;
            this.id = id;
            this.version = version;
            this.title = m == null ? List.of() : values.pick(m.get("label"));
            if (m != null) {
                describe(m, labels, true);
                this.thumbnails = thumbnails(m);
            } else {
                this.thumbnails = List.of();
            }
            if (doc.collectionTitle != null) {
                labels.add(new String[] {Labels.COLLECTION, doc.collectionTitle});
            }
            this.ranges = m == null || !m.has("structures") ? java.util.Map.of() : ranges(m);
        }
    }

    /** The ranges (tables of contents) of a manifest, by canvas: v3 nested items, v2 canvases and members. */
    private java.util.Map<String, List<String>> ranges(JsonNode m) {
        java.util.Map<String, List<String>> out = new java.util.HashMap<>();
        ArrayDeque<Object[]> work = new ArrayDeque<>();
        List<JsonNode> top = Json.many(m, "structures");
        for (int i = top.size() - 1; i >= 0; i--) {
            work.push(new Object[] {top.get(i), List.<String>of()});
        }
        // v2 ranges are a flat list naming their sub-ranges by id ("ranges") or their parent ("within")
        java.util.Map<String, String> parent = new java.util.HashMap<>();
        java.util.Map<String, String> labelOf = new java.util.HashMap<>();
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
            JsonNode within = r.get("within");
            if (within != null && within.isTextual() && !within.textValue().equals(id)) {
                parent.putIfAbsent(id, within.textValue());
            }
        }
        int budget = 1_000_000;
        while (!work.isEmpty() && budget-- > 0) {
            Object[] w = work.pop();
            JsonNode range = (JsonNode) w[0];
            @SuppressWarnings("unchecked")
            List<String> outer = (List<String>) w[1];
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
                work.push(new Object[] {children.get(i), here});
            }
        }
        return out;
    }

    /** Adds the descriptive labels of a manifest or canvas: metadata, summary, rights, dates, links. */
    void describe(JsonNode n, List<String[]> out, boolean manifest) {
        for (String s : values.pick(n.has("summary") ? n.get("summary") : n.get("description"))) {
            out.add(new String[] {Labels.DESCRIPTION, s});
        }
        for (JsonNode pair : Json.many(n, "metadata")) {
            if (!pair.isObject()) {
                continue;
            }
            String label = values.joined(pair.get("label"));
            List<String> vs = values.pick(pair.get("value"));
            if (label == null || vs.isEmpty()) {
                continue;
            }
            String uniform = LabelMapping.uniform(label);
            for (String v : vs) {
                out.add(new String[] {"iiif:metadata:" + label, v});
                if (uniform == null) {
                    continue;
                }
                if (uniform.equals(Labels.DATE)) {
                    String d = org.biglam.lam.spi.vocab.Dates.normalise(v);
                    out.add(new String[] {Labels.DATE, d == null ? v : d});
                } else if (uniform.equals(Labels.LANGUAGE)) {
                    for (String tag : org.biglam.lam.spi.vocab.Languages.tagsIn(v)) {
                        out.add(new String[] {Labels.LANGUAGE, tag});
                    }
                } else {
                    out.add(new String[] {uniform, v});
                }
            }
        }
        JsonNode req = n.get("requiredStatement");
        if (req != null && req.isObject()) {
            for (String s : values.pick(req.get("value"))) {
                out.add(new String[] {Labels.RIGHTS, s});
            }
        }
        for (String s : values.pick(n.get("attribution"))) {
            out.add(new String[] {Labels.RIGHTS, s});
        }
        for (JsonNode r : Json.many(n, "rights")) {
            String s = r.isTextual() ? r.textValue() : Json.id(r);
            if (s != null) {
                out.add(new String[] {Labels.RIGHTS, s});
            }
        }
        for (JsonNode r : Json.many(n, "license")) {
            String s = r.isTextual() ? r.textValue() : Json.id(r);
            if (s != null) {
                out.add(new String[] {Labels.RIGHTS, s});
            }
        }
        String nav = Json.text(n, "navDate");
        if (nav != null) {
            String d = org.biglam.lam.spi.vocab.Dates.normalise(nav);
            out.add(new String[] {Labels.DATE, d == null ? nav : d});
            out.add(new String[] {"iiif:navDate", nav});
        }
        for (String field : new String[] {"homepage", "related", "seeAlso"}) {
            for (JsonNode h : Json.many(n, field)) {
                String s = h.isTextual() ? h.textValue() : Json.id(h);
                if (s != null) {
                    out.add(new String[] {Labels.IDENTIFIER, s});
                }
            }
        }
        for (JsonNode p : Json.many(n, "provider")) {
            for (String s : values.pick(p.get("label"))) {
                out.add(new String[] {"iiif:provider", s});
            }
        }
    }

    private static final String[] DESCRIPTIVE = {"summary", "description", "metadata", "requiredStatement",
        "attribution", "rights", "license", "navDate", "homepage", "related", "seeAlso", "provider"};

    /** Whether a canvas has any descriptive property (most have none; its map answers most misses at once). */
    private static boolean hasDescriptive(JsonNode c) {
        for (String field : DESCRIPTIVE) {
            if (c.has(field)) {
                return true;
            }
        }
        return false;
    }

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

    private final class ManifestCursor implements Cursor {
        private final ManifestInfo info;
        private final List<JsonNode> canvases;
        private LamRecord template;
        private LamRecord.Builder shared;
        private final List<String> canvasLabels = new ArrayList<>();
        private int i;
        private boolean done;
        private int unfetchedPages;

        ManifestCursor(Doc doc, JsonNode m, int version, List<JsonNode> canvases, String id) {
            if (m != null && doc.depth > 0) {
                visited.add(normaliseKey(id));
            }
            this.info = new ManifestInfo(doc, m, version, id);
            this.canvases = canvases;
        }

        @Override
        public boolean step() {
            if (done) {
                if (unfetchedPages > 0) {
                    ctx.warn("not-followed", unfetchedPages + " referenced annotation page(s) of " + info.id
                            + " were not fetched (set iiif.fetch=always to fetch remote references)",
                            where(info.doc));
                    unfetchedPages = 0;
                }
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
                data = canvas(c, n);
            } catch (LamException e) {
                throw e;
            } catch (RuntimeException e) {
                ctx.problem(new LamFormatException("canvas " + (n + 1) + " of " + info.id + " could not be read: " + e,
                        where(info.doc).withIndex(index).withRecordId(Json.id(c)), e));
                return true;
            }
            if (gran == Granularity.CANVAS) {
                ready.add(canvasRecord(data));
            } else {
                annotationRecords(data);
            }
            return true;
        }

        private CanvasData canvas(JsonNode c, int n) {
            CanvasData d = new CanvasData();
            String id = Json.id(c);
            if (id == null) {
                id = info.id + "#canvas-" + (n + 1);
                ctx.warn("missing-id", "canvas " + (n + 1) + " of " + info.id + " has no id; using " + id,
                        where(info.doc));
            }
            d.id = id;
            if (!c.isObject()) {
                return d;
            }
            d.label = values.joined(c.get("label"));
            d.width = Json.number(c, "width");
            d.height = Json.number(c, "height");
            if (hasDescriptive(c)) {
                describe(c, d.labels, false);
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
                    page(d, page);
                }
            }
            if (ocr != null) {
                ocr.attach(info, d, c);
            }
            return d;
        }

        /**
         * Reads an annotation page or list, embedded or referenced, following an annotation
         * collection's {@code first} page and each page's {@code next} (at most 1,000 pages).
         */
        private void page(CanvasData d, JsonNode page) {
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
                        Doc p = load(from, ref, null);
                        if (p == null) {
                            unfetchedPages++;
                            return;
                        }
                        from = p;
                        current = p.root;
                        if (current.isObject() && !current.has("items") && !current.has("resources")
                                && current.has("first")) {
                            continue; // a referenced collection: go on with its first page
                        }
                    } catch (IOException | LamException e) {
                        ctx.warn("annotation-page", "annotation page " + ref + " of canvas " + d.id
                                + " could not be read: " + e.getMessage(), where(info.doc));
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

        // -------------------------------------------------------------- records

        private LamRecord.Builder base(String id, Doc doc) {
            LamRecord.Builder b = LamRecord.builder(unique(id, doc), FORMAT)
                    .source(new RecordSource(doc.uri, doc.entry, index++, -1, -1))
                    .group(info.id);
            return b;
        }

        private void addManifestLabels(LamRecord.Builder b) {
            b.labels(Labels.TITLE, info.title);
        }

        private void addDescriptive(LamRecord.Builder b, List<String[]> labels) {
            for (String[] l : labels) {
                b.label(l[0], l[1]);
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
            for (String[] l : info.labels) {
                if (l[0].equals(name)) {
                    return true;
                }
            }
            return false;
        }

        private LamRecord canvasRecord(CanvasData d) {
            String id = unique(d.id, info.doc);
            List<String> own = canvasLabels(d);
            LamRecord.Builder b = shared();
            boolean apart = true;
            for (int k = 0; k < own.size() && apart; k += 2) {
                apart = !manifestLabel(own.get(k));
            }
            if (!apart) {
                b = template().toBuilder(); // adds values to the manifest's own labels: a copy of them
            }
            try {
                b.id(id).source(new RecordSource(info.doc.uri, info.doc.entry, index++, -1, -1)).group(info.id);
                for (int k = 0; k < own.size(); k += 2) {
                    b.label(own.get(k), own.get(k + 1));
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
                    for (int k = 0; k < own.size(); k += 2) {
                        b.removeLabel(own.get(k));
                    }
                    b.text(null).clearImages().nativeObject(null);
                }
            }
        }

        /** The labels a canvas record adds to its manifest's, in order: name, value pairs (a value may be null). */
        private List<String> canvasLabels(CanvasData d) {
            List<String> out = canvasLabels;
            out.clear();
            out.add(Labels.PART);
            out.add(d.label);
            if (!info.ranges.isEmpty()) {
                int hash = d.id.indexOf('#');
                for (String r : info.ranges.getOrDefault(hash < 0 ? d.id : d.id.substring(0, hash), List.of())) {
                    out.add("iiif:range");
                    out.add(r);
                }
            }
            for (String[] l : d.labels) {
                out.add(l[0]);
                out.add(l[1]);
            }
            for (String s : d.comments) {
                out.add(Labels.DESCRIPTION);
                out.add(s);
            }
            for (String t : d.tags) {
                out.add(Labels.SUBJECT);
                out.add(t);
                out.add("iiif:tag");
                out.add(t);
            }
            for (IiifImage t : d.thumbnails) {
                out.add("iiif:thumbnail");
                out.add(t.ref().uri());
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
                    d = canvas(c, n++);
                } catch (LamException e) {
                    throw e;
                } catch (RuntimeException e) {
                    ctx.warn("canvas", "canvas " + n + " of " + info.id + " could not be read: " + e, where(info.doc));
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
                String id = a.id != null ? a.id
                        : a.region != null ? d.id + "#xywh=" + a.region : d.id + "#annotation-" + k;
                LamRecord.Builder b = base(id, info.doc);
                addManifestLabels(b);
                b.label(Labels.PART, d.label);
                b.label("iiif:motivation", a.motivation);
                b.label("iiif:canvas", d.id);
                if (a.text != null) {
                    b.text(a.text);
                }
                for (String t : a.tags) {
                    b.label(Labels.SUBJECT, t);
                    b.label("iiif:tag", t);
                }
                addDescriptive(b, info.labels);
                for (IiifImage img : d.images) {
                    if (a.region == null) {
                        b.image(img.ref());
                    } else {
                        b.image(img.ref().toBuilder().region(Images.scale(a.region, d.width, d.height, img.ref())).build());
                    }
                }
                if (a.confidence >= 0) {
                    b.confidence(a.confidence);
                }
                ready.add(b.build());
            }
        }
    }

    private String unique(String id, Doc doc) {
        if (emitted.add(id)) {
            return id;
        }
        for (int n = 2; ; n++) {
            String alt = id.indexOf('#') < 0 ? id + "#" + n : id + "-" + n;
            if (emitted.add(alt)) {
                ctx.warn("duplicate-id", "id " + id + " is used more than once; this record gets " + alt, where(doc));
                return alt;
            }
        }
    }

    // ------------------------------------------------------------------ canvases and annotations

    /** What a canvas gives: its images, texts and annotations. */
    static final class CanvasData {
        String id;
        String label;
        long width = -1;
        long height = -1;
        final List<IiifImage> images = new ArrayList<>(1);
        final List<IiifImage> alternatives = new ArrayList<>(0);
        List<IiifImage> thumbnails = List.of();
        final List<String> transcriptions = new ArrayList<>(0);
        final List<String> comments = new ArrayList<>(0);
        final List<String> tags = new ArrayList<>(0);
        final List<Anno> annos = new ArrayList<>(0);
        final List<String[]> labels = new ArrayList<>(0);
        final List<Ocr.Link> ocrLinks = new ArrayList<>(0);
        /** The kinds of painted content that is not an image (sound, moving image, text...). */
        final List<String> painted = new ArrayList<>(0);
    }

    /** An annotation worth a record at annotation granularity. */
    static final class Anno {
        String id;
        String motivation;
        String text;
        final List<String> tags = new ArrayList<>(0);
        Region region;
        double confidence = -1;
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
        boolean wantRegion = gran == Granularity.ANNOTATION;
        Anno a = null;
        for (JsonNode b : bodies) {
            String t = Json.type(b);
            String kind = classify(b, t);
            boolean painting = motivation.equals("painting") || paintingPage;
            if (kind.equals("image")) {
                if (painting) {
                    paint(d, b, t);
                }
                continue;
            }
            if (painting && !kind.equals("text")) {
                painted(d, b, t); // audio, video, a PDF, subtitles...: labelled, not an image
            }
            if (!kind.equals("text")) {
                if (ocr != null && kind.equals("other")) {
                    String fmt = Ocr.ocrFormat(b);
                    String href = Json.id(b);
                    if (fmt != null && href != null) {
                        d.ocrLinks.add(new Ocr.Link(href, fmt));
                    }
                }
                continue;
            }
            String purpose = purpose(b);
            String m = purpose != null ? purpose : motivation;
            String text = textOf(b, t);
            if (text == null) {
                continue;
            }
            String role = isTagging(m) ? "tagging" : isTranscribing(m) ? "supplementing" : "commenting";
            if (a == null && wantRegion) {
                a = new Anno();
                a.id = Json.id(anno);
                a.motivation = role;
                JsonNode target = anno.has("target") ? first(anno.get("target")) : first(anno.get("on"));
                a.region = Images.targetRegion(target, d.width, d.height);
            }
            if (isTagging(m)) {
                d.tags.add(text);
                if (a != null) {
                    a.tags.add(text);
                }
            } else {
                if (isTranscribing(m)) {
                    d.transcriptions.add(text);
                } else {
                    d.comments.add(text);
                }
                if (a != null) {
                    a.text = a.text == null ? text : a.text + "\n" + text;
                }
            }
        }
        if (a != null) {
            d.annos.add(a);
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
            d.labels.add(new String[] {Labels.TYPE, kind});
        }
        if (uri != null) {
            d.labels.add(new String[] {"iiif:painting", uri});
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

    /** Extensions of image files, for a painting body known only by its id. */
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "jpe", "png", "gif", "tif", "tiff",
            "jp2", "j2k", "jpx", "jpf", "webp", "bmp", "avif", "heic");

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
     * "image", "text", "av" or "other", for a body of type {@code t} ({@link Json#type}): an image by its
     * type, else by its format, else by an image service or a known image extension.
     */
    private String classify(JsonNode body, String t) {
        if (body.isTextual()) {
            return imageExtension(body.textValue()) ? "image" : "other"; // a bare URI: by its extension
        }
        if (!body.isObject()) {
            return "other";
        }
        String format = Json.text(body, "format");
        if (t != null) {
            switch (t) {
                case "Image":
                case "StillImage":
                case "Choice":
                    if ("Choice".equals(t)) {
                        List<JsonNode> items = choiceItems(body);
                        if (!items.isEmpty() && classify(items.get(0), Json.type(items.get(0))).equals("text")) {
                            return "text";
                        }
                    }
                    return "image";
                case "SpecificResource":
                    JsonNode src = body.has("source") ? body.get("source") : body.get("full");
                    return src == null ? "other" : classify(src, Json.type(src));
                case "TextualBody":
                case "ContentAsText":
                    return "text";
                case "Sound":
                case "Audio":
                case "Video":
                case "Model":
                    return "av";
                default:
                    break;
            }
        }
        if (body.has("chars") || body.has("value") && body.get("value").isTextual()) {
            return "text";
        }
        if (format != null) {
            if (format.startsWith("image/")) {
                return "image";
            }
            if (format.startsWith("audio/") || format.startsWith("video/")) {
                return "av";
            }
        }
        if (body.has("service") && Json.id(body) != null) {
            return "image";
        }
        if (t == null && format == null && !body.has("value") && imageExtension(Json.id(body))) {
            return "image"; // known only by its id
        }
        return "other";
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
        return Values.clean(v.textValue());
    }

    /** Adds a painting body's image (or a Choice's default and alternatives) to the canvas; its type is {@code t}. */
    private void paint(CanvasData d, JsonNode body, String t) {
        if ("Choice".equals(t)) {
            List<JsonNode> items = choiceItems(body);
            boolean first = true;
            for (JsonNode it : items) {
                String type = Json.type(it);
                IiifImage img = classify(it, type).equals("image") ? imageOf(it, type) : null;
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
        if (img != null) {
            d.images.add(img);
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
            for (JsonNode sel : Json.many(body, "selector")) {
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
    IiifImage image(JsonNode n, Region region, String label) {
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
        if (uri == null) {
            if (svc == null) {
                return null;
            }
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

    // ------------------------------------------------------------------ helpers

    Location where(Doc doc) {
        if (doc.local && doc.uri.equals(input.uri()) && java.util.Objects.equals(doc.entry, input.entry())) {
            return ctx.location();
        }
        return Location.of(doc.uri, doc.entry);
    }

    private String nameOf(Doc doc) {
        String id = Json.id(doc.root);
        return id != null ? id : doc.uri;
    }

    Input input() {
        return input;
    }

    ReadContext context() {
        return ctx;
    }

    ReadLimits limits() {
        return limits;
    }

    Values values() {
        return values;
    }

    @Override
    public void close() {
        stack.clear();
        ready.clear();
    }
}
