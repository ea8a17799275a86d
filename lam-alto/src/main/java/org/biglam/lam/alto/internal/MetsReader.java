package org.biglam.lam.alto.internal;

import org.biglam.lam.spi.AaltoXml;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.biglam.lam.ImageRef;
import org.biglam.lam.LamFormatException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Labels;
import org.biglam.lam.Region;
import org.biglam.lam.alto.AltoOptions;
import org.biglam.lam.alto.internal.AltoModel.Block;
import org.biglam.lam.alto.internal.AltoModel.Line;
import org.biglam.lam.alto.internal.AltoModel.Page;
import org.biglam.lam.alto.internal.AltoModel.Word;
import org.biglam.lam.alto.internal.MetsDocument.Area;
import org.biglam.lam.alto.internal.MetsDocument.LogDiv;
import org.biglam.lam.alto.internal.MetsDocument.MetsFile;
import org.biglam.lam.alto.internal.MetsDocument.PhysPage;
import org.biglam.lam.alto.internal.TextAssembler.Span;
import org.biglam.lam.spi.FormatReader;
import org.biglam.lam.spi.Input;
import org.biglam.lam.spi.Origin;
import org.biglam.lam.spi.ReadContext;

/**
 * Reads a METS document and the ALTO files it names: pages in physical order (or their blocks,
 * lines, words, illustrations), or, at granularity {@code article}, one record per article of the
 * logical structure, its text gathered across pages.
 */
public final class MetsReader implements FormatReader {

    private final Input input;
    private final ReadContext ctx;
    private final String granularity;
    private final AltoOptions options;
    private final MetsDocument doc;
    private final ArrayDeque<LamRecord> queue = new ArrayDeque<>();
    private final long[] index = {0};
    private final TextAssembler assembler;
    private final String name;
    private int nextPage;
    private boolean articlesDone;
    private boolean empty;

    /**
     * @param input the METS input
     * @param ctx the context
     */
    /**
     * The files a METS document names in its fileSec (ALTO, PAGE XML, images), as its hrefs: read
     * through the document, so left out of a folder walk that holds it.
     */
    public static Set<String> claimedFiles(Input input, ReadContext ctx) {
        Node root = Node.parse(AaltoXml.factory(ctx.limits()), input.stream(), ctx.location(), ctx.limits(),
                MetsDocument.SKIP);
        if (!root.name.equals("mets")) {
            return Set.of();
        }
        Set<String> hrefs = new LinkedHashSet<>();
        for (MetsDocument.MetsFile f : MetsDocument.of(root).files.values()) {
            if (f.href() != null && !f.href().isBlank()) {
                hrefs.add(f.href());
            }
        }
        return hrefs;
    }

    public MetsReader(Input input, ReadContext ctx) {
        this.input = input;
        this.ctx = ctx;
        this.granularity = ctx.granularity();
        this.options = AltoOptions.from(ctx.options());
        this.name = input.name();
        this.assembler = new TextAssembler(options.hyphenation() == AltoOptions.Hyphenation.JOIN);
        Node root = Node.parse(AaltoXml.factory(ctx.limits()), input.stream(), ctx.location(), ctx.limits(),
                MetsDocument.SKIP, ctx);
        if (!root.name.equals("mets")) {
            if (root.name.equalsIgnoreCase("alto")) {
                ctx.warn("mets-not-mets", "an ALTO file read as METS is left for its METS document to read",
                        ctx.location());
                this.doc = null;
                this.empty = true;
                return;
            }
            throw new LamFormatException("not a METS document: the root element is " + root.name,
                    ctx.location().withLine(root.line, 0));
        }
        this.doc = MetsDocument.of(root);
        if (doc.pages.isEmpty()) {
            ctx.warn("mets-structure", "the METS document has no physical structMap with pages", ctx.location());
        }
    }

    @Override
    public LamRecord next() throws IOException {
        if (empty) {
            return null;
        }
        if ("article".equals(granularity)) {
            if (!articlesDone) {
                articlesDone = true;
                articles();
            }
            return queue.poll();
        }
        while (queue.isEmpty()) {
            if (nextPage >= doc.pages.size()) {
                return null;
            }
            page(doc.pages.get(nextPage++));
        }
        return queue.poll();
    }

    private PageEmitter.PageInfo info(PhysPage p, MetsFile image) {
        PageEmitter.PageInfo info = new PageEmitter.PageInfo();
        info.format = "mets";
        info.pageId = name + "#page-" + p.id;
        info.subIdPrefix = info.pageId + "/";
        info.pageGroup = name;
        info.sourceLines = false;
        if (image != null) {
            info.imageUri = Images.resolve(input, image.href());
            info.imageMime = image.mime() != null && image.mime().startsWith("image/") ? image.mime()
                    : Images.mime(image.href());
        }
        info.part = p.orderLabel != null && !p.orderLabel.isBlank() ? p.orderLabel.strip()
                : p.order != null && !p.order.isBlank() ? p.order.strip() : null;
        Map<String, List<String>> labels = new LinkedHashMap<>(doc.documentLabels());
        labels.put(Labels.COLLECTION, publication(labels));
        List<String> langs = labels.remove(Labels.LANGUAGE);
        info.fallbackLanguages = langs == null ? List.of() : langs;
        info.labels = labels;
        return info;
    }

    /** Reads one page's ALTO and queues its records. */
    private void page(PhysPage p) throws IOException {
        MetsFile alto = doc.altoOf(p);
        MetsFile image = doc.imageOf(p);
        PageEmitter.PageInfo info = info(p, image);
        Optional<Input> altoInput = Optional.empty();
        if (alto != null) {
            altoInput = resolve(alto.href());
        } else {
            MetsFile pageXml = doc.pageXmlOf(p);
            if (pageXml != null && pageXml(p, pageXml, image, info)) {
                return;
            }
        }
        if (altoInput.isEmpty()) {
            if (alto == null) {
                ctx.warn("mets-no-alto", "page " + p.id + " names no ALTO (or PAGE XML) file", ctx.location());
            }
            if ("page".equals(granularity)) {
                LamRecord.Builder b = LamRecord.builder(info.pageId, "mets").group(name)
                        .source(ctx.source(index[0]++, -1, -1));
                if (info.imageUri != null) {
                    ImageRef.Builder ib = ImageRef.builder(info.imageUri).mime(info.imageMime);
                    MetsDocument.Mix mix = doc.mixOf(image);
                    if (mix != null && mix.width > 0 && mix.height > 0) {
                        ib.size(mix.width, mix.height);
                    }
                    b.image(ib.build());
                }
                b.labels(Labels.LANGUAGE, info.fallbackLanguages);
                info.labels.forEach(b::labels);
                b.label(Labels.PART, info.part);
                queue.add(b.build());
            }
            return;
        }
        Input in = altoInput.get();
        try (InputStream stream = in.stream()) {
            AltoParser parser = parser(stream, in);
            try {
                PageEmitter emitter = new PageEmitter(ctx, assembler, parser);
                Page page;
                while ((page = parser.nextPage()) != null) {
                    PageEmitter.PageInfo pi = info;
                    if (page.index > 0) {
                        pi = info(p, image);
                        pi.pageId = info.pageId + "-" + (page.index + 1);
                        pi.subIdPrefix = pi.pageId + "/";
                    }
                    prepare(pi, parser, in, image);
                    emitter.emit(page, pi, granularity, index, queue);
                }
            } finally {
                parser.close();
            }
        } catch (LamFormatException e) {
            ctx.problem(new LamFormatException("ALTO file " + alto.href() + " of page " + p.id + ": " + e.reason(),
                    e.location().orElse(ctx.location()), e));
        }
    }

    /** Reads a page's PAGE XML file (when it has no ALTO file); false if it cannot be opened. */
    private boolean pageXml(PhysPage p, MetsFile file, MetsFile image, PageEmitter.PageInfo info) throws IOException {
        Optional<Input> in = resolve(file.href());
        if (in.isEmpty()) {
            return false;
        }
        Input pin = in.get();
        try (InputStream stream = pin.stream()) {
            org.biglam.lam.Location loc = org.biglam.lam.Location.of(pin.uri(), pin.entry());
            PageXmlParser parser = new PageXmlParser(AaltoXml.factory(ctx.limits()), stream, loc, ctx.limits(),
                    (kind, message, line) -> ctx.warn(kind, pin.name() + ": " + message, loc.withLine(line, 0)));
            try {
                AltoModel.Page page = parser.read();
                if (page != null) {
                    info.prefix = "page";
                    info.versionLabel = "page:version";
                    info.version = parser.version();
                    info.factor = 1;
                    if (info.imageUri == null && parser.imageFilename() != null) {
                        info.imageUri = Images.resolve(pin, parser.imageFilename());
                        info.imageMime = Images.mime(parser.imageFilename());
                    }
                    // PAGE marks no hyphenation: its text is kept as written
                    new PageEmitter(ctx, new TextAssembler(false), parser).emit(page, info, granularity, index, queue);
                }
            } finally {
                parser.close();
            }
        } catch (LamFormatException e) {
            ctx.problem(new LamFormatException("PAGE XML file " + file.href() + " of page " + p.id + ": "
                    + e.reason(), e.location().orElse(ctx.location()), e));
        }
        return true;
    }

    private Optional<Input> resolve(String href) throws IOException {
        String h = href.strip().replace('\\', '/');
        boolean absolute = Images.isAbsoluteUri(h) || Images.driveLetter(h) || h.startsWith("/");
        // a path the origin rule refuses (another machine's, or a local file named by a remote METS)
        // is not tried as it is; only its file name beside the METS document is
        Optional<String> refused = absolute ? Origin.of(input, ctx.options()).refusal(resolvedUri(h)) : Optional.empty();
        Optional<Input> in = refused.isPresent() ? Optional.empty() : tryResolve(h);
        if (in.isEmpty() && absolute) {
            // an absolute path of the machine that made the package: look for the file beside the METS,
            // in the folders it was in there (file:///data/ws/OCR-D-OCR-ALTO/0001.xml: the workspace's
            // OCR-D-OCR-ALTO/0001.xml), else by its name
            for (String tail : tails(h)) {
                in = tryResolve(tail);
                if (in.isPresent()) {
                    ctx.warn("mets-file-path", "the file " + href + " was found as " + tail
                            + " beside the METS document", ctx.location());
                    break;
                }
            }
        }
        if (in.isEmpty()) {
            if (refused.isPresent()) {
                ctx.warn(Origin.WARNING_KIND, refused.get(), ctx.location());
            } else {
                ctx.warn("mets-missing-file", "the file " + href + " named by the METS document is not there "
                        + "(or has gone by in a streamed archive)", ctx.location());
            }
        }
        return in;
    }

    /** The most folders of an absolute path's end tried beside the METS document. */
    private static final int TAIL_FOLDERS = 3;

    /**
     * The relative paths an absolute path may stand for beside the METS document, longest first: its
     * file name with up to {@value #TAIL_FOLDERS} of the folders above it, then the name alone.
     */
    static List<String> tails(String absolute) {
        String path = absolute;
        int scheme = path.indexOf("://");
        if (scheme > 0 && Images.isAbsoluteUri(path)) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "" : path.substring(slash);
        } else if (path.startsWith("file:")) {
            path = path.substring(5);
        }
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty() && !part.equals(".") && !part.equals("..") && !(parts.isEmpty() && part.endsWith(":"))) {
                parts.add(part);
            }
        }
        List<String> out = new ArrayList<>();
        for (int n = Math.min(parts.size(), TAIL_FOLDERS + 1); n >= 1; n--) {
            out.add(String.join("/", parts.subList(parts.size() - n, parts.size())));
        }
        return out;
    }

    private String resolvedUri(String href) {
        try {
            return input.resolveUri(href);
        } catch (RuntimeException e) {
            return href;
        }
    }

    private Optional<Input> tryResolve(String href) {
        try {
            return input.resolve(href);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private AltoParser parser(InputStream stream, Input in) {
        boolean article = "article".equals(granularity);
        boolean blocks = !"page".equals(granularity);
        return new AltoParser(null, stream,
                org.biglam.lam.Location.of(in.uri(), in.entry()), ctx.limits(),
                new AltoParser.Needs(blocks, "line".equals(granularity) || article,
                        "word".equals(granularity) || article, blocks),
                (kind, message, line) -> ctx.warn(kind, in.name() + ": " + message,
                        org.biglam.lam.Location.of(in.uri(), in.entry()).withLine(line, 0)));
    }

    private void prepare(PageEmitter.PageInfo info, AltoParser parser, Input alto, MetsFile image) {
        info.version = parser.version();
        info.unit = parser.unit();
        MetsDocument.Mix mix = doc.mixOf(image);
        double dpi = !Double.isNaN(parser.dpi()) ? parser.dpi()
                : mix != null && !Double.isNaN(mix.dpi) ? mix.dpi : options.resolution();
        info.factor = Images.factor(parser.unit(), dpi);
        if (info.imageUri == null && parser.fileName() != null) {
            info.imageUri = Images.resolve(alto, parser.fileName());
            info.imageMime = Images.mime(parser.fileName());
        }
    }

    // ---------------------------------------------------------------- articles

    private static final class Article {
        final LogDiv div;
        final TextAssembler text;
        final List<ImageRef> images = new ArrayList<>();
        final Set<String> langs = new LinkedHashSet<>();
        boolean started;
        int found;

        Article(LogDiv div, boolean join) {
            this.div = div;
            this.text = new TextAssembler(join);
        }
    }

    private record Ref(Article article, Area area) {
    }

    private void articles() throws IOException {
        List<LogDiv> divs = doc.articles();
        if (divs.isEmpty()) {
            ctx.warn("mets-structure", "the METS document has no logical structure with articles", ctx.location());
            return;
        }
        boolean join = options.hyphenation() == AltoOptions.Hyphenation.JOIN;
        List<Article> articles = new ArrayList<>();
        Map<String, List<Ref>> byFile = new HashMap<>();
        for (LogDiv d : divs) {
            Article a = new Article(d, join);
            a.text.begin(true);
            articles.add(a);
            for (Area area : MetsDocument.areasOf(d)) {
                MetsFile f = doc.files.get(area.fileId());
                if (f != null && MetsDocument.isAlto(f)) {
                    byFile.computeIfAbsent(area.fileId(), k -> new ArrayList<>()).add(new Ref(a, area));
                }
            }
        }
        for (PhysPage p : doc.pages) {
            MetsFile alto = doc.altoOf(p);
            if (alto == null || !byFile.containsKey(alto.id())) {
                continue;
            }
            Optional<Input> in = resolve(alto.href());
            if (in.isEmpty()) {
                continue;
            }
            MetsFile image = doc.imageOf(p);
            PageEmitter.PageInfo info = info(p, image);
            try (InputStream stream = in.get().stream()) {
                AltoParser parser = parser(stream, in.get());
                try {
                    Page page = parser.nextPage();
                    if (page == null) {
                        continue;
                    }
                    prepare(info, parser, in.get(), image);
                    PageEmitter emitter = new PageEmitter(ctx, assembler, parser);
                    PageLayout layout = PageLayout.of(page, parser.readingOrder());
                    Map<String, Object> ids = ids(page);
                    for (Ref ref : byFile.get(alto.id())) {
                        List<List<Span>> paras = extract(page, layout, ids, ref.area());
                        // an area naming an illustration (an ILLUSTRATION division's picture, a map in
                        // an article, a ComposedBlock of a figure with its caption): its whole region
                        Region picture = illustration(emitter, info, page, ids, ref.area());
                        if (paras.isEmpty() && picture == null) {
                            continue;
                        }
                        Article a = ref.article();
                        if (!paras.isEmpty()) {
                            a.found++;
                        }
                        for (List<Span> para : paras) {
                            a.text.paragraph(para);
                            for (Span s : para) {
                                PageEmitter.spanLanguages(page, s, a.langs);
                            }
                        }
                        Region r = picture != null ? picture : union(emitter, info, page, paras);
                        ImageRef img = emitter.image(info, r, page);
                        if (img != null && !a.images.contains(img)) {
                            a.images.add(img);
                        }
                    }
                } finally {
                    parser.close();
                }
            } catch (LamFormatException e) {
                ctx.problem(new LamFormatException("ALTO file " + alto.href() + " of page " + p.id + ": "
                        + e.reason(), e.location().orElse(ctx.location()), e));
            }
        }
        Map<String, List<String>> docLabels = doc.documentLabels();
        for (Article a : articles) {
            String text = a.text.finish();
            LamRecord.Builder b = LamRecord.builder(name + "#article-" + (a.div.id != null ? a.div.id
                    : String.valueOf(index[0] + 1)), "mets").group(name).source(ctx.source(index[0]++, -1, -1));
            b.text(a.found == 0 ? null : text);
            PageEmitter.quality(b, a.text.quality());
            a.images.forEach(b::image);
            Map<String, List<String>> own = a.div.dmdId != null ? doc.dmd.getOrDefault(
                    a.div.dmdId.strip().split("\\s+")[0], Map.of()) : Map.of();
            own.forEach(b::labels);
            if (b.labelValues(Labels.TITLE).isEmpty() && a.div.label != null) {
                b.label(Labels.TITLE, a.div.label);
            }
            if (b.labelValues(Labels.LANGUAGE).isEmpty()) {
                b.labels(Labels.LANGUAGE, a.langs.isEmpty() ? docLabels.getOrDefault(Labels.LANGUAGE, List.of())
                        : a.langs);
            }
            // the description, as its pages carry it, where the article's own has none
            for (Map.Entry<String, List<String>> e : docLabels.entrySet()) {
                String n = e.getKey();
                if (!n.equals(Labels.TITLE) && !n.equals(Labels.LANGUAGE) && !n.equals(Labels.COLLECTION)
                        && b.labelValues(n).isEmpty()) {
                    b.labels(n, e.getValue());
                }
            }
            b.labels(Labels.COLLECTION, publication(docLabels));
            if (a.div.type != null) {
                b.label("mets:type", a.div.type);
            }
            b.label(Labels.PART, a.div.orderLabel);
            if (a.found == 0 && a.images.isEmpty()) {
                ctx.warn("mets-article", "no text found for article " + a.div.id
                        + " (its ALTO files are missing or its areas name no ALTO element)", ctx.location());
            }
            queue.add(b.build());
        }
    }

    /**
     * The publication pages and articles belong to, as their {@code collection}: the MODS host's (or
     * series') title, else the METS document's own title (a newspaper issue's is the newspaper's).
     */
    private static List<String> publication(Map<String, List<String>> docLabels) {
        List<String> host = docLabels.getOrDefault(Labels.COLLECTION, List.of());
        return host.isEmpty() ? docLabels.getOrDefault(Labels.TITLE, List.of()) : host;
    }

    private static Map<String, Object> ids(Page page) {
        Map<String, Object> ids = new HashMap<>();
        for (Block b : page.blocks) {
            if (b.id != null) {
                ids.putIfAbsent(b.id, b);
            }
        }
        for (Line l : page.lines) {
            if (l.id != null) {
                ids.putIfAbsent(l.id, l);
            }
            for (int i = 0; i < l.words.size(); i++) {
                Word w = l.words.get(i);
                if (w.id != null) {
                    ids.putIfAbsent(w.id, new int[] {l.index, i});
                }
            }
        }
        return ids;
    }

    /** The region of an area that names an illustration (Illustration, GraphicalElement, ...); or null. */
    private static Region illustration(PageEmitter emitter, PageEmitter.PageInfo info, Page page,
            Map<String, Object> ids, Area area) {
        if (area.begin() == null || !(ids.get(area.begin()) instanceof Block)) {
            return null;
        }
        Block b = (Block) ids.get(area.begin());
        return b.illustration ? emitter.regionOf(info, b, page) : null;
    }

    /** The spans an area covers, as paragraphs (one per block touched). */
    private List<List<Span>> extract(Page page, PageLayout layout, Map<String, Object> ids, Area area) {
        if (area.begin() == null) {
            return layout.paragraphs;
        }
        Object begin = ids.get(area.begin());
        if (begin == null) {
            ctx.warn("mets-area", "area BEGIN=" + area.begin() + " names no element of " + area.fileId(),
                    ctx.location());
            return List.of();
        }
        Object end = area.end() == null ? begin : ids.get(area.end());
        if (end == null) {
            end = begin;
        }
        int[] from = first(page, begin);
        int[] to = last(page, end);
        if (from == null || to == null) {
            return List.of();
        }
        List<List<Span>> paras = new ArrayList<>();
        Block current = null;
        List<Span> para = null;
        for (int li = from[0]; li <= to[0] && li < page.lines.size(); li++) {
            Line l = page.lines.get(li);
            int a = li == from[0] ? from[1] : 0;
            int z = li == to[0] ? to[1] + 1 : l.words.size();
            while (z < l.words.size() && l.words.get(z).kind == AltoModel.HYP) {
                z++;
            }
            if (a >= z) {
                continue;
            }
            if (para == null || l.block != current) {
                para = new ArrayList<>();
                paras.add(para);
                current = l.block;
            }
            para.add(new Span(l, a, z));
        }
        return paras;
    }

    private static int[] first(Page page, Object o) {
        if (o instanceof int[]) {
            return (int[]) o;
        }
        if (o instanceof Line) {
            return new int[] {((Line) o).index, 0};
        }
        Block b = (Block) o;
        int min = Integer.MAX_VALUE;
        for (Line l : page.lines) {
            if (within(l.block, b)) {
                min = Math.min(min, l.index);
            }
        }
        return min == Integer.MAX_VALUE ? null : new int[] {min, 0};
    }

    private static int[] last(Page page, Object o) {
        if (o instanceof int[]) {
            return (int[]) o;
        }
        if (o instanceof Line) {
            Line l = (Line) o;
            return new int[] {l.index, l.words.size() - 1};
        }
        Block b = (Block) o;
        int max = -1;
        for (Line l : page.lines) {
            if (within(l.block, b)) {
                max = Math.max(max, l.index);
            }
        }
        return max < 0 ? null : new int[] {max, page.lines.get(max).words.size() - 1};
    }

    private static boolean within(Block inner, Block outer) {
        for (Block b = inner; b != null; b = b.parent) {
            if (b == outer) {
                return true;
            }
        }
        return false;
    }

    private static Region union(PageEmitter emitter, PageEmitter.PageInfo info, Page page, List<List<Span>> paras) {
        long x0 = Long.MAX_VALUE;
        long y0 = Long.MAX_VALUE;
        long x1 = -1;
        long y1 = -1;
        for (List<Span> para : paras) {
            for (Span s : para) {
                for (int i = s.from(); i < s.to(); i++) {
                    Word w = s.line().words.get(i);
                    if (w.kind != AltoModel.WORD || w.hpos == null) {
                        continue;
                    }
                    Region r = emitter.regionOf(info, w, page);
                    if (r == null) {
                        continue;
                    }
                    x0 = Math.min(x0, r.x());
                    y0 = Math.min(y0, r.y());
                    x1 = Math.max(x1, r.x() + r.w());
                    y1 = Math.max(y1, r.y() + r.h());
                }
            }
        }
        return x1 < 0 ? null : new Region(x0, y0, x1 - x0, y1 - y0);
    }

    @Override
    public void close() {
        queue.clear();
    }
}
