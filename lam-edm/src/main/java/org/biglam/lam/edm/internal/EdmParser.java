package org.biglam.lam.edm.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.biglam.lam.ImageRef;
import org.biglam.lam.Labels;
import org.biglam.lam.LamLimitExceededException;
import org.biglam.lam.LamRecord;
import org.biglam.lam.Location;
import org.biglam.lam.spi.ImageLinks;
import org.biglam.lam.spi.ReadContext;
import org.biglam.lam.spi.Texts;
import org.biglam.lam.spi.XmlRecordReader;
import org.biglam.lam.spi.vocab.Dates;
import org.biglam.lam.spi.vocab.DublinCore;

/**
 * Reads EDM (RDF/XML) event by event: every {@code rdf:RDF} element under the parser's start (the
 * start itself, or any depth below a wrapper) is gathered as resources and, at its end, mapped to one
 * record per {@code edm:ProvidedCHO}. Memory: one {@code rdf:RDF}, bounded by maxRecordBytes.
 */
public final class EdmParser implements XmlRecordReader.Parser {

    /** RDF's namespace. */
    public static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    /** EDM's namespace. */
    public static final String EDM = "http://www.europeana.eu/schemas/edm/";
    static final String ORE = "http://www.openarchives.org/ore/terms/";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String SVCS = "http://rdfs.org/sioc/services#";
    static final String EBUCORE = "http://www.ebu.ch/metadata/ontologies/ebucore/ebucore#";
    static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    /** One property of a resource: a literal (with its language) or a reference. */
    private static final class Prop {
        final String ns;
        final String local;
        final String lang;
        String resource;
        String value;
        /** Its text read before a resource nested in it, while the parser's buffer serves that resource's properties; or null. */
        String before;

        Prop(String ns, String local, String lang) {
            this.ns = ns;
            this.local = local;
            this.lang = lang;
        }

        /** The literal, else the reference. */
        String value() {
            return value != null ? value : resource;
        }

        /** The reference, cleaned ({@link ImageLinks#clean}); null if none. Made once. */
        String ref() {
            if (ref == null && resource != null) {
                ref = ImageLinks.clean(resource);
            }
            return ref;
        }

        private String ref;
    }

    /** A resource of the graph (a CHO, a proxy, an aggregation, a web resource, an agent, ...). */
    private static final class Res {
        String type;
        /** Its type as one of the kinds the mapping reads ({@link #kind(String)}); set at the graph's end. */
        int kind;
        final String about;
        final List<Prop> props = new ArrayList<>();

        Res(String type, String about) {
            this.type = type;
            this.about = about;
        }

        List<Prop> all(String ns, String local) {
            List<Prop> out = null;
            for (Prop p : props) {
                if (p.local.equals(local) && p.ns.equals(ns)) {
                    if (out == null) {
                        out = new ArrayList<>(1);
                    }
                    out.add(p);
                }
            }
            return out == null ? List.of() : out;
        }

        /** Whether it has a property of this name. */
        boolean has(String ns, String local) {
            for (Prop p : props) {
                if (p.local.equals(local) && p.ns.equals(ns)) {
                    return true;
                }
            }
            return false;
        }

        String first(String ns, String local) {
            for (Prop p : props) {
                if (p.local.equals(local) && p.ns.equals(ns) && p.value() != null) {
                    return p.value();
                }
            }
            return null;
        }
    }

    private final XMLStreamReader r;
    private final ReadContext ctx;
    private final LamRecord envelope;
    private final String name;
    private final boolean enrichments;
    private final Consumer<LamRecord> out;
    private final int maxBytes;

    private int depth;
    private int rdfDepth = -1;
    private long rdfLine;
    private long chars;
    private boolean tooBig;
    private final List<Res> resources = new ArrayList<>();
    private final ArrayDeque<Res> resStack = new ArrayDeque<>();
    private Prop prop;
    /** The text of the open property ({@link #prop}). */
    private char[] text = new char[256];
    private int textLength;
    private char[] scratch = new char[256];
    private int literalDepth = -1;
    /** The parser's own strings for namespaces it gave before, each with the constant it equals. */
    private final IdentityHashMap<String, String> namespaces = new IdentityHashMap<>();
    private int blank;
    /**
     * The depths of the open property elements with {@code rdf:parseType="Resource"} (each holds a
     * blank node's properties directly, so below it nodes and properties change places).
     */
    private int[] resourceProps = new int[8];
    private int resourcePropCount;
    /** The depths and values of the open elements' {@code xml:lang}s (a language holds for what is inside). */
    private int[] langDepths = new int[8];
    private String[] langs = new String[8];
    private int langCount;
    private final EdmLabels labels = new EdmLabels();
    private long index;
    private long graphs;
    private boolean done;

    /**
     * @param r the parser, standing on an element's start: {@code rdf:RDF} or a wrapper of them
     * @param ctx the context
     * @param envelope what an envelope knows of the record, or null for a file
     * @param name the input's name, for records of CHOs without {@code rdf:about}
     * @param enrichments whether to add Europeana's proxy's values as {@code europeana:} labels
     * @param out takes each record
     */
    public EdmParser(XMLStreamReader r, ReadContext ctx, LamRecord envelope, String name, boolean enrichments,
            Consumer<LamRecord> out) {
        this.r = r;
        this.ctx = ctx;
        this.envelope = envelope;
        this.name = name;
        this.enrichments = enrichments;
        this.out = out;
        this.maxBytes = ctx.limits().maxRecordBytes();
        depth = 1;
        if (RDF.equals(r.getNamespaceURI()) && "RDF".equals(r.getLocalName())) {
            startGraph();
        }
    }

    /** Whether the start element has ended. */
    @Override
    public boolean done() {
        return done;
    }

    /** A document without any {@code rdf:RDF} is a warning. */
    @Override
    public void finish(Location at) {
        if (graphs == 0) {
            ctx.warn("edm-rdf", "no rdf:RDF element in the document: no record", at);
        }
    }

    /** How many {@code rdf:RDF} elements were read. */
    public long graphs() {
        return graphs;
    }

    /**
     * Reads events and acts on them until it has handed out a record (or met a graph too large) or
     * the element it started on has ended.
     *
     * @throws XMLStreamException if the XML is not well-formed
     */
    @Override
    public void step() throws XMLStreamException {
        long records = index;
        do {
            event(r.next());
        } while (index == records && !done);
    }

    private void event(int e) {
        switch (e) {
            case XMLStreamConstants.START_ELEMENT:
                depth++;
                if (rdfDepth < 0) {
                    if (RDF.equals(r.getNamespaceURI()) && "RDF".equals(r.getLocalName())) {
                        startGraph();
                    }
                } else if (!tooBig) {
                    start();
                }
                break;
            case XMLStreamConstants.END_ELEMENT:
                if (rdfDepth >= 0) {
                    if (depth == rdfDepth) {
                        endGraph();
                    } else if (!tooBig) {
                        end();
                    }
                }
                depth--;
                if (depth == 0) {
                    done = true;
                }
                break;
            case XMLStreamConstants.CHARACTERS:
            case XMLStreamConstants.CDATA:
            case XMLStreamConstants.SPACE:
                if (rdfDepth >= 0 && prop != null && !tooBig) {
                    int n = r.getTextLength();
                    chars += n;
                    if (chars > maxBytes) {
                        tooBig = true;
                    } else {
                        if (textLength + n > text.length) {
                            text = java.util.Arrays.copyOf(text, Math.max(text.length * 2, textLength + n));
                        }
                        System.arraycopy(r.getTextCharacters(), r.getTextStart(), text, textLength, n);
                        textLength += n;
                    }
                }
                break;
            case XMLStreamConstants.END_DOCUMENT:
                done = true;
                break;
            default:
                break;
        }
    }

    private long line() {
        javax.xml.stream.Location l = r.getLocation();
        return l == null ? -1 : l.getLineNumber();
    }

    /**
     * A namespace as the constant it equals, when it is one the mapping reads ({@link EdmNames}), so
     * that it compares by identity; else itself ("" for none). The parser gives the same string for
     * a namespace again and again, so each of its strings is looked up once (a few per document).
     */
    private String ns(String ns) {
        if (ns == null) {
            return "";
        }
        String c = namespaces.get(ns);
        if (c == null) {
            if (namespaces.size() > 256) {
                namespaces.clear();
            }
            c = EdmNames.namespace(ns);
            namespaces.put(ns, c);
        }
        return c;
    }

    /** The attributes the mapping reads, of the current start tag, in one pass ({@link EdmNames}). */
    private final String[] attrs = new String[EdmNames.ATTRIBUTES];

    private void readAttributes() {
        java.util.Arrays.fill(attrs, null);
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            int c = EdmNames.attribute(r.getAttributeLocalName(i));
            if (c < 0 || attrs[c] != null) {
                continue;
            }
            String ans = ns(r.getAttributeNamespace(i));
            if (ans == (c == EdmNames.LANG ? XML_NS : RDF)) {
                attrs[c] = r.getAttributeValue(i);
            }
        }
    }

    private void startGraph() {
        rdfDepth = depth;
        rdfLine = line();
        chars = 0;
        tooBig = false;
        resources.clear();
        resStack.clear();
        prop = null;
        textLength = 0;
        literalDepth = -1;
        resourcePropCount = 0;
        langCount = 0;
        String lang = r.getAttributeValue(XML_NS, "lang");
        if (lang != null) {
            pushLang(lang);
        }
    }

    private void pushLang(String lang) {
        if (langCount == langDepths.length) {
            langDepths = java.util.Arrays.copyOf(langDepths, langCount * 2);
            langs = java.util.Arrays.copyOf(langs, langCount * 2);
        }
        langDepths[langCount] = depth;
        langs[langCount++] = lang;
    }

    /** Whether the element at the current depth is a node element (else a property element). */
    private boolean nodeElement() {
        return (depth - rdfDepth + resourcePropCount) % 2 == 1;
    }

    private void start() {
        if (literalDepth >= 0) {
            return;
        }
        String ns = ns(r.getNamespaceURI());
        String local = r.getLocalName();
        readAttributes();
        if (attrs[EdmNames.LANG] != null) {
            pushLang(attrs[EdmNames.LANG]);
        }
        if (nodeElement()) {
            String about = attrs[EdmNames.ABOUT];
            if (about == null && attrs[EdmNames.ID] != null) {
                // rdf:ID="x" names the same resource as rdf:about="#x" (and rdf:resource="#x")
                about = "#" + attrs[EdmNames.ID];
            }
            if (about == null) {
                String node = attrs[EdmNames.NODE_ID];
                about = "_:" + (node != null ? node : "b" + (++blank));
            }
            about = ImageLinks.clean(about);
            if (about == null) {
                about = "_:b" + (++blank);
            }
            Res res = new Res(ns + local, about);
            if (prop != null) {
                prop.resource = about;
                if (textLength > 0) {
                    String t = new String(text, 0, textLength);
                    prop.before = prop.before == null ? t : prop.before + t;
                    textLength = 0;
                }
            }
            resources.add(res);
            resStack.push(res);
            chars += 64;
            prop = null;
        } else {
            Res owner = resStack.peek();
            if (owner == null) {
                return;
            }
            Prop p = new Prop(ns, local, langCount > 0 ? langs[langCount - 1] : null);
            String res = attrs[EdmNames.RESOURCE];
            if (res == null && attrs[EdmNames.NODE_ID] != null) {
                // a reference to a blank node described elsewhere in the graph
                res = "_:" + attrs[EdmNames.NODE_ID];
            }
            if (res != null) {
                p.resource = res;
                chars += res.length();
            }
            owner.props.add(p);
            prop = p;
            chars += 32;
            if ("Resource".equals(attrs[EdmNames.PARSE_TYPE])) {
                // the property's value is a blank node whose properties are its children
                Res node = new Res(RDF + "Description", "_:b" + (++blank));
                p.resource = node.about;
                resources.add(node);
                resStack.push(node);
                if (resourcePropCount == resourceProps.length) {
                    resourceProps = java.util.Arrays.copyOf(resourceProps, resourcePropCount * 2);
                }
                resourceProps[resourcePropCount++] = depth;
                prop = null;
                chars += 64;
            }
            if ("Literal".equals(attrs[EdmNames.PARSE_TYPE])) {
                literalDepth = depth;
            }
        }
        if (chars > maxBytes) {
            tooBig = true;
        }
    }

    private void end() {
        if (literalDepth >= 0 && depth > literalDepth) {
            return;
        }
        literalDepth = -1;
        if (langCount > 0 && langDepths[langCount - 1] == depth) {
            langCount--;
        }
        if (resourcePropCount > 0 && resourceProps[resourcePropCount - 1] == depth) {
            // the end of a property with rdf:parseType="Resource": its blank node ends with it
            resourcePropCount--;
            resStack.poll();
            prop = null;
            textLength = 0;
            return;
        }
        if (nodeElement()) {
            resStack.poll();
            // back in the property that held the nested resource, if any
            Res owner = resStack.peek();
            prop = owner == null || owner.props.isEmpty() ? null : owner.props.get(owner.props.size() - 1);
        } else if (prop != null) {
            String v;
            if (prop.before != null) {
                String t = prop.before + new String(text, 0, textLength);
                v = clean(t.toCharArray(), t.length());
                prop.before = null;
            } else {
                v = clean(text, textLength);
            }
            textLength = 0;
            if (text.length > 1 << 16) {
                text = new char[256];
                scratch = new char[256];
            }
            prop.value = v;
            Res owner = resStack.peek();
            if (owner != null && prop.ns.equals(RDF) && prop.local.equals("type") && prop.resource != null
                    && owner.type.equals(RDF + "Description")) {
                owner.type = prop.resource.strip();
            }
            prop = null;
        }
    }

    /** Runs of white space to one space, stripped; null when nothing is left. */
    private String clean(char[] in, int len) {
        if (Texts.isCollapsed(in, 0, len, false)) {
            return new String(in, 0, len);
        }
        if (scratch.length < len) {
            scratch = new char[Math.max(len, scratch.length * 2)];
        }
        char[] out = scratch;
        int n = 0;
        boolean space = false;
        for (int i = 0; i < len; i++) {
            char c = in[i];
            if (c > ' ' && c < 0x7f || !Character.isWhitespace(c)) {
                if (space) {
                    out[n++] = ' ';
                    space = false;
                }
                out[n++] = c;
            } else {
                space = n > 0;
            }
        }
        return n == 0 ? null : new String(out, 0, n);
    }

    private void endGraph() {
        rdfDepth = -1;
        long g = graphs++;
        if (tooBig) {
            long i = index++;
            ctx.problem(new LamLimitExceededException("EDM graph " + (g + 1) + " is larger than maxRecordBytes ("
                    + maxBytes + " bytes)", graphAt().withIndex(i)));
            resources.clear();
            return;
        }
        Map<String, Res> byAbout = new HashMap<>();
        List<Res> chos = new ArrayList<>(1);
        for (Res res : resources) {
            byAbout.putIfAbsent(res.about, res);
            res.kind = kind(res.type);
            if (res.kind == CHO) {
                chos.add(res);
            }
        }
        if (chos.isEmpty()) {
            ctx.warn("edm-cho", "an rdf:RDF without edm:ProvidedCHO gives no record", graphAt());
        }
        for (Res cho : chos) {
            record(cho, byAbout, chos.size() == 1);
        }
        resources.clear();
    }

    private static final int OTHER = 0;
    private static final int CHO = 1;
    private static final int PROXY = 2;
    private static final int AGGREGATION = 3;
    private static final int WEB_RESOURCE = 4;
    private static final int EUROPEANA_AGGREGATION = 5;

    /** The kind of resource a type names. */
    private static int kind(String type) {
        switch (type) {
            case EDM + "ProvidedCHO":
                return CHO;
            case ORE + "Proxy":
                return PROXY;
            case ORE + "Aggregation":
                return AGGREGATION;
            case EDM + "WebResource":
                return WEB_RESOURCE;
            case EDM + "EuropeanaAggregation":
                return EUROPEANA_AGGREGATION;
            default:
                return OTHER;
        }
    }

    private List<Res> ofType(int kind) {
        List<Res> out = new ArrayList<>(1);
        for (Res res : resources) {
            if (res.kind == kind) {
                out.add(res);
            }
        }
        return out;
    }

    private static boolean refers(Res res, String ns, String local, String about) {
        for (Prop p : res.props) {
            if (p.resource != null && p.local.equals(local) && p.ns.equals(ns)
                    && about.equals(p.ref())) {
                return true;
            }
        }
        return false;
    }

    /** A reference's label: a contextual entity's preferred label (English first) or name, else itself. */
    private static String label(Prop p, Map<String, Res> byAbout) {
        if (p.value != null) {
            return p.value;
        }
        if (p.resource == null) {
            return null;
        }
        String ref = p.ref();
        if (ref == null) {
            return null;
        }
        Res entity = byAbout.get(ref);
        if (entity != null) {
            String best = null;
            for (Prop l : entity.props) {
                boolean name = l.ns.equals(SKOS) && l.local.equals("prefLabel") || l.ns.equals(FOAF)
                        && l.local.equals("name");
                if (name && l.value != null) {
                    if (l.lang != null && (l.lang.equalsIgnoreCase("en") || l.lang.regionMatches(true, 0, "en-", 0, 3))) {
                        return l.value;
                    }
                    if (best == null) {
                        best = l.value;
                    }
                }
            }
            if (best != null) {
                return best;
            }
            // a time span without a label: its begin and end (1645/1655, ISO 8601's interval)
            String begin = entity.first(EDM, "begin");
            String end = entity.first(EDM, "end");
            if (begin != null || end != null) {
                return begin == null ? "../" + end : end == null || end.equals(begin) ? begin : begin + "/" + end;
            }
        }
        // a blank node's made-up name means nothing outside the file
        return ref.startsWith("_:") ? null : ref;
    }

    /** The graph's location, made only for a problem or a warning. */
    private Location graphAt() {
        return ctx.location().withLine(rdfLine, 0);
    }

    private void record(Res cho, Map<String, Res> byAbout, boolean only) {
        long i = index++;
        String id = cho.about.startsWith("_:") ? (envelope != null ? envelope.id() : name) + "#" + (i + 1) : cho.about;
        if (envelope != null && i == 0) {
            id = envelope.id();
        }
        LamRecord.Builder b = envelope != null ? envelope.toBuilder().format("edm").id(id) : LamRecord.builder(id, "edm");
        if (envelope == null) {
            b.source(ctx.source(i, -1, rdfLine));
            b.group(id);
        }
        Res provider = null;
        Res europeana = null;
        for (Res p : ofType(PROXY)) {
            if (!refers(p, ORE, "proxyFor", cho.about) && !(only && !p.has(ORE, "proxyFor"))) {
                continue;
            }
            if ("true".equalsIgnoreCase(p.first(EDM, "europeanaProxy"))) {
                europeana = p;
            } else if (provider == null) {
                provider = p;
            }
        }
        List<Res> sources = new ArrayList<>(2);
        sources.add(cho);
        if (provider != null) {
            sources.add(provider);
            b.label("edm:profile", "internal");
        } else {
            b.label("edm:profile", "external");
        }
        List<String> descriptions = new ArrayList<>(1);
        boolean damaged = false;
        for (Res src : sources) {
            for (Prop p : src.props) {
                String v = label(p, byAbout);
                if (v == null) {
                    continue;
                }
                damaged |= p.value != null && damaged(v) && !v.contains("://");
                String prefix = DublinCore.prefix(p.ns);
                if (prefix != null) {
                    DublinCore.add(b, p.ns, p.local, v);
                    if (p.lang != null && p.value != null && !p.lang.isBlank()) {
                        b.label(labels.tagged(DublinCore.label(p.ns, p.local), p.lang.strip()), v);
                    }
                    if (p.local.equals("description") || p.local.equals("abstract")) {
                        if (!descriptions.contains(v)) {
                            descriptions.add(v);
                        }
                    }
                } else if (p.ns.equals(EDM)) {
                    switch (p.local) {
                        case "type":
                            b.label(Labels.TYPE, v);
                            b.label("edm:type", v);
                            break;
                        case "year":
                            String d = Dates.normalise(v);
                            if (d != null) {
                                b.label(Labels.DATE, d);
                            }
                            b.label("edm:year", v);
                            break;
                        case "europeanaProxy":
                            break;
                        default:
                            b.label(labels.edm(p.local), v);
                            break;
                    }
                }
            }
        }
        // the provider's aggregation(s): rights, providers, links
        List<Res> aggregations = new ArrayList<>(1);
        for (Res a : ofType(AGGREGATION)) {
            if (refers(a, EDM, "aggregatedCHO", cho.about) || only && !a.has(EDM, "aggregatedCHO")
                    || provider != null && refers(provider, ORE, "proxyIn", a.about)) {
                aggregations.add(a);
            }
        }
        List<String> links = new ArrayList<>(2);
        List<String> landingPages = new ArrayList<>(1);
        for (Res a : aggregations) {
            for (Prop p : a.props) {
                if (!p.ns.equals(EDM)) {
                    continue;
                }
                String v = label(p, byAbout);
                if (v == null) {
                    continue;
                }
                switch (p.local) {
                    case "rights":
                        b.label(Labels.RIGHTS, v);
                        b.label("edm:rights", v);
                        break;
                    case "dataProvider":
                    case "provider":
                    case "intermediateProvider":
                        b.label(Labels.COLLECTION, v);
                        b.label(labels.edm(p.local), v);
                        break;
                    case "isShownAt":
                        String page = ImageLinks.clean(v);
                        b.label("edm:isShownAt", page);
                        if (page != null) {
                            landingPages.add(page);
                        }
                        break;
                    default:
                        break;
                }
            }
            for (String prop : new String[] {"isShownBy", "hasView", "object"}) {
                for (Prop p : a.all(EDM, prop)) {
                    String u = ImageLinks.clean(p.value());
                    if (u != null && !links.contains(u)) {
                        links.add(u);
                    }
                }
            }
        }
        if (only) {
            for (Res w : ofType(WEB_RESOURCE)) {
                // the landing page's web resource (Europeana describes it too) is no view of the object
                if (!links.contains(w.about) && !w.about.startsWith("_:") && !landingPages.contains(w.about)) {
                    links.add(w.about);
                }
            }
        }
        List<String> imageRights = new ArrayList<>(0);
        for (String u : links) {
            Res w = byAbout.get(u);
            if (ImageLinks.isManifest(u)) {
                b.label("iiif:manifest", u);
                continue;
            }
            ImageRef img = ImageLinks.image(ctx.input(), u);
            if (img == null) {
                continue;
            }
            if (w != null && w.kind == WEB_RESOURCE) {
                ImageRef.Builder ib = img.toBuilder();
                String svc = w.first(SVCS, "has_service");
                if (svc != null) {
                    ib.service(ImageLinks.clean(svc));
                }
                String mime = w.first(EBUCORE, "hasMimeType");
                if (mime != null && svc == null && img.service().isEmpty() && !imageMime(mime)) {
                    // a web page, a PDF, a sound or a video: the object's media, not an image
                    b.label("edm:media", u);
                    continue;
                }
                if (mime != null) {
                    ib.mime(mime);
                }
                long wd = number(w.first(EBUCORE, "width"));
                long ht = number(w.first(EBUCORE, "height"));
                if (wd > 0 && ht > 0) {
                    ib.size(wd, ht);
                }
                img = ib.build();
                String rights = w.first(EDM, "rights");
                if (rights != null) {
                    imageRights.add(img.uri() + " " + ImageLinks.clean(rights));
                }
            }
            b.image(img);
        }
        b.labels("edm:imageRights", imageRights);
        if (enrichments && europeana != null) {
            for (Prop p : europeana.props) {
                String v = label(p, byAbout);
                String prefix = DublinCore.prefix(p.ns);
                if (v == null || prefix == null && !p.ns.equals(EDM) || p.local.equals("europeanaProxy")) {
                    continue;
                }
                b.label("europeana:" + (prefix != null ? prefix : "edm") + ":" + p.local, v);
            }
            for (Res ea : ofType(EUROPEANA_AGGREGATION)) {
                for (Prop p : ea.props) {
                    String v = p.value();
                    if (v != null && p.ns.equals(EDM) && !p.local.equals("aggregatedCHO")) {
                        b.label("europeana:edm:" + p.local, ImageLinks.clean(v));
                    }
                }
            }
        }
        if (!descriptions.isEmpty()) {
            b.text(String.join("\n\n", descriptions));
        }
        if (damaged) {
            ctx.warn("edm-damaged-text", "values with runs of '?' where letters were (text destroyed upstream, "
                    + "not repaired)", graphAt().withIndex(i).withRecordId(id));
        }
        out.accept(b.build());
    }

    /** Whether a media type may be an image's ({@code image/...}, or an unnamed {@code application/octet-stream}). */
    private static boolean imageMime(String mime) {
        String m = mime.strip().toLowerCase(java.util.Locale.ROOT);
        return m.isEmpty() || m.startsWith("image/") || m.startsWith("application/octet-stream");
    }

    private static long number(String s) {
        if (s == null) {
            return -1;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Text destroyed upstream: a '?' between letters ({@code M?nchen}), or three or more in a row. */
    static boolean damaged(String v) {
        if (v.indexOf('?') < 0) {
            return false;
        }
        int run = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '?') {
                run++;
                if (run >= 3) {
                    return true;
                }
                if (i > 0 && Character.isLetter(v.charAt(i - 1)) && i + 1 < v.length()
                        && Character.isLetter(v.charAt(i + 1))) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }
}
