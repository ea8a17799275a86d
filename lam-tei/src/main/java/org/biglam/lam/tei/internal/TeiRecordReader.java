package org.biglam.lam.tei.internal;

import org.biglam.lam.spi.vocab.Languages;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.type.Type;
import org.biglam.lam.ImageRef;
import org.biglam.lam.Labels;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Region;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.tei.TeiOptions;

/**
 * Reads one TEI input: cuts it into documents ({@link TeiCutter}), reads each header
 * ({@link HeaderLabels}) and walks each text ({@link TextWalker}), and hands out the records of one
 * document at a time. Used by one thread at a time.
 */
public final class TeiRecordReader implements FormatReader {

    /** The format id records carry. */
    public static final String FORMAT = "tei";

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    private final Input input;
    private final ReadContext ctx;
    private final TeiCutter cutter;
    private final TextWalker walker;
    private final HeaderLabels header;
    private final Granularity granularity;
    private final ArrayDeque<LamRecord> queue = new ArrayDeque<>();
    private final Set<String> ids = new HashSet<>();
    private XdmNode lastCorpusHeader;
    private Map<String, List<String>> lastCorpusLabels;
    private long recordIndex;

    /**
     * Opens a reader.
     *
     * @param input the input; its stream is read, not closed
     * @param ctx the context
     * @param engine the provider's Saxon processor and compiled expressions
     * @param options the text profile
     * @param granularity one of {@link Granularity#IDS}
     * @throws IOException if the input cannot be read
     */
    public TeiRecordReader(Input input, ReadContext ctx, TeiEngine engine, TeiOptions options, String granularity)
            throws IOException {
        this.input = input;
        this.ctx = ctx;
        this.granularity = Granularity.of(granularity);
        if (this.granularity == null) {
            throw new IllegalArgumentException("unknown TEI granularity: " + granularity);
        }
        XMLInputFactory factory = engine.inputFactory(ctx.limits());
        this.cutter = new TeiCutter(input.stream(), factory, engine.treeFeed(), ctx);
        this.walker = new TextWalker(options, this.granularity);
        this.header = new HeaderLabels(engine.header(), walker);
    }

    @Override
    public LamRecord next() throws IOException {
        while (queue.isEmpty()) {
            TeiCutter.Piece piece = cutter.next();
            if (piece == null) {
                return null;
            }
            read(piece);
        }
        return queue.poll();
    }

    @Override
    public void close() {
        cutter.close();
        queue.clear();
    }

    private void read(TeiCutter.Piece piece) {
        NodeInfo root = firstElement(piece.root().getUnderlyingNode());
        if (root == null) {
            return;
        }
        ids.clear();
        String name = input.name();
        boolean single = piece.top();
        String docId;
        if (single) {
            docId = name;
        } else {
            String xmlId = root.getAttributeValue(TextWalker.XML, "id");
            docId = name + "#" + (xmlId != null ? xmlId : "doc-" + (piece.ordinal() + 1));
        }
        DocContext dc = new DocContext(piece);

        Map<String, List<String>> labels = new LinkedHashMap<>();
        boolean headerOnly = "teiHeader".equals(root.getLocalPart());
        NodeInfo teiHeader = headerOnly ? root : TextWalker.firstChild(root, "teiHeader");
        if (teiHeader != null) {
            labels.putAll(header.read(new XdmNode(teiHeader), dc));
        }
        if (!labels.containsKey(Labels.LANGUAGE)) {
            String lang = root.getAttributeValue(TextWalker.XML, "lang");
            NodeInfo text = TextWalker.firstChild(root, "text");
            if (lang == null && text != null) {
                lang = text.getAttributeValue(TextWalker.XML, "lang");
            }
            String tag = Languages.toBcp47(lang);
            if (tag != null) {
                labels.put(Labels.LANGUAGE, List.of(tag));
            }
        }
        for (XdmNode corpusHeader : piece.corpusHeaders()) {
            Map<String, List<String>> corpus = corpusLabels(corpusHeader, dc);
            for (Map.Entry<String, List<String>> e : corpus.entrySet()) {
                if (Labels.TITLE.equals(e.getKey())) {
                    labels.merge(Labels.COLLECTION, e.getValue(), (a, b) -> concat(a, b));
                } else {
                    labels.putIfAbsent(e.getKey(), e.getValue());
                }
            }
        }
        if (!labels.containsKey(Labels.LANGUAGE) && piece.corpusLang() != null) {
            // xml:lang is inherited: from the teiCorpus around the document
            String tag = Languages.toBcp47(piece.corpusLang());
            if (tag != null) {
                labels.put(Labels.LANGUAGE, List.of(tag));
            }
        }

        List<TextWalker.Unit> units;
        try {
            units = walker.walk(root, dc);
        } catch (StackOverflowError e) {
            // the walk recurses once per level of nesting; a thread with a small stack can run out
            // before maxNestingDepth is reached: the document is stepped over, the reader goes on
            ctx.problem(new LamLimitExceededException("TEI document " + piece.ordinal() + " is nested too deeply "
                    + "to walk on this thread's stack: lower maxNestingDepth or give the thread a larger stack",
                    ctx.location().withIndex(piece.ordinal()).withLine(piece.line(), -1)));
            return;
        }
        if (granularity == Granularity.DIV && units.isEmpty()) {
            ctx.warn("granularity", "TEI document " + piece.ordinal() + " has no division of the level or type asked "
                    + "for (tei.div): no records", ctx.location().withIndex(piece.ordinal()).withLine(piece.line(), -1));
        }
        if (granularity == Granularity.LINE && units.size() == 1 && units.get(0).element == null
                && !units.get(0).text.isEmpty()) {
            ctx.warn("granularity", "TEI document " + piece.ordinal() + " has no lb and no sourceDoc line: its whole "
                    + "text is one line record", ctx.location().withIndex(piece.ordinal()).withLine(piece.line(), -1));
        }
        for (TextWalker.Unit u : units) {
            String text = u.text.isEmpty() ? null : u.text.result();
            boolean doc = "document".equals(u.kind);
            if (text == null) {
                // a document without text gives no record, unless it is a header on its own
                boolean keep = doc ? headerOnly && !labels.isEmpty() : ("page".equals(u.kind) && u.image != null);
                if (!keep) {
                    continue;
                }
            }
            String id = doc ? docId : unitId(u, name, docId, single);
            LamRecord.Builder b = LamRecord.builder(id, FORMAT)
                    .source(ctx.source(recordIndex++, -1, doc ? piece.line() : u.line))
                    .group(docId)
                    .text(text);
            labels.forEach(b::labels);
            if (u.part != null) {
                b.label(Labels.PART, u.part);
            }
            u.labels.forEach(b::labels);
            if (u.image != null) {
                b.image(u.image);
            }
            if (doc) {
                b.nativeObject(new XdmNode(root));
            }
            queue.add(b.build());
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> l = new java.util.ArrayList<>(a);
        l.addAll(b);
        return l;
    }

    private Map<String, List<String>> corpusLabels(XdmNode corpusHeader, DocContext dc) {
        if (corpusHeader != lastCorpusHeader) {
            lastCorpusHeader = corpusHeader;
            NodeInfo h = firstElement(corpusHeader.getUnderlyingNode());
            lastCorpusLabels = h == null ? Map.of() : header.read(new XdmNode(h), dc);
        }
        return lastCorpusLabels;
    }

    private String unitId(TextWalker.Unit u, String name, String docId, boolean single) {
        String id;
        if (u.fragmentIsXmlId || single) {
            id = name + "#" + u.fragment;
        } else {
            id = docId + "/" + u.fragment;
        }
        if (!ids.add(id)) {
            int i = 2;
            while (!ids.add(id + "-" + i)) {
                i++;
            }
            id = id + "-" + i;
        }
        return id;
    }

    private static NodeInfo firstElement(NodeInfo doc) {
        if (doc.getNodeKind() == Type.ELEMENT) {
            return doc;
        }
        for (NodeInfo c : doc.children()) {
            if (c.getNodeKind() == Type.ELEMENT) {
                return c;
            }
        }
        return null;
    }

    /** Resolves pointers within one document and the corpus headers around it. */
    private final class DocContext implements TextWalker.Context {
        private final TeiCutter.Piece piece;

        DocContext(TeiCutter.Piece piece) {
            this.piece = piece;
        }

        @Override
        public NodeInfo byId(String id) {
            if (id == null || id.isEmpty()) {
                return null;
            }
            NodeInfo n = piece.root().getUnderlyingNode().getTreeInfo().selectID(id, false);
            if (n != null) {
                return n;
            }
            for (XdmNode h : piece.corpusHeaders()) {
                n = h.getUnderlyingNode().getTreeInfo().selectID(id, false);
                if (n != null) {
                    return n;
                }
            }
            return null;
        }

        @Override
        public ImageRef image(String facs, NodeInfo pb) {
            String ref = facs.split("\\s+")[0];
            if (ref.startsWith("#")) {
                NodeInfo target = byId(ref.substring(1));
                if (target == null) {
                    ctx.warn("facs", pb.getLocalPart() + "/@facs points to no element: " + ref,
                            ctx.location().withLine(pb.getLineNumber(), -1));
                    return null;
                }
                if ("graphic".equals(target.getLocalPart())) {
                    return graphic(target, null);
                }
                // a pointer to a facsimile (Transkribus's export gives each page's facsimile the id) or a
                // surfaceGrp: its own graphic, else its first surface's
                for (int depth = 0; depth < 2 && ("facsimile".equals(target.getLocalPart())
                        || "surfaceGrp".equals(target.getLocalPart())); depth++) {
                    NodeInfo graphic = TextWalker.firstChild(target, "graphic");
                    if (graphic != null) {
                        return graphic(graphic, null);
                    }
                    NodeInfo surface = TextWalker.firstChild(target, "surface");
                    if (surface == null) {
                        surface = TextWalker.firstChild(target, "surfaceGrp");
                    }
                    if (surface == null) {
                        return null;
                    }
                    target = surface;
                }
                return imageOf(target);
            }
            return reference(ref, null, pb, null);
        }

        @Override
        public ImageRef imageOf(NodeInfo el) {
            NodeInfo graphic = null;
            Region region = null;
            NodeInfo surface = null;
            for (NodeInfo n = el; n != null && n.getNodeKind() == Type.ELEMENT; n = n.getParent()) {
                String ln = n.getLocalPart();
                boolean isSurface = "surface".equals(ln);
                if (region == null && !isSurface) {
                    region = region(n);
                }
                if (graphic == null && (isSurface || "zone".equals(ln))) {
                    graphic = TextWalker.firstChild(n, "graphic");
                }
                if (isSurface) {
                    surface = n;
                    break;
                }
            }
            if (graphic != null) {
                return graphic(graphic, region);
            }
            String facs = surface == null ? null : surface.getAttributeValue(TextWalker.NONE, "facs");
            if (facs != null && !facs.isBlank() && !facs.strip().startsWith("#")) {
                return reference(facs.strip().split("\\s+")[0], null, surface, region);
            }
            return null;
        }

        /** The image of a {@code graphic}: its {@code @url} and {@code @mimeType}, with a region. */
        private ImageRef graphic(NodeInfo graphic, Region region) {
            return reference(graphic.getAttributeValue(TextWalker.NONE, "url"),
                    graphic.getAttributeValue(TextWalker.NONE, "mimeType"), graphic, region);
        }

        /** An image reference: xml:base applied, resolved against the input. */
        private ImageRef reference(String url, String mime, NodeInfo base, Region region) {
            if (url == null || url.isBlank()) {
                return null;
            }
            String resolved = withBase(url.strip(), base);
            String uri = SCHEME.matcher(resolved).matches() ? resolved : input.resolveUri(resolved);
            ImageRef.Builder b = ImageRef.builder(uri);
            if (mime != null && !mime.isBlank()) {
                b.mime(mime.strip());
            }
            if (region != null) {
                b.region(region);
            }
            return b.build();
        }

        /**
         * The region of an element with coordinates: {@code ulx}, {@code uly}, {@code lrx},
         * {@code lry}, or failing those the bounding box of {@code points}; null without usable ones.
         */
        private Region region(NodeInfo el) {
            String ulx = el.getAttributeValue(TextWalker.NONE, "ulx");
            if (ulx != null) {
                try {
                    long x0 = Math.round(Double.parseDouble(ulx));
                    long y0 = Math.round(Double.parseDouble(el.getAttributeValue(TextWalker.NONE, "uly")));
                    long x1 = Math.round(Double.parseDouble(el.getAttributeValue(TextWalker.NONE, "lrx")));
                    long y1 = Math.round(Double.parseDouble(el.getAttributeValue(TextWalker.NONE, "lry")));
                    Region r = box(x0, y0, x1, y1);
                    if (r != null) {
                        return r;
                    }
                } catch (RuntimeException e) {
                    // no usable corners: try the points
                }
            }
            String points = el.getAttributeValue(TextWalker.NONE, "points");
            return points == null ? null : boundingBox(points);
        }

        private Region boundingBox(String points) {
            double x0 = Double.MAX_VALUE;
            double y0 = Double.MAX_VALUE;
            double x1 = -Double.MAX_VALUE;
            double y1 = -Double.MAX_VALUE;
            int n = 0;
            for (String p : points.strip().split("\\s+")) {
                int comma = p.indexOf(',');
                if (comma <= 0) {
                    return null;
                }
                try {
                    double x = Double.parseDouble(p.substring(0, comma));
                    double y = Double.parseDouble(p.substring(comma + 1));
                    if (!Double.isFinite(x) || !Double.isFinite(y)) {
                        return null;
                    }
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                    n++;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return n < 2 ? null : box(Math.round(x0), Math.round(y0), Math.round(x1), Math.round(y1));
        }

        private Region box(long ulx, long uly, long lrx, long lry) {
            if (lrx > ulx && lry > uly && ulx >= 0 && uly >= 0) {
                return new Region(ulx, uly, lrx - ulx, lry - uly);
            }
            return null;
        }

        /** Applies the xml:base attributes of the node and its ancestors to a reference. */
        private String withBase(String url, NodeInfo node) {
            if (SCHEME.matcher(url).matches() || url.startsWith("/")) {
                return url;
            }
            String result = url;
            for (NodeInfo n = node; n != null; n = n.getParent()) {
                if (n.getNodeKind() != Type.ELEMENT) {
                    continue;
                }
                String b = n.getAttributeValue(TextWalker.XML, "base");
                if (b != null && !b.isBlank()) {
                    b = b.strip();
                    int slash = b.lastIndexOf('/');
                    result = (slash >= 0 ? b.substring(0, slash + 1) : "") + result;
                    if (SCHEME.matcher(result).matches() || result.startsWith("/")) {
                        break;
                    }
                }
            }
            return result;
        }
    }
}
