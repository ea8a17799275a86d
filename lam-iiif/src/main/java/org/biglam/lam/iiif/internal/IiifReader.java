package org.biglam.lam.iiif.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayDeque;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.UnsupportedFormatException;
import org.biglam.lam.iiif.IiifOptions;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.ReadContext;

/**
 * Reads one IIIF input (a manifest, a collection, a sequence or a canvas, Presentation 2.1 or 3.0
 * or a mixture) as records at a granularity: one per canvas, per manifest, or per annotation.
 *
 * <p>The reader keeps a stack of work ({@link Cursor}s) and a queue of records, and tells each
 * document's kind and version; the work is done by its parts, each over the one below it:
 * {@link CollectionWalker} walks collections (depth limit, cycle guard), {@link ReferenceLoader}
 * loads what a document refers to (beside the input, or over http(s) as {@link IiifOptions#fetch()}
 * allows, by the origin rule), {@link ManifestRecords} makes a manifest's records, and
 * {@link CanvasParser} parses each canvas (with {@link Ocr} for linked OCR). The whole document is
 * held as a Jackson tree (bounded by {@code maxRecordBytes}); records are made one canvas at a time.
 */
public final class IiifReader implements FormatReader {

    private final Input input;
    private final ReadContext ctx;
    private final ReferenceLoader loader;
    private final CollectionWalker collections;
    private final ManifestRecords manifests;

    private final ArrayDeque<Cursor> stack = new ArrayDeque<>(4);
    private final ArrayDeque<LamRecord> ready = new ArrayDeque<>(4);
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
        Values values = new Values(opts.preferLanguage().orElse(null));
        this.loader = new ReferenceLoader(input, ctx, opts);
        this.collections = new CollectionWalker(loader, ctx, opts, values, (doc, checkVersion) ->
                open(doc, checkVersion, false));
        Ocr ocr = opts.ocr() ? new Ocr(loader, ctx) : null;
        Descriptive descriptive = new Descriptive(values);
        CanvasParser parser = new CanvasParser(loader, ctx, opts, values, descriptive, gran == Granularity.ANNOTATION,
                ocr);
        this.manifests = new ManifestRecords(loader, ctx, opts, gran, values, descriptive, parser, collections, ready);
    }

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
        JsonNode root = JsonDocs.parse(input.stream(), ctx.limits(), ctx.location());
        collections.visit(loader.inputKey());
        open(new Doc(root, input.uri(), input.entry(), true, null, 0), true, true);
    }

    /** Pushes the cursor for a document, by its kind. */
    private void open(Doc doc, boolean checkVersion, boolean topLevel) {
        JsonNode root = doc.root();
        if (!root.isObject()) {
            // the document as a whole: located at its start
            throw new LamFormatException("not a IIIF resource: the JSON document is not an object",
                    where(doc).withOffset(0));
        }
        int version = checkVersion ? version(root, doc) : shapeVersion(root, 3);
        String type = Json.type(root);
        switch (Kind.of(root, type)) {
            case COLLECTION:
                stack.push(collections.cursor(doc));
                break;
            case MANIFEST:
                stack.push(manifests.manifest(doc, version));
                break;
            case SEQUENCE:
                stack.push(manifests.sequence(doc, version));
                break;
            case CANVAS:
                stack.push(manifests.canvas(doc, version));
                break;
            case ANNOTATION_PAGE:
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

    private Location where(Doc doc) {
        return loader.where(doc);
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

    @Override
    public void close() {
        stack.clear();
        ready.clear();
    }
}
