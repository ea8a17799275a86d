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
import net.sf.saxon.s9api.DocumentBuilder;
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
        DocumentBuilder builder = engine.processor().newDocumentBuilder();
        builder.setLineNumbering(false);
        this.cutter = new TeiCutter(input.stream(), factory, builder, ctx);
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
            String url;
            String mime = null;
            Region region = null;
            NodeInfo base;
            if (ref.startsWith("#")) {
                NodeInfo target = byId(ref.substring(1));
                if (target == null) {
                    ctx.warn("facs", "pb/@facs points to no element: " + ref,
                            ctx.location().withLine(pb.getLineNumber(), -1));
                    return null;
                }
                NodeInfo graphic = null;
                String ln = target.getLocalPart();
                if ("graphic".equals(ln)) {
                    graphic = target;
                } else if ("surface".equals(ln)) {
                    graphic = TextWalker.firstChild(target, "graphic");
                } else if ("zone".equals(ln)) {
                    graphic = TextWalker.firstChild(target, "graphic");
                    if (graphic == null && target.getParent() != null) {
                        graphic = TextWalker.firstChild(target.getParent(), "graphic");
                    }
                    region = region(target);
                }
                if (graphic == null) {
                    return null;
                }
                url = graphic.getAttributeValue(TextWalker.NONE, "url");
                mime = graphic.getAttributeValue(TextWalker.NONE, "mimeType");
                base = graphic;
            } else {
                url = ref;
                base = pb;
            }
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

        private Region region(NodeInfo zone) {
            try {
                long ulx = Math.round(Double.parseDouble(zone.getAttributeValue(TextWalker.NONE, "ulx")));
                long uly = Math.round(Double.parseDouble(zone.getAttributeValue(TextWalker.NONE, "uly")));
                long lrx = Math.round(Double.parseDouble(zone.getAttributeValue(TextWalker.NONE, "lrx")));
                long lry = Math.round(Double.parseDouble(zone.getAttributeValue(TextWalker.NONE, "lry")));
                if (lrx > ulx && lry > uly && ulx >= 0 && uly >= 0) {
                    return new Region(ulx, uly, lrx - ulx, lry - uly);
                }
            } catch (RuntimeException e) {
                // no usable coordinates
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
